package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Run;
import org.crackdown.analysis.report.Format;
import org.crackdown.analysis.stats.Prim;
import org.crackdown.analysis.stats.VarianceComponents;

/**
 * Robust comparison of strategies over parameter uncertainty (issue 11 part 3), for designs whose
 * points are draws from what is believed about the parameters: a sweep over posterior draws, or
 * a sampled design (Latin hypercube, Sobol: draws from the box of the ranges).
 *
 * <p>For each strategy and measure, the difference from the baseline is split into the part the
 * parameters make (between draws) and the luck of a run (within draws); the share of draws in
 * which the strategy does better than the baseline; and its regret: at each draw, how much worse
 * it does than the best strategy at that draw. Then PRIM finds the region of parameter space
 * where a strategy fails to beat the baseline on the ranking measure.
 */
public final class Robustness {

    /** Measures where fewer is better even when not the ranking measure (the rest: more is better). */
    static final Set<String> FEWER_IS_BETTER = Set.of("victims_trafficked", "cost_yuan");
    /** PRIM needs enough draws for a 5% peel to mean something. */
    public static final int MIN_PRIM_DRAWS = 20;
    /** Below this many draws a box found by PRIM is called a hint (a 5% peel is one or two draws). */
    static final int FEW_DRAWS = 100;

    /**
     * One strategy on one measure over the draws.
     *
     * @param difference strategy minus baseline, split into components (null for the baseline itself)
     * @param shareBetter share of draws whose mean difference is in the better direction
     * @param regretMean mean over draws of (best strategy at the draw minus this one), ≥ 0
     * @param regretP90  its 90th percentile
     * @param regretMax  its maximum (minimax regret, Savage 1951)
     * @param regretDraws draws where every strategy has a value (the regret's denominator)
     */
    public record Row(String strategy, Field measure, boolean lowerIsBetter, VarianceComponents difference,
                      double shareBetter, double regretMean, double regretP90, double regretMax, int regretDraws) {
    }

    /** Where a strategy fails to beat the baseline, found by PRIM over the draws' parameters. */
    public record Discovery(String strategy, Field measure, boolean lowerIsBetter, List<Field> inputs,
                           Prim.Result prim, double[][] x, double[] y, double[] drawDifference, String sentence) {
    }

    /** @param unit "posterior draws" or "design points", for text */
    public record Result(String unit, List<Row> rows, List<Discovery> discoveries, List<String> notes) {
        public static final Result NONE = new Result("", List.of(), List.of(), List.of());

        public boolean present() {
            return !rows.isEmpty();
        }
    }

    private Robustness() {
    }

    public static boolean lowerIsBetter(Field f, Field rankBy, boolean rankLowerIsBetter) {
        return f.equals(rankBy) ? rankLowerIsBetter : FEWER_IS_BETTER.contains(f.name());
    }

