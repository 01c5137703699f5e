package org.crackdown.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One CSV table being written: UTF-8 without BOM, {@code \n} line endings on every platform,
 * quoting only where a value needs it, header taken from the {@link Table}.
 */
final class CsvFile implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final Table table;
    private final CSVPrinter printer;

    CsvFile(Path dir, Table table) throws IOException {
        this.table = table;
        BufferedWriter w = Files.newBufferedWriter(dir.resolve(table.fileName()), StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(w, FORMAT);
        printer.printRecord(table.header());
    }

    /** Writes one row; the cells must be in header order and already formatted. */
    void row(List<String> cells) {
        if (cells.size() != table.fields().size()) {
            throw new IllegalStateException(table.fileName() + ": row has " + cells.size()
                    + " cells, header has " + table.fields().size());
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            // Rows are written from a Metrics listener, which cannot throw checked exceptions.
            throw new UncheckedIOException("cannot write " + table.fileName() + ": " + e.getMessage(), e);
        }
    }

    /** Pushes written rows to the file, so a month's rows are on disk when the month ends. */
    void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table.fileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
