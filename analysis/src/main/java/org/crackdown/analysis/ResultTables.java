package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.OutputTable;
import org.crackdown.analysis.stats.Interval;
import org.crackdown.analysis.stats.PairedComparison;

/** The tidy CSVs of an analysis, each with its column descriptions. */
public final class ResultTables {

    public static final String SUMMARY = "summary_by_strategy";
    public static final String DIFFERENCES = "paired_differences";
    public static final String RANKING = "ranking";
    public static final String SENSITIVITY = "sensitivity";
    public static final String POINTS = "design_points";
    public static final String ROBUST = "robust_comparison";
    public static final String DISCOVERY = "scenario_discovery";

    private static final String POINT_DOC = "Design point (runs.csv point_id), or 'all' for all design points pooled";

    private ResultTables() {
    }

    public static List<OutputTable> of(Results r) {
        List<OutputTable> t = new ArrayList<>();
        t.add(summary(r));
        t.add(differences(r));
        t.add(ranking(r));
        t.add(sensitivity(r));
        if (!r.experiment().parameters().isEmpty()) {
            t.add(points(r));
        }
        if (r.robust().present()) {
            t.add(robust(r));
            t.add(discovery(r));
        }
        return t;
    }

    private static String unit(Field f) {
        return f.unitOrEmpty();
    }

    static OutputTable summary(Results r) {
        OutputTable t = new OutputTable(SUMMARY, "Each measure of each strategy at each design point over its replications: "
                + "mean, standard deviation and 95% t confidence interval. Failed runs are left out and counted.")
                .id("point_id", POINT_DOC)
                .id("strategy", "Strategy")
                .column("scale", "string", "fraction of China", "Scale the strategy's runs simulated (share of China; "
                        + "counts are that share of national figures); 'unknown' if the input does not say")
                .id("measure", "Measure (column of the input's runs.csv or summary.csv)")
                .column("unit", "string", "unit", "Unit of the measure")
                .column("runs", "integer", "runs", "Runs of this strategy at this point")
                .column("failed", "integer", "runs", "Runs that failed (left out)")
                .column("missing", "integer", "runs", "Successful runs with no value for this measure (left out)")
                .column("n", "integer", "runs", "Replications used")
                .column("mean", "number", "unit of the measure", "Mean over replications")
                .column("sd", "number", "unit of the measure", "Sample standard deviation (divisor n-1); empty if n < 2")
                .column("ci_low", "number", "unit of the measure", "Lower end of the 95% t confidence interval of the mean")
                .column("ci_high", "number", "unit of the measure", "Upper end of the 95% t confidence interval of the mean");
        for (SummaryRow s : r.summaries()) {
            t.row(s.pointId(), s.strategy(), String.join("/", r.experiment().scalesOf(s.strategy())), s.measure().name(),
                    unit(s.measure()), s.runs(), s.failed(), s.missing(),
                    s.sample().n(), s.sample().mean(), s.sample().sd(), s.sample().ci().low(), s.sample().ci().high());
        }
        return t;
    }

