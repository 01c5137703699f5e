package org.crackdown.analysis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.Results;
import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Scales;

/**
 * The report's last two sections, which say how the numbers above came to be rather than what
 * they are: "What was run" (inputs, design, scale, the provenance the folders recorded, the run
 * folders) and "Methods" (the statistics, in words and formulas).
 */
final class ProvenanceSection {

    /** Provenance groups with more entries than this are folded. */
    private static final int FOLD = 15;

    private ProvenanceSection() {
    }

    static void provenance(Html h, Results r, Paths paths) {
        Experiment e = r.experiment();
        h.el("h2", HtmlReport.TITLE_PROVENANCE);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put("input", String.join(", ", e.inputs().stream().map(paths::relative).toList())
                + " (relative to this report)");
        kv.put("design", (e.designKind() == null ? "not stated" : e.designKind()) + "; " + e.points().size()
                + " design point(s); " + (r.design().sampled() ? "sampled: strategies compared over all points pooled"
                        : "compared point by point"));
        kv.put("strategies", String.join(", ", e.strategies()));
        kv.put("baseline", r.baseline());
        kv.put("scale", Scales.inWords(e));
        kv.put("varied parameters", e.parameters().isEmpty() ? "(none)"
                : String.join(", ", e.parameters().stream().map(Field::name).toList()));
        e.measureFrom().ifPresent(f -> kv.put("measure window", f + " to " + e.measureTo().orElse("?")));
        table(h, kv);
        if (!e.provenance().isEmpty()) {
            h.el("h3", e.source() == Experiment.Source.SWEEP ? "sweep.json" : "Common to the runs (run.json)");
            // Large groups (the whole base scenario, the list of points) fold away so the
            // headline facts stay in view; nothing needs a script to unfold.
            Map<String, Map<String, String>> groups = new LinkedHashMap<>();
            e.provenance().forEach((k, v) -> groups.computeIfAbsent(k.split("[.\\[]", 2)[0], x -> new LinkedHashMap<>())
                    .put(k, v));
            Map<String, String> shown = new LinkedHashMap<>();
            groups.forEach((g, group) -> {
                if (group.size() <= FOLD) {
                    shown.putAll(group);
                }
            });
            table(h, shown);
            groups.forEach((g, group) -> {
                if (group.size() > FOLD) {
                    h.raw("<details><summary>").text(g + " (" + group.size() + " entries)").raw("</summary>\n");
                    table(h, group);
                    h.raw("</details>\n");
                }
            });
        }
        if (!e.runRecords().isEmpty()) {
            runFolders(h, e, paths);
        }
    }

    /** The prices behind cost_yuan, as used: what each counts and at what price. */
    private static String costs(Results r) {
        if (r.experiment().measureIndex(org.crackdown.analysis.Costs.COST) < 0) {
            return "not computed (no price of an officer-year; set --cost officer_year=YUAN)";
        }
        List<String> parts = new ArrayList<>();
        for (org.crackdown.analysis.Costs.Price p : org.crackdown.analysis.Costs.PRICES) {
            double v = r.costs().getOrDefault(p.key(), p.fallback());
            parts.add(p.column() + " \u00d7 " + (v == 0 ? "0 (not costed)" : Format.number(v) + " yuan per " + p.unit()));
        }
        return String.join(" + ", parts) + "; no price has a published source (docs/analysis.md#costs)";
    }

