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
    public record Sentences(List<String> significant, List<String> notSignificant, List<String> rankings) {
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
        return new Sentences(sig, not, rankings(r));
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