    static OutputTable differences(Results r) {
        OutputTable t = new OutputTable(DIFFERENCES, "Each strategy minus the baseline, over runs paired by design point and "
                + "replicate (same seed: common random numbers), with paired t-test and Holm-corrected p-values over the "
                + "family of all rows.")
                .id("point_id", POINT_DOC)
                .id("strategy", "Strategy compared")
                .id("baseline", "Strategy it is compared with")
                .id("measure", "Measure")
                .column("unit", "string", "unit", "Unit of the measure")
                .column("n_pairs", "integer", "pairs", "Pairs of runs (strategy, baseline) with the same seed, both successful")
                .column("unpaired", "integer", "runs", "Successful runs of either strategy without a partner (left out)")
                .column("baseline_mean", "number", "unit of the measure", "Mean of the baseline over the pairs")
                .column("strategy_mean", "number", "unit of the measure", "Mean of the strategy over the pairs")
                .column("mean_difference", "number", "unit of the measure", "Mean of strategy minus baseline")
                .column("sd_difference", "number", "unit of the measure", "Standard deviation of the paired differences")
                .column("ci_low", "number", "unit of the measure", "Lower end of the 95% t confidence interval of the mean difference")
                .column("ci_high", "number", "unit of the measure", "Upper end of the 95% t confidence interval of the mean difference")
                .column("relative_difference", "number", "fraction", "Mean difference / |baseline mean| (0.1 = +10%)")
                .column("relative_ci_low", "number", "fraction", "ci_low / |baseline mean| (baseline mean taken as known)")
                .column("relative_ci_high", "number", "fraction", "ci_high / |baseline mean| (baseline mean taken as known)")
                .column("t", "number", "1", "Paired t statistic, n_pairs - 1 degrees of freedom")
                .column("p_value", "number", "probability", "Two-sided paired t-test p-value (uncorrected)")
                .column("p_holm", "number", "probability", "p-value corrected with Holm's method over all rows of this table")
                .column("significant", "boolean", "true/false", "p_holm < 0.05")
                .column("replications_needed", "integer", "pairs",
                        "Pairs needed for a 95% CI half-width of precision x |baseline mean|, from sd_difference")
                .column("precision", "number", "fraction", "The precision asked for (--precision)");
        for (DifferenceRow d : r.differences()) {
            PairedComparison c = d.comparison();
            Interval rel = c.relativeCi();
            t.row(d.pointId(), d.strategy(), d.baseline(), d.measure().name(), unit(d.measure()), c.n(), d.unpaired(),
                    c.baselineMean(), c.strategyMean(), c.difference().mean(), c.difference().sd(),
                    c.difference().ci().low(), c.difference().ci().high(), c.relative(), rel.low(), rel.high(), c.t(),
                    c.p(), d.pHolm(), Double.isNaN(d.pHolm()) ? null : d.significant(), d.replicationsNeeded(),
                    r.precision());
        }
        return t;
    }

    static OutputTable ranking(Results r) {
        OutputTable t = new OutputTable(RANKING, "Strategies ranked by the chosen measure and by cost-effectiveness "
                + "(rescues and victims spared per officer-year and, with prices, per million yuan), best first.")
                .id("point_id", POINT_DOC)
                .id("criterion", "Measure ranked by")
                .column("unit", "string", "unit", "Unit of the criterion")
                .column("better", "string", "category", "'higher' or 'lower': which direction ranks first")
                .column("rank", "integer", "rank", "1 = best")
                .id("strategy", "Strategy")
                .column("n", "integer", "runs", "Replications")
                .column("mean", "number", "unit of the criterion", "Mean over replications")
                .column("ci_low", "number", "unit of the criterion", "Lower end of the 95% CI of the mean")
                .column("ci_high", "number", "unit of the criterion", "Upper end of the 95% CI of the mean")
                .column("difference_vs_baseline", "number", "unit of the criterion",
                        "Paired mean difference from the baseline (empty for the baseline or if not compared)")
                .column("p_holm_vs_baseline", "number", "probability", "Holm-corrected p of that difference");
        for (RankRow k : r.rankings()) {
            DifferenceRow d = k.vsBaseline();
            t.row(k.pointId(), k.criterion().name(), unit(k.criterion()), k.lowerIsBetter() ? "lower" : "higher", k.rank(),
                    k.strategy(), k.sample().n(), k.sample().mean(), k.sample().ci().low(), k.sample().ci().high(),
                    d == null ? null : d.comparison().difference().mean(), d == null ? null : d.pHolm());
        }
        return t;
    }

