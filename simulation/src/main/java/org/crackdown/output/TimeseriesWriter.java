package org.crackdown.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Metrics;

/**
 * Writes timeseries.csv as the model closes each month, so a run of any length holds only one
 * month in memory: one row per province, in the network's order.
 */
public final class TimeseriesWriter implements Metrics.MonthListener, Closeable {

    private final CsvFile csv;
    private final String runId;
    private final String seed;
    private final List<String> provinceCodes;

    public TimeseriesWriter(Path dir, String runId, long seed, List<String> provinceCodes) throws IOException {
        this.csv = new CsvFile(dir, Table.TIMESERIES);
        this.runId = runId;
        this.seed = Long.toString(seed);
        this.provinceCodes = List.copyOf(provinceCodes);
    }

    @Override
    public void onMonth(YearMonth month, double[][] values) {
        if (values.length != provinceCodes.size()) {
            throw new IllegalStateException("month " + month + " has " + values.length + " provinces, expected "
                    + provinceCodes.size());
        }
        String date = month.atDay(1).toString();
        for (int p = 0; p < values.length; p++) {
            List<String> cells = new ArrayList<>(4 + values[p].length);
            cells.add(runId);
            cells.add(seed);
            cells.add(date);
            cells.add(provinceCodes.get(p));
            for (double v : values[p]) {
                cells.add(CsvNumbers.format(v));
            }
            csv.row(cells);
        }
        // On disk at each month end: a long run can be inspected (or tailed) while it goes.
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
