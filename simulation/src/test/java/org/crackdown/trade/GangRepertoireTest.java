package org.crackdown.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.crackdown.space.Province;
import org.junit.jupiter.api.Test;

/**
 * Gangs formed as brokers (gangs.broker_gang_share) or border rings (gangs.border_ring_share): how many,
 * which, and what they exclude. Without the shares no gang is either, and the random numbers are
 * those of the model before (the golden runs hold that at the defaults).
 */
class GangRepertoireTest {

    private static final int GANGS = 3000;

    /** Gangs formed at every province in turn: counts of child gangs, brokers, women's gangs near a border, rings. */
    private static int[] form(double brokers, double rings, long seed) {
        TraffickingModel m = TradeFixtures.quietModel(0.05, seed, p -> {
            TestScenarios.set(p, "gangs.broker_gang_share", brokers);
            TestScenarios.set(p, "gangs.border_ring_share", rings);
        });
        int[] n = new int[4];
        for (int k = 0; k < GANGS; k++) {
            Gang g = m.formGang(k % m.network().size(), 3, null);
            boolean nearBorder = false;
            for (int s : m.prospects().sourcesFrom(g.home())) {
                nearBorder |= m.network().get(s).tradeBorder();
            }
            if (g.childSpecialist()) {
                n[0]++;
                if (!g.uses(AcquisitionMethod.ABDUCTION)) {
                    n[1]++;
                    // A broker still buys, and may buy across the border.
                    assertTrue(g.uses(AcquisitionMethod.PURCHASE) && g.uses(AcquisitionMethod.CROSS_BORDER));
                }
                assertTrue(g.uses(AcquisitionMethod.CROSS_BORDER), "no child gang is limited to other ways");
            } else {
                if (!g.uses(AcquisitionMethod.DECEPTION)) {
                    assertTrue(nearBorder, "a ring can reach a border: " + m.network().get(g.home()).code());
                    assertTrue(g.uses(AcquisitionMethod.CROSS_BORDER));
                    n[3]++;
                }
                n[2] += nearBorder ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void withoutTheSharesNoGangIsLimited() {
        int[] n = form(0, 0, 1);
        assertEquals(0, n[1]);
        assertEquals(0, n[3]);
        assertTrue(n[0] > 0 && n[2] > 0, java.util.Arrays.toString(n));
    }

    /** The shares come out as set: within three binomial standard errors. */
    @Test
    void brokersAndRingsComeAtTheirShares() {
        for (long seed = 1; seed <= 2; seed++) {
            int[] n = form(0.3, 0.4, seed);
            assertShare(0.3, n[1], n[0], "brokers among child-trade gangs");
            assertShare(0.4, n[3], n[2], "rings among women's gangs that can reach a border");
        }
    }

    @Test
    void provincesWithoutABorderWithinReachHaveNoRings() {
        TraffickingModel m = TradeFixtures.quietModel(0.05, 1, p -> TestScenarios.set(p, "gangs.border_ring_share", 1.0));
        int far = 0;
        for (Province home : m.network().provinces()) {
            boolean nearBorder = false;
            for (int s : m.prospects().sourcesFrom(home.index())) {
                nearBorder |= m.network().get(s).tradeBorder();
            }
            for (int k = 0; k < 20; k++) {
                Gang g = m.formGang(home.index(), 3, null);
                if (!g.childSpecialist()) {
                    assertEquals(!nearBorder, g.uses(AcquisitionMethod.DECEPTION), home.code());
                    far += nearBorder ? 0 : 1;
                }
            }
        }
        assertTrue(far > 0, "some women's gangs far from any border");
        assertFalse(m.params().getBorderRingShare() < 1);
    }

    private static void assertShare(double p, int k, int n, String what) {
        assertTrue(n > 200, what + ": too few gangs " + n);
        double se = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, (double) k / n, 3 * se, what + ": " + k + " of " + n);
    }
}
