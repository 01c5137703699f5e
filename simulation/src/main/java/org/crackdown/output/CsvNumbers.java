package org.crackdown.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers appear in CSV cells. Locale-independent and exact, so the same double always
 * gives the same text on every machine (byte-identical CSVs for the same seed).
 */
public final class CsvNumbers {

    /** Six significant digits: more than any measure in the model is accurate to. */
    private static final MathContext SIGNIFICANT = new MathContext(6, RoundingMode.HALF_EVEN);

    /** Beyond this, a double no longer holds every integer, so integral-looking values are not counts. */
    private static final double EXACT_INTEGER_LIMIT = 9.007199254740992E15;

    private CsvNumbers() {
    }

    /**
     * Integral values as integers ({@code 12}, not {@code 12.0}); others rounded to six
     * significant digits without trailing zeros or exponent; NaN (and infinities, which no measure
     * should produce) as the empty cell, which the data package declares as missing.
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) v); // also turns -0.0 into "0"
        }
        BigDecimal rounded = new BigDecimal(v).round(SIGNIFICANT).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }
}
