package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

/** The bargained price rule: between what the seller will take and what the buyer bids, nothing else. */
class MarketPriceTest {

    private final Parameters p = new Parameters();

    private static Buyer boyBuyer(long id, double bid) {
        double[] wtp = new double[VictimType.values().length];
        wtp[VictimType.BOY.ordinal()] = bid;
        return new Buyer(id, Buyer.Kind.CHILD_SEEKER, 0, wtp, 1000);
    }

    /** One day on which the given boy buyers enter and {@code victims} boys are brought for sale. */
    private void day(Market m, int victims, Buyer... buyers) {
        for (Buyer b : buyers) {
            m.enter(b);
        }
        for (int k = 0; k < victims; k++) {
            m.offered(0, VictimType.BOY);
        }
        m.endOfDay(p);
    }

    @Test
    void theHighestBidderBuysAtAPriceBetweenReservationAndBid() {
        Market m = new Market(1, p);
        day(m, 1, boyBuyer(1, 80_000), boyBuyer(2, 120_000));
        Market.Sale s = m.sell(0, VictimType.BOY, 50_000, 10_000);
        assertEquals(2, s.buyer().id());
        // Two buyers came for one victim: the seller gets 2/3 of the surplus above its reservation.
        assertEquals(50_000 + 2.0 / 3 * 70_000, s.price(), 1e-6);
        assertEquals(1, m.waiting(0, VictimType.BOY));
    }

    @Test
    void pricesAreNotHeldToThePublishedRange() {
        Market m = new Market(1, p);
        m.enter(boyBuyer(1, 300_000));
        Market.Sale s = m.sell(0, VictimType.BOY, 200_000, 0);
        // One buyer, one seller: they split the surplus; the price is far above 45,000-60,000.
        assertEquals(250_000, s.price(), 1e-6);
    }

    @Test
    void manySellersDriveThePriceTowardsWhatSellersTake() {
        Market few = new Market(1, p);
        Market many = new Market(1, p);
        day(few, 1, boyBuyer(1, 100_000));
        day(many, 9, boyBuyer(1, 100_000));
        double lone = few.sell(0, VictimType.BOY, 40_000, 0).price();
        double crowded = many.sell(0, VictimType.BOY, 40_000, 0).price();
        assertEquals(70_000, lone, 1e-6);
        assertEquals(46_000, crowded, 1e-6);
    }

    @Test
    void noSaleBelowTheSellersReservationOrFloor() {
        Market m = new Market(1, p);
        m.enter(boyBuyer(1, 30_000));
        assertNull(m.sell(0, VictimType.BOY, 35_000, 0));
        assertNull(m.sell(0, VictimType.BOY, 0, 31_000));
        assertEquals(1, m.waiting(0, VictimType.BOY));
    }

    @Test
    void sellersAskLessWhenMoreVictimsComeThanBuyers() {
        Market balanced = new Market(1, p);
        day(balanced, 2, boyBuyer(1, 60_000), boyBuyer(2, 60_000));
        double index = balanced.priceIndex(0, VictimType.BOY);
        assertEquals(index, balanced.ask(0, VictimType.BOY, 1.0), 1e-9);
        Market glut = new Market(1, p);
        day(glut, 4, boyBuyer(1, 60_000), boyBuyer(2, 60_000));
        double glutIndex = glut.priceIndex(0, VictimType.BOY);
        assertEquals(glutIndex / 2, glut.ask(0, VictimType.BOY, 1.0), 1e-9);
        assertEquals(glutIndex * 0.7 / 2, glut.ask(0, VictimType.BOY, 0.7), 1e-9);
    }

    @Test
    void buyersLearnHigherRisksFromMoreProsecutionsAndRescuesAgainstTheStockHeld() {
        Market m = new Market(2, p);
        for (int k = 0; k < 3; k++) {
            m.prosecuted(0);
        }
        m.learnRisk(new int[] {100, 100}, new double[] {6, 0});
        // Yearly hazards: local 12 x 3/100 and national 12 x 3/200, half each, weight 0.2.
        assertEquals(0.2 * (0.5 * 0.36 + 0.5 * 0.18), m.prosecutionRate(0), 1e-12);
        assertEquals(0.2 * (0.5 * 0 + 0.5 * 0.18), m.prosecutionRate(1), 1e-12);
        assertEquals(0.2 * (0.5 * 0.72 + 0.5 * 0.36), m.recoveryRate(0), 1e-12);
        assertTrue(m.recoveryRate(0) > m.recoveryRate(1));
    }

    /**
     * A settled start's market: flows begin in balance, a full window already seen, so the price
     * holds and the first day's few events move the averages by one window's share only.
     */
    @Test
    void startedFlowsAreBalancedAndWeighedAsAFullWindow() {
        Market m = new Market(1, p);
        double start = m.priceIndex(0, VictimType.BOY);
        m.startFlows(0, VictimType.BOY, 4.0, p);
        assertEquals(4.0, m.buyerInflow(0, VictimType.BOY), 1e-12);
        assertEquals(start, m.ask(0, VictimType.BOY, 1.0), 1e-9); // buyers / victims = 1
        m.endOfDay(p); // a day with no events at all
        assertEquals(4.0 * (1 - 1 / p.getTightnessDays()), m.buyerInflow(0, VictimType.BOY), 1e-9);
        assertEquals(start, m.priceIndex(0, VictimType.BOY), 1e-9); // still in balance: no drift
        Market fresh = new Market(1, p);
        fresh.endOfDay(p);
        assertEquals(0, fresh.buyerInflow(0, VictimType.BOY)); // without a settled start: an empty market
    }
}
