package org.crackdown.bench;

import java.util.concurrent.TimeUnit;

import org.crackdown.model.Parameters;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.Routes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ec.util.MersenneTwisterFast;

/**
 * Risk-priced cheapest routes over the 31 provinces: what a search to all destinations, a search
 * run only as far as one destination (as plans now run them), and one departure (a path) cost.
 * Day costs are a gang's: running cost plus a believed risk per province.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutesBench {

    private final Parameters params = new Parameters();
    private final ProvinceNetwork net = ProvinceNetwork.china();
    private Routes routes;
    private Routes.Search search;
    private double[][] dayCosts;
    private int next;

    @Setup
    public void setUp() {
        routes = new Routes(net);
        search = routes.search();
        MersenneTwisterFast r = new MersenneTwisterFast(1);
        dayCosts = new double[64][net.size()];
        for (double[] c : dayCosts) {
            for (int i = 0; i < c.length; i++) {
                c[i] = params.getTripCostPerDay() + params.getRiskAversion() * 0.01 * r.nextDouble();
            }
        }
    }

    /** Costs from one province to all others. */
    @Benchmark
    public double[] costsToAll() {
        int k = next++ & 63;
        return routes.costs(k % net.size(), dayCosts[k], params.getSpeedKmPerDay(), null);
    }

    /**
     * What a plan pays for one destination's route: a search from one province run only until
     * that destination is settled (issue 9), its arrays reused from search to search.
     */
    @Benchmark
    public double searchToOneDestination() {
        int k = next++ & 63;
        search.start(k % net.size(), dayCosts[k], params.getSpeedKmPerDay(), null);
        return search.costTo((k * 7 + 3) % net.size());
    }

    /** The cheapest path between two provinces. */
    @Benchmark
    public int[] path() {
        int k = next++ & 63;
        return routes.path(k % net.size(), (k * 7 + 3) % net.size(), dayCosts[k], params.getSpeedKmPerDay());
    }
}
