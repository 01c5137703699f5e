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
                + "regression coefficient (SRC), computed on the mean of each point's replications.")
                .id("strategy", "Strategy")
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
}
