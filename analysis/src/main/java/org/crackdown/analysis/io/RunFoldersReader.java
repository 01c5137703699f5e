package org.crackdown.analysis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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

/**
 * Reads several run folders (from {@code crackdown run}) as one experiment: each scenario name is
 * a strategy and each seed a replicate, so runs of different scenarios with the same seed are
 * paired (common random numbers). There is one design point.
 */
public final class RunFoldersReader {

    public static final String SUMMARY = FolderFiles.SUMMARY;
    static final String RUN_JSON = FolderFiles.RUN_JSON;
    /** The single design point of a set of run folders. */
    public static final String POINT = "1";

    private RunFoldersReader() {
    }

    public static boolean isRunFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(SUMMARY));
    }

    public static Experiment read(List<Path> dirs) throws AnalysisInputException {
        return read(dirs, List.of());
    }

    /**
     * @param poolBy resolved scenario keys runs of one scenario name may differ in and still be
     *               pooled into one strategy ({@link Pooling}); any other difference is refused
     */
    public static Experiment read(List<Path> dirs, Collection<String> poolBy) throws AnalysisInputException {
        List<Field> measures = null;
        Path firstDir = null;
        List<Run> runs = new ArrayList<>();
        List<Map<String, String>> records = new ArrayList<>();
        Map<String, Path> cellFolder = new HashMap<>();
        Set<String> usedIds = new LinkedHashSet<>();
        Map<String, Path> runFolder = new LinkedHashMap<>();
        Map<String, Descriptor> descriptors = new HashMap<>();
        Map<String, Map<String, String>> resolved = new HashMap<>();
        String from = null;
        String to = null;
        for (Path dir : dirs) {
            Descriptor desc = Descriptor.read(dir);
            Descriptor.Resource res = desc.require(SUMMARY);
            List<Field> ms = res.withRole(Role.MEASURE);
            SweepFolderReader.requireNumeric(desc, SUMMARY, ms);
            if (measures == null) {
                measures = ms;
                firstDir = dir;
            } else if (!sameNames(measures, ms)) {
                throw new AnalysisInputException(dir.resolve(SUMMARY) + ": its measures differ from those of "
                        + firstDir.resolve(SUMMARY) + " (runs from different crackdown versions cannot be compared)");
            }
            CsvSource csv = CsvSource.open(dir.resolve(SUMMARY), res);
            csv.requireColumns("run_id", "seed", "scenario");
            List<Field> measuresNow = measures;
            List<CsvSource.Row> rows = new ArrayList<>();
            double[][] values = new double[1][];
            String[] ids = new String[3];
            String[] window = new String[2];
            double[] scale = {Double.NaN};
            csv.forEach(row -> {
                if (!rows.isEmpty()) {
                    throw new AnalysisInputException(csv.file() + " line " + row.line()
                            + ": a run folder's summary has one row");
                }
                rows.add(row);
                ids[0] = row.required("run_id");
                ids[1] = row.required("seed");
                ids[2] = row.required("scenario");
                window[0] = csv.has("measure_from") ? row.text("measure_from").trim() : null;
                window[1] = csv.has("measure_to") ? row.text("measure_to").trim() : null;
                if (csv.has(SweepFolderReader.SCALE) && !row.text(SweepFolderReader.SCALE).isBlank()) {
                    scale[0] = row.number(SweepFolderReader.SCALE);
                }
                double[] v = new double[measuresNow.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = row.number(measuresNow.get(i).name());
                }
                values[0] = v;
            });
            if (rows.isEmpty()) {
                throw new AnalysisInputException(csv.file() + ": no data row");
            }
            String strategy = ids[2];
            String seed = ids[1];
            if (Double.isNaN(scale[0])) {
                scale[0] = runJsonScale(dir);
            }
            Path other = cellFolder.putIfAbsent(strategy + "\u0000" + seed + "\u0000" + scale[0], dir);
            if (other != null) {
                throw new AnalysisInputException(dir + " and " + other + " are both scenario '" + strategy + "' with seed "
                        + seed + " at scale " + Scales.text(scale[0]) + "; each seed of a scenario may be given once");
            }
            String runId = ids[0];
            for (int k = 2; !usedIds.add(runId); k++) {
                runId = ids[0] + "#" + k;
            }
            if (from == null) {
                from = blankToNull(window[0]);
                to = blankToNull(window[1]);
            }
            runs.add(new Run(runId, POINT, strategy, seed, seed, true, "", Map.of(), values[0], scale[0]));
            runFolder.put(runId, dir);
            descriptors.put(runId, desc);
            records.add(record(dir, runId, strategy, seed));
            Map<String, String> scenario = resolvedScenario(dir);
            if (scenario != null) {
                resolved.put(runId, scenario);
            }
        }
        Set<String> okRuns = runFolder.keySet();
        TimeSeriesReader tr = new TimeSeriesReader(okRuns, from, to);
        FlowsReader fr = new FlowsReader(okRuns);
        boolean allSeries = true;
        boolean allFlows = true;
        for (Map.Entry<String, Path> e : runFolder.entrySet()) {
            Path dir = e.getValue();
            Descriptor desc = descriptors.get(e.getKey());
            if (Files.isRegularFile(dir.resolve(SweepFolderReader.TIMESERIES)) && allSeries) {
                tr.read(dir.resolve(SweepFolderReader.TIMESERIES), desc.require(SweepFolderReader.TIMESERIES), e.getKey());
            } else {
                allSeries = false;
            }
            if (Files.isRegularFile(dir.resolve(SweepFolderReader.FLOWS)) && allFlows) {
                fr.read(dir.resolve(SweepFolderReader.FLOWS), desc.require(SweepFolderReader.FLOWS), e.getKey());
            } else {
                allFlows = false;
            }
        }
        String name = dirs.size() == 1 ? dirs.get(0).toAbsolutePath().normalize().getFileName().toString()
                : runs.size() + " runs of " + String.join(", ", new LinkedHashSet<>(runs.stream().map(Run::strategy).toList()));
        Experiment e = Scales.separate(new Experiment(Experiment.Source.RUN_FOLDERS, dirs, name, List.of(), measures,
                runs, null, common(records), records, allSeries ? tr.result() : null, allFlows ? fr.result() : null, from,
                to));
        return Pooling.check(e, resolved, runFolder, poolBy);
    }

    /** The scenario run.json says the run resolved (flattened to dotted keys), or null without one. */
    private static Map<String, String> resolvedScenario(Path dir) throws AnalysisInputException {
        Path runJson = dir.resolve(RUN_JSON);
        if (!Files.isRegularFile(runJson)) {
            return null;
        }
        JsonNode s = Provenance.readJson(runJson).get("scenario");
        return s == null || !s.isObject() ? null : Provenance.flattenWhole(s);
    }

    /** The scale in run.json's resolved scenario, for summary.csv written before it had a scale column. */
    private static double runJsonScale(Path dir) throws AnalysisInputException {
        Path runJson = dir.resolve(RUN_JSON);
        if (!Files.isRegularFile(runJson)) {
            return Double.NaN;
        }
        String t = Provenance.text(Provenance.readJson(runJson), "scenario.scale");
        try {
            return t == null ? Double.NaN : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static boolean sameNames(List<Field> a, List<Field> b) {
        return a.stream().map(Field::name).toList().equals(b.stream().map(Field::name).toList());
    }

    private static Map<String, String> record(Path dir, String runId, String scenario, String seed)
            throws AnalysisInputException {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("folder", dir.toString());
        r.put("run_id", runId);
        r.put("scenario", scenario);
        r.put("seed", seed);
        Path runJson = dir.resolve(RUN_JSON);
        if (Files.isRegularFile(runJson)) {
            JsonNode j = Provenance.readJson(runJson);
            for (String k : new String[] {"scenario_file", "code_version", "git_commit", "host", "started",
                    "wall_clock_seconds"}) {
                String t = Provenance.text(j, k);
                r.put(k, t == null ? "" : t);
            }
            String desc = Provenance.text(j, "scenario.description");
            r.put("description", desc == null ? "" : desc);
            JsonNode ov = j.get("overrides");
            List<String> parts = new ArrayList<>();
            if (ov != null && ov.isArray()) {
                ov.forEach(o -> parts.add(o.asText()));
            }
            r.put("overrides", String.join("; ", parts));
        }
        return r;
    }

    /** Facts shared by the runs, for the report's provenance table; differing values are listed. */
    private static Map<String, String> common(List<Map<String, String>> records) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("input", records.size() + " run folders");
        for (String k : new String[] {"scenario", "seed", "scenario_file", "code_version", "git_commit", "host"}) {
            LinkedHashSet<String> vals = new LinkedHashSet<>();
            records.forEach(r -> {
                String v = r.get(k);
                if (v != null && !v.isEmpty()) {
                    vals.add(v);
                }
            });
            if (!vals.isEmpty()) {
                out.put(k.equals("scenario") ? "scenarios (strategies)" : k.equals("seed") ? "seeds (replicates)" : k,
                        String.join(", ", vals));
            }
        }
        return out;
    }
}
