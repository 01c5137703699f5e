package org.crackdown.analysis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.crackdown.analysis.Design;
import org.crackdown.analysis.DifferenceRow;
import org.crackdown.analysis.RankRow;
import org.crackdown.analysis.Results;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.stats.PairedComparison;

/**
 * Plain-language sentences about the comparisons, e.g. "double-police gives 1,234 more rescues
 * than baseline (95% CI 900 to 1,560 victims; +18%; Holm p < 0.001)".
 */
public final class Findings {

    /** Units of things one can count, which read well as "N more ..." / "N fewer ...". */
    private static final Set<String> COUNTABLE = Set.of("victims", "children", "gangs", "people", "cases", "buyers",
            "tips", "officers", "officer-years", "runs");

    /** Significant and not significant differences, in table order. */
    public record Sentences(List<String> significant, List<String> notSignificant, List<String> rankings,
                            List<String> robust) {
    }

    private Findings() {
    }

    public static Sentences of(Results r) {
        List<String> sig = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (DifferenceRow d : r.differences()) {
            String where = where(r, d.pointId());
            if (d.significant()) {
                sig.add(where + significant(d));
            } else {
                not.add(where + notSignificant(d, r.precision()));
            }
        }
        return new Sentences(sig, not, rankings(r), robust(r));
    }

    private static String where(Results r, String point) {
        if (r.experiment().points().size() == 1) {
            return "";
        }
        if (point.equals(Design.ALL)) {
            return "Over all design points: ";
        }
        String params = org.crackdown.analysis.Figures.pointParams(r, point);
        return "At design point " + point + (params.isEmpty() ? "" : " (" + params.substring(2) + ")") + ": ";
    }

    static boolean countable(Field f) {
        return COUNTABLE.contains(f.unitOrEmpty().toLowerCase(Locale.ROOT));
    }

    private static String unitSuffix(Field f) {
        return f.unitOrEmpty().isEmpty() ? "" : " " + f.unitOrEmpty();
    }

    private static String ci(PairedComparison c, Field f) {
        return "95% CI " + Format.signed(c.difference().ci().low()) + " to " + Format.signed(c.difference().ci().high())
                + unitSuffix(f);
    }

    static String significant(DifferenceRow d) {
        PairedComparison c = d.comparison();
        Field f = d.measure();
        double diff = c.difference().mean();
        String amount = Format.number(Math.abs(diff));
        String body;
        if (countable(f)) {
            body = d.strategy() + " gives " + amount + (diff > 0 ? " more " : " fewer ") + f.label() + " than "
                    + d.baseline();
        } else {
            body = d.strategy() + (diff > 0 ? " raises " : " lowers ") + f.label() + " by " + amount + unitSuffix(f)
                    + " relative to " + d.baseline();
        }
        return body + " (" + ci(c, f) + "; " + Format.percent(c.relative()) + "; " + Format.pClause("Holm p", d.pHolm())
                + ").";
    }

    static String notSignificant(DifferenceRow d, double precision) {
        PairedComparison c = d.comparison();
        Field f = d.measure();
        if (c.n() < 2) {
            return d.strategy() + " vs " + d.baseline() + ", " + f.label() + ": cannot be tested (" + c.n()
                    + " pair" + (c.n() == 1 ? "" : "s") + " of runs with the same seed; at least 2 needed).";
        }
        String s = d.strategy() + " vs " + d.baseline() + ", " + f.label() + ": no significant difference (difference "
                + Format.signed(c.difference().mean()) + ", " + ci(c, f) + "; " + Format.percent(c.relative()) + "; "
                + Format.pClause("Holm p", d.pHolm()) + ")";
        double need = d.replicationsNeeded();
        if (!Double.isNaN(need) && need > c.n()) {
            s += "; about " + Format.count(need) + " paired replications would estimate it within \u00b1"
                    + Format.share(precision) + " of the " + d.baseline() + " mean";
        }
        return s + ".";
    }

    /**
     * Over parameter uncertainty, for the ranking measure: each strategy's difference with its
     * interval and the two sources of spread, the share of draws where it is better, its regret;
     * then where it fails (PRIM).
     */
    private static List<String> robust(Results r) {
        List<String> out = new ArrayList<>();
        org.crackdown.analysis.Robustness.Result rb = r.robust();
        if (!rb.present()) {
            return out;
        }
        String unit = rb.unit();
        for (org.crackdown.analysis.Robustness.Row x : rb.rows()) {
            if (!x.measure().equals(r.rankBy())) {
                continue;
            }
            Field f = x.measure();
            String regret = "regret " + Format.number(x.regretMean()) + " on average, at most "
                    + Format.number(x.regretMax()) + unitSuffix(f);
            if (x.difference() == null) {
                out.add(x.strategy() + " (the baseline): " + regret + " (how much less well it does than the best "
                        + "strategy of each of " + x.regretDraws() + " " + unit + ").");
                continue;
            }
            var v = x.difference();
            var pi = v.parameterInterval();
            String spread = Double.isNaN(v.sdBetween()) ? "between and within " + unit + " not separable"
                    : "SD between " + unit + " (parameters) " + Format.number(v.sdBetween()) + ", within (run "
                    + "noise) " + Format.number(v.sdWithin())
                    + (Double.isNaN(pi.low()) ? "" : "; 95% of " + unit + " lie in " + Format.signed(pi.low()) + " to "
                    + Format.signed(pi.high()));
            out.add(x.strategy() + " minus " + r.baseline() + ", " + f.label() + ", over " + v.draws() + " " + unit + ": "
                    + Format.signed(v.mean()) + " (95% CI " + Format.signed(v.ci().low()) + " to "
                    + Format.signed(v.ci().high()) + unitSuffix(f) + "; " + spread + "); better in "
                    + Format.share(x.shareBetter()) + " of " + unit + "; " + regret + ".");
        }
        rb.discoveries().forEach(d -> out.add(d.sentence()));
        return out;
    }

    private static List<String> rankings(Results r) {
        List<String> out = new ArrayList<>();
        String lastKey = null;
        StringBuilder sb = null;
        for (RankRow k : r.rankings()) {
            String key = k.pointId() + "\u0000" + k.criterion().name();
            if (!key.equals(lastKey)) {
                if (sb != null) {
                    out.add(sb.append('.').toString());
                }
                sb = new StringBuilder(where(r, k.pointId()) + "By " + k.criterion().label()
                        + (k.lowerIsBetter() ? " (lower is better)" : "") + ": ");
                lastKey = key;
            } else {
                sb.append(", then ");
            }
            sb.append(k.strategy()).append(" (").append(Format.number(k.sample().mean())).append(')');
        }
        if (sb != null) {
            out.add(sb.append('.').toString());
        }
        return out;
    }
}
