package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

/**
 * The price index and the lazy heaps (issue 13.5), beyond MarketTest (same buyers as a scan) and
 * MarketPriceTest (the bargained price): that a sale leaves the going rate and that it
 * drifts with the averaged flows of buyers and victims, at every scale; and that buyers who left one heap (served in another, or gave up)
 * never buy or set a price again.
 */
class MarketIndexTest {

    private static Parameters params(double scale) {
        Parameters p = new Parameters();
        p.setScale(scale);
        return p;
    }

    private static Buyer buyer(long id, double boy, double girl, int giveUp) {
        return new Buyer(id, Buyer.Kind.CHILD_SEEKER, 0, new double[] {boy, girl, 0}, giveUp);
    }

    /**
     * A sale is a bargain between one seller and one buyer; the going rate moves only with the
     * balance of flows at the day's end, so single bargains (at scale 0.1 each stands for ten)
     * cannot drag it (docs/calibration.md, "Scale").
     */
    @Test
    void aSaleLeavesTheGoingRateWhereItWas() {
        Parameters p = params(0.1);
        Market m = new Market(1, p);
        double before = m.priceIndex(0, VictimType.BOY);
        m.enter(buyer(1, 100_000, 0, 100));
        double price = m.sell(0, VictimType.BOY, 40_000, 0).price();
        assertEquals(true, price > before && price <= 100_000, "bargained between the going rate and the bid: " + price);
        assertEquals(before, m.priceIndex(0, VictimType.BOY), 0);
        assertEquals(Market.startingPrice(p, VictimType.GIRL), m.priceIndex(0, VictimType.GIRL), 0);
    }

    private static Parameters drift(double scale, double adjustment, double days) {
        Parameters p = params(scale);
        var k = ParamRegistry.find("market.price_adjustment").orElseThrow();
        k.set(p, k.parse(adjustment));
        var d = ParamRegistry.find("market.tightness_days").orElseThrow();
        d.set(p, d.parse(days));
        return p;
    }

    /**
     * A day on which {@code buyers} boy seekers enter, each bidding 100,000 (above the going rate,
     * so they count towards excess demand), and {@code victims} boys are brought for sale.
     */
    private static void day(Market m, Parameters p, int buyers, int victims, long firstId) {
        for (int k = 0; k < buyers; k++) {
            m.enter(buyer(firstId + k, 100_000, 0, 10_000));
        }
        for (int k = 0; k < victims; k++) {
            m.offered(0, VictimType.BOY);
        }
        m.endOfDay(p);
    }

    /**
     * Where more buyers come than victims the going rate rises by price_adjustment x (b - v) / (b + v)
     * a day on the log scale; where more victims come it falls; other types stay.
     */
    @Test
    void theGoingRateDriftsWithTheBalanceOfBuyersAndVictimsComing() {
        Parameters p = drift(1, 0.02, 30);
        Market m = new Market(1, p);
        double boy0 = m.priceIndex(0, VictimType.BOY);
        day(m, p, 3, 1, 0);
        assertEquals(boy0 * Math.exp(0.02 * (3 - 1) / 4.0), m.priceIndex(0, VictimType.BOY), 1e-6);
        assertEquals(Market.startingPrice(p, VictimType.GIRL), m.priceIndex(0, VictimType.GIRL), 0, "no girl market yet");
        Market glut = new Market(1, p);
        day(glut, p, 1, 3, 0);
        assertEquals(boy0 * Math.exp(0.02 * (1 - 3) / 4.0), glut.priceIndex(0, VictimType.BOY), 1e-6);
    }

    /**
     * The flows are averages: until the window is full every day seen weighs the same, after it
     * each new day weighs 1/tightness_days. A day with 3 buyers then a day with none average 1.5.
     */
    @Test
    void tradersAverageTheFlowsOverTheWindow() {
        Parameters p = drift(1, 0.0, 4);
        Market m = new Market(1, p);
        day(m, p, 3, 0, 0);
        assertEquals(3, m.buyerInflow(0, VictimType.BOY), 1e-12);
        day(m, p, 0, 0, 10);
        assertEquals(1.5, m.buyerInflow(0, VictimType.BOY), 1e-12);
        day(m, p, 0, 0, 20);
        day(m, p, 0, 0, 30);
        assertEquals(0.75, m.buyerInflow(0, VictimType.BOY), 1e-12);
        day(m, p, 4, 0, 40); // window full: weight 1/4
        assertEquals(0.75 + (4 - 0.75) / 4, m.buyerInflow(0, VictimType.BOY), 1e-12);
    }

    /**
     * Metamorphic: a run at scale 0.1 sees a tenth of the buyers and victims; the going rate must
     * follow the same path as nationally (the drift reads ratios of averaged flows).
     */
    @Test
    void theDriftIsTheSameAtEveryScale() {
        Parameters tenth = drift(0.1, 0.02, 30);
        Parameters full = drift(1, 0.02, 30);
        Market small = new Market(1, tenth);
        Market national = new Market(1, full);
        ec.util.MersenneTwisterFast r = new ec.util.MersenneTwisterFast(7);
        for (int d = 0; d < 200; d++) {
            int b = r.nextInt(4);
            int v = r.nextInt(4);
            day(small, tenth, b, v, d * 100L);
            day(national, full, 10 * b, 10 * v, d * 100L);
            assertEquals(national.priceIndex(0, VictimType.BOY), small.priceIndex(0, VictimType.BOY), 1e-6, "day " + d);
            assertEquals(national.buyerInflow(0, VictimType.BOY) / 10, small.buyerInflow(0, VictimType.BOY), 1e-9);
        }
    }

