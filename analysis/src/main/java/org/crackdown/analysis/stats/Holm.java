package org.crackdown.analysis.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's (1979) step-down correction of p-values for a family of m tests, controlling the
 * family-wise error rate: with p sorted ascending p(1) ≤ ... ≤ p(m),
 * adjusted p(i) = max over j ≤ i of min(1, (m − j + 1)·p(j)). NaN p-values are not tests and
 * stay NaN (they do not count in m).
 */
public final class Holm {

    private Holm() {
    }

    public static double[] adjust(double[] p) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        int m = order.length;
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int j = 0; j < m; j++) {
            double adj = Math.min(1, (m - j) * p[order[j]]);
            running = Math.max(running, adj);
            out[order[j]] = running;
        }
        return out;
    }
}
