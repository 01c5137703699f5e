package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

/**
 * The price index and the lazy heaps (issue 13.5), beyond MarketTest (same buyers as a scan) and
 * MarketPriceTest (the bargained price): how far a sale, an unsold ask and an unserved bid move
 * the index, at every scale; and that buyers who left one heap (served in another, or gave up)
 * never buy or set a price again.
 */
class MarketIndexTest {

    private static Parameters params(double scale, double priceMemory) {
        Parameters p = new Parameters();
        p.setScale(scale);
        var spec = ParamRegistry.find("market.price_memory").orElseThrow();
        spec.set(p, spec.parse(priceMemory));
        return p;
    }

    private static Buyer buyer(long id, double boy, double girl, int giveUp) {
        return new Buyer(id, Buyer.Kind.CHILD_SEEKER, 0, new double[] {boy, girl, 0}, giveUp);
    }

    @Test
    void aSaleMovesTheIndexTowardsItsPriceByTheEventWeight() {
        Parameters p = params(1, 0.05);
        Market m = new Market(1, p);
        double before = m.priceIndex(0, VictimType.BOY);
        m.enter(buyer(1, 100_000, 0, 100));
        double price = m.sell(0, VictimType.BOY, 40_000, 0, 1, p).price();
        assertEquals(0.95 * before + 0.05 * price, m.priceIndex(0, VictimType.BOY), 1e-6);
        // Other types and provinces are untouched.
        assertEquals(Market.startingPrice(p, VictimType.GIRL), m.priceIndex(0, VictimType.GIRL), 0);
    }

    /** One sale at scale s weighs 1-(1-w)^(1/s): as much as the 1/s real sales it stands for. */
    @Test
    void oneSaleAtScaleOneTenthMovesTheIndexAsTenSalesAtTheSamePriceDoNationally() {
        Parameters tenth = params(0.1, 0.05);
        Parameters full = params(1, 0.05);
        assertEquals(1 - Math.pow(0.95, 10), Market.eventWeight(tenth), 1e-12);
        assertEquals(0.05, Market.eventWeight(full), 1e-12);
        Market national = new Market(1, full);
        for (int k = 0; k < 10; k++) {
            national.enter(buyer(k, 70_000, 0, 100));
        }
        // A reservation equal to the bid pins every price at 70,000 (no surplus to split).
        for (int k = 0; k < 10; k++) {
            assertEquals(70_000, national.sell(0, VictimType.BOY, 70_000, 0, 1, full).price(), 1e-6);
        }
        Market small70 = new Market(1, tenth);
        small70.enter(buyer(1, 70_000, 0, 100));
        small70.sell(0, VictimType.BOY, 70_000, 0, 1, tenth);
        assertEquals(national.priceIndex(0, VictimType.BOY), small70.priceIndex(0, VictimType.BOY), 1e-6);
    }

    @Test
    void anUnsoldAskMovesTheIndexTowardsItWithTheSameWeight() {
        Parameters p = params(0.25, 0.05);
        Market m = new Market(1, p);
        double before = m.priceIndex(0, VictimType.WOMAN);
        m.unsold(0, VictimType.WOMAN, 10_000, p);
        double w = Market.eventWeight(p);
        assertEquals((1 - w) * before + w * 10_000, m.priceIndex(0, VictimType.WOMAN), 1e-6);
        assertEquals(Market.startingPrice(p, VictimType.BOY), m.priceIndex(0, VictimType.BOY), 0);
    }

    /**
     * Buyers who wait where no victim of their type is on offer pull the index towards their best
     * bid, by market.price_memory a day (a day's news, not a count of events: no scale factor);
     * where victims are on offer, or nobody waits, the index stays.
     */
    @Test
    void unservedBuyersPullTheIndexTowardsTheirBestBidOnlyWhereNothingIsOnOffer() {
        Parameters p = params(0.1, 0.05);
        Market m = new Market(2, p);
        m.enter(buyer(1, 90_000, 0, 100));
        m.enter(buyer(2, 80_000, 0, 100));
        double boy0 = m.priceIndex(0, VictimType.BOY);
        double girl0 = m.priceIndex(0, VictimType.GIRL);
        double[][] nothingOnOffer = new double[2][3];
        m.unserved(nothingOnOffer, p);
        assertEquals(0.95 * boy0 + 0.05 * 90_000, m.priceIndex(0, VictimType.BOY), 1e-6);
        assertEquals(girl0, m.priceIndex(0, VictimType.GIRL), 0, "no girl buyer waits");
        assertEquals(Market.startingPrice(p, VictimType.BOY), m.priceIndex(1, VictimType.BOY), 0, "nobody waits in province 1");
        double boy1 = m.priceIndex(0, VictimType.BOY);
        double[][] boysOnOffer = new double[2][3];
        boysOnOffer[0][VictimType.BOY.ordinal()] = 1;
        m.unserved(boysOnOffer, p);
        assertEquals(boy1, m.priceIndex(0, VictimType.BOY), 0, "a boy is on offer: sales and asks set the price");
    }

