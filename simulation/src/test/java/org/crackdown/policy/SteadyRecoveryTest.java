package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The conversions of SteadyRecovery: from a share of sales rescued to a hazard on the stock. */
class SteadyRecoveryTest {

    @Test
    void withoutAFindableLimitTheHazardIsMuPhiOverOneMinusPhi() {
        // stay(mu + rho) = 1/(mu + rho) = (1 - phi)/mu  <=>  rho = mu phi / (1 - phi)
        for (double phi : new double[] {0.05, 0.3, 0.6}) {
            double mu = 0.083;
            assertEquals(mu * phi / (1 - phi), SteadyRecovery.hazardFor(phi, mu, Double.POSITIVE_INFINITY), 1e-9);
        }
    }

    @Test
    void withAFindableLimitTheStockIsThinnedByOneMinusPhi() {
        double mu = 0.033;
        double findable = 10;
        double rho = SteadyRecovery.hazardFor(0.4, mu, findable);
        assertEquals(0.6 * SteadyRecovery.stay(mu, findable), SteadyRecovery.stay(mu + rho, findable), 1e-9);
        assertEquals(0, SteadyRecovery.hazardFor(0, mu, findable));
    }

    @Test
    void stayIsTheMeanOfTheFirstExitCappedAtTheFindablePeriod() {
        assertEquals(10, SteadyRecovery.stay(0, 10), 1e-12);
        assertEquals(1 / 0.05, SteadyRecovery.stay(0.05, Double.POSITIVE_INFINITY), 1e-12);
        assertEquals((1 - Math.exp(-0.5)) / 0.05, SteadyRecovery.stay(0.05, 10), 1e-12);
    }
}
