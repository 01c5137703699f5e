package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Scales;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Provinces;
import org.crackdown.analysis.io.TimeSeries;
import org.crackdown.analysis.plot.Figure;
import org.crackdown.analysis.plot.ForestPlot;
import org.crackdown.analysis.plot.PrimPlot;
import org.crackdown.analysis.plot.SeriesBand;
import org.crackdown.analysis.plot.TimeSeriesChart;
import org.crackdown.analysis.plot.TornadoChart;
import org.crackdown.analysis.report.Format;
import org.crackdown.analysis.stats.Sample;

/** Chooses and builds the figures of an analysis from its results. */
public final class Figures {

    public static final String SECTION_SERIES = "Time series";
    public static final String SECTION_FOREST = "Differences from the baseline";
    public static final String SECTION_MAPS = "Maps";
    public static final String SECTION_SENSITIVITY = "Sensitivity";
    public static final String SECTION_ROBUST = "Robustness over parameter uncertainty";

    /** Grids with more points get figures for the first ones only (all are in the tables). */
    static final int MAX_POINT_FIGURES = 6;

    private Figures() {
    }

    /** The figures, and notes on figures that could not be drawn. */
    public record Built(List<Figure> figures, List<String> notes) {
    }

    public static Built build(Results r, Optional<Provinces> provinces) {
        List<Figure> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        timeSeries(r, out, notes);
        forest(r, out);
        MapFigures.add(r, provinces, out, notes);
        tornado(r, out);
        scenarioDiscovery(r, out);
        return new Built(out, notes);
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static List<String> figureGroups(Results r) {
        Experiment e = r.experiment();
        if (r.design().sampled() || e.points().size() == 1) {
            return List.of(Design.ALL);
        }
        return e.points().subList(0, Math.min(MAX_POINT_FIGURES, e.points().size()));
    }

    private static String groupSuffix(Results r, String group) {
        return group.equals(Design.ALL) ? "" : "-p" + slug(group);
    }

    private static String groupTitle(Results r, String group) {
        if (r.experiment().points().size() == 1) {
            return "";
        }
        if (group.equals(Design.ALL)) {
            return r.experiment().points().size() > 1 ? " (all design points)" : "";
        }
        return " (design point " + group + pointParams(r, group) + ")";
    }

    public static String pointParams(Results r, String point) {
        Map<String, String> p = r.experiment().pointParameters().get(point);
        if (p == null || p.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + " = " + v));
        return ": " + String.join(", ", parts);
    }

    private static void timeSeries(Results r, List<Figure> out, List<String> notes) {
        Experiment e = r.experiment();
        Optional<TimeSeries> ots = e.timeSeries();
        if (ots.isEmpty()) {
            notes.add("No monthly time series in the input (timeseries.csv), so no time-series figures.");
            return;
        }
        TimeSeries ts = ots.get();
        List<Field> shown = r.metrics().stream().filter(f -> ts.measureIndex(f.name()) >= 0).toList();
        for (String g : figureGroups(r)) {
            for (Field f : shown) {
                int m = ts.measureIndex(f.name());
                Field tf = ts.measures().get(m);
                List<SeriesBand> bands = new ArrayList<>();
                for (String s : e.strategies()) {
                    List<double[][]> series = e.runs().stream()
                            .filter(run -> run.ok() && run.strategy().equals(s) && r.design().inGroup(g, run.pointId()))
                            .map(run -> ts.national().get(run.runId())).filter(a -> a != null).toList();
                    if (series.isEmpty()) {
                        continue;
                    }
                    int k = ts.months().size();
                    double[] mean = new double[k];
                    double[] lo = new double[k];
                    double[] hi = new double[k];
                    for (int t = 0; t < k; t++) {
                        int tt = t;
                        Sample smp = Sample.of(series.stream().mapToDouble(a -> a[tt][m]).toArray());
                        mean[t] = smp.mean();
                        lo[t] = smp.ci().low();
                        hi[t] = smp.ci().high();
                    }
                    bands.add(new SeriesBand(s, series.size(), ts.months(), mean, lo, hi));
                }
                // Counts are the simulated ones: a share of China's given by the scale, never called national.
                String how = tf.averagedOverProvinces() ? "mean over provinces"
                        : "total of all provinces at " + Scales.inWords(e);
                String unit = tf.unitOrEmpty().isEmpty() ? "" : " (" + tf.unitOrEmpty() + ")";
                String title = Format.capitalised(f.label()) + " per month" + groupTitle(r, g);
                out.add(new Figure("timeseries-" + slug(f.name()) + groupSuffix(r, g), SECTION_SERIES,
                        Format.capitalised(f.label()) + " each month, " + how + ", for each strategy" + groupTitle(r, g)
                                + ": line = mean over replications, band = 95% confidence interval of the mean."
                                + (e.measureFrom().isPresent() ? " The grey background marks the measure window." : ""),
                        TimeSeriesChart.create(title, Format.capitalised(f.label()) + " per month" + unit, bands,
                                e.measureFrom().orElse(null), e.measureTo().orElse(null)),
                        900, 480));
            }
        }
    }