    /**
     * A couple who wanted a boy or a girl and bought a boy sits dead on top of the girl heap: the
     * unserved pull must use the best bid of those still waiting, not theirs.
     */
    @Test
    void theUnservedPullSkipsABuyerServedInTheOtherHeap() {
        Parameters p = params(1, 0.1);
        Market m = new Market(1, p);
        m.enter(buyer(1, 100_000, 50_000, 100));
        m.enter(buyer(2, 0, 20_000, 100));
        assertEquals(1, m.sell(0, VictimType.BOY, 10_000, 0, 1, p).buyer().id());
        double girl = m.priceIndex(0, VictimType.GIRL);
        m.unserved(new double[1][3], p);
        assertEquals(0.9 * girl + 0.1 * 20_000, m.priceIndex(0, VictimType.GIRL), 1e-6);
        assertEquals(1, m.waiting(0, VictimType.GIRL));
    }

    /** A buyer who gave up is dropped from every heap he sat in, by the day he gives up and no later. */
    @Test
    void aBuyerWhoGaveUpNeverBuysAgainInAnyHeap() {
        Parameters p = params(1, 0.05);
        Market m = new Market(1, p);
        Buyer early = buyer(1, 100_000, 90_000, 10);
        Buyer late = buyer(2, 50_000, 40_000, 20);
        m.enter(early);
        m.enter(late);
        assertEquals(0, m.expire(9)[0]);
        assertEquals(2, m.waiting(0));
        assertEquals(1, m.expire(10)[0]);
        assertEquals(1, m.waiting(0, VictimType.BOY));
        assertEquals(1, m.waiting(0, VictimType.GIRL));
        assertSame(late, m.sell(0, VictimType.GIRL, 0, 0, 1, p).buyer());
        assertNull(m.sell(0, VictimType.BOY, 0, 0, 1, p), "the late buyer bought a girl; the early one gave up");
        assertEquals(0, m.expire(20)[0], "served buyers do not give up");
        assertEquals(0, m.totalWaiting());
    }

    /**
     * Many departures compact the heaps (when half an entry set is dead); the best live bid still
     * comes first afterwards, and the counts match what is left.
     */
    @Test
    void heapsStayCorrectThroughCompaction() {
        Parameters p = params(1, 0.05);
        Market m = new Market(1, p);
        int n = 200;
        for (int k = 0; k < n; k++) {
            // Every buyer wants both; bids rise with k; the even ones give up on day 5.
            m.enter(buyer(k, 1_000 + k, 2_000 + k, k % 2 == 0 ? 5 : 50));
        }
        assertEquals(n / 2, m.expire(5)[0]);
        // Sell boys to the ten best odd buyers: 199, 197, ..., 181.
        for (int k = 0; k < 10; k++) {
            assertEquals(n - 1 - 2 * k, m.sell(0, VictimType.BOY, 0, 0, 1, p).buyer().id());
        }
        // The girl heap lost the same buyers; its best live bid is the next odd one.
        assertEquals(179, m.sell(0, VictimType.GIRL, 0, 0, 1, p).buyer().id());
        assertEquals(n / 2 - 11, m.waiting(0, VictimType.BOY));
        assertEquals(n / 2 - 11, m.waiting(0, VictimType.GIRL));
        assertEquals(n / 2 - 11, m.totalWaitingFor(VictimType.GIRL));
    }

    @Test
    void noBuyersWaitingMeansNoAskAndNoSale() {
        Parameters p = params(1, 0.05);
        Market m = new Market(1, p);
        assertEquals(0, m.ask(0, VictimType.BOY, 1, 1.0), 0);
        assertNull(m.sell(0, VictimType.BOY, 0, 0, 1, p));
    }

    /**
     * Whatever the bids, reservations and crowd, a sale is to the highest live bidder at a price
     * between the seller's reservation (the higher of ask and floor) and that bid; no sale when
     * the best bid is below the reservation. 5,000 random offers over a market with arrivals,
     * expiries and sales.
     */
    @Test
    void everySaleIsToTheBestBidderAtAPriceBetweenReservationAndBid() {
        ec.util.MersenneTwisterFast r = new ec.util.MersenneTwisterFast(4);
        Parameters p = params(0.05, 0.05);
        Market m = new Market(1, p);
        java.util.List<Buyer> waiting = new java.util.ArrayList<>();
        int sales = 0;
        for (int day = 0; day < 1000; day++) {
            for (int k = r.nextInt(4); k > 0; k--) {
                Buyer b = buyer(day * 10L + k, 20_000 + 80_000 * r.nextDouble(), 0, day + 1 + r.nextInt(40));
                m.enter(b);
                waiting.add(b);
            }
            for (int k = 0; k < 5; k++) {
                double ask = 100_000 * r.nextDouble();
                double floor = 100_000 * r.nextDouble();
                double sellers = 1 + r.nextInt(10);
                double best = waiting.stream().mapToDouble(b -> b.willingnessToPay(VictimType.BOY)).max().orElse(0);
                Market.Sale s = m.sell(0, VictimType.BOY, ask, floor, sellers, p);
                double reservation = Math.max(ask, floor);
                if (best < reservation) {
                    assertNull(s, "day " + day);
                    continue;
                }
                sales++;
                assertEquals(best, s.buyer().willingnessToPay(VictimType.BOY), 0, "the best bidder buys");
                assertEquals(true, s.price() >= reservation - 1e-9 && s.price() <= best + 1e-9,
                        "price " + s.price() + " outside [" + reservation + ", " + best + "]");
                waiting.remove(s.buyer());
            }
            m.expire(day);
            final int today = day;
            waiting.removeIf(b -> b.giveUpDay() <= today);
            assertEquals(waiting.size(), m.waiting(0));
        }
        assertEquals(true, sales > 500, "sales " + sales);
    }
}