    static OutputTable sensitivity(Results r) {
        OutputTable t = new OutputTable(SENSITIVITY, "Sensitivity of each measure to each varied parameter over the design "
                + "points (sampled designs only; empty otherwise): partial rank correlation (PRCC) and standardised "
                + "regression coefficient (SRC), computed on the mean of each point's replications; rows of 'S minus B "
                + "(relative)' are of strategy S's effect, (S - B) / |B| at each point, B the baseline.")
                .id("strategy", "Strategy, or 'S minus B (relative)' for the effect of strategy S against the baseline B")
                .id("measure", "Measure (output)")
                .id("parameter", "Varied parameter (input)")
                .column("points", "integer", "design points", "Design points used")
                .column("prcc", "number", "1", "Partial rank correlation coefficient, -1..1")
                .column("prcc_p_value", "number", "probability", "Two-sided p-value of PRCC = 0 (t test, n-1-k df)")
                .column("src", "number", "1", "Standardised regression coefficient")
                .column("r_squared", "number", "1", "R squared of the linear regression behind SRC (same for every parameter)");
        for (SensitivityRow s : r.sensitivity()) {
            t.row(s.strategy(), s.measure().name(), s.parameter().name(), s.points(), s.coefficient().prcc(),
                    s.coefficient().prccP(), s.coefficient().src(), s.rSquared());
        }
        return t;
    }

    static OutputTable points(Results r) {
        OutputTable t = new OutputTable(POINTS, "Parameter values of each design point.").id("point_id", "Design point");
        List<Field> ps = r.experiment().parameters();
        for (Field p : ps) {
            t.parameter(p.name(), p.type(), p.unitOrEmpty(), p.description() == null ? "Varied parameter" : p.description());
        }
        for (Map.Entry<String, Map<String, String>> e : r.experiment().pointParameters().entrySet()) {
            Object[] row = new Object[ps.size() + 1];
            row[0] = e.getKey();
            for (int i = 0; i < ps.size(); i++) {
                row[i + 1] = e.getValue().get(ps.get(i).name());
            }
            t.row(row);
        }
        return t;
    }

    static OutputTable robust(Results r) {
        Robustness.Result rb = r.robust();
        String unit = rb.unit();
        OutputTable t = new OutputTable(ROBUST, "Each strategy against " + r.baseline() + " over the " + unit + " (parameter "
                + "uncertainty): the difference split into its spread between " + unit + " (what the parameters change) "
                + "and within them (the randomness of a run), the share of " + unit + " where the strategy does better, "
                + "and its regret (how much worse it does than the best strategy of each draw).")
                .id("strategy", "Strategy")
                .id("measure", "Measure")
                .column("unit", "string", "unit", "Unit of the measure")
                .column("better", "string", "category", "'higher' or 'lower': which direction is better")
                .column("draws", "integer", "draws", "Draws with at least one pair of runs (strategy and baseline, same seed)")
                .column("pairs", "integer", "pairs", "Pairs of runs used")
                .column("mean_difference", "number", "unit of the measure",
                        "Strategy minus baseline: mean over draws of each draw's mean paired difference")
                .column("ci_low", "number", "unit of the measure", "Lower end of the 95% t interval of the mean difference "
                        + "over draws (includes parameter uncertainty and run noise; draws - 1 df)")
                .column("ci_high", "number", "unit of the measure", "Upper end of that interval")
                .column("sd_between_draws", "number", "unit of the measure", "SD of the true difference between draws "
                        + "(parameter uncertainty), one-way random-effects ANOVA estimate")
                .column("sd_within_draws", "number", "unit of the measure",
                        "SD of the difference between replicates of one draw (randomness of a run)")
                .column("share_between", "number", "fraction", "sd_between^2 / (sd_between^2 + sd_within^2)")
                .column("parameter_low", "number", "unit of the measure", "mean - 1.96 sd_between: where the true "
                        + "difference lies for 95% of the draws (normal approximation, run noise removed)")
                .column("parameter_high", "number", "unit of the measure", "mean + 1.96 sd_between")
                .column("share_better", "number", "fraction", "Share of draws whose mean difference is in the better "
                        + "direction (a draw mean is over its replicates, so run noise blurs it)")
                .column("regret_mean", "number", "unit of the measure", "Mean over draws of the best strategy's mean minus "
                        + "this strategy's (0 = best at every draw)")
                .column("regret_p90", "number", "unit of the measure", "90th percentile of that regret over draws")
                .column("regret_max", "number", "unit of the measure", "Largest regret over draws (minimax regret)")
                .column("regret_draws", "integer", "draws", "Draws where every strategy has a value (the regret's base)");
        for (Robustness.Row x : rb.rows()) {
            var v = x.difference();
            t.row(x.strategy(), x.measure().name(), unit(x.measure()), x.lowerIsBetter() ? "lower" : "higher",
                    v == null ? null : v.draws(), v == null ? null : v.values(), v == null ? null : v.mean(),
                    v == null ? null : v.ci().low(), v == null ? null : v.ci().high(), v == null ? null : v.sdBetween(),
                    v == null ? null : v.sdWithin(), v == null ? null : v.shareBetween(),
                    v == null ? null : v.parameterInterval().low(), v == null ? null : v.parameterInterval().high(),
                    v == null ? null : x.shareBetter(), x.regretMean(), x.regretP90(), x.regretMax(), x.regretDraws());
        }
        return t;
    }

