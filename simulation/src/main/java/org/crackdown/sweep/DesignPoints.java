package org.crackdown.sweep;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.crackdown.model.ParamSpec;
import org.crackdown.output.CsvNumbers;

import ec.util.MersenneTwisterFast;

/**
 * Turns the varied keys into design points: each point is one value per key, in the order of
 * {@link SweepSpec#vary()}.
 *
 * <p>Sampled values (LHS, Sobol) are rounded before use: whole-number parameters to the nearest
 * integer, the others to six significant digits, which is how runs.csv writes numbers. So the
 * value in runs.csv is exactly the value that was run, and a point can be rerun from its row.
 */
public final class DesignPoints {

    /** Sobol sequences in commons-math3 support this many dimensions. */
    static final int SOBOL_MAX_DIMENSIONS = 1000;

    private DesignPoints() {
    }

    public static List<List<Object>> expand(SweepSpec spec) {
        return switch (spec.design()) {
            case GRID -> grid(spec.vary());
            case LHS -> scale(spec.vary(), latinHypercube(spec.samples(), spec.vary().size(), spec.designSeed()));
            case SOBOL -> scale(spec.vary(), sobol(spec.samples(), spec.vary().size()));
            case POSTERIOR -> spec.posterior().points();
        };
    }

    /** Number of points {@link #expand} gives, computed without expanding (may exceed int). */
    public static long count(SweepSpec spec) {
        if (spec.design() == DesignMethod.POSTERIOR) {
            return spec.posterior().draws();
        }
        if (spec.design() != DesignMethod.GRID) {
            return spec.samples();
        }
        long n = 1;
        for (Dimension d : spec.vary()) {
            n = Math.multiplyExact(n, d.levels().size());
        }
        return n;
    }

    /** Cartesian product; the last key varies fastest, like nested loops written in file order. */
    static List<List<Object>> grid(List<Dimension> dims) {
        List<List<Object>> points = new ArrayList<>();
        points.add(List.of());
        for (Dimension d : dims) {
            List<List<Object>> next = new ArrayList<>(points.size() * d.levels().size());
            for (List<Object> p : points) {
                for (Object level : d.levels()) {
                    List<Object> q = new ArrayList<>(p);
                    q.add(level);
                    next.add(List.copyOf(q));
                }
            }
            points = next;
        }
        return points;
    }

    /**
     * Points in the unit cube [0, 1)^d: for each dimension (in order) a random permutation of the
     * n strata (Fisher-Yates), then a uniform position inside each point's stratum. So every
     * dimension has exactly one point in each of its n equal strata (McKay, Beckman and Conover
     * 1979). The draws come from one MersenneTwisterFast seeded with {@code seed}, in a fixed order.
     */
    static double[][] latinHypercube(int n, int d, long seed) {
        MersenneTwisterFast rng = new MersenneTwisterFast(seed);
        double[][] u = new double[n][d];
        for (int j = 0; j < d; j++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                u[i][j] = (perm[i] + rng.nextDouble()) / n;
            }
        }
        return u;
    }

    /**
     * The first n points of the Sobol sequence (Joe and Kuo direction numbers, as in
     * commons-math3). Nothing is skipped, so the first point is the origin: every key at its min.
     */
    static double[][] sobol(int n, int d) {
        if (d > SOBOL_MAX_DIMENSIONS) {
            throw new IllegalArgumentException("a Sobol design supports at most " + SOBOL_MAX_DIMENSIONS + " keys");
        }
        SobolSequenceGenerator g = new SobolSequenceGenerator(d);
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = g.nextVector();
        }
        return u;
    }

    static List<List<Object>> scale(List<Dimension> dims, double[][] unit) {
        List<List<Object>> points = new ArrayList<>(unit.length);
        for (double[] u : unit) {
            List<Object> p = new ArrayList<>(dims.size());
            for (int j = 0; j < dims.size(); j++) {
                Dimension d = dims.get(j);
                p.add(value(d, d.min() + u[j] * (d.max() - d.min())));
            }
            points.add(List.copyOf(p));
        }
        return points;
    }

    private static Object value(Dimension d, double x) {
        if (d.spec().kind() == ParamSpec.Kind.INTEGER) {
            long r = Math.round(x);
            return (int) Math.max(Math.ceil(d.min()), Math.min(Math.floor(d.max()), r));
        }
        double rounded = Double.parseDouble(CsvNumbers.format(x));
        return Math.max(d.min(), Math.min(d.max(), rounded));
    }
}
