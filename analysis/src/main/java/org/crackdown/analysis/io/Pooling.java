package org.crackdown.analysis.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.crackdown.analysis.AnalysisInputException;

/**
 * Whether run folders of one scenario name may be pooled into one strategy. Run folders are
 * grouped by scenario name, so two runs named "baseline" are taken as replicates of one
 * strategy; if one of them was run with {@code --set police.budget=2}, pooling them averages two
 * different strategies and the CI means nothing. The analysis therefore compares the resolved
 * scenarios the runs recorded (run.json) and refuses, naming each key that differs with its
 * values and folders, unless the user says the difference is meant to be pooled over
 * ({@code --pool-by KEY}). Scale has its own rule ({@link Scales}: one group per scale, since
 * counts at two scales are not comparable at all), and the seed, name and description are not
 * model inputs that make runs different strategies.
 */
final class Pooling {

    /** Keys of the resolved scenario that do not make two runs different strategies. */
    static final Set<String> NOT_COMPARED = Set.of("name", "description", "seed", "scale");
    /** How many folders a message names for one value before it counts the rest. */
    private static final int FOLDERS_NAMED = 3;

    private Pooling() {
    }

    /**
     * Checks every strategy of {@code e} (after {@link Scales#separate}).
     *
     * @param resolved the flattened resolved scenario of each run id that has a run.json
     * @param folders  the folder of each run id, for the message
     * @param poolBy   keys the user allows to differ within a strategy
     * @return {@code e}, with a note for each strategy pooled over a difference
     * @throws AnalysisInputException if runs of one strategy differ in a key not in {@code poolBy}
     */
    static Experiment check(Experiment e, Map<String, Map<String, String>> resolved, Map<String, Path> folders,
            Collection<String> poolBy) throws AnalysisInputException {
        List<String> refused = new ArrayList<>();
        List<String> pooled = new ArrayList<>();
        Set<String> poolByUsed = new TreeSet<>();
        Set<String> refusedKeys = new TreeSet<>();
        for (String strategy : e.strategies()) {
            List<Run> runs = e.runs().stream().filter(r -> r.strategy().equals(strategy)
                    && resolved.containsKey(r.runId())).toList();
            Map<String, Map<String, List<String>>> differing = differing(runs, resolved, folders);
            List<String> bad = new ArrayList<>();
            List<String> allowed = new ArrayList<>();
            differing.forEach((key, byValue) -> {
                String line = key + ": " + values(byValue);
                if (poolBy.contains(key)) {
                    allowed.add(line);
                    poolByUsed.add(key);
                } else {
                    bad.add(line);
                    refusedKeys.add(key);
                }
            });
            if (!bad.isEmpty()) {
                refused.add("runs of scenario '" + strategy + "' differ in " + String.join("; ", bad));
            }
            if (!allowed.isEmpty()) {
                pooled.add("Runs of scenario '" + strategy + "' differ in " + String.join("; ", allowed)
                        + ", and were pooled into one strategy as --pool-by asked.");
            }
        }
        if (!refused.isEmpty()) {
            throw new AnalysisInputException("cannot pool these run folders: " + String.join("; and ", refused)
                    + ". Runs with one scenario name are taken as replicates of one strategy, and these are not "
                    + "(their resolved scenarios in run.json differ). Give each variant its own name "
                    + "(--set name=...), or, if the difference is meant to be averaged over, pool anyway with "
                    + "--pool-by " + String.join(",", refusedKeys));
        }
        Experiment out = e;
        for (String note : pooled) {
            out = out.withRuns(out.runs(), note);
        }
        Set<String> unused = new TreeSet<>(poolBy);
        unused.removeAll(poolByUsed);
        if (!unused.isEmpty()) {
            out = out.withRuns(out.runs(), "--pool-by " + String.join(",", unused) + ": no strategy's runs differ in "
                    + (unused.size() == 1 ? "that key" : "those keys") + ", so nothing was pooled over "
                    + (unused.size() == 1 ? "it" : "them") + " (check the spelling against run.json's scenario).");
        }
        return out;
    }

    /** For each key whose value is not the same in all {@code runs}: each value with the folders holding it. */
    private static Map<String, Map<String, List<String>>> differing(List<Run> runs,
            Map<String, Map<String, String>> resolved, Map<String, Path> folders) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(r -> keys.addAll(resolved.get(r.runId()).keySet()));
        keys.removeAll(NOT_COMPARED);
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (String k : keys) {
            Map<String, List<String>> byValue = new LinkedHashMap<>();
            for (Run r : runs) {
                String v = resolved.get(r.runId()).getOrDefault(k, "(not set)");
                Path f = folders.get(r.runId());
                byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(f == null ? r.runId() : f.getFileName().toString());
            }
            if (byValue.size() > 1) {
                out.put(k, byValue);
            }
        }
        return out;
    }

    /** {@code 1 (baseline-11, baseline-12), 2 (baseline-13)}. */
    private static String values(Map<String, List<String>> byValue) {
        List<String> parts = new ArrayList<>();
        byValue.forEach((v, fs) -> {
            List<String> named = fs.subList(0, Math.min(FOLDERS_NAMED, fs.size()));
            parts.add(v + " (" + String.join(", ", named)
                    + (fs.size() > FOLDERS_NAMED ? " and " + (fs.size() - FOLDERS_NAMED) + " more" : "") + ")");
        });
        return String.join(", ", parts);
    }
}
