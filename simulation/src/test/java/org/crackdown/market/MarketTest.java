package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The market's heaps choose exactly the buyer that a scan of every waiting buyer would (the model
 * before issue 9), whatever the mix of arrivals, sales and expiries; and a buyer who wanted two
 * types leaves both once bought for.
 */
class MarketTest {

    private final Parameters p = new Parameters();

    private static Buyer buyer(long id, int province, double boy, double girl, double woman, int giveUp) {
        return new Buyer(id, Buyer.Kind.CHILD_SEEKER, province, new double[] {boy, girl, woman}, giveUp);
    }

    @Test
    void aBuyerWantingTwoTypesIsSoldToOnceAndLeavesBothCounts() {
        Market m = new Market(1, p);
        Buyer both = buyer(1, 0, 60_000, 30_000, 0, 100);
        Buyer girlOnly = buyer(2, 0, 0, 20_000, 0, 100);
        m.enter(both);
        m.enter(girlOnly);
        assertEquals(2, m.waiting(0, VictimType.GIRL));
        assertEquals(1, m.waiting(0, VictimType.BOY));
        Market.Sale boy = m.sell(0, VictimType.BOY, 50_000, 10_000);
        assertSame(both, boy.buyer());
        assertEquals(0, m.waiting(0, VictimType.BOY));
        assertEquals(1, m.waiting(0, VictimType.GIRL));
        // The couple's girl bid (30,000) beat the other buyer's, but they have bought already.
        assertSame(girlOnly, m.sell(0, VictimType.GIRL, 10_000, 10_000).buyer());
        assertNull(m.sell(0, VictimType.GIRL, 10_000, 10_000));
        assertEquals(0, m.waiting(0));
    }

    @Test
    void noSaleBelowTheFloorAndExpiryCountsOnlyThoseStillWaiting() {
        Market m = new Market(2, p);
        m.enter(buyer(1, 1, 40_000, 0, 0, 5));
        m.enter(buyer(2, 1, 45_000, 0, 0, 5));
        m.enter(buyer(3, 1, 50_000, 0, 0, 9));
        assertNull(m.sell(1, VictimType.BOY, 60_000, 55_000));
        assertEquals(50_000, m.sell(1, VictimType.BOY, 40_000, 40_000).buyer().willingnessToPay(VictimType.BOY));
        assertEquals(0, m.expire(4)[1]);
        assertEquals(2, m.expire(5)[1]);
        assertEquals(0, m.expire(9)[1]);
        assertEquals(0, m.totalWaiting());
    }

    /** The pre-issue-9 market: one list per province, scanned for the best bid at every sale. */
    private static final class ScanMarket {
        final List<List<Buyer>> waiting = new ArrayList<>();

        ScanMarket(int provinces) {
            for (int i = 0; i < provinces; i++) {
                waiting.add(new ArrayList<>());
            }
        }

        Buyer sell(int province, VictimType t, double floor) {
            List<Buyer> list = waiting.get(province);
            int best = -1;
            double bestBid = floor;
            for (int i = 0; i < list.size(); i++) {
                double bid = list.get(i).willingnessToPay(t);
                if (bid >= bestBid && bid > 0) {
                    best = i;
                    bestBid = bid;
                }
            }
            if (best < 0) {
                return null;
            }
            Buyer b = list.get(best);
            list.set(best, list.get(list.size() - 1));
            list.remove(list.size() - 1);
            return b;
        }

        int expire(int province, int today) {
            int before = waiting.get(province).size();
            waiting.get(province).removeIf(b -> b.giveUpDay() <= today);
            return before - waiting.get(province).size();
        }
    }

    @Test
    void choosesTheSameBuyersAsAScanOverManyRandomDays() {
        MersenneTwisterFast r = new MersenneTwisterFast(42);
        int provinces = 3;
        Market heaps = new Market(provinces, p);
        ScanMarket scan = new ScanMarket(provinces);
        long id = 0;
        int sales = 0;
        int ruledOut = 0;
        for (int day = 0; day < 400; day++) {
            for (int k = r.nextInt(12); k > 0; k--) {
                int prov = r.nextInt(provinces);
                double boy = r.nextBoolean() ? 30_000 + 40_000 * r.nextDouble() : 0;
                double girl = r.nextBoolean() ? 10_000 + 20_000 * r.nextDouble() : 0;
                double woman = boy == 0 && girl == 0 ? 20_000 + 30_000 * r.nextDouble() : 0;
                Buyer b = buyer(id++, prov, boy, girl, woman, day + r.nextInt(60));
                heaps.enter(b);
                scan.waiting.get(prov).add(b);
            }
            for (int k = r.nextInt(12); k > 0; k--) {
                int prov = r.nextInt(provinces);
                VictimType t = VictimType.values()[r.nextInt(3)];
                double floor = 10_000 + 50_000 * r.nextDouble();
                boolean knownBelow = heaps.knownBelow(prov, t, floor);
                Buyer expected = scan.sell(prov, t, floor);
                // A kept top bid that rules a sale out is right (sell then also uses it).
                if (knownBelow) {
                    assertNull(expected, "day " + day);
                    ruledOut++;
                }
                Market.Sale sale = heaps.sell(prov, t, floor, floor);
                assertSame(expected, sale == null ? null : sale.buyer(), "day " + day);
                if (sale != null) {
                    sales++;
                }
            }
            int[] gaveUp = heaps.expire(day);
            for (int prov = 0; prov < provinces; prov++) {
                assertEquals(scan.expire(prov, day), gaveUp[prov], "day " + day);
                assertEquals(scan.waiting.get(prov).size(), heaps.waiting(prov));
                for (VictimType t : VictimType.values()) {
                    assertEquals(scan.waiting.get(prov).stream().filter(b -> b.wants(t)).count(),
                            heaps.waiting(prov, t));
                }
            }
        }
        assertNotNull(heaps);
        // The comparison covered real trade, not only empty markets.
        assertEquals(true, sales > 500, "sales " + sales);
        assertEquals(true, ruledOut > 50, "sales ruled out by the kept top bid: " + ruledOut);
    }
}
