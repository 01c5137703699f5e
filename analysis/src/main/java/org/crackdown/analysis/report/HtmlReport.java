package org.crackdown.analysis.report;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.analysis.Design;
import org.crackdown.analysis.DifferenceRow;
import org.crackdown.analysis.RankRow;
import org.crackdown.analysis.Results;
import org.crackdown.analysis.SensitivityRow;
import org.crackdown.analysis.SummaryRow;
import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Scales;
import org.crackdown.analysis.plot.Figure;
import org.crackdown.analysis.stats.PairedComparison;

/**
 * The report: one HTML file that needs nothing else to be read (CSS inline, figures as inline
 * SVG, no scripts, no web fonts), so it can be mailed, archived or opened offline.
 */
public final class HtmlReport {

    /** A figure with its inline SVG. */
    public record Drawn(Figure figure, String svg) {
    }

    public static final String TITLE_FINDINGS = "Findings";
    public static final String TITLE_RANKING = "Ranking";
    public static final String TITLE_DIFFERENCES = "Differences from the baseline";
    public static final String TITLE_SUMMARY = "Summary by strategy";
    public static final String TITLE_PROVENANCE = "What was run";
    public static final String TITLE_METHODS = "Methods";

    private static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; background: #fff;
                   margin: 0 auto; max-width: 1080px; padding: 24px 32px 64px; line-height: 1.45; font-size: 15px; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #0072B2; }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            p.lead { color: #444; margin-top: 0; }
            .table { max-width: 100%; overflow-x: auto; margin: 8px 0 16px; }
            table { border-collapse: collapse; font-size: 13.5px; }
            th, td { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
            th { background: #f3f6f9; font-weight: 600; border-bottom: 1px solid #bbb; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td { overflow-wrap: anywhere; }
            td.num { white-space: nowrap; overflow-wrap: normal; }
            td.num.ci { white-space: normal; min-width: 6.5em; }
            td.name { min-width: 8em; overflow-wrap: normal; }
            @media (max-width: 900px) {
              body { padding: 16px 12px 48px; }
              table { font-size: 12.5px; }
              th, td { padding: 3px 5px; }
            }
            td .unit { display: block; font-size: 12px; }
            tr.sig td { background: #eef6fc; }
            table.kv td:first-child { color: #555; white-space: nowrap; }
            table.kv td { overflow-wrap: anywhere; }
            ul.findings li { margin: 4px 0; }
            ul.sig li::marker { color: #0072B2; }
            .muted { color: #666; }
            figure { margin: 18px 0 26px; }
            figure svg { width: 100%; height: auto; display: block; border: 1px solid #eee; }
            figcaption { font-size: 13.5px; color: #444; margin-top: 6px; }
            figcaption a { color: #0072B2; }
            .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
            .note { background: #fff8e6; border-left: 4px solid #E69F00; padding: 6px 12px; margin: 8px 0; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; background: #f4f4f4; padding: 0 3px; }
            details { margin: 6px 0; } summary { cursor: pointer; color: #0072B2; }
            footer { margin-top: 40px; font-size: 12.5px; color: #777; }
            """;

    /** The report's style sheet, for other self-contained pages that should look the same. */
    public static String css() {
        return CSS;
    }

    private HtmlReport() {
    }

    /**
     * @param figureNotes why some figures are missing
     * @param files       output files, for the methods section
     * @param generator   what wrote the report (e.g. "crackdown 0.1.0 (commit abc)")
     */
    public static String render(Results r, List<Drawn> figures, List<String> figureNotes, List<String> files,
            String generator) {
        return render(r, figures, figureNotes, files, generator, null);
    }

    /**
     * @param reportDir the folder the report is written to: input folders are named relative to
     *                  it, never by the absolute paths of the machine that wrote it (null: by name)
     */
    public static String render(Results r, List<Drawn> figures, List<String> figureNotes, List<String> files,
            String generator, java.nio.file.Path reportDir) {
        Experiment e = r.experiment();
        ProvenanceSection.Paths paths = new ProvenanceSection.Paths(reportDir);
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text("crackdown analysis: " + e.name()).raw("</title>\n")
                .raw("<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n");
        h.el("h1", "crackdown analysis: " + e.name());
        h.raw("<p class=\"lead\">").text(lead(r)).raw("</p>\n");

        findings(h, r, figureNotes);
        ranking(h, r);
        differences(h, r, figures);
        figureSection(h, figures, org.crackdown.analysis.Figures.SECTION_SERIES, null);
        figureSection(h, figures, org.crackdown.analysis.Figures.SECTION_MAPS, null);
        sensitivity(h, r, figures);
        robust(h, r, figures);
        summary(h, r);
        ProvenanceSection.provenance(h, r, paths);
        ProvenanceSection.methods(h, r, files);
        h.raw("<footer>").text("Written by " + generator + ". Every number here is also in the CSV files beside "
                + "this report, described in datapackage.json.").raw("</footer>\n");
        h.raw("</body>\n</html>\n");
        return h.toString();
    }

    private static String lead(Results r) {
        Experiment e = r.experiment();
        long failed = e.runs().stream().filter(x -> !x.ok()).count();
        int points = e.points().size();
        String design = e.designKind() != null ? e.designKind() + " design, " : "";
        return e.runs().size() + " runs" + (failed > 0 ? " (" + failed + " failed)" : "") + ": "
                + e.strategies().size() + " strategies (" + String.join(", ", e.strategies()) + ") \u00d7 " + design
                + points + " design point" + (points == 1 ? "" : "s") + " \u00d7 replicates sharing seeds across "
                + "strategies. Simulated at " + Scales.inWords(e) + ". Baseline: " + r.baseline() + ". Source: "
                + (e.source() == Experiment.Source.SWEEP ? "sweep folder " + ProvenanceSection.Paths.name(e.inputs().get(0))
                        : e.inputs().size() + " run folders in " + String.join(", ", e.inputs().stream()
                                .map(p -> p.toAbsolutePath().normalize().getParent()).map(ProvenanceSection.Paths::name).distinct()
                                .toList())) + ".";
    }

    private static void findings(Html h, Results r, List<String> figureNotes) {
        Findings.Sentences s = Findings.of(r);
        h.el("h2", TITLE_FINDINGS);
        h.raw("<p>").text("Differences are " + r.baselineLabel() + "; significant means Holm-corrected p < 0.05 over all "
                + r.differences().size() + " comparisons (strategies \u00d7 measures"
                + (r.design().comparisonGroups(r.experiment()).size() > 1 ? " \u00d7 design points" : "")
                + "). Confidence intervals are per comparison.").raw("</p>\n");
        h.el("h3", "Significant differences from " + r.baseline());
        list(h, s.significant(), "sig", "None.");
        h.el("h3", "Not significant");
        list(h, s.notSignificant(), "", "None: every compared difference is significant.");
        h.el("h3", "Rankings");
        list(h, s.rankings(), "", "No ranking.");
        List<String> notes = new ArrayList<>(r.notes());
        notes.addAll(figureNotes);
        for (String n : notes) {
            h.raw("<div class=\"note\">").text(n).raw("</div>\n");
        }
    }

    private static void list(Html h, List<String> items, String cls, String empty) {
        if (items.isEmpty()) {
            h.raw("<p class=\"muted\">").text(empty).raw("</p>\n");
            return;
        }
        h.raw("<ul class=\"findings " + cls + "\">\n");
        for (String i : items) {
            h.raw("<li>").text(i).raw("</li>\n");
        }
        h.raw("</ul>\n");
    }

    private static String groupHeading(Results r, String g) {
        if (r.experiment().points().size() == 1) {
            return "";
        }
        if (g.equals(Design.ALL)) {
            return "All design points pooled";
        }
        return "Design point " + g + org.crackdown.analysis.Figures.pointParams(r, g);
    }

    private static void ranking(Html h, Results r) {
        h.el("h2", TITLE_RANKING);
        String last = null;
        for (RankRow k : r.rankings()) {
            String key = k.pointId() + "\u0000" + k.criterion().name();
            if (!key.equals(last)) {
                if (last != null) {
                    h.raw("</tbody></table></div>\n");
                }
                String gh = groupHeading(r, k.pointId());
                h.el("h3", (gh.isEmpty() ? "" : gh + ": ") + "by " + k.criterion().label()
                        + unitParen(k.criterion()) + (k.lowerIsBetter() ? ", lower is better" : ", higher is better"));
                String meaning = org.crackdown.analysis.Costs.meanings().get(k.criterion().name());
                if (meaning != null) {
                    h.raw("<p class=\"muted\">").text(meaning).raw("</p>\n");
                }
                h.raw("<div class=\"table\"><table><thead><tr><th class=\"num\">Rank</th><th>Strategy</th><th class=\"num\">n</th>"
                        + "<th class=\"num\">Mean</th><th class=\"num\">95% CI</th><th class=\"num\">Difference vs "
                        + Html.esc(r.baseline()) + "</th><th class=\"num\">Holm p</th></tr></thead><tbody>\n");
                last = key;
            }
            DifferenceRow d = k.vsBaseline();
            h.raw(d != null && d.significant() ? "<tr class=\"sig\">" : "<tr>")
                    .raw(num(Integer.toString(k.rank()))).raw("<td>").text(k.strategy()).raw("</td>")
                    .raw(num(Integer.toString(k.sample().n()))).raw(num(Format.number(k.sample().mean())))
                    .raw(ci(range(k.sample().ci().low(), k.sample().ci().high())))
                    .raw(num(d == null ? "" : Format.signed(d.comparison().difference().mean())))
                    .raw(num(d == null ? "" : Format.p(d.pHolm()))).raw("</tr>\n");
        }
        if (last != null) {
            h.raw("</tbody></table></div>\n");
        }
    }

    private static String unitParen(Field f) {
        return f.unitOrEmpty().isEmpty() ? "" : " (" + f.unitOrEmpty() + ")";
    }

    /** A confidence interval "a to b": may break at its spaces when the page is narrow. */
    private static String ci(String s) {
        return "<td class=\"num ci\">" + Html.esc(s) + "</td>";
    }

    private static String num(String s) {
        return "<td class=\"num\">" + Html.esc(s) + "</td>";
    }

    private static String range(double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return Format.DASH;
        }
        return Format.number(lo) + " to " + Format.number(hi);
    }

    private static void differences(Html h, Results r, List<Drawn> figures) {
        h.el("h2", TITLE_DIFFERENCES);
        h.raw("<p>").text("Each strategy minus " + r.baseline() + ", over pairs of runs with the same design point and "
                + "seed (common random numbers). Replications needed: pairs for a 95% CI half-width of "
                + "\u00b1" + Format.share(r.precision()) + " of the " + r.baseline()
                + " mean, from the observed spread of the differences.").raw("</p>\n");
        figureSection(h, figures, org.crackdown.analysis.Figures.SECTION_FOREST, "");
        String last = null;
        for (DifferenceRow d : r.differences()) {
            if (!d.pointId().equals(last)) {
                if (last != null) {
                    h.raw("</tbody></table></div>\n");
                }
                String gh = groupHeading(r, d.pointId());
                if (!gh.isEmpty()) {
                    h.el("h3", gh);
                }
                // Means and the uncorrected p are in paired_differences.csv; the page keeps what a
                // reader compares, so the table fits 800 px without cutting the last column off.
                h.raw("<div class=\"table\"><table><thead><tr><th>Measure</th><th>Strategy</th><th class=\"num\">Pairs</th>"
                        + "<th class=\"num\">Difference</th><th class=\"num\">95% CI</th><th class=\"num\">Relative</th>"
                        + "<th class=\"num\">Holm p</th><th class=\"num\">Replications needed</th>"
                        + "</tr></thead><tbody>\n");
                last = d.pointId();
            }
            PairedComparison c = d.comparison();
            h.raw(d.significant() ? "<tr class=\"sig\">" : "<tr>").raw("<td class=\"name\">").text(d.measure().label())
                    .raw("<span class=\"muted unit\">").text(d.measure().unitOrEmpty()).raw("</span></td><td class=\"name\">")
                    .text(d.strategy()).raw("</td>").raw(num(Integer.toString(c.n())))
                    .raw(num(Format.signed(c.difference().mean())))
                    .raw(ci(range(c.difference().ci().low(), c.difference().ci().high())))
                    .raw(num(Format.percent(c.relative()))).raw(num(Format.p(d.pHolm())))
                    .raw(num(Format.count(d.replicationsNeeded())))
                    .raw("</tr>\n");
        }
        if (last != null) {
            h.raw("</tbody></table></div>\n");
        } else {
            h.raw("<p class=\"muted\">").text("Only one strategy: nothing to compare.").raw("</p>\n");
        }
    }

    private static void figureSection(Html h, List<Drawn> figures, String section, String heading) {
        List<Drawn> fs = figures.stream().filter(d -> d.figure().section().equals(section)).toList();
        if (fs.isEmpty()) {
            return;
        }
        if (heading == null) {
            h.el("h2", section);
        }
        for (Drawn d : fs) {
            Figure f = d.figure();
            h.raw("<figure id=\"").text(f.name()).raw("\">\n").raw(d.svg()).raw("\n<figcaption>").text(f.caption())
                    .raw(" <a href=\"figures/").text(f.name()).raw(".png\">PNG</a> \u00b7 <a href=\"figures/")
                    .text(f.name()).raw(".svg\">SVG</a></figcaption>\n</figure>\n");
        }
    }

    private static void sensitivity(Html h, Results r, List<Drawn> figures) {
        if (r.sensitivity().isEmpty()) {
            return;
        }
        h.el("h2", org.crackdown.analysis.Figures.SECTION_SENSITIVITY);
        h.raw("<p>").text("How much each measure depends on each varied parameter across the "
                + r.sensitivity().get(0).points() + " design points, computed on each point's mean over replications. "
                + "PRCC: partial rank correlation (monotone effect of one parameter with the others held fixed, \u22121 to 1). "
                + "SRC: standardised regression coefficient; with R\u00b2 near 1, SRC\u00b2 is the parameter's share of "
                + "the variance. Rows 'S minus " + r.baseline() + " (relative)' are of a strategy's effect, (S \u2212 "
                + r.baseline() + ") / |" + r.baseline() + "| at each design point: the parameters that decide how much "
                + "the strategy changes the measure, which may not be those that move its level.").raw("</p>\n");
        figureSectionBody(h, figures, org.crackdown.analysis.Figures.SECTION_SENSITIVITY);
        h.raw("<div class=\"table\"><table><thead><tr><th>Strategy</th><th>Measure</th><th>Parameter</th><th class=\"num\">PRCC</th>"
                + "<th class=\"num\">p</th><th class=\"num\">SRC</th><th class=\"num\">R\u00b2</th></tr></thead><tbody>\n");
        for (SensitivityRow s : r.sensitivity()) {
            boolean sig = s.coefficient().prccP() < 0.05;
            h.raw(sig ? "<tr class=\"sig\">" : "<tr>").raw("<td>").text(s.strategy()).raw("</td><td>")
                    .text(s.measure().label()).raw("</td><td>").text(s.parameter().name()).raw("</td>")
                    .raw(num(fixed(s.coefficient().prcc()))).raw(num(Format.p(s.coefficient().prccP())))
                    .raw(num(fixed(s.coefficient().src()))).raw(num(fixed(s.rSquared()))).raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    /** Robust comparison over parameter uncertainty and scenario discovery (posterior or sampled designs). */
    private static void robust(Html h, Results r, List<Drawn> figures) {
        org.crackdown.analysis.Robustness.Result rb = r.robust();
        if (!rb.present()) {
            return;
        }
        String unit = rb.unit();
        h.el("h2", org.crackdown.analysis.Figures.SECTION_ROBUST);
        h.raw("<p>").text("Each design point is a draw of the parameters (" + unit + "), so the spread of a strategy's "
                + "effect over them is what is not known about the parameters. For each strategy minus " + r.baseline()
                + ": the mean over " + unit + " with its 95% interval (draws − 1 degrees of freedom: it includes "
                + "both sources of spread), the SD of the true difference between " + unit + " (parameter uncertainty) "
                + "and within one (the randomness of a run), separately (one-way random-effects ANOVA), the range where "
                + "the true difference of 95% of " + unit + " lies (mean ± 1.96 SD between), the share of " + unit
                + " where the strategy does better, and its regret: at each draw, the best strategy's mean minus its own "
                + "(0 = best everywhere).").raw("</p>\n");
        Findings.Sentences s = Findings.of(r);
        list(h, s.robust(), "", "Nothing to compare.");
        h.raw("<div class=\"table\"><table><thead><tr><th>Measure</th><th>Strategy</th><th class=\"num\">Difference</th>"
                + "<th class=\"num\">95% CI</th><th class=\"num\">SD between</th><th class=\"num\">SD within</th>"
                + "<th class=\"num\">Better in</th><th class=\"num\">Mean regret</th><th class=\"num\">Max regret</th>"
                + "</tr></thead><tbody>\n");
        for (org.crackdown.analysis.Robustness.Row x : rb.rows()) {
            var v = x.difference();
            h.raw("<tr><td class=\"name\">").text(x.measure().label()).raw("<span class=\"muted unit\">")
                    .text(x.measure().unitOrEmpty() + (x.lowerIsBetter() ? ", lower is better" : ""))
                    .raw("</span></td><td class=\"name\">").text(x.strategy()).raw("</td>")
                    .raw(num(v == null ? "baseline" : Format.signed(v.mean())))
                    .raw(ci(v == null ? "" : range(v.ci().low(), v.ci().high())))
                    .raw(num(v == null ? "" : Format.number(v.sdBetween())))
                    .raw(num(v == null ? "" : Format.number(v.sdWithin())))
                    .raw(num(v == null ? "" : Format.share(x.shareBetter())))
                    .raw(num(Format.number(x.regretMean()))).raw(num(Format.number(x.regretMax()))).raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
        if (!rb.discoveries().isEmpty()) {
            h.el("h3", "Where a strategy fails to beat " + r.baseline() + " (scenario discovery)");
            h.raw("<p>").text("PRIM (Friedman and Fisher 1999) peels off 5% of the " + unit + " at a time, along the "
                    + "parameter whose cut leaves the largest share of failing " + unit + ", down to 5% of them; of these "
                    + "boxes it reports the one with the largest harmonic mean of coverage (share of all failing " + unit
                    + " inside) and density (share failing inside), then widens it again while that raises the density "
                    + "(pasting). With few " + unit + " a box is a hint, not a finding: check its number of " + unit
                    + ".").raw("</p>\n");
        }
        figureSectionBody(h, figures, org.crackdown.analysis.Figures.SECTION_ROBUST);
    }

    private static String fixed(double x) {
        if (Double.isNaN(x)) {
            return Format.DASH;
        }
        String s = String.format(java.util.Locale.ENGLISH, "%.2f", x);
        return s.startsWith("-") ? Format.MINUS + s.substring(1) : s;
    }

    private static void figureSectionBody(Html h, List<Drawn> figures, String section) {
        figureSection(h, figures, section, "");
    }

    private static void summary(Html h, Results r) {
        h.el("h2", TITLE_SUMMARY);
        h.raw("<p>").text("Compared measures only, over all successful runs of each strategy; every measure is in "
                + "summary_by_strategy.csv.").raw("</p>\n");
        h.raw("<div class=\"table\"><table><thead><tr>" + (r.experiment().points().size() > 1 ? "<th>Point</th>" : "")
                + "<th>Measure</th><th>Strategy</th><th class=\"num\">Runs</th><th class=\"num\">Failed</th>"
                + "<th class=\"num\">n</th><th class=\"num\">Mean</th><th class=\"num\">SD</th><th class=\"num\">95% CI</th>"
                + "</tr></thead><tbody>\n");
        for (SummaryRow s : r.summaries()) {
            if (!r.metrics().contains(s.measure())) {
                continue;
            }
            h.raw("<tr>");
            if (r.experiment().points().size() > 1) {
                h.raw("<td>").text(s.pointId()).raw("</td>");
            }
            h.raw("<td>").text(s.measure().label()).raw("</td><td>").text(s.strategy()).raw("</td>")
                    .raw(num(Integer.toString(s.runs()))).raw(num(Integer.toString(s.failed())))
                    .raw(num(Integer.toString(s.sample().n()))).raw(num(Format.number(s.sample().mean())))
                    .raw(num(Format.number(s.sample().sd())))
                    .raw(ci(range(s.sample().ci().low(), s.sample().ci().high()))).raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }
}
