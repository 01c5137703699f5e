package org.crackdown.sweep;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Metrics;
import org.crackdown.output.CsvNumbers;

/**
 * One sweep run's timeseries rows, written month by month to its part file as the model closes
 * each month; {@link SweepAssembly} joins the parts into timeseries.csv.
 */
final class TimeseriesPart implements Metrics.MonthListener, Closeable {

    /** Writing the part failed: the machinery's fault, not the run's. */
    static final class WriteFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private final BufferedWriter w;
    private final List<String> key;
    private final List<String> provinceCodes;

    TimeseriesPart(Path file, SweepRun run, List<String> provinceCodes) throws IOException {
        this.provinceCodes = provinceCodes;
        this.w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.key = RunsTable.keyCells(run);
    }

    @Override
    public void onMonth(YearMonth month, double[][] values) {
        String date = month.atDay(1).toString();
        try {
            for (int p = 0; p < values.length; p++) {
                List<String> cells = new ArrayList<>(key.size() + 2 + values[p].length);
                cells.addAll(key);
                cells.add(date);
                cells.add(provinceCodes.get(p));
                for (double v : values[p]) {
                    cells.add(CsvNumbers.format(v));
                }
                w.write(RunsTable.line(cells));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new WriteFailure(e);
        } catch (UncheckedIOException e) {
            throw new WriteFailure(e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        w.close();
    }

    void closeQuietly() {
        try {
            w.close();
        } catch (IOException e) {
            // the part is deleted anyway
        }
    }
}
