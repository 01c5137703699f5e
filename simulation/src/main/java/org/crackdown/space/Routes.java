package org.crackdown.space;

import java.util.Arrays;

/**
 * Cheapest routes over the province network when every day spent in a province has a price:
 * running costs plus the risk a gang believes it runs there. Travel time of a leg is the distance
 * between capitals over the gang's speed.
 *
 * <p>Gangs plan often, so the network is kept as flat arrays (neighbour lists, and each edge's days
 * for the speed last asked, recomputed only when the speed changes); the arithmetic and the order
 * in which ties are broken are those of the textbook version, so routes are exactly the same.
 */
public final class Routes implements java.io.Serializable {

    private final ProvinceNetwork net;
    private final int[][] neighbours;
    /** Days of each edge (parallel to {@link #neighbours}) at {@link #legSpeed} km per day. */
    private final int[][] edgeDays;
    /** Per province, the fewest days of any leg into it at {@link #legSpeed} km per day. */
    private final int[] leastDaysIn;
    private double legSpeed = Double.NaN;
    /** Scratch for {@link #path} (one route at a time per model, as the model runs on one thread). */
    private transient Search pathSearch;
    private transient int[] pathPrevious;

    public Routes(ProvinceNetwork net) {
        this.net = net;
        int n = net.size();
        neighbours = new int[n][];
        edgeDays = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = net.get(i).neighbours();
            edgeDays[i] = new int[neighbours[i].length];
        }
        leastDaysIn = new int[n];
    }

    /** Days a leg between neighbouring provinces takes (at least one). */
    public int legDays(int a, int b, double kmPerDay) {
        return Math.max(1, (int) Math.ceil(net.km(a, b) / kmPerDay));
    }

    private void legsAt(double kmPerDay) {
        if (kmPerDay != legSpeed) {
            java.util.Arrays.fill(leastDaysIn, Integer.MAX_VALUE);
            for (int u = 0; u < neighbours.length; u++) {
                for (int k = 0; k < neighbours[u].length; k++) {
                    edgeDays[u][k] = legDays(u, neighbours[u][k], kmPerDay);
                    int v = neighbours[u][k];
                    leastDaysIn[v] = Math.min(leastDaysIn[v], edgeDays[u][k]);
                }
            }
            legSpeed = kmPerDay;
        }
    }

    /**
     * Cost of the cheapest route from {@code from} to every province, where entering province q
     * for a leg of d days costs d x dayCost[q]. The start province is charged one day.
     */
    public double[] costs(int from, double[] dayCost, double kmPerDay, int[] previous) {
        Search search = new Search();
        search.start(from, dayCost, kmPerDay, previous);
        while (search.settleNext()) {
            // run to the end: every province settled (or unreachable)
        }
        return search.dist;
    }

    /** A search to be run step by step, reusing its arrays from one search to the next. */
    public Search search() {
        return new Search();
    }

    /**
     * Dijkstra's search from one province, run only as far as asked (issue 9): a gang weighing a
     * trip needs the cost to the few destinations that could win, and {@link #frontier} bounds
     * the cost of every province not yet settled, so a search can stop as soon as the question is
     * settled. Provinces are settled in the same order, with the same arithmetic, as a search run
     * to the end, so the costs it returns are exactly those of {@link #costs}.
     */
    public final class Search {
        private double[] dist = new double[0];
        private boolean[] done = new boolean[0];
        private double[] hk = new double[0];
        private int[] hv = new int[0];
        private int size;
        private double[] dayCost;
        private int[] previous;
        private int from = -1;
        private int last = -1;

        private Search() {
        }

        /** Starts a search from {@code from}; {@code previous} (or null) receives each province's predecessor. */
        public void start(int from, double[] dayCost, double kmPerDay, int[] previous) {
            int n = neighbours.length;
            legsAt(kmPerDay);
            if (dist.length != n) {
                dist = new double[n];
                done = new boolean[n];
                int cap = 1;
                for (int[] nb : neighbours) {
                    cap += nb.length;
                }
                hk = new double[cap];
                hv = new int[cap];
            }
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(done, false);
            if (previous != null) {
                Arrays.fill(previous, -1);
            }
            this.dayCost = dayCost;
            this.previous = previous;
            this.from = from;
            this.last = -1;
            dist[from] = dayCost[from];
            // Provinces are settled in order of (cost, index), as the textbook scan that takes the
            // first cheapest unsettled province would: a binary heap of (cost, index) entries, stale
            // ones skipped, gives that order in O(E log E) instead of O(n^2).
            hk[0] = dist[from];
            hv[0] = from;
            size = 1;
        }

        /** The province this search started from (-1 before the first start). */
        public int origin() {
            return from;
        }

        /** The province the last {@link #settleNext} settled (-1 before the first). */
        public int lastSettled() {
            return last;
        }

        /** Whether the cheapest route to q is known: {@link #cost} is then final. */
        public boolean settled(int q) {
            return done[q];
        }

        /** Cost of the cheapest route to q found so far (final once {@link #settled}). */
        public double cost(int q) {
            return dist[q];
        }

        /**
         * A lower bound of the final cost of every province not yet settled, when no day cost is
         * negative: the smallest cost waiting in the heap (routes only add non-negative costs to
         * it); positive infinity when nothing is left to settle.
         */
        public double frontier() {
            return size > 0 ? hk[0] : Double.POSITIVE_INFINITY;
        }

        /**
         * A lower bound of the final cost of q, when no day cost is negative, at least as high as
         * {@link #frontier} (issue 9): q's cheapest route either enters it from a province settled
         * already, and then costs what is found so far ({@link #cost}), or enters it from one not
         * yet settled, whose final cost is at least the frontier, by a leg of at least
         * {@link #leastDaysIn} days at q's day cost. Both sides are computed as the search would
         * compute such a route (IEEE addition and multiplication are monotone, and no day cost is
         * negative), so the bound holds for the costs the search gives, not only the exact ones.
         * Exactly q's cost once settled; positive infinity when unreachable.
         */
        public double bound(int q) {
            if (done[q] || size == 0) {
                return dist[q];
            }
            int days = leastDaysIn[q];
            double entered = days == Integer.MAX_VALUE ? Double.POSITIVE_INFINITY : hk[0] + days * dayCost[q];
            return Math.min(dist[q], entered);
        }

        /** Settles the next province; false when the search is over. */
        public boolean settleNext() {
            while (size > 0) {
                int u = hv[0];
                double du = hk[0];
                size--;
                if (size > 0) {
                    siftDown(hk, hv, size, hk[size], hv[size]);
                }
                if (done[u] || du != dist[u]) {
                    continue;
                }
                if (Double.isInfinite(du)) {
                    size = 0;
                    return false;
                }
                done[u] = true;
                last = u;
                int[] nb = neighbours[u];
                int[] days = edgeDays[u];
                for (int k = 0; k < nb.length; k++) {
                    int v = nb[k];
                    double c = dist[u] + days[k] * dayCost[v];
                    if (c < dist[v]) {
                        dist[v] = c;
                        if (previous != null) {
                            previous[v] = u;
                        }
                        if (!done[v]) {
                            siftUp(hk, hv, size++, c, v);
                        }
                    }
                }
                return true;
            }
            return false;
        }

        /** Settles provinces until q is settled or none is left; the cost of the cheapest route to q. */
        public double costTo(int q) {
            while (!done[q] && settleNext()) {
                // keep settling
            }
            return dist[q];
        }
    }

    private static boolean before(double ka, int va, double kb, int vb) {
        return ka < kb || (ka == kb && va < vb);
    }

    private static void siftUp(double[] hk, int[] hv, int i, double k, int v) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(k, v, hk[parent], hv[parent])) {
                break;
            }
            hk[i] = hk[parent];
            hv[i] = hv[parent];
            i = parent;
        }
        hk[i] = k;
        hv[i] = v;
    }

    /** Puts (k, v) at the root of a heap of {@code size} entries and moves it down to its place. */
    private static void siftDown(double[] hk, int[] hv, int size, double k, int v) {
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && before(hk[c + 1], hv[c + 1], hk[c], hv[c])) {
                c++;
            }
            if (!before(hk[c], hv[c], k, v)) {
                break;
            }
            hk[i] = hk[c];
            hv[i] = hv[c];
            i = c;
        }
        hk[i] = k;
        hv[i] = v;
    }

    /**
     * Whether no day cost is negative (nor NaN): then a route costs at least what is found so far
     * on it, and a search may stop early ({@link Search#frontier}, {@link Search#bound}).
     */
    public static boolean noneNegative(double[] dayCost) {
        for (double c : dayCost) {
            if (!(c >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** The cheapest route from {@code from} to {@code to}, both included. */
    public int[] path(int from, int to, double[] dayCost, double kmPerDay) {
        if (pathSearch == null || pathPrevious.length != net.size()) {
            pathSearch = new Search();
            pathPrevious = new int[net.size()];
        }
        int[] prev = pathPrevious;
        Search search = pathSearch;
        search.start(from, dayCost, kmPerDay, prev);
        // With no negative day cost, a settled province's predecessor never changes again (a later
        // one costs at least as much), so the search stops once the destination is settled: the
        // route is the one a search run to the end gives.
        boolean nonNegative = noneNegative(dayCost);
        while (!(nonNegative && search.done[to]) && search.settleNext()) {
            // settling
        }
        int len = 1;
        for (int v = to; v != from; v = prev[v]) {
            if (v < 0) {
                return new int[] {from};
            }
            len++;
        }
        int[] path = new int[len];
        int v = to;
        for (int i = len - 1; i >= 0; i--) {
            path[i] = v;
            v = i > 0 ? prev[v] : v;
        }
        return path;
    }
}
