package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Run;
import org.crackdown.analysis.stats.Holm;
import org.crackdown.analysis.stats.PairedComparison;
import org.crackdown.analysis.stats.Replications;
import org.crackdown.analysis.stats.Sample;
import org.crackdown.analysis.stats.Sensitivity;

/** Computes the four result tables from an experiment. */
public final class Comparisons {

    private Comparisons() {
    }

    public static Results compute(Experiment raw, AnalysisRequest req) throws AnalysisInputException {
        if (!(req.precision() > 0) || Double.isInfinite(req.precision())) {
            throw new AnalysisInputException("--precision " + req.precision()
                    + ": must be a positive fraction of the baseline mean, e.g. 0.05 for ±5%");
        }
        Map<String, Double> costs = Costs.check(req.costs());
        Experiment e = Measures.derive(raw);
        List<String> strategies = e.strategies();
        String baseline = req.baseline() == null ? strategies.get(0) : req.baseline();
        if (!strategies.contains(baseline)) {
            throw new AnalysisInputException("--baseline " + baseline + ": no such strategy; strategies: "
                    + String.join(", ", strategies));
        }
        List<String> costNotes = new ArrayList<>();
        e = Costs.derive(e, baseline, costs, costNotes);
        if (e.runs().stream().noneMatch(Run::ok)) {
            throw new AnalysisInputException(e.inputs().get(0) + ": every run failed; nothing to analyse");
        }
        List<Field> metrics = Measures.select(e, req.metrics());
        Field rankBy = req.rankBy() != null ? Measures.require(e, req.rankBy(), "--rank-by")
                : e.measure(Measures.RESCUES).orElse(metrics.get(0));
        Design design = Design.of(e);
        List<String> notes = new ArrayList<>(e.notes());
        notes.addAll(scaleWarnings(e, baseline));
        notes.addAll(costNotes);

        List<SummaryRow> summaries = summaries(e, design);
        // The Holm family is exactly the compared measures × strategies (× points): adding
        // comparisons nobody asked for would cost power on those that were.
        List<DifferenceRow> diffs = differences(e, design, baseline, metrics, req.precision());
        List<RankRow> ranks = rankings(e, design, baseline, rankBy, req.lowerIsBetter(), diffs);
        List<SensitivityRow> sens = sensitivity(e, design, baseline, metrics, notes);
        long failed = e.runs().stream().filter(r -> !r.ok()).count();
        if (failed > 0) {
            notes.add(failed + " of " + e.runs().size() + " runs failed and are left out of every statistic.");
        }
        Robustness.Result robust = Robustness.compute(e, design, baseline, metrics, rankBy, req.lowerIsBetter());
        notes.addAll(robust.notes());
        return new Results(e, design, baseline, metrics, rankBy, req.lowerIsBetter(), req.precision(), summaries,
                diffs, ranks, sens, notes, costs, robust);
    }

    /** Differences from a baseline simulated at another scale compare counts of different sizes: say so. */
    static List<String> scaleWarnings(Experiment e, String baseline) {
        List<String> base = e.scalesOf(baseline);
        List<String> out = new ArrayList<>();
        for (String s : e.strategies()) {
            List<String> own = e.scalesOf(s);
            if (!s.equals(baseline) && !own.equals(base)) {
                out.add("'" + s + "' was simulated at scale " + String.join("/", own) + " and the baseline '" + baseline
                        + "' at scale " + String.join("/", base) + ": their differences mix the effect of the strategy "
                        + "with that of the scale (counts are that share of China's).");
            }
        }
        return out;
    }

    static List<SummaryRow> summaries(Experiment e, Design design) {
        List<String> groups = new ArrayList<>(e.points());
        if (design.sampled()) {
            groups.add(Design.ALL);
        }
        List<SummaryRow> out = new ArrayList<>();
        for (String g : groups) {
            for (String s : e.strategies()) {
                List<Run> runs = e.runs().stream().filter(r -> r.strategy().equals(s) && design.inGroup(g, r.pointId()))
                        .toList();
                if (runs.isEmpty()) {
                    continue;
                }
                int failed = (int) runs.stream().filter(r -> !r.ok()).count();
                for (int m = 0; m < e.measures().size(); m++) {
                    int mi = m;
                    double[] v = runs.stream().filter(Run::ok).mapToDouble(r -> r.value(mi)).toArray();
                    int missing = (int) java.util.Arrays.stream(v).filter(Double::isNaN).count();
                    out.add(new SummaryRow(g, s, e.measures().get(m), runs.size(), failed, missing, Sample.of(v)));
                }
            }
        }
        return out;
    }

