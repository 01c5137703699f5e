package org.crackdown.analysis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.format.FolderFiles;
import org.crackdown.format.Role;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a sweep folder: runs.csv, datapackage.json, sweep.json and the optional timeseries.csv and flows.csv. */
public final class SweepFolderReader {

    public static final String RUNS = FolderFiles.RUNS;
    public static final String SWEEP_JSON = FolderFiles.SWEEP_JSON;
    static final String TIMESERIES = FolderFiles.TIMESERIES;
    static final String FLOWS = FolderFiles.FLOWS;

    private SweepFolderReader() {
    }

    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(RUNS));
    }

    public static Experiment read(Path dir) throws AnalysisInputException {
        Descriptor desc = Descriptor.read(dir);
        Descriptor.Resource res = desc.require(RUNS);
        Path file = dir.resolve(RUNS);
        CsvSource csv = CsvSource.open(file, res);
        csv.requireColumns("run_id", "point_id", "strategy", "replicate", "status");
        List<Field> parameters = res.withRole(Role.PARAMETER);
        List<Field> measures = res.withRole(Role.MEASURE);
        requireNumeric(desc, RUNS, measures);
        if (measures.isEmpty()) {
            throw new AnalysisInputException(desc.file() + ": resource '" + RUNS + "' has no column with role 'measure'");
        }
        List<Run> runs = new ArrayList<>();
        double baseScale = baseScale(dir.resolve(SWEEP_JSON));
        Map<String, Long> runIdLine = new HashMap<>();
        Map<String, Long> cellLine = new HashMap<>();
        csv.forEach(row -> {
            String runId = row.required("run_id");
            Long prev = runIdLine.putIfAbsent(runId, row.line());
            if (prev != null) {
                throw new AnalysisInputException(file + " line " + row.line() + ": run_id '" + runId
                        + "' already used on line " + prev);
            }
            String point = row.required("point_id");
            String strategy = row.required("strategy");
            String replicate = row.required("replicate");
            String key = point + "\u0000" + strategy + "\u0000" + replicate;
            Long other = cellLine.putIfAbsent(key, row.line());
            if (other != null) {
                throw new AnalysisInputException(file + " line " + row.line() + ": point_id " + point + ", strategy '"
                        + strategy + "', replicate " + replicate + " already appears on line " + other
                        + " (each replicate of a strategy at a design point must be one run)");
            }
            boolean ok = isOk(row.text("status"));
            Map<String, String> params = new LinkedHashMap<>();
            for (Field p : parameters) {
                String v = row.text(p.name()).trim();
                if (p.numeric() && !v.isEmpty()) {
                    row.number(p.name());
                }
                params.put(p.name(), v);
            }
            double[] values = new double[measures.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ok ? row.number(measures.get(i).name()) : Double.NaN;
            }
            double scale = csv.has(SCALE) && !row.text(SCALE).isBlank() ? row.number(SCALE) : baseScale;
            runs.add(new Run(runId, point, strategy, replicate, csv.has("seed") ? row.text("seed") : "", ok,
                    csv.has("error") ? row.text("error") : "", params, values, scale));
        });
        if (runs.isEmpty()) {
            throw new AnalysisInputException(file + ": no runs (only a header)");
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        String designKind = null;
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        String from = null;
        String to = null;
        Path sweepJson = dir.resolve(SWEEP_JSON);
        if (Files.isRegularFile(sweepJson)) {
            JsonNode sweep = Provenance.readJson(sweepJson);
            provenance.putAll(Provenance.flatten(sweep));
            designKind = Provenance.designKind(sweep);
            if (sweep.hasNonNull("name")) {
                name = sweep.get("name").asText();
            }
            from = firstText(sweep, "measure.from", "measure_from", "base_scenario.measure.from", "scenario.measure.from",
                    "base.measure.from");
            to = firstText(sweep, "measure.to", "measure_to", "base_scenario.measure.to", "scenario.measure.to",
                    "base.measure.to");
        }
        Set<String> okRuns = new LinkedHashSet<>();
        runs.stream().filter(Run::ok).forEach(r -> okRuns.add(r.runId()));
        TimeSeries ts = null;
        if (Files.isRegularFile(dir.resolve(TIMESERIES))) {
            TimeSeriesReader tr = new TimeSeriesReader(okRuns, from, to);
            tr.read(dir.resolve(TIMESERIES), desc.require(TIMESERIES));
            ts = tr.result();
        }
        Flows flows = null;
        if (Files.isRegularFile(dir.resolve(FLOWS))) {
            FlowsReader fr = new FlowsReader(okRuns);
            fr.read(dir.resolve(FLOWS), desc.require(FLOWS));
            flows = fr.result();
        }
        return Scales.separate(new Experiment(Experiment.Source.SWEEP, List.of(dir), name, parameters, measures, runs,
                designKind, provenance, List.of(), ts, flows, from, to));
    }

    /** The column (or varied parameter) saying a run's scale. */
    static final String SCALE = "scale";

    /** The base scenario's scale from sweep.json, for runs.csv written before it had a scale column. */
    private static double baseScale(Path sweepJson) throws AnalysisInputException {
        if (!Files.isRegularFile(sweepJson)) {
            return Double.NaN;
        }
        String t = Provenance.text(Provenance.readJson(sweepJson), "base_scenario.scale");
        try {
            return t == null ? Double.NaN : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static void requireNumeric(Descriptor desc, String path, List<Field> measures) throws AnalysisInputException {
        for (Field m : measures) {
            if (!m.numeric()) {
                throw new AnalysisInputException(desc.file() + ": measure '" + m.name() + "' of " + path + " has type '"
                        + m.type() + "'; measures must have type integer or number");
            }
        }
    }

    private static String firstText(JsonNode root, String... paths) {
        for (String p : paths) {
            String t = Provenance.text(root, p);
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return null;
    }

    /** Statuses that mean the run finished and its measures can be used. */
    static boolean isOk(String status) {
        String s = status.trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("ok") || s.equals("completed") || s.equals("complete") || s.equals("success")
                || s.equals("succeeded") || s.equals("done");
    }
}
