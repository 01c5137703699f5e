package org.crackdown.analysis.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PRIM, the patient rule induction method (Friedman and Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123), as used for scenario discovery
 * (Bryant and Lempert 2010; EMA Workbench): finds a box of input space (one interval per input)
 * where cases of interest (y = 1) are concentrated.
 *
 * <p><b>Peeling.</b> Start from the box holding every point. At each step, for every input, try
 * cutting off the share {@code alpha} of the box's points with the lowest values of that input,
 * and the share with the highest; keep the cut whose remaining box has the highest mean of y
 * (ties: the cut removing fewer points, then the first input). Stop when the next box would hold
 * fewer than {@code minMass} of all points, or no cut removes a point (ties). Each step's box is
 * on the <i>trajectory</i>, with its
 * <ul>
 * <li>coverage: the share of all cases of interest that lie in the box;</li>
 * <li>density: the share of the box's points that are cases of interest;</li>
 * <li>mass: the share of all points in the box.</li>
 * </ul>
 * <p><b>Choosing a box.</b> Coverage falls and density rises along the trajectory; the box
 * reported is the one with the highest harmonic mean of coverage and density (their F-score),
 * which rewards boxes that are both pure and hold most of the cases (ties: the larger box).
 * <p><b>Pasting</b> (optional) then widens the chosen box again, one input end at a time, by
 * the {@code alpha} share of its points nearest outside that end, as long as this raises the
 * density.
 * <p><b>Dropping restrictions that chance explains</b> (optional; Bryant and Lempert 2010, the
 * EMA Workbench's quasi-p-values). Peeling restricts whatever input raises the density most at
 * each step, so with few cases of interest among many inputs the chosen box restricts inputs
 * whose cut only happened to remove a non-case or two (a box over 29 of 58 inputs for 15 failing
 * points of 128, docs/calibration.md, session 19). The quasi-p-value of a restriction is the
 * chance of at least the narrower box's cases among its points were they drawn at the density of
 * the box without it (binomial upper tail). From the box of every point, the chosen box's
 * restrictions are added back one at a time, the most significant first, while its quasi-p-value
 * is at most the threshold. The result holds the chosen box, so coverage can only rise.
 */
public final class Prim {

    /** One box: bounds per input (inclusive; ±∞ = not restricted) and how well it captures y. */
    public record Box(double[] low, double[] high, int points, double coverage, double density, double mass) {

        /** Inputs whose range the box narrows, compared with the range of the data. */
        public List<Integer> restricted(double[] dataMin, double[] dataMax) {
            List<Integer> out = new ArrayList<>();
            for (int j = 0; j < low.length; j++) {
                if (low[j] > dataMin[j] || high[j] < dataMax[j]) {
                    out.add(j);
                }
            }
            return out;
        }

        public boolean contains(double[] x) {
            for (int j = 0; j < low.length; j++) {
                if (x[j] < low[j] || x[j] > high[j]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param trajectory the peeling trajectory, from the box of all points
     * @param chosen     index in the trajectory of the box chosen by the F-score rule
     * @param box        the chosen box, after pasting and dropping restrictions when asked for
     * @param dataMin    smallest value of each input
     * @param dataMax    largest value of each input
     */
    public record Result(List<Box> trajectory, int chosen, Box box, double[] dataMin, double[] dataMax, int cases,
                         int points, int dropped) {

        /** Share of all points that are cases of interest: the density of the box of everything. */
        public double baseRate() {
            return points == 0 ? Double.NaN : (double) cases / points;
        }
    }

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_MIN_MASS = 0.05;
    /** Quasi-p-value above which a restriction is dropped (the EMA Workbench's 0.05). */
    public static final double DEFAULT_DROP_P = 0.05;

    private Prim() {
    }

    /**
     * @param x       points × inputs
     * @param y       1 for a case of interest, 0 otherwise (any value in [0, 1] works as a weight)
     * @param alpha   share of the box's points a peel removes (Friedman and Fisher: 0.05 to 0.1)
     * @param minMass smallest box, as a share of all points
     * @param paste   whether to paste the chosen box
     */
    public static Result run(double[][] x, double[] y, double alpha, double minMass, boolean paste) {
        return run(x, y, alpha, minMass, paste, Double.NaN);
    }

    /**
     * As {@link #run(double[][], double[], double, double, boolean)}, then dropping the chosen
     * box's restrictions whose quasi-p-value exceeds {@code dropP} (NaN: none dropped).
     */
    public static Result run(double[][] x, double[] y, double alpha, double minMass, boolean paste, double dropP) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("PRIM needs as many outcomes as points, and at least one point");
        }
        if (!(alpha > 0 && alpha < 0.5) || !(minMass > 0 && minMass < 1)) {
            throw new IllegalArgumentException("PRIM: alpha must be in (0, 0.5) and the minimum mass in (0, 1)");
        }
        int p = x[0].length;
        double[] min = new double[p];
        double[] max = new double[p];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
            }
        }
        double total = Arrays.stream(y).sum();
        int cases = (int) Arrays.stream(y).filter(v -> v > 0).count();
        double[] lo = new double[p];
        double[] hi = new double[p];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        List<Box> trajectory = new ArrayList<>();
        trajectory.add(box(x, y, lo, hi, total));
        int minPoints = (int) Math.ceil(minMass * n);
        while (true) {
            int[] inBox = members(x, lo, hi);
            if (inBox.length < 2) {
                break; // one point left: nothing to peel
            }
            double bestMean = Double.NEGATIVE_INFINITY;
            int bestRemoved = Integer.MAX_VALUE;
            int bestDim = -1;
            boolean bestLow = false;
            double bestCut = Double.NaN;
            for (int j = 0; j < p; j++) {
                double[] v = new double[inBox.length];
                for (int k = 0; k < inBox.length; k++) {
                    v[k] = x[inBox[k]][j];
                }
                Arrays.sort(v);
                int k = (int) Math.floor(alpha * v.length);
                for (boolean low : new boolean[] {true, false}) {
                    // Keep x >= cut (a low peel) or x <= cut (a high peel): at least one point goes.
                    double cut = low ? v[Math.max(k, 1)] : v[v.length - 1 - Math.max(k, 1)];
                    double sum = 0;
                    int kept = 0;
                    for (int i : inBox) {
                        double xi = x[i][j];
                        if (low ? xi >= cut : xi <= cut) {
                            sum += y[i];
                            kept++;
                        }
                    }
                    int removed = inBox.length - kept;
                    if (removed == 0 || kept < minPoints) {
                        continue;
                    }
                    double mean = sum / kept;
                    if (mean > bestMean + 1e-12 || (Math.abs(mean - bestMean) <= 1e-12 && removed < bestRemoved)) {
                        bestMean = mean;
                        bestRemoved = removed;
                        bestDim = j;
                        bestLow = low;
                        bestCut = cut;
                    }
                }
            }
            if (bestDim < 0) {
                break;
            }
            if (bestLow) {
                lo[bestDim] = bestCut;
            } else {
                hi[bestDim] = bestCut;
            }
            trajectory.add(box(x, y, lo, hi, total));
        }
        int chosen = 0;
        double bestF = -1;
        for (int i = 0; i < trajectory.size(); i++) {
            double f = fScore(trajectory.get(i));
            if (f > bestF + 1e-12) {
                bestF = f;
                chosen = i;
            }
        }
        Box box = trajectory.get(chosen);
        if (paste) {
            box = paste(x, y, box, alpha, total);
        }
        int dropped = 0;
        if (!Double.isNaN(dropP)) {
            Box simpler = dropChance(x, y, box, dropP, total, min, max);
            dropped = box.restricted(min, max).size() - simpler.restricted(min, max).size();
            box = simpler;
        }
        return new Result(List.copyOf(trajectory), chosen, box, min, max, cases, n, dropped);
    }

    /** Harmonic mean of coverage and density; 0 when either is. */
    public static double fScore(Box b) {
        double c = b.coverage();
        double d = b.density();
        return c + d > 0 ? 2 * c * d / (c + d) : 0;
    }

    private static Box paste(double[][] x, double[] y, Box start, double alpha, double total) {
        double[] lo = start.low().clone();
        double[] hi = start.high().clone();
        Box current = start;
        boolean improved = true;
        while (improved) {
            improved = false;
            Box best = current;
            double[] bestLo = null;
            double[] bestHi = null;
            int step = Math.max(1, (int) Math.floor(alpha * current.points()));
            for (int j = 0; j < lo.length; j++) {
                for (boolean low : new boolean[] {true, false}) {
                    // Points just outside this end of the box, inside it along every other input.
                    List<Double> outside = new ArrayList<>();
                    for (double[] row : x) {
                        boolean otherwiseIn = true;
                        for (int q = 0; q < lo.length && otherwiseIn; q++) {
                            if (q != j && (row[q] < lo[q] || row[q] > hi[q])) {
                                otherwiseIn = false;
                            }
                        }
                        if (otherwiseIn && (low ? row[j] < lo[j] : row[j] > hi[j])) {
                            outside.add(row[j]);
                        }
                    }
                    if (outside.isEmpty()) {
                        continue;
                    }
                    outside.sort(low ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
                    double edge = outside.get(Math.min(step, outside.size()) - 1);
                    double[] l = lo.clone();
                    double[] h = hi.clone();
                    if (low) {
                        l[j] = edge;
                    } else {
                        h[j] = edge;
                    }
                    Box b = box(x, y, l, h, total);
                    if (b.density() > best.density() + 1e-12) {
                        best = b;
                        bestLo = l;
                        bestHi = h;
                    }
                }
            }
            if (bestLo != null) {
                lo = bestLo;
                hi = bestHi;
                current = best;
                improved = true;
            }
        }
        return current;
    }

    /**
     * Keeps of the box's restrictions those chance does not explain: starting from the box of
     * every point, adds, one at a time, the restriction (with the box's bounds on that input)
     * whose quasi-p-value against the box so far is smallest, while it is at most dropP (ties:
     * the first input). Forward rather than backward: in a box narrowed along many inputs each
     * cut is redundant given the others, so dropping the least significant one at a time can
     * drop them all, the one that matters with them.
     */
    static Box dropChance(double[][] x, double[] y, Box start, double dropP, double total, double[] min, double[] max) {
        int p = start.low().length;
        double[] lo = new double[p];
        double[] hi = new double[p];
        java.util.Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        Box current = box(x, y, lo, hi, total);
        List<Integer> left = new ArrayList<>(start.restricted(min, max));
        while (!left.isEmpty()) {
            int add = -1;
            double addAt = Double.POSITIVE_INFINITY;
            Box addTo = null;
            for (int j : left) {
                double[] l = current.low().clone();
                double[] h = current.high().clone();
                l[j] = start.low()[j];
                h[j] = start.high()[j];
                Box narrower = box(x, y, l, h, total);
                double q = quasiP(narrower, current);
                if (q < addAt) {
                    add = j;
                    addAt = q;
                    addTo = narrower;
                }
            }
            if (add < 0 || addAt > dropP) {
                break;
            }
            current = addTo;
            left.remove(Integer.valueOf(add));
        }
        return current;
    }

    /**
     * The chance of at least the box's cases among its points, were they drawn at the density of
     * a wider box holding it: binomial(points, wider density) upper tail at the box's cases.
     */
    static double quasiP(Box box, Box wider) {
        int k = (int) Math.round(box.density() * box.points());
        double rate = wider.density();
        if (k == 0 || rate >= 1) {
            return 1;
        }
        if (!(rate > 0)) {
            return 0;
        }
        return 1 - new org.apache.commons.math3.distribution.BinomialDistribution(null, box.points(), rate)
                .cumulativeProbability(k - 1);
    }

    private static int[] members(double[][] x, double[] lo, double[] hi) {
        List<Integer> m = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean in = true;
            for (int j = 0; j < lo.length && in; j++) {
                in = x[i][j] >= lo[j] && x[i][j] <= hi[j];
            }
            if (in) {
                m.add(i);
            }
        }
        return m.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Box box(double[][] x, double[] y, double[] lo, double[] hi, double total) {
        int[] in = members(x, lo, hi);
        double sum = 0;
        for (int i : in) {
            sum += y[i];
        }
        return new Box(lo.clone(), hi.clone(), in.length, total > 0 ? sum / total : Double.NaN,
                in.length > 0 ? sum / in.length : Double.NaN, (double) in.length / x.length);
    }
}
