package org.crackdown.bench;

import java.util.concurrent.TimeUnit;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.market.Market;
import org.crackdown.model.Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ec.util.MersenneTwisterFast;

/**
 * A sale in a province where {@code waiting} buyers wait: should cost O(log waiting), not
 * O(waiting). Each sale is followed by a new buyer's arrival so the market keeps its size.
 * Buyers are couples wanting a boy, half of whom would also take a girl (so the girl heap carries
 * dead entries once their boy is bought, as in the model).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MarketBench {

    @Param({"1000", "10000", "100000"})
    int waiting;

    private final Parameters params = new Parameters();
    private final MersenneTwisterFast random = new MersenneTwisterFast(1);
    private Market market;
    private long nextId;

    @Setup(Level.Iteration)
    public void fill() {
        market = new Market(1, params);
        for (int i = 0; i < waiting; i++) {
            market.enter(buyer());
        }
    }

    private Buyer buyer() {
        double[] wtp = new double[VictimType.values().length];
        // Bids spread from half to one and a half times the median willingness to pay.
        wtp[VictimType.BOY.ordinal()] = params.getWtpBoy() * (0.5 + random.nextDouble());
        if (random.nextBoolean()) {
            wtp[VictimType.GIRL.ordinal()] = params.getWtpGirl() * (0.5 + random.nextDouble());
        }
        return new Buyer(nextId++, Buyer.Kind.CHILD_SEEKER, 0, wtp, Integer.MAX_VALUE);
    }

    /** A boy sold to the best bidder above a low floor, then a new buyer arrives. */
    @Benchmark
    public Market.Sale sellThenArrive() {
        Market.Sale s = market.sell(0, VictimType.BOY, params.getWtpBoy() * 0.5, params.getWtpBoy() * 0.5, 1, params);
        market.enter(buyer());
        return s;
    }

    /** A seller whose floor no buyer reaches (most of a gang's daily attempts while prices are high). */
    @Benchmark
    public Market.Sale sellAboveEveryBid() {
        return market.sell(0, VictimType.BOY, params.getWtpBoy() * 2, params.getWtpBoy() * 2, 1, params);
    }
}