    static OutputTable discovery(Results r) {
        OutputTable t = new OutputTable(DISCOVERY, "Scenario discovery (PRIM, Friedman and Fisher 1999): for each strategy, "
                + "the peeling trajectory of boxes of parameter space where it fails to beat " + r.baseline() + " on "
                + r.rankBy().name() + " (the draw's mean difference is not better than 0), with each box's bounds. "
                + "Peel alpha " + org.crackdown.analysis.stats.Prim.DEFAULT_ALPHA + ", smallest box "
                + org.crackdown.analysis.stats.Prim.DEFAULT_MIN_MASS + " of the draws; chosen: the largest harmonic mean of "
                + "coverage and density; the last row of a strategy (step 'pasted') is the chosen box after pasting and after "
                + "dropping the restrictions chance explains (quasi-p-value above " + org.crackdown.analysis.stats.Prim.DEFAULT_DROP_P
                + ", Bryant and Lempert 2010).")
                .id("strategy", "Strategy")
                .id("measure", "Measure")
                .id("step", "Peeling step (0 = every draw), or 'pasted'")
                .column("chosen", "boolean", "true/false", "The box reported")
                .column("points", "integer", "draws", "Draws in the box")
                .column("coverage", "number", "fraction", "Share of all failing draws that are in the box")
                .column("density", "number", "fraction", "Share of the box's draws that fail")
                .column("mass", "number", "fraction", "Share of all draws in the box")
                .column("bounds", "string", "text", "The box: 'parameter >= low' / '<= high' for each restricted parameter");
        for (Robustness.Discovery d : r.robust().discoveries()) {
            var prim = d.prim();
            for (int i = 0; i < prim.trajectory().size(); i++) {
                var b = prim.trajectory().get(i);
                t.row(d.strategy(), d.measure().name(), Integer.toString(i), i == prim.chosen(), b.points(), b.coverage(),
                        b.density(), b.mass(), bounds(d, b));
            }
            var b = prim.box();
            t.row(d.strategy(), d.measure().name(), "pasted", true, b.points(), b.coverage(), b.density(), b.mass(),
                    bounds(d, b));
        }
        return t;
    }

    private static String bounds(Robustness.Discovery d, org.crackdown.analysis.stats.Prim.Box b) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < d.inputs().size(); j++) {
            String name = d.inputs().get(j).name();
            if (b.low()[j] > d.prim().dataMin()[j]) {
                parts.add(name + " >= " + org.crackdown.analysis.io.Numbers.plain(b.low()[j]));
            }
            if (b.high()[j] < d.prim().dataMax()[j]) {
                parts.add(name + " <= " + org.crackdown.analysis.io.Numbers.plain(b.high()[j]));
            }
        }
        return String.join("; ", parts);
    }
}