    static List<DifferenceRow> differences(Experiment e, Design design, String baseline, List<Field> measures,
            double precision) {
        List<DifferenceRow> rows = new ArrayList<>();
        for (String g : design.comparisonGroups(e)) {
            Map<String, Run> base = byPair(e, baseline, g, design);
            for (String s : e.strategies()) {
                if (s.equals(baseline)) {
                    continue;
                }
                Map<String, Run> other = byPair(e, s, g, design);
                if (other.isEmpty() && base.isEmpty()) {
                    continue;
                }
                List<String> keys = base.keySet().stream().filter(other::containsKey).toList();
                int unpaired = base.size() + other.size() - 2 * keys.size();
                for (Field f : measures) {
                    int m = e.measureIndex(f.name());
                    double[] b = keys.stream().mapToDouble(k -> base.get(k).value(m)).toArray();
                    double[] x = keys.stream().mapToDouble(k -> other.get(k).value(m)).toArray();
                    PairedComparison c = PairedComparison.of(b, x);
                    double need = Replications.needed(c.difference().sd(), precision * Math.abs(c.baselineMean()));
                    rows.add(new DifferenceRow(g, s, baseline, f, c, unpaired, Double.NaN, need));
                }
            }
        }
        double[] p = rows.stream().mapToDouble(r -> r.comparison().p()).toArray();
        double[] adj = Holm.adjust(p);
        List<DifferenceRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            DifferenceRow r = rows.get(i);
            out.add(new DifferenceRow(r.pointId(), r.strategy(), r.baseline(), r.measure(), r.comparison(), r.unpaired(),
                    adj[i], r.replicationsNeeded()));
        }
        return out;
    }

    /** Successful runs of a strategy in a group, keyed by what pairs them: point and replicate. */
    private static Map<String, Run> byPair(Experiment e, String strategy, String group, Design design) {
        Map<String, Run> m = new LinkedHashMap<>();
        for (Run r : e.runs()) {
            if (r.ok() && r.strategy().equals(strategy) && design.inGroup(group, r.pointId())) {
                m.put(r.pointId() + "\u0000" + r.replicate(), r);
            }
        }
        return m;
    }

    static List<RankRow> rankings(Experiment e, Design design, String baseline, Field rankBy, boolean lowerIsBetter,
            List<DifferenceRow> diffs) {
        List<RankRow> out = new ArrayList<>();
        List<Field> criteria = new ArrayList<>();
        criteria.add(rankBy);
        for (String c : Costs.CRITERIA) {
            e.measure(c).filter(f -> !f.equals(rankBy)).ifPresent(criteria::add);
        }
        Map<String, DifferenceRow> diffIndex = new HashMap<>();
        diffs.forEach(d -> diffIndex.put(d.pointId() + "\u0000" + d.strategy() + "\u0000" + d.measure().name(), d));
        List<String> strategies = e.strategies();
        for (String g : design.comparisonGroups(e)) {
            for (Field c : criteria) {
                boolean lower = c.equals(rankBy) && lowerIsBetter;
                int m = e.measureIndex(c.name());
                List<Map.Entry<String, Sample>> entries = new ArrayList<>();
                for (String s : strategies) {
                    double[] v = e.runs().stream()
                            .filter(r -> r.ok() && r.strategy().equals(s) && design.inGroup(g, r.pointId()))
                            .mapToDouble(r -> r.value(m)).toArray();
                    if (v.length > 0) {
                        entries.add(Map.entry(s, Sample.of(v)));
                    }
                }
                Comparator<Map.Entry<String, Sample>> byMean = Comparator.comparingDouble(
                        en -> Double.isNaN(en.getValue().mean()) ? Double.POSITIVE_INFINITY
                                : (lower ? 1 : -1) * en.getValue().mean());
                entries.sort(byMean.thenComparingInt(en -> strategies.indexOf(en.getKey())));
                int rank = 0;
                for (Map.Entry<String, Sample> en : entries) {
                    rank++;
                    out.add(new RankRow(g, c, lower, rank, en.getKey(), en.getValue(),
                            diffIndex.get(g + "\u0000" + en.getKey() + "\u0000" + c.name())));
                }
            }
        }
        return out;
    }

    /** The strategy label of the rows that describe a strategy's effect rather than its level. */
    public static String effectLabel(String strategy, String baseline) {
        return strategy + " minus " + baseline + " (relative)";
    }

    /**
     * Sensitivity over the design points of a sampled design: for each strategy and measure, the
     * PRCC and SRC of the point's mean with each varied parameter (what moves the measure); then,
     * for each strategy but the baseline, the same of its relative effect, (strategy mean -
     * baseline mean) / |baseline mean| at the same point (what decides how much the strategy moves
     * it: e.g. how much double police cuts the trade rests on patrols' stopping power,
     * docs/calibration.md), labelled {@link #effectLabel}. Relative, so that parameters that only
     * scale the whole trade do not show as moving the effect; points where the baseline mean is 0
     * are left out. Each point's means are worked out in one pass over the runs.
     */
    static List<SensitivityRow> sensitivity(Experiment e, Design design, String baseline, List<Field> metrics,
            List<String> notes) {
        List<SensitivityRow> out = new ArrayList<>();
        List<Field> params = design.numericVaried();
        if (!design.sampled() || params.isEmpty()) {
            return out;
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String point : e.points()) {
            double[] x = pointValues(e, point, params);
            if (x != null) {
                values.put(point, x);
            }
        }
        Map<Field, Map<String, Map<String, Double>>> means = new HashMap<>();
        for (Field f : metrics) {
            means.put(f, pointMeans(e, f));
        }
        for (String s : e.strategies()) {
            for (Field f : metrics) {
                Map<String, Double> own = means.get(f).getOrDefault(s, Map.of());
                out.addAll(rows(s, f, params, values, point -> own.getOrDefault(point, Double.NaN), notes,
                        f.name() + " under " + s));
            }
        }
        for (String s : e.strategies()) {
            if (s.equals(baseline)) {
                continue;
            }
            for (Field f : metrics) {
                Map<String, Double> own = means.get(f).getOrDefault(s, Map.of());
                Map<String, Double> base = means.get(f).getOrDefault(baseline, Map.of());
                out.addAll(rows(effectLabel(s, baseline), f, params, values, point -> {
                    double b = base.getOrDefault(point, Double.NaN);
                    return (own.getOrDefault(point, Double.NaN) - b) / Math.abs(b);
                }, notes, s + "'s effect on " + f.name()));
            }
        }
        return out;
    }

    /**
     * PRCC and SRC of y(point) with each parameter over the points with their values and a finite
     * y, as rows labelled {@code label}; none (and a note) with too few points.
     */
    private static List<SensitivityRow> rows(String label, Field f, List<Field> params, Map<String, double[]> values,
            java.util.function.ToDoubleFunction<String> y, List<String> notes, String what) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Map.Entry<String, double[]> p : values.entrySet()) {
            double v = y.applyAsDouble(p.getKey());
            if (Double.isFinite(v)) {
                xs.add(p.getValue());
                ys.add(v);
            }
        }
        if (!Sensitivity.enoughPoints(ys.size(), params.size())) {
            notes.add("Sensitivity of " + what + " not computed: " + ys.size() + " usable design points, at least "
                    + (params.size() + 3) + " needed for " + params.size() + " parameters.");
            return List.of();
        }
        // Draws from a posterior repeat its particles (with few effective ones, 20 draws may hold
        // 7 parameter sets): repeated points add no information about the parameters, only ties,
        // and a regression on fewer distinct sets than parameters + 3 fits noise exactly.
        long distinct = xs.stream().map(java.util.Arrays::toString).distinct().count();
        if (!Sensitivity.enoughPoints((int) distinct, params.size())) {
            notes.add("Sensitivity of " + what + " not computed: the " + ys.size() + " design points hold only "
                    + distinct + " distinct parameter sets (posterior draws repeat particles), at least "
                    + (params.size() + 3) + " needed for " + params.size() + " parameters.");
            return List.of();
        }
        Sensitivity.Result r = Sensitivity.compute(xs.toArray(new double[0][]),
                ys.stream().mapToDouble(Double::doubleValue).toArray());
        List<SensitivityRow> out = new ArrayList<>();
        for (int j = 0; j < params.size(); j++) {
            out.add(new SensitivityRow(label, f, params.get(j), r.n(), r.coefficients().get(j), r.rSquared()));
        }
        return out;
    }

    /** Per strategy and design point, the mean of a measure over its completed runs (NaN values left out). */
    private static Map<String, Map<String, Double>> pointMeans(Experiment e, Field f) {
        int m = e.measureIndex(f.name());
        Map<String, Map<String, List<Double>>> v = new LinkedHashMap<>();
        for (Run r : e.runs()) {
            if (r.ok()) {
                v.computeIfAbsent(r.strategy(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.pointId(), k -> new ArrayList<>()).add(r.value(m));
            }
        }
        Map<String, Map<String, Double>> out = new HashMap<>();
        v.forEach((s, points) -> points.forEach((point, xs) -> out.computeIfAbsent(s, k -> new HashMap<>())
                .put(point, Sample.of(xs.stream().mapToDouble(Double::doubleValue).toArray()).mean())));
        return out;
    }

    /** The varied parameters' values at a design point, or null if one is missing. */
    private static double[] pointValues(Experiment e, String point, List<Field> params) {
        double[] x = new double[params.size()];
        for (int j = 0; j < x.length; j++) {
            String t = e.pointParameters().get(point).get(params.get(j).name());
            if (t == null || t.isEmpty()) {
                return null;
            }
            x[j] = Double.parseDouble(t);
        }
        return x;
    }
}
