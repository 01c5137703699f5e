package org.crackdown.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * Cheapest routes on the real province network (issue 13.5): Dijkstra's costs against a
 * brute-force Floyd-Warshall with random day costs; every path is a chain of neighbours whose
 * cost adds up to the reported one; ties are broken as the textbook O(n²) scan breaks them (the
 * class promises the same routes); and leg days are symmetric whole days of travel, at least one.
 */
class RoutesTest {

    private static final ProvinceNetwork NET = ProvinceNetwork.china();
    private static final int N = NET.size();

    private static boolean adjacent(int a, int b) {
        for (int q : NET.get(a).neighbours()) {
            if (q == b) {
                return true;
            }
        }
        return false;
    }

    /** All-pairs cost of entering each province on a leg of legDays x dayCost of the province entered. */
    private static double[][] floydWarshall(Routes routes, double[] dayCost, double speed) {
        double[][] d = new double[N][N];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int u = 0; u < N; u++) {
            d[u][u] = 0;
            for (int v : NET.get(u).neighbours()) {
                d[u][v] = Math.min(d[u][v], routes.legDays(u, v, speed) * dayCost[v]);
            }
        }
        for (int k = 0; k < N; k++) {
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }

    @Test
    void costsMatchFloydWarshallWithRandomDayCosts() {
        MersenneTwisterFast r = new MersenneTwisterFast(2026);
        Routes routes = new Routes(NET);
        for (int trial = 0; trial < 30; trial++) {
            double[] dayCost = new double[N];
            for (int i = 0; i < N; i++) {
                // Mostly running costs of a few hundred yuan, sometimes a province believed very dangerous.
                dayCost[i] = 300 + (r.nextDouble() < 0.2 ? 1e5 * r.nextDouble() : 500 * r.nextDouble());
            }
            double speed = 100 + 700 * r.nextDouble();
            double[][] all = floydWarshall(routes, dayCost, speed);
            for (int from = 0; from < N; from++) {
                double[] got = routes.costs(from, dayCost, speed, null);
                for (int to = 0; to < N; to++) {
                    double expected = dayCost[from] + all[from][to];
                    if (Double.isInfinite(expected)) {
                        assertTrue(Double.isInfinite(got[to]), "unreachable " + from + "->" + to);
                    } else {
                        assertEquals(expected, got[to], 1e-9 * expected, "trial " + trial + " " + from + "->" + to);
                    }
                }
            }
        }
    }

    @Test
    void everyPathIsAChainOfNeighboursWhoseCostIsTheReportedCost() {
        MersenneTwisterFast r = new MersenneTwisterFast(7);
        Routes routes = new Routes(NET);
        int reachable = 0;
        for (int trial = 0; trial < 10; trial++) {
            double[] dayCost = new double[N];
            for (int i = 0; i < N; i++) {
                dayCost[i] = 1 + 1000 * r.nextDouble();
            }
            double speed = 400;
            for (int from = 0; from < N; from++) {
                double[] costs = routes.costs(from, dayCost, speed, null);
                for (int to = 0; to < N; to++) {
                    int[] path = routes.path(from, to, dayCost, speed);
                    assertEquals(from, path[0]);
                    if (Double.isInfinite(costs[to])) {
                        assertArrayEquals(new int[] {from}, path, "no route: the path stays home");
                        continue;
                    }
                    reachable++;
                    assertEquals(to, path[path.length - 1]);
                    double sum = dayCost[from];
                    for (int k = 1; k < path.length; k++) {
                        assertTrue(adjacent(path[k - 1], path[k]), "not neighbours: " + path[k - 1] + ", " + path[k]);
                        sum += routes.legDays(path[k - 1], path[k], speed) * dayCost[path[k]];
                    }
                    assertEquals(costs[to], sum, 1e-9 * sum, from + "->" + to + " " + Arrays.toString(path));
                    assertEquals(path.length, Arrays.stream(path).distinct().count(), "a path visits a province once");
                }
            }
        }
        // Mainland China is connected: at least every mainland pair was checked.
        assertTrue(reachable >= 10 * 30 * 30, "reachable pairs " + reachable);
    }

    /** The textbook scan: settle the first cheapest unsettled province (lowest index on ties). */
    private static int[] textbookPrevious(Routes routes, int from, double[] dayCost, double speed) {
        double[] dist = new double[N];
        boolean[] done = new boolean[N];
        int[] prev = new int[N];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(prev, -1);
        dist[from] = dayCost[from];
        while (true) {
            int u = -1;
            for (int i = 0; i < N; i++) {
                if (!done[i] && (u < 0 || dist[i] < dist[u])) {
                    u = i;
                }
            }
            if (u < 0 || Double.isInfinite(dist[u])) {
                return prev;
            }
            done[u] = true;
            for (int v : NET.get(u).neighbours()) {
                double c = dist[u] + routes.legDays(u, v, speed) * dayCost[v];
                if (c < dist[v]) {
                    dist[v] = c;
                    prev[v] = u;
                }
            }
        }
    }

