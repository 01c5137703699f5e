package org.crackdown.analysis.stats;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Global sensitivity of one output to k varied inputs over n sampled design points.
 *
 * <p>PRCC (partial rank correlation coefficient, Marino et al. 2008, J. Theor. Biol. 254:178):
 * rank-transform inputs and output; for input j, regress its ranks and the output's ranks on the
 * ranks of the other k−1 inputs (with intercept) and correlate the two residual vectors. It
 * measures monotone association with input j after removing the others' linear (in ranks)
 * effects. Significance: t = r·√((n−2−(k−1)) / (1−r²)) on n−2−(k−1) degrees of freedom.
 *
 * <p>SRC (standardised regression coefficient): OLS of the output on all inputs, each
 * standardised to mean 0 and SD 1; SRC_j = b_j · s(x_j) / s(y). With R² near 1 the model is near
 * linear and SRC_j² is the share of output variance due to input j.
 */
public final class Sensitivity {

    /** One input's result. NaN where undefined (constant input, too few points). */
    public record Coefficient(double prcc, double prccP, double src) {
    }

    /** Results for all inputs, in input order, and the R² of the linear regression behind SRC. */
    public record Result(int n, List<Coefficient> coefficients, double rSquared) {
    }

    private Sensitivity() {
    }

    /** True when n points are enough to estimate k inputs' effects with residual degrees of freedom. */
    public static boolean enoughPoints(int n, int k) {
        return k > 0 && n >= k + 3;
    }

    /**
     * @param x x[i][j] = input j at point i (no NaN)
     * @param y output at each point (no NaN)
     */
    public static Result compute(double[][] x, double[] y) {
        int n = y.length;
        int k = n == 0 ? 0 : x[0].length;
        if (!enoughPoints(n, k)) {
            throw new IllegalArgumentException("need at least k+3 = " + (k + 3) + " points for " + k + " inputs, got " + n);
        }
        double[][] rx = new double[n][k];
        for (int j = 0; j < k; j++) {
            double[] col = column(x, j);
            double[] r = Ranks.of(col);
            for (int i = 0; i < n; i++) {
                rx[i][j] = r[i];
            }
        }
        double[] ry = Ranks.of(y);
        List<Coefficient> out = new ArrayList<>();
        double[] src = src(x, y);
        double r2 = src[k];
        int df = n - 2 - (k - 1);
        for (int j = 0; j < k; j++) {
            double prcc = prcc(rx, ry, j);
            double p = Double.NaN;
            if (!Double.isNaN(prcc) && df > 0) {
                if (Math.abs(prcc) >= 1) {
                    p = 0;
                } else {
                    double t = prcc * Math.sqrt(df / (1 - prcc * prcc));
                    p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
                }
            }
            out.add(new Coefficient(prcc, p, src[j]));
        }
        return new Result(n, out, r2);
    }

    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }

    private static boolean constant(double[] v) {
        for (double d : v) {
            if (d != v[0]) {
                return false;
            }
        }
        return true;
    }

    /** Partial correlation of rank columns j and y given the other rank columns. */
    static double prcc(double[][] rx, double[] ry, int j) {
        int n = ry.length;
        int k = rx[0].length;
        double[] xj = column(rx, j);
        if (constant(xj) || constant(ry)) {
            return Double.NaN;
        }
        // Constant inputs explain nothing and would make the regression singular: leave them out.
        List<Integer> others = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (c != j && !constant(column(rx, c))) {
                others.add(c);
            }
        }
        double[] ex;
        double[] ey;
        if (others.isEmpty()) {
            ex = centred(xj);
            ey = centred(ry);
        } else {
            double[][] z = new double[n][others.size()];
            for (int i = 0; i < n; i++) {
                for (int o = 0; o < others.size(); o++) {
                    z[i][o] = rx[i][others.get(o)];
                }
            }
            ex = residuals(xj, z);
            ey = residuals(ry, z);
            if (ex == null || ey == null) {
                return Double.NaN;
            }
        }
        if (constant(ex) || constant(ey)) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(ex, ey);
    }

    private static double[] centred(double[] v) {
        double m = Sample.mean(v);
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i] - m;
        }
        return c;
    }

    private static double[] residuals(double[] y, double[][] x) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        try {
            return ols.estimateResiduals();
        } catch (SingularMatrixException e) {
            return null;
        }
    }

    /** SRC of each input, then R² as the last element; NaN for constant inputs. */
    static double[] src(double[][] x, double[] y) {
        int n = y.length;
        int k = x[0].length;
        double[] out = new double[k + 1];
        java.util.Arrays.fill(out, Double.NaN);
        if (constant(y)) {
            return out;
        }
        // Constant inputs carry no information and would make the design matrix singular.
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (!constant(column(x, j))) {
                used.add(j);
            }
        }
        if (used.isEmpty()) {
            return out;
        }
        double[] zy = standardised(y);
        double[][] zx = new double[n][used.size()];
        for (int u = 0; u < used.size(); u++) {
            double[] z = standardised(column(x, used.get(u)));
            for (int i = 0; i < n; i++) {
                zx[i][u] = z[i];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(zy, zx);
        try {
            double[] b = ols.estimateRegressionParameters();
            for (int u = 0; u < used.size(); u++) {
                out[used.get(u)] = b[u + 1];
            }
            out[k] = ols.calculateRSquared();
        } catch (SingularMatrixException e) {
            // Collinear inputs: SRCs are not identifiable; leave NaN.
        }
        return out;
    }

    private static double[] standardised(double[] v) {
        double m = Sample.mean(v);
        double s = Sample.sd(v, m);
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = (v[i] - m) / s;
        }
        return z;
    }
}
