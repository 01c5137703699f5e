package org.crackdown.model;

import org.apache.commons.math3.special.Gamma;

import ec.util.MersenneTwisterFast;

/**
 * Count distributions drawn from the model's one generator (never a second one, so runs stay
 * reproducible). The samplers are exact, whatever the mean: a normal approximation would bias
 * small-probability draws at large n, and the bias would change with the run's {@code scale}
 * (n grows with scale while p does not), so results would not be comparable across scales.
 *
 * <p>Binomial: inversion when n·min(p, 1−p) &lt; 30, else BTPE (Kachitvichyanukul &amp; Schmeiser,
 * Comm. ACM 31(2), 1988). Poisson: multiplication (Knuth) for means below 10, else PTRS
 * (Hörmann, Insurance: Mathematics and Economics 12, 1993). Both are the algorithms NumPy uses.
 * (Commons RNG, whose ziggurat draws the model's Gaussians, has Poisson and binomial samplers too;
 * these ~100 lines came first, are checked against the exact distributions in RngTest, and
 * switching would change every run's draws for no known gain.)
 */
public final class Rng {

    /** Below this n·min(p, 1−p), binomial inversion is both exact and cheap. */
    private static final double BINOMIAL_INVERSION_MAX_MEAN = 30;
    /** Below this mean, Knuth's multiplication method is exact and cheap. */
    private static final double POISSON_MULTIPLICATION_MAX_MEAN = 10;

    private Rng() {
    }

    /** Poisson-distributed count with mean {@code mean} (0 if mean &lt;= 0). */
    public static int poisson(MersenneTwisterFast r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < POISSON_MULTIPLICATION_MAX_MEAN) {
            double limit = Math.exp(-mean);
            double prod = r.nextDouble();
            int k = 0;
            while (prod > limit) {
                k++;
                prod *= r.nextDouble();
            }
            return k;
        }
        return poissonPtrs(r, mean);
    }

    /** Transformed rejection with squeeze (PTRS); exact for mean &gt;= 10. */
    private static int poissonPtrs(MersenneTwisterFast r, double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = r.nextDouble() - 0.5;
            double v = r.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - Gamma.logGamma(k + 1)) {
                return (int) k;
            }
        }
    }

    /** Binomial count of successes in {@code n} trials of probability {@code p}. */
    public static int binomial(MersenneTwisterFast r, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        // Draw for the rarer outcome and mirror: both algorithms assume p <= 1/2.
        double q = Math.min(p, 1 - p);
        int k = n * q < BINOMIAL_INVERSION_MAX_MEAN ? binomialInversion(r, n, q) : binomialBtpe(r, n, q);
        return p > 0.5 ? n - k : k;
    }

    /** Sequential search of the CDF from 0; expected n·p + 1 steps. p &lt;= 1/2. */
    private static int binomialInversion(MersenneTwisterFast r, int n, double p) {
        double q = 1 - p;
        double qn = Math.exp(n * Math.log(q));
        double np = n * p;
        // Beyond ten SDs the remaining mass is below 1e-20: restart rather than loop on rounding.
        double bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
        int x = 0;
        double px = qn;
        double u = r.nextDouble();
        while (u > px) {
            x++;
            if (x > bound) {
                x = 0;
                px = qn;
                u = r.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }
        return x;
    }

    /** BTPE: triangle, parallelogram and exponential tails with an exact acceptance test. p &lt;= 1/2. */
    private static int binomialBtpe(MersenneTwisterFast r, int n, double p) {
        double q = 1 - p;
        double fm = n * p + p;
        long m = (long) Math.floor(fm);
        double npq = n * p * q;
        double p1 = Math.floor(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double a = (fm - xl) / (fm - xl * p);
        double laml = a * (1 + a / 2);
        a = (xr - fm) / (xr * q);
        double lamr = a * (1 + a / 2);
        double p2 = p1 * (1 + 2 * c);
        double p3 = p2 + c / laml;
        double p4 = p3 + c / lamr;
        while (true) {
            double u = r.nextDouble() * p4;
            double v = r.nextDouble();
            long y;
            if (u <= p1) {
                // Triangle region: accepted at once.
                return (int) Math.floor(xm - p1 * v + u);
            } else if (u <= p2) {
                double x = xl + (u - p1) / c;
                v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
                if (v > 1) {
                    continue;
                }
                y = (long) Math.floor(x);
            } else if (u <= p3) {
                y = (long) Math.floor(xl + Math.log(v) / laml);
                if (y < 0 || v == 0) {
                    continue;
                }
                v = v * (u - p2) * laml;
            } else {
                y = (long) Math.floor(xr - Math.log(v) / lamr);
                if (y > n || v == 0) {
                    continue;
                }
                v = v * (u - p3) * lamr;
            }
            if (btpeAccept(n, p, q, m, xm, npq, y, v)) {
                return (int) y;
            }
        }
    }

    /** Whether v lies under f(y)/f(m): by recursion near the mode, else by Stirling bounds. */
    private static boolean btpeAccept(int n, double p, double q, long m, double xm, double npq, long y, double v) {
        long k = Math.abs(y - m);
        if (k <= 20 || k >= npq / 2 - 1) {
            double s = p / q;
            double a = s * (n + 1);
            double f = 1;
            if (m < y) {
                for (long i = m + 1; i <= y; i++) {
                    f *= a / i - s;
                }
            } else if (m > y) {
                for (long i = y + 1; i <= m; i++) {
                    f /= a / i - s;
                }
            }
            return v <= f;
        }
        double rho = (k / npq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / npq + 0.5);
        double t = -(double) k * k / (2 * npq);
        double logV = Math.log(v);
        if (logV < t - rho) {
            return true;
        }
        if (logV > t + rho) {
            return false;
        }
        double x1 = y + 1;
        double f1 = m + 1;
        double z = n + 1 - m;
        double w = n - y + 1;
        return logV <= xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log(w * p / (x1 * q))
                + stirlingCorrection(f1) + stirlingCorrection(z) - stirlingCorrection(x1) - stirlingCorrection(w);
    }

    /**
     * log Γ(x) minus its Stirling approximation: 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷).
     * The implementations we know of (ranlib, NumPy) add all four terms, and NumPy writes 13680 for 13860;
     * from log f(y)/f(m) = log m! + log (n−m)! − log y! − log (n−y)! + (y−m) log(p/q) the terms for
     * y+1 and n−y+1 are subtracted. The difference is below 1e-3 in the log and only matters
     * between the squeezes.
     */
    private static double stirlingCorrection(double x) {
        double x2 = x * x;
        return (13860. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x / 166320.;
    }

    /** Exponentially distributed duration with the given mean, rounded to whole days, at least 1. */
    public static int exponentialDays(MersenneTwisterFast r, double mean) {
        return (int) Math.max(1, Math.round(-mean * Math.log(1 - r.nextDouble())));
    }

    /** Uniform on [lo, hi). */
    public static double uniform(MersenneTwisterFast r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
