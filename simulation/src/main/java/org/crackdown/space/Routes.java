package org.crackdown.space;

import java.util.Arrays;

/**
 * Cheapest routes over the province network when every day spent in a province has a price:
 * running costs plus the risk a gang believes it runs there. Travel time of a leg is the distance
 * between capitals over the gang's speed. With 31 provinces a plain O(n^2) Dijkstra is fastest.
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
    private double legSpeed = Double.NaN;

    public Routes(ProvinceNetwork net) {
        this.net = net;
        int n = net.size();
        neighbours = new int[n][];
        edgeDays = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = net.get(i).neighbours();
            edgeDays[i] = new int[neighbours[i].length];
        }
    }

    /** Days a leg between neighbouring provinces takes (at least one). */
    public int legDays(int a, int b, double kmPerDay) {
        return Math.max(1, (int) Math.ceil(net.km(a, b) / kmPerDay));
    }

    private void legsAt(double kmPerDay) {
        if (kmPerDay != legSpeed) {
            for (int u = 0; u < neighbours.length; u++) {
                for (int k = 0; k < neighbours[u].length; k++) {
                    edgeDays[u][k] = legDays(u, neighbours[u][k], kmPerDay);
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
        int n = neighbours.length;
        legsAt(kmPerDay);
        double[] dist = new double[n];
        boolean[] done = new boolean[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        if (previous != null) {
            Arrays.fill(previous, -1);
        }
        dist[from] = dayCost[from];
        for (int iter = 0; iter < n; iter++) {
            int u = -1;
            for (int i = 0; i < n; i++) {
                if (!done[i] && (u < 0 || dist[i] < dist[u])) {
                    u = i;
                }
            }
            if (u < 0 || Double.isInfinite(dist[u])) {
                break;
            }
            done[u] = true;
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
                }
            }
        }
        return dist;
    }

    /** The cheapest route from {@code from} to {@code to}, both included. */
    public int[] path(int from, int to, double[] dayCost, double kmPerDay) {
        int[] prev = new int[net.size()];
        costs(from, dayCost, kmPerDay, prev);
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