    public static Result compute(Experiment e, Design design, String baseline, List<Field> metrics, Field rankBy,
            boolean rankLowerIsBetter) {
        List<String> points = e.points();
        if (!design.draws() || points.size() < 2 || e.strategies().size() < 2) {
            return Result.NONE;
        }
        String unit = design.posterior() ? "posterior draws" : "design points";
        List<String> notes = new ArrayList<>();
        // runs by strategy, point, replicate
        Map<String, Run> index = new HashMap<>();
        for (Run r : e.runs()) {
            if (r.ok()) {
                index.put(r.strategy() + "\u0000" + r.pointId() + "\u0000" + r.replicate(), r);
            }
        }
        List<String> replicates = e.runs().stream().map(Run::replicate).distinct().toList();
        List<Field> measures = new ArrayList<>(metrics);
        if (!measures.contains(rankBy)) {
            measures.add(0, rankBy);
        }
        List<Row> rows = new ArrayList<>();
        List<Discovery> discoveries = new ArrayList<>();
        for (Field f : measures) {
            int m = e.measureIndex(f.name());
            boolean lower = lowerIsBetter(f, rankBy, rankLowerIsBetter);
            double[][] regrets = regrets(e, points, replicates, index, m, lower);
            for (int s = 0; s < e.strategies().size(); s++) {
                String st = e.strategies().get(s);
                double[] reg = regrets[s];
                VarianceComponents vc = null;
                double shareBetter = Double.NaN;
                if (!st.equals(baseline)) {
                    List<double[]> byDraw = new ArrayList<>();
                    for (String p : points) {
                        double[] d = new double[replicates.size()];
                        for (int k = 0; k < d.length; k++) {
                            Run a = index.get(st + "\u0000" + p + "\u0000" + replicates.get(k));
                            Run b = index.get(baseline + "\u0000" + p + "\u0000" + replicates.get(k));
                            d[k] = a == null || b == null ? Double.NaN : a.value(m) - b.value(m);
                        }
                        byDraw.add(d);
                    }
                    vc = VarianceComponents.of(byDraw);
                    shareBetter = shareBetter(vc.drawMeans(), lower);
                    if (f.equals(rankBy)) {
                        Discovery d = discover(e, design, st, f, lower, vc.drawMeans(), notes, unit);
                        if (d != null) {
                            discoveries.add(d);
                        }
                    }
                }
                rows.add(new Row(st, f, lower, vc, shareBetter, mean(reg), quantile(reg, 0.9), max(reg), reg.length));
            }
        }
        if (replicates.size() < 2) {
            notes.add("One replicate per draw: parameter uncertainty (between " + unit + ") and the randomness of a run "
                    + "(within) cannot be told apart; run at least two replicates.");
        }
        return new Result(unit, rows, discoveries, notes);
    }

    /** Per strategy (experiment order), the regret at each draw where every strategy has a mean. */
    private static double[][] regrets(Experiment e, List<String> points, List<String> replicates, Map<String, Run> index,
            int m, boolean lower) {
        List<String> strategies = e.strategies();
        List<double[]> perDraw = new ArrayList<>();
        for (String p : points) {
            double[] means = new double[strategies.size()];
            boolean complete = true;
            for (int s = 0; s < strategies.size() && complete; s++) {
                double sum = 0;
                int n = 0;
                for (String r : replicates) {
                    Run run = index.get(strategies.get(s) + "\u0000" + p + "\u0000" + r);
                    if (run != null && !Double.isNaN(run.value(m))) {
                        sum += run.value(m);
                        n++;
                    }
                }
                means[s] = n == 0 ? Double.NaN : sum / n;
                complete = n > 0;
            }
            if (complete) {
                perDraw.add(means);
            }
        }
        double[][] out = new double[strategies.size()][perDraw.size()];
        for (int d = 0; d < perDraw.size(); d++) {
            double[] means = perDraw.get(d);
            double best = lower ? Arrays.stream(means).min().orElseThrow() : Arrays.stream(means).max().orElseThrow();
            for (int s = 0; s < means.length; s++) {
                out[s][d] = lower ? means[s] - best : best - means[s];
            }
        }
        return out;
    }

