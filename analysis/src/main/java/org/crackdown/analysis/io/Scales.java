package org.crackdown.analysis.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scale of runs (the share of China a run simulates, scenario key {@code scale}). A run's
 * counts are that share of national figures, so a scale-1 run and a scale-0.05 run of the same
 * scenario are not replicates of one another: pooled, their mean and spread mean nothing (issue
 * 14 met a mean of 13,160 with a CI from -85,915 to 102,467 that way). The analysis therefore
 * never pools them: {@link #separate} splits such a strategy into one group per scale, named
 * after it, and says so. Separating rather than refusing keeps both groups analysable in one
 * report; the user sees the groups and the note. A sweep that varies {@code scale} is left alone:
 * there it is a design coordinate, and comparisons stay within a design point.
 */
public final class Scales {

    /** What a run of unknown scale is called (input written before runs carried their scale). */
    public static final String UNKNOWN = "unknown";

    private Scales() {
    }

    /** A scale as people write it: 0.05, 1, 0.005; "unknown" for NaN. */
    public static String text(double scale) {
        if (Double.isNaN(scale)) {
            return UNKNOWN;
        }
        return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
    }

    /** The name of one scale group of a strategy: {@code double-police (scale 0.05)}. */
    public static String groupName(String strategy, String scaleText) {
        return strategy + " (scale " + scaleText + ")";
    }

    /**
     * Splits every strategy whose runs simulated different scales into one strategy per scale,
     * named by {@link #groupName}; strategies at one scale keep their name. Returns {@code e}
     * itself when nothing is split.
     */
    public static Experiment separate(Experiment e) {
        if (e.parameters().stream().anyMatch(p -> p.name().equals("scale"))) {
            // A sweep that varies the scale has it as a design coordinate: runs are compared within a
            // design point, where every strategy has one scale.
            return e;
        }
        Map<String, Set<String>> byStrategy = new LinkedHashMap<>();
        for (Run r : e.runs()) {
            byStrategy.computeIfAbsent(r.strategy(), k -> new LinkedHashSet<>()).add(text(r.scale()));
        }
        List<String> split = new ArrayList<>();
        byStrategy.forEach((s, scales) -> {
            if (scales.size() > 1) {
                split.add("'" + s + "' (" + String.join(", ", scales) + ")");
            }
        });
        if (split.isEmpty()) {
            return e;
        }
        List<Run> runs = new ArrayList<>(e.runs().size());
        for (Run r : e.runs()) {
            runs.add(byStrategy.get(r.strategy()).size() > 1 ? r.withStrategy(groupName(r.strategy(), text(r.scale())))
                    : r);
        }
        return e.withRuns(runs, "Runs of one strategy at different scales were not pooled: " + String.join("; ", split)
                + " each became one group per scale, named '<strategy> (scale S)'. Counts at scale S are S times "
                + "national figures, so compare groups of the same scale only (choose the baseline with --baseline).");
    }

    /**
     * Words saying what scale counts are at: "scale 0.05: counts are 5% of China's" for one scale,
     * the scale of each strategy when they differ.
     */
    public static String inWords(Experiment e) {
        List<String> all = e.scales();
        if (all.size() == 1) {
            String s = all.get(0);
            return s.equals(UNKNOWN) ? "scale not stated in the input (counts may be a fraction of China's)"
                    : "scale " + s + ": counts are " + percent(s) + " of China's";
        }
        List<String> parts = new ArrayList<>();
        for (String st : e.strategies()) {
            parts.add(st + " " + String.join("/", e.scalesOf(st)));
        }
        return "several scales (" + String.join("; ", parts) + "): counts are that share of China's";
    }

    private static String percent(String scaleText) {
        return new BigDecimal(scaleText).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
