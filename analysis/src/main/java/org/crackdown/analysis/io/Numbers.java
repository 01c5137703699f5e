package org.crackdown.analysis.io;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in output CSVs: plain decimal (no exponent), six significant digits, empty for missing. */
public final class Numbers {

    private static final MathContext SIX = new MathContext(6);

    private Numbers() {
    }

    public static String plain(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = new BigDecimal(v).round(SIX).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
