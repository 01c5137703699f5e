package org.crackdown.space;

import java.util.Arrays;

/**
 * Cheapest routes over the province network when every day spent in a province has a price:
 * running costs plus the risk a gang believes it runs there. Travel time of a leg is the distance
 * between capitals over the gang's speed. With 31 provinces a plain O(n^2) Dijkstra is fastest.
 */
public final class Routes {

    private final ProvinceNetwork net;

    public Routes(ProvinceNetwork net) {
        this.net = net;
    }

    /** Days a leg between neighbouring provinces takes (at least one). */
    public int legDays(int a, int b, double kmPerDay) {
        return Math.max(1, (int) Math.ceil(net.km(a, b) / kmPerDay));
    }

    /**
     * Cost of the cheapest route from {@code from} to every province, where entering province q
     * for a leg of d days costs d x dayCost[q]. The start province is charged one day.
     */
    public double[] costs(int from, double[] dayCost, double kmPerDay, int[] previous) {
        int n = net.size();
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
            for (int v : net.get(u).neighbours) {
                double c = dist[u] + legDays(u, v, kmPerDay) * dayCost[v];
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
