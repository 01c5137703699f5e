package org.crackdown.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.junit.jupiter.api.Test;

/** A seller's ask depends on buyers per national equivalent, not on the run's scale. */
class MarketScaleTest {

    private static double askWith(double scale, int boySeekers) {
        Parameters p = new Parameters();
        p.setScale(scale);
        Market m = new Market(1, p);
        double[] wtp = new double[VictimType.values().length];
        wtp[VictimType.BOY.ordinal()] = 50_000;
        for (int i = 0; i < boySeekers; i++) {
            m.enter(new Buyer(i, Buyer.Kind.CHILD_SEEKER, 0, wtp, 1000));
        }
        return m.ask(0, VictimType.BOY, 1, p);
    }

    @Test
    void sameBuyersPerNationalEquivalentGiveTheSameAsk() {
        assertEquals(askWith(1, 40), askWith(0.05, 2), 1e-9);
        assertEquals(askWith(1, 0), askWith(0.05, 0), 1e-9);
    }

    @Test
    void moreBuyersRaiseTheAsk() {
        assertTrue(askWith(0.05, 4) > askWith(0.05, 1));
    }
}
