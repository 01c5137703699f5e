package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.VictimType;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Parameters;
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

    /**
     * The estimate from its parts, one province, no trips (the start's older rule: women deceived,
     * children abducted unless sold by parents), no buyer search (so the hazard is the cases'
     * alone): more investigators solve more reports, so more sales are rescued and the hazard
     * rises; and where only women's gangs are in play, the children they sell share the women's
     * chance of a rescue per sale (phi), so the boys' hazard is the one that thins their stock by
     * that same phi.
     */
    @Test
    void moreInvestigatorsMeanAHigherHazardAndALoneKindSpeaksForBoth() {
        Parameters p = new Parameters();
        ParamRegistry.find("police.buyer_share").orElseThrow().set(p, 0.0);
        double[][] inflow = {{100, 0, 300}}; // a year of boys, girls, women
        List<Gang> women = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            women.add(new Gang(k + 1, 0, false, 1, 1, 4, 0, new double[1], 0));
        }
        int w = VictimType.WOMAN.ordinal();
        int b = VictimType.BOY.ordinal();
        double low = hazards(inflow, women, 50, p).byType()[0][w];
        double high = hazards(inflow, women, 500, p).byType()[0][w];
        assertTrue(low > 0 && high > low, low + " then " + high);
        double[] h = hazards(inflow, women, 500, p).byType()[0];
        double muW = SteadyRecovery.otherExits(VictimType.WOMAN, p);
        double phi = 1 - SteadyRecovery.stay(muW + h[w], Double.POSITIVE_INFINITY) / SteadyRecovery.stay(muW, Double.POSITIVE_INFINITY);
        double boys = SteadyRecovery.hazardFor(phi, SteadyRecovery.otherExits(VictimType.BOY, p),
                SteadyRecovery.findableYears(VictimType.BOY, p));
        assertEquals(boys, h[b], 1e-6 * boys);
    }

    private static SteadyRecovery.Hazards hazards(double[][] inflow, List<Gang> gangs, double officers, Parameters p) {
        PoliceUnit u = new PoliceUnit(0);
        u.setOfficers(officers);
        return SteadyRecovery.estimate(inflow, gangs, new HashMap<>(), List.of(u), p);
    }
}