    /** Whole-number day costs make many routes tie; the heap must break them as the scan does. */
    /**
     * A path search stops once its destination is settled when no day cost is negative (issue 9);
     * the route must be the one read off a search run to the end, ties (whole-number day costs)
     * included. (With a negative day cost it runs to the end as before; not tried here, as
     * predecessors may then form a cycle, which no route can be read off, before or after.)
     */
    @Test
    void aPathStoppedAtItsDestinationIsTheFullSearchsPath() {
        MersenneTwisterFast r = new MersenneTwisterFast(5);
        Routes routes = new Routes(NET);
        for (int trial = 0; trial < 30; trial++) {
            double[] dayCost = new double[N];
            for (int i = 0; i < N; i++) {
                dayCost[i] = trial % 2 == 0 ? 1 + r.nextInt(3) : r.nextDouble() * 100;
            }
            for (int from = 0; from < N; from++) {
                int[] prev = new int[N];
                routes.costs(from, dayCost, 900, prev);
                for (int to = 0; to < N; to++) {
                    java.util.List<Integer> full = new java.util.ArrayList<>();
                    for (int v = to; v >= 0; v = v == from ? -1 : prev[v]) {
                        full.add(0, v);
                    }
                    int[] expected = full.get(0) == from ? full.stream().mapToInt(Integer::intValue).toArray() : new int[] {from};
                    assertArrayEquals(expected, routes.path(from, to, dayCost, 900), "trial " + trial + ", " + from + " to " + to);
                }
            }
        }
    }

    @Test
    void tiesAreBrokenAsTheTextbookScanBreaksThem() {
        MersenneTwisterFast r = new MersenneTwisterFast(99);
        Routes routes = new Routes(NET);
        for (int trial = 0; trial < 20; trial++) {
            double[] dayCost = new double[N];
            for (int i = 0; i < N; i++) {
                dayCost[i] = 1 + r.nextInt(3);
            }
            double speed = 2000;
            for (int from = 0; from < N; from++) {
                int[] prev = new int[N];
                routes.costs(from, dayCost, speed, prev);
                assertArrayEquals(textbookPrevious(routes, from, dayCost, speed), prev, "trial " + trial + " from " + from);
            }
        }
    }

    @Test
    void legDaysAreSymmetricWholeDaysOfTravelAtLeastOne() {
        for (int a = 0; a < N; a++) {
            for (int b : NET.get(a).neighbours()) {
                Routes routes = new Routes(NET);
                int slow = routes.legDays(a, b, 100);
                assertEquals(slow, routes.legDays(b, a, 100));
                assertEquals(Math.max(1, (int) Math.ceil(NET.km(a, b) / 100)), slow);
                assertTrue(slow >= routes.legDays(a, b, 400), "faster is never longer");
                assertEquals(1, routes.legDays(a, b, 1e6), "at least one day");
            }
        }
    }

    /** Edge days are cached per speed: asking at another speed and back gives a fresh instance's answer. */
    @Test
    void changingSpeedRecomputesTheLegs() {
        double[] dayCost = new double[N];
        Arrays.fill(dayCost, 1);
        Routes reused = new Routes(NET);
        int from = NET.byCode("CN-HA").index();
        reused.costs(from, dayCost, 50, null);
        double[] after = reused.costs(from, dayCost, 800, null);
        assertArrayEquals(new Routes(NET).costs(from, dayCost, 800, null), after, 0);
        // With every day costing 1 the cost is 1 + the days travelled, which a slower speed raises.
        double[] slow = reused.costs(from, dayCost, 50, null);
        int far = NET.byCode("CN-XJ").index();
        assertTrue(slow[far] > after[far], "slow " + slow[far] + ", fast " + after[far]);
    }

    /**
     * A search run only part of the way (issue 9) gives exactly the costs of a full one for every
     * province it settled, its frontier never exceeds the final cost of a province not yet settled,
     * nor does {@link Routes.Search#bound} (which is at least the frontier, and the cost once settled),
     * and a reused search started afresh forgets the previous one. Day costs include ties and,
     * sometimes, provinces believed very dangerous.
     */
    @Test
    void aSearchStoppedEarlyAgreesExactlyWithTheFullOneAndItsFrontierIsALowerBound() {
        MersenneTwisterFast r = new MersenneTwisterFast(4242);
        Routes routes = new Routes(NET);
        Routes.Search search = routes.search();
        int checkedBounds = 0;
        int tighter = 0;
        for (int trial = 0; trial < 200; trial++) {
            double[] dayCost = new double[N];
            for (int i = 0; i < N; i++) {
                dayCost[i] = r.nextBoolean() ? 1 + r.nextInt(3) : 300 + (r.nextDouble() < 0.2 ? 1e5 : 500) * r.nextDouble();
            }
            double speed = 100 + 900 * r.nextDouble();
            int from = r.nextInt(N);
            double[] full = routes.costs(from, dayCost, speed, null);
            search.start(from, dayCost, speed, null);
            assertEquals(from, search.origin());
            int steps = r.nextInt(N + 1);
            for (int k = 0; k < steps && search.settleNext(); k++) {
                // a random part of the way
            }
            double frontier = search.frontier();
            for (int q = 0; q < N; q++) {
                if (search.settled(q)) {
                    assertEquals(full[q], search.cost(q), 0, "settled " + from + "->" + q);
                } else {
                    assertTrue(frontier <= full[q], "frontier " + frontier + " above " + full[q]);
                    double bound = search.bound(q);
                    assertTrue(bound >= frontier && bound <= full[q], "bound " + bound + " of " + full[q]);
                    tighter += bound > frontier ? 1 : 0;
                    checkedBounds++;
                }
                if (search.settled(q)) {
                    assertEquals(full[q], search.bound(q), 0, "bound of settled " + q);
                }
            }
            int to = r.nextInt(N);
            assertEquals(full[to], search.costTo(to), 0, "resumed " + from + "->" + to);
        }
        assertTrue(checkedBounds > 1000, "the bound was checked on unsettled provinces: " + checkedBounds);
        assertTrue(tighter > checkedBounds / 2, "bound() above the frontier for most: " + tighter + " of " + checkedBounds);
    }
}
