package org.crackdown.analysis.stats;

/**
 * How many replications a comparison needs: the smallest n ≥ 2 with
 * t(0.975, n−1)·s/√n ≤ h, where s is the observed SD of the paired differences and h the wanted
 * CI half-width (precision × |baseline mean|). Because t depends on n this is found by search.
 */
public final class Replications {

    /** Beyond this the answer is reported as "more than" (a sweep that large is a design problem). */
    public static final int MAX = 1_000_000;

    private Replications() {
    }

    /** NaN when it cannot be computed (no SD, or a zero target). */
    public static double needed(double sd, double halfWidth) {
        if (Double.isNaN(sd) || Double.isNaN(halfWidth) || halfWidth <= 0) {
            return Double.NaN;
        }
        if (sd == 0) {
            return 2;
        }
        // Below the normal-approximation size z²s²/h² no n can do, since t > z; above it the
        // answer is only a few steps away, because t(0.975, n-1) is already close to z.
        double z = 1.959963984540054;
        double n0 = Math.pow(z * sd / halfWidth, 2);
        if (n0 >= MAX) {
            return MAX;
        }
        int n = Math.max(2, (int) Math.floor(n0));
        while (halfWidthAt(n, sd) > halfWidth) {
            if (++n >= MAX) {
                return MAX;
            }
        }
        return n;
    }

    private static double halfWidthAt(int n, double sd) {
        return Sample.tQuantile(n - 1) * sd / Math.sqrt(n);
    }
}
