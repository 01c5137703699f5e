package org.crackdown.analysis.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.crackdown.analysis.AnalysisInputException;

/** Reads flows.csv files (run_id, origin, destination, victim_type, count), summing victim types. */
public final class FlowsReader {

    private final Set<String> runIds;
    private final Map<String, Map<Flows.Route, Double>> byRun = new LinkedHashMap<>();

    public FlowsReader(Set<String> runIds) {
        this.runIds = runIds;
    }

    public void read(Path file, Descriptor.Resource resource) throws AnalysisInputException {
        read(file, resource, null);
    }

    /** Reads a run folder's file, filing every row under {@code runId}. */
    public void read(Path file, Descriptor.Resource resource, String runId) throws AnalysisInputException {
        CsvSource csv = CsvSource.open(file, resource);
        csv.requireColumns("run_id", "origin", "destination", "count");
        csv.forEach(row -> {
            String run = runId != null ? runId : row.required("run_id");
            if (!runIds.contains(run)) {
                return;
            }
            double n = row.number("count");
            if (Double.isNaN(n)) {
                return;
            }
            if (n < 0) {
                throw new AnalysisInputException(file + " line " + row.line() + ", column 'count': negative (" + n + ")");
            }
            Flows.Route route = new Flows.Route(row.required("origin"), row.required("destination"));
            byRun.computeIfAbsent(run, r -> new TreeMap<>()).merge(route, n, Double::sum);
        });
    }

    public Flows result() {
        return byRun.isEmpty() ? null : new Flows(byRun);
    }
}
