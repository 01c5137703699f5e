package org.crackdown.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.crackdown.model.Metrics;

/** Writes flows.csv: who was moved from where to where over the measure window. */
public final class FlowsWriter {

    private FlowsWriter() {
    }

    public static void write(Path dir, String runId, long seed, List<Metrics.Flow> flows) throws IOException {
        String s = Long.toString(seed);
        try (CsvFile csv = new CsvFile(dir, Table.FLOWS)) {
            for (Metrics.Flow f : flows) {
                csv.row(List.of(runId, s, f.origin(), f.destination(), f.type().label(), Long.toString(f.count())));
            }
        }
    }
}
