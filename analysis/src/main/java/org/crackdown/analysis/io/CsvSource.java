package org.crackdown.analysis.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.analysis.AnalysisInputException;

/**
 * Reads one described CSV row by row, checking its header against the descriptor and turning
 * bad cells into errors that name the file, line and column. Rows are streamed, not kept, so a
 * sweep's large timeseries.csv need not fit in memory.
 */
public final class CsvSource {

    /** One data row; line numbers count the header as line 1. */
    public final class Row {
        private final CSVRecord record;
        private final long line;

        Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        public long line() {
            return line;
        }

        public String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column " + column);
            }
            return i < record.size() ? record.get(i) : "";
        }

        /** The cell as a number; empty is missing (NaN). */
        public double number(String column) throws AnalysisInputException {
            String t = text(column).trim();
            if (t.isEmpty()) {
                return Double.NaN;
            }
            try {
                double v = Double.parseDouble(t);
                if (Double.isInfinite(v) || (Double.isNaN(v) && !t.equalsIgnoreCase("nan"))) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new AnalysisInputException(file + " line " + line + ", column '" + column
                        + "': expected a number (or empty for missing), got '" + t + "'");
            }
        }

        public String required(String column) throws AnalysisInputException {
            String t = text(column).trim();
            if (t.isEmpty()) {
                throw new AnalysisInputException(file + " line " + line + ", column '" + column + "': empty");
            }
            return t;
        }
    }

    /** Receives rows; may throw input errors. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(CsvSource.Row row) throws AnalysisInputException;
    }

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvSource(Path file, List<String> header) {
        this.file = file;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    /**
     * Opens the file and checks that its header has exactly the columns the descriptor lists
     * (in any order), so a stale or hand-edited descriptor is caught before any number is used.
     */
    public static CsvSource open(Path file, Descriptor.Resource resource) throws AnalysisInputException {
        if (!Files.isRegularFile(file)) {
            throw new AnalysisInputException(file + ": missing");
        }
        List<String> header = readHeader(file);
        CsvSource src = new CsvSource(file, header);
        if (src.index.size() != header.size()) {
            throw new AnalysisInputException(file + " line 1: a column name appears twice");
        }
        if (resource != null) {
            for (String h : header) {
                if (resource.field(h).isEmpty()) {
                    throw new AnalysisInputException(file + " line 1: column '" + h + "' is not described in "
                            + Descriptor.FILE + " (resource '" + resource.name() + "')");
                }
            }
            for (Field f : resource.fields()) {
                if (!src.has(f.name())) {
                    throw new AnalysisInputException(file + " line 1: column '" + f.name() + "' described in "
                            + Descriptor.FILE + " is missing");
                }
            }
        }
        return src;
    }

    /** Fails naming the first of the given columns the file lacks. */
    public void requireColumns(String... columns) throws AnalysisInputException {
        for (String c : columns) {
            if (!has(c)) {
                throw new AnalysisInputException(file + " line 1: required column '" + c + "' is missing (has: "
                        + String.join(", ", header) + ")");
            }
        }
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    }

    private static List<String> readHeader(Path file) throws AnalysisInputException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format()).get()) {
            List<String> h = new ArrayList<>(p.getHeaderNames());
            if (h.isEmpty()) {
                throw new AnalysisInputException(file + ": empty file (no header line)");
            }
            if (!h.isEmpty() && h.get(0).startsWith("\uFEFF")) {
                h.set(0, h.get(0).substring(1));
            }
            return h;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new AnalysisInputException(file + ": cannot read the header (" + Descriptor.firstLine(e.getMessage()) + ")");
        }
    }

    /** Streams every data row to the handler. */
    public void forEach(RowHandler handler) throws AnalysisInputException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format()).get()) {
            for (CSVRecord rec : p) {
                // The header is line 1; cells never span lines in crackdown output.
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != header.size()) {
                    throw new AnalysisInputException(file + " line " + line + ": " + rec.size() + " cells, but the header has "
                            + header.size() + " columns");
                }
                handler.accept(new Row(rec, line));
            }
        } catch (IOException e) {
            throw new AnalysisInputException(file + ": cannot read (" + Descriptor.firstLine(e.getMessage()) + ")");
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new AnalysisInputException(file + ": not valid CSV (" + Descriptor.firstLine(e.getMessage()) + ")");
        }
    }
}
