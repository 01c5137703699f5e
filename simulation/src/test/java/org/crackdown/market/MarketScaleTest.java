package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

/**
 * A seller's ask depends on buyers per victim on offer, both counted in the run's own agents, so
 * it does not depend on the run's scale.
 */
class MarketScaleTest {

    private static double askWith(double scale, int boySeekers, int victimsOnOffer) {
        Parameters p = new Parameters();
        p.setScale(scale);
        Market m = new Market(1, p);
        double[] wtp = new double[VictimType.values().length];
        wtp[VictimType.BOY.ordinal()] = 50_000;
        for (int i = 0; i < boySeekers; i++) {
            m.enter(new Buyer(i, Buyer.Kind.CHILD_SEEKER, 0, wtp, 1000));
        }
        return m.ask(0, VictimType.BOY, victimsOnOffer, 1.0);
    }

    @Test
    void sameBuyersPerVictimOnOfferGiveTheSameAsk() {
        assertEquals(askWith(1, 20, 40), askWith(0.05, 1, 2), 1e-9);
        assertEquals(askWith(1, 0, 20), askWith(0.05, 0, 1), 1e-9);
    }

    @Test
    void moreBuyersRaiseTheAskUntilTheyMatchTheVictimsOnOffer() {
        assertTrue(askWith(0.05, 4, 8) > askWith(0.05, 1, 8));
        assertEquals(askWith(0.05, 8, 8), askWith(0.05, 20, 8), 1e-9);
    }
}