    /**
     * One short row per run folder; what is long or shared (descriptions, the scenario file) is
     * said once per scenario above it, so no cell stretches a row.
     */
    private static void runFolders(Html h, Experiment e, Paths paths) {
        h.el("h3", "Scenarios");
        Map<String, String> scenarios = new LinkedHashMap<>();
        for (Map<String, String> rec : e.runRecords()) {
            String d = rec.getOrDefault("description", "");
            String f = rec.getOrDefault("scenario_file", "");
            scenarios.putIfAbsent(rec.get("scenario"), d + (f.isEmpty() ? "" : (d.isEmpty() ? "" : " ") + "(" + f + ")"));
        }
        table(h, scenarios);
        h.el("h3", "Run folders");
        List<String> cols = new ArrayList<>(List.of("folder", "scenario", "seed", "scale", "started",
                "wall_clock_seconds"));
        if (e.runRecords().stream().anyMatch(rec -> !rec.getOrDefault("overrides", "").isEmpty())) {
            cols.add("overrides");
        }
        Map<String, String> scaleByRun = new LinkedHashMap<>();
        e.runs().forEach(run -> scaleByRun.put(run.runId(), Scales.text(run.scale())));
        h.raw("<div class=\"table\"><table><thead><tr>");
        cols.forEach(c -> h.raw("<th>").text(c.replace('_', ' ')).raw("</th>"));
        h.raw("</tr></thead><tbody>\n");
        for (Map<String, String> rec : e.runRecords()) {
            h.raw("<tr>");
            for (String c : cols) {
                String v = switch (c) {
                    case "folder" -> paths.relative(java.nio.file.Path.of(rec.getOrDefault("folder", "")));
                    case "scale" -> scaleByRun.getOrDefault(rec.get("run_id"), Scales.UNKNOWN);
                    default -> rec.getOrDefault(c, "");
                };
                h.raw("<td>").text(v).raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    /** Input folders as the report names them: relative to the report's folder, never absolute. */
    record Paths(java.nio.file.Path reportDir) {

        String relative(java.nio.file.Path p) {
            if (reportDir == null) {
                return name(p);
            }
            try {
                String rel = reportDir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString();
                return rel.isEmpty() ? "." : rel;
            } catch (IllegalArgumentException x) {
                return name(p);
            }
        }

        static String name(java.nio.file.Path p) {
            java.nio.file.Path f = p.toAbsolutePath().normalize().getFileName();
            return f == null ? p.toString() : f.toString();
        }
    }

    private static void table(Html h, Map<String, String> kv) {
        h.raw("<div class=\"table\"><table class=\"kv\"><tbody>\n");
        kv.forEach((k, v) -> h.raw("<tr><td>").text(k).raw("</td><td>").text(v).raw("</td></tr>\n"));
        h.raw("</tbody></table></div>\n");
    }

    static void methods(Html h, Results r, List<String> files) {
        h.el("h2", HtmlReport.TITLE_METHODS);
        h.raw("<ul>\n");
        for (String m : new String[] {
                "Per strategy and design point: mean, sample SD (divisor n\u22121) and 95% CI mean \u00b1 t(0.975, n\u22121)\u00b7s/\u221an over successful replications; failed runs are counted and left out.",
                "Paired differences: runs of a strategy and of " + r.baseline() + " with the same design point and replicate share their seed (common random numbers); d\u1d62 = strategy\u1d62 \u2212 baseline\u1d62, mean d\u0304 with 95% CI d\u0304 \u00b1 t(0.975, n\u22121)\u00b7s_d/\u221an, paired t-test t = d\u0304/(s_d/\u221an), two-sided p.",
                "Multiple comparisons: Holm's step-down correction over the family of all " + r.differences().size() + " comparisons; significant = Holm p < 0.05.",
                "Relative difference: d\u0304 / |baseline mean| (its CI treats the baseline mean as known).",
                "Replications needed: smallest n with t(0.975, n\u22121)\u00b7s_d/\u221an \u2264 " + Format.share(r.precision()) + " \u00d7 |baseline mean|.",
                "Ranking: strategies ordered by their mean, with the 95% CI of the mean; cost-effectiveness as rescues and as victims spared (fewer trafficked than the baseline's run with the same seed) per officer-year and, with prices set (--cost), per million yuan.",
                "Cost in yuan: " + costs(r) + ".",
                "Sensitivity (sampled designs): PRCC on ranks of each point's mean, t-test with n\u22121\u2212k df; SRC from OLS on standardised values, with R\u00b2."}) {
            h.raw("<li>").text(m).raw("</li>\n");
        }
        h.raw("</ul>\n");
        h.raw("<p>").text("Files: " + String.join(", ", files) + ".").raw("</p>\n");
    }
}