    private static void forest(Results r, List<Figure> out) {
        List<String> groups = r.design().comparisonGroups(r.experiment());
        for (String g : groups.subList(0, Math.min(MAX_POINT_FIGURES, groups.size()))) {
            List<ForestPlot.Row> rows = new ArrayList<>();
            for (Field f : r.metrics()) {
                for (DifferenceRow d : r.differences()) {
                    if (d.pointId().equals(g) && d.measure().equals(f)) {
                        rows.add(new ForestPlot.Row(d.strategy() + " \u00b7 " + f.label(), d.comparison().relative(),
                                d.comparison().relativeCi().low(), d.comparison().relativeCi().high(), d.significant()));
                    }
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            String suffix = groups.size() == 1 ? "" : "-p" + slug(g);
            out.add(new Figure("forest" + suffix, SECTION_FOREST,
                    "Each strategy minus " + r.baseline() + groupTitle(r, g) + ", over runs paired by seed, as a "
                            + "percentage of the " + r.baseline() + " mean: dot = mean difference, bar = 95% confidence "
                            + "interval. Blue rows are significant after Holm correction over all comparisons; grey rows "
                            + "are not. The dashed line is no difference.",
                    ForestPlot.create("Difference from " + r.baseline() + groupTitle(r, g), r.baseline(), rows), 900,
                    ForestPlot.height(rows.size())));
        }
    }

    private static void tornado(Results r, List<Figure> out) {
        if (r.sensitivity().isEmpty()) {
            return;
        }
        for (Field f : r.metrics()) {
            List<SensitivityRow> rows = r.sensitivity().stream().filter(s -> s.measure().equals(f)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Double>> prcc = new LinkedHashMap<>();
            Map<String, Double> influence = new HashMap<>();
            for (SensitivityRow s : rows) {
                prcc.computeIfAbsent(s.strategy(), k -> new LinkedHashMap<>()).put(s.parameter().name(),
                        s.coefficient().prcc());
                double a = Double.isNaN(s.coefficient().prcc()) ? 0 : Math.abs(s.coefficient().prcc());
                influence.merge(s.parameter().name(), a, Math::max);
            }
            List<String> params = influence.keySet().stream()
                    .sorted(Comparator.comparingDouble((String p) -> -influence.get(p)).thenComparing(p -> p)).toList();
            int n = rows.get(0).points();
            out.add(new Figure("tornado-" + slug(f.name()), SECTION_SENSITIVITY,
                    "Sensitivity of " + f.label() + " to each varied parameter: partial rank correlation coefficient "
                            + "(PRCC) over " + n + " design points, most influential parameter at the top. Positive: the "
                            + "measure rises with the parameter, other parameters held fixed (in ranks). Series 'S minus "
                            + r.baseline() + " (relative)': the same for strategy S's effect, (S \u2212 " + r.baseline()
                            + ") / |" + r.baseline() + "| at each point.",
                    TornadoChart.create("Sensitivity of " + f.label(), "PRCC with " + f.label() + " (−1 to 1)", params,
                            prcc),
                    900, TornadoChart.height(params.size(), prcc.size())));
        }
    }

    /** For each strategy PRIM looked at: the draws with the box, and the peeling trajectory. */
    private static void scenarioDiscovery(Results r, List<Figure> out) {
        String unit = r.robust().unit();
        for (Robustness.Discovery d : r.robust().discoveries()) {
            org.crackdown.analysis.stats.Prim.Result prim = d.prim();
            org.crackdown.analysis.stats.Prim.Box box = prim.box();
            List<Integer> restricted = new ArrayList<>(box.restricted(prim.dataMin(), prim.dataMax()));
            // The most narrowed parameters first (share of the data range cut off).
            restricted.sort(Comparator.comparingDouble((Integer j) -> -cut(prim, box, j)));
            int jx = restricted.isEmpty() ? 0 : restricted.get(0);
            double[] xs = new double[d.x().length];
            boolean[] fails = new boolean[xs.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = d.x()[i][jx];
                fails[i] = d.y()[i] > 0;
            }
            double[] ys;
            String yLabel;
            double[] rect;
            if (restricted.size() >= 2) {
                int jy = restricted.get(1);
                ys = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    ys[i] = d.x()[i][jy];
                }
                yLabel = d.inputs().get(jy).name();
                rect = new double[] {box.low()[jx], box.high()[jx], box.low()[jy], box.high()[jy]};
            } else {
                ys = d.drawDifference();
                yLabel = "Difference in " + d.measure().label() + " from " + r.baseline() + " (mean of the draw)";
                rect = new double[] {box.low()[jx], box.high()[jx], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
            }
            String name = slug(d.strategy());
            out.add(new Figure("prim-" + name, SECTION_ROBUST, "Where " + d.strategy() + " fails to beat " + r.baseline()
                    + " on " + d.measure().label() + ": each dot is one of the " + xs.length + " " + unit
                    + " (vermillion: fails, blue: beats), the dashed rectangle is the box PRIM chose"
                    + (restricted.size() > 2 ? " (shown in its two most restricted parameters; the others are in the "
                    + "table)" : "") + ". " + d.sentence(),
                    PrimPlot.scatter("Where " + d.strategy() + " fails to beat " + r.baseline(),
                            d.inputs().get(jx).name(), yLabel, xs, ys, fails, rect), 900, 560));
            double[] cov = prim.trajectory().stream().mapToDouble(org.crackdown.analysis.stats.Prim.Box::coverage).toArray();
            double[] den = prim.trajectory().stream().mapToDouble(org.crackdown.analysis.stats.Prim.Box::density).toArray();
            out.add(new Figure("prim-trajectory-" + name, SECTION_ROBUST, "PRIM's peeling trajectory for " + d.strategy()
                    + ": each dot is a box, from all " + unit + " (coverage 1, density = the share of " + unit
                    + " where it fails) to the smallest; the large dot is the box chosen (largest harmonic mean of "
                    + "coverage and density), before pasting.",
                    PrimPlot.trajectory("PRIM trajectory: " + d.strategy(), cov, den, prim.chosen()), 700, 520));
        }
    }

    private static double cut(org.crackdown.analysis.stats.Prim.Result prim, org.crackdown.analysis.stats.Prim.Box box,
            int j) {
        double range = prim.dataMax()[j] - prim.dataMin()[j];
        if (!(range > 0)) {
            return 0;
        }
        double lo = Math.max(box.low()[j], prim.dataMin()[j]);
        double hi = Math.min(box.high()[j], prim.dataMax()[j]);
        return 1 - (hi - lo) / range;
    }
}
