package org.crackdown.analysis.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers for people: thousands separators, sensible precision, a real minus sign. */
public final class Format {

    public static final String MINUS = "\u2212";
    public static final String DASH = "\u2013";

    private Format() {
    }

    private static DecimalFormat df(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    }

    /** 1,234 · 12.3 · 1.23 · 0.0123; a dash for missing. */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return DASH;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\u221e" : MINUS + "\u221e";
        }
        double a = Math.abs(x);
        String s;
        if (a >= 100 || a == 0) {
            s = df("#,##0").format(a);
        } else if (a >= 10) {
            s = df("0.0").format(a);
        } else if (a >= 1) {
            s = df("0.00").format(a);
        } else {
            s = df("0.00#").format(a);
            if (s.equals("0.00") || a < 0.001) {
                s = df("0.###E0").format(a);
            }
        }
        boolean zero = s.matches("[0.,]+");
        return (x < 0 && !zero ? MINUS : "") + s;
    }

    /** With an explicit sign: +1,234 or −1,234. */
    public static String signed(double x) {
        if (Double.isNaN(x)) {
            return DASH;
        }
        String n = number(x);
        return x > 0 && !n.matches("[0.,]+") ? "+" + n : n;
    }

    /** A fraction as a signed percentage: 0.183 → +18%, 0.045 → +4.5%. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return DASH;
        }
        double p = 100 * fraction;
        String s = Math.abs(p) >= 10 ? df("#,##0").format(Math.abs(p)) : df("0.0").format(Math.abs(p));
        boolean zero = s.matches("[0.,]+");
        return (zero ? "" : p > 0 ? "+" : MINUS) + s + "%";
    }

    /** A whole number with thousands separators ("1,234"), or "more than 1,000,000" at the cap. */
    public static String count(double x) {
        if (Double.isNaN(x)) {
            return DASH;
        }
        String n = df("#,##0").format(x);
        return x >= org.crackdown.analysis.stats.Replications.MAX ? "more than " + n : n;
    }

    /** An unsigned percentage of a fraction, as short as exact: 0.05 → 5%, 0.025 → 2.5%. */
    public static String share(double fraction) {
        return df("0.##").format(100 * fraction) + "%";
    }

    /** A p-value: "< 0.001", "0.004", "0.62". */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return DASH;
        }
        if (p < 0.001) {
            return "< 0.001";
        }
        return p < 0.01 ? df("0.000").format(p) : df("0.00").format(p);
    }

    /** "p < 0.001" or "p = 0.62". */
    public static String pClause(String label, double p) {
        String f = p(p);
        return label + (f.startsWith("<") ? " " : " = ") + f;
    }

    public static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
