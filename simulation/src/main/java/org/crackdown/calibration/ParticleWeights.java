package org.crackdown.calibration;

import java.util.Arrays;

/**
 * The arithmetic of ABC-SMC's weights and its Gaussian perturbation kernel, apart from the
 * algorithm ({@link AbcSmc}): a Cholesky factor, a kernel density, weights normalised in log
 * space, effective sample size and weighted picking.
 */
final class ParticleWeights {

    private ParticleWeights() {
    }

    /** Lower-triangular L with L Lᵀ = m (m symmetric positive definite). */
    static double[][] cholesky(double[][] m) {
        int d = m.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-300));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** from + L z, z standard normal in d dimensions (d draws from rng): one step of the kernel. */
    static double[] gaussianStep(double[] from, double[][] l, org.apache.commons.math3.random.RandomGenerator rng) {
        int d = from.length;
        double[] step = new double[d];
        for (int a = 0; a < d; a++) {
            step[a] = rng.nextGaussian();
        }
        double[] to = from.clone();
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                to[a] += l[a][b] * step[b];
            }
        }
        return to;
    }

    /** Log Gaussian kernel density of x around mu, up to a constant shared by every pair. */
    static double logKernel(double[] x, double[] mu, double[][] l) {
        int d = x.length;
        double[] y = new double[d];
        double q = 0;
        for (int a = 0; a < d; a++) {
            double s = x[a] - mu[a];
            for (int b = 0; b < a; b++) {
                s -= l[a][b] * y[b];
            }
            y[a] = s / l[a][a];
            q += y[a] * y[a];
        }
        return -0.5 * q;
    }

    /** log Σ exp(x), without overflow. */
    static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** Weights from log weights, summing to 1. */
    static double[] normalised(double[] logW) {
        double m = Arrays.stream(logW).max().orElse(0);
        double[] w = new double[logW.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logW[i] - m);
            s += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= s;
        }
        return w;
    }

    /** Effective sample size of normalised weights: 1 / Σ w². */
    static double ess(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x * x;
        }
        return 1 / s;
    }

    /** The first index whose cumulative weight exceeds u. */
    static int pick(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, cumulative.length - 1);
    }
}
