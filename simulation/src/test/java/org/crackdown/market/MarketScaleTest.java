package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

/**
 * A seller's ask depends on the buyers coming per victim coming to the market, both counted in the
 * run's own agents and averaged over days, so it does not depend on the run's scale.
 */
class MarketScaleTest {

    private static double askWith(double scale, int boySeekers, int victimsComing) {
        Parameters p = new Parameters();
        p.setScale(scale);
        Market m = new Market(1, p);
        double[] wtp = new double[VictimType.values().length];
        wtp[VictimType.BOY.ordinal()] = 50_000;
        for (int i = 0; i < boySeekers; i++) {
            m.enter(new Buyer(i, Buyer.Kind.CHILD_SEEKER, 0, wtp, 1000));
        }
        for (int i = 0; i < victimsComing; i++) {
            m.offered(0, VictimType.BOY);
        }
        m.endOfDay(p);
        // Relative to the going rate, which the day's drift moved the same way at both scales.
        return m.ask(0, VictimType.BOY, 1.0) / m.priceIndex(0, VictimType.BOY);
    }

    @Test
    void sameBuyersPerVictimComingGiveTheSameAsk() {
        assertEquals(askWith(1, 20, 40), askWith(0.05, 1, 2), 1e-9);
        assertEquals(askWith(1, 0, 20), askWith(0.05, 0, 1), 1e-9);
    }

    @Test
    void moreBuyersRaiseTheAskUntilTheyMatchTheVictimsComing() {
        assertTrue(askWith(0.05, 4, 8) > askWith(0.05, 1, 8));
        assertEquals(askWith(0.05, 8, 8), askWith(0.05, 20, 8), 1e-9);
    }
}
