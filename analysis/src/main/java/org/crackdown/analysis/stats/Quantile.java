package org.crackdown.analysis.stats;

import java.util.Arrays;

/** Sample quantiles, one rule for the project (R's type 7, as numpy's default). */
public final class Quantile {

    private Quantile() {
    }

    /** The q-quantile of x, linear between order statistics; NaN for no values. */
    public static double of(double[] x, double q) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double h = (s.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }
}