    /**
     * Buyers who came and were priced out leave the averaged flows only slowly, and no victims come:
     * the ratio of the fading flows stays at "all buyers", but nobody waiting would pay more than
     * the going rate, so it does not rise. (It used to climb by price_adjustment a day for ever: a
     * province's boy rate reached 10^15 RMB in a ten-year spin-up, and drew new gangs' choice of
     * trade, which weighs waiting buyers by the going rate.)
     */
    @Test
    void theGoingRateRisesOnlyWhileSomeoneWaitingWouldPayIt() {
        Parameters p = drift(1, 0.05, 30);
        Market m = new Market(1, p);
        double boy0 = m.priceIndex(0, VictimType.BOY);
        m.enter(buyer(1, boy0 * 1.2, 0, 10_000));
        m.endOfDay(p);
        double risen = m.priceIndex(0, VictimType.BOY);
        assertEquals(boy0 * Math.exp(0.05), risen, 1e-6, "one buyer bidding above the rate, no victims: it rises");
        for (int d = 0; d < 1000; d++) {
            m.endOfDay(p);
        }
        double top = m.priceIndex(0, VictimType.BOY);
        assertTrue(top >= boy0 * 1.2 && top <= boy0 * 1.2 * Math.exp(0.05),
                "rises to the one bid waiting and stops there: " + top + " against a bid of " + boy0 * 1.2);
        // Once that buyer has bought, no one is waiting: the rate holds, it does not climb.
        assertNotNull(m.sell(0, VictimType.BOY, 0, 0));
        for (int d = 0; d < 1000; d++) {
            m.endOfDay(p);
        }
        assertEquals(top, m.priceIndex(0, VictimType.BOY), 0);
    }

    /** No flows at all (nobody has come to the market): the going rate stays where it is. */
    @Test
    void anEmptyMarketKeepsItsGoingRate() {
        Parameters p = drift(1, 0.05, 30);
        Market m = new Market(1, p);
        double boy0 = m.priceIndex(0, VictimType.BOY);
        for (int d = 0; d < 10; d++) {
            m.endOfDay(p);
        }
        assertEquals(boy0, m.priceIndex(0, VictimType.BOY), 0);
    }

    /** A buyer who gave up is dropped from every heap he sat in, by the day he gives up and no later. */
    @Test
    void aBuyerWhoGaveUpNeverBuysAgainInAnyHeap() {
        Parameters p = params(1);
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
        assertSame(late, m.sell(0, VictimType.GIRL, 0, 0).buyer());
        assertNull(m.sell(0, VictimType.BOY, 0, 0), "the late buyer bought a girl; the early one gave up");
        assertEquals(0, m.expire(20)[0], "served buyers do not give up");
        assertEquals(0, m.totalWaiting());
    }

    /**
     * Many departures compact the heaps (when half an entry set is dead); the best live bid still
     * comes first afterwards, and the counts match what is left.
     */
    @Test
    void heapsStayCorrectThroughCompaction() {
        Parameters p = params(1);
        Market m = new Market(1, p);
        int n = 200;
        for (int k = 0; k < n; k++) {
            // Every buyer wants both; bids rise with k; the even ones give up on day 5.
            m.enter(buyer(k, 1_000 + k, 2_000 + k, k % 2 == 0 ? 5 : 50));
        }
        assertEquals(n / 2, m.expire(5)[0]);
        // Sell boys to the ten best odd buyers: 199, 197, ..., 181.
        for (int k = 0; k < 10; k++) {
            assertEquals(n - 1 - 2 * k, m.sell(0, VictimType.BOY, 0, 0).buyer().id());
        }
        // The girl heap lost the same buyers; its best live bid is the next odd one.
        assertEquals(179, m.sell(0, VictimType.GIRL, 0, 0).buyer().id());
        assertEquals(n / 2 - 11, m.waiting(0, VictimType.BOY));
        assertEquals(n / 2 - 11, m.waiting(0, VictimType.GIRL));
        assertEquals(n / 2 - 11, m.totalWaitingFor(VictimType.GIRL));
    }

    @Test
    void noBuyersWaitingMeansNoAskAndNoSale() {
        Parameters p = params(1);
        Market m = new Market(1, p);
        assertEquals(0, m.ask(0, VictimType.BOY, 1.0), 0);
        assertNull(m.sell(0, VictimType.BOY, 0, 0));
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
        Parameters p = params(0.05);
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
                double best = waiting.stream().mapToDouble(b -> b.willingnessToPay(VictimType.BOY)).max().orElse(0);
                Market.Sale s = m.sell(0, VictimType.BOY, ask, floor);
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
