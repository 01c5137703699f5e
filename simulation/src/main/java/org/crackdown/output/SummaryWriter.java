package org.crackdown.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Scenario;

/** Writes summary.csv: the one-row result of a run over its measure window. */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    public static void write(Path dir, String runId, long seed, Scenario scenario, Map<String, Double> summary)
            throws IOException {
        List<String> cells = new ArrayList<>(List.of(runId, Long.toString(seed), scenario.name(),
                scenario.measureFrom().toString(), scenario.measureTo().toString(),
                CsvNumbers.format(scenario.parameters().getScale())));
        for (Map.Entry<String, Double> e : summary.entrySet()) {
            cells.add(CsvNumbers.format(e.getValue()));
        }
        int first = Table.SUMMARY.header().indexOf(Table.SCALE.name()) + 1;
        List<String> expected = Table.SUMMARY.header().subList(first, Table.SUMMARY.header().size());
        if (!expected.equals(new ArrayList<>(summary.keySet()))) {
            throw new IllegalStateException("summary columns " + summary.keySet() + " differ from " + expected);
        }
        try (CsvFile csv = new CsvFile(dir, Table.SUMMARY)) {
            csv.row(cells);
        }
    }
}