    static double shareBetter(double[] drawMeans, boolean lower) {
        int n = 0;
        int better = 0;
        for (double d : drawMeans) {
            if (!Double.isNaN(d)) {
                n++;
                if (lower ? d < 0 : d > 0) {
                    better++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) better / n;
    }

    private static Discovery discover(Experiment e, Design design, String strategy, Field f, boolean lower,
            double[] drawMeans, List<String> notes, String unit) {
        List<Field> inputs = design.numericVaried();
        Map<String, Map<String, String>> pp = e.pointParameters();
        List<String> points = e.points();
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> ds = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (Double.isNaN(drawMeans[i])) {
                continue;
            }
            double[] x = new double[inputs.size()];
            boolean ok = true;
            for (int j = 0; j < x.length && ok; j++) {
                String t = pp.get(points.get(i)).get(inputs.get(j).name());
                ok = t != null && !t.isEmpty();
                x[j] = ok ? Double.parseDouble(t) : Double.NaN;
            }
            if (ok) {
                xs.add(x);
                boolean fails = lower ? drawMeans[i] >= 0 : drawMeans[i] <= 0;
                ys.add(fails ? 1.0 : 0.0);
                ds.add(drawMeans[i]);
            }
        }
        long failures = ys.stream().filter(v -> v > 0).count();
        String what = strategy + " on " + f.label();
        if (inputs.isEmpty()) {
            notes.add("Scenario discovery for " + what + ": no numeric parameter varies between the " + unit + ".");
            return null;
        }
        if (xs.size() < MIN_PRIM_DRAWS) {
            notes.add("Scenario discovery (PRIM) for " + what + " not run: " + xs.size() + " " + unit + " with values, at "
                    + "least " + MIN_PRIM_DRAWS + " needed.");
            return null;
        }
        if (failures == 0 || failures == xs.size()) {
            notes.add("Scenario discovery for " + what + ": it " + (failures == 0 ? "beats" : "fails to beat")
                    + " the baseline in every one of the " + xs.size() + " " + unit + "; there is no region to find.");
            return null;
        }
        double[][] x = xs.toArray(new double[0][]);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        Prim.Result prim = Prim.run(x, y, Prim.DEFAULT_ALPHA, Prim.DEFAULT_MIN_MASS, true, Prim.DEFAULT_DROP_P);
        return new Discovery(strategy, f, lower, inputs, prim, x, y, ds.stream().mapToDouble(Double::doubleValue).toArray(),
                sentence(strategy, f, lower, inputs, prim, unit));
    }

    /** The box in plain words: "<strategy> fails to beat the baseline ... when A is below a and B above b". */
    static String sentence(String strategy, Field f, boolean lower, List<Field> inputs, Prim.Result prim, String unit) {
        Prim.Box b = prim.box();
        List<Integer> restricted = b.restricted(prim.dataMin(), prim.dataMax());
        String fails = lower ? strategy + " does not bring " + f.label() + " below the baseline's"
                : strategy + " does not raise " + f.label() + " above the baseline's";
        String base = " in " + Format.share(prim.baseRate()) + " of the " + prim.points() + " " + unit;
        if (restricted.isEmpty() || b.density() <= prim.baseRate() + 1e-9) {
            return Format.capitalised(fails) + base + "; PRIM finds no region of the parameters where these cases "
                    + "concentrate (the best box is no purer than all " + unit + " together).";
        }
        List<String> parts = new ArrayList<>();
        for (int j : restricted) {
            String name = inputs.get(j).name();
            boolean lowCut = b.low()[j] > prim.dataMin()[j];
            boolean highCut = b.high()[j] < prim.dataMax()[j];
            if (lowCut && highCut) {
                parts.add(name + " is between " + bound(b.low()[j]) + " and " + bound(b.high()[j]));
            } else if (highCut) {
                parts.add(name + " is at most " + bound(b.high()[j]));
            } else {
                parts.add(name + " is at least " + bound(b.low()[j]));
            }
        }
        return Format.capitalised(fails) + base + ". It mostly fails when " + String.join(" and ", parts) + ": there it "
                + "fails in " + Format.share(b.density()) + " of the " + b.points() + " " + unit + " (density, against "
                + Format.share(prim.baseRate()) + " over all), and this region holds " + Format.share(b.coverage())
                + " of all the " + unit + " where it fails (coverage)."
                + (prim.dropped() > 0 ? " (Peeling also narrowed " + prim.dropped() + " more parameter"
                + (prim.dropped() == 1 ? "" : "s") + ", left out here: chance explains "
                + (prim.dropped() == 1 ? "that cut" : "those cuts") + ", quasi-p above " + Prim.DEFAULT_DROP_P + ".)" : "")
                + (prim.points() < FEW_DRAWS ? " With " + prim.points() + " " + unit + " this box is a hint to test with "
                + "more draws, not a finding." : "");
    }

    /** A box bound in words: three significant digits, never in E notation (0.000794, 18800). */
    static String bound(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static double mean(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).average().orElseThrow();
    }

    static double max(double[] x) {
        return x.length == 0 ? Double.NaN : Arrays.stream(x).max().orElseThrow();
    }

    static double quantile(double[] x, double q) {
        return org.crackdown.analysis.stats.Quantile.of(x, q);
    }
}
