package org.crackdown.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crackdown.model.Demography;
import org.crackdown.model.Parameters;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.space.SexRatioHistory;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/** Families' sale decisions respond to the broker's offer, as their reservation prices say. */
class RuralFamiliesTest {

    private static final ProvinceNetwork NET = ProvinceNetwork.china();

    /** Share of a province's open families (boys) who accept {@code offer}, counted by asking them all. */
    private static double[] accepted(double offer, long seed) {
        Parameters p = new Parameters();
        // The pool this test needs (a few hundred open families in Guizhou), whatever the
        // calibrated default: the test is about the acceptance distribution, not the pool's size.
        org.crackdown.model.TestScenarios.set(p, "families.sale_propensity", 0.004);
        RuralFamilies f = new RuralFamilies(NET, new Demography(NET, SexRatioHistory.china(), org.crackdown.space.DemographicHistory.china()));
        MersenneTwisterFast r = new MersenneTwisterFast(seed);
        for (int day = 0; day < 110; day++) {
            f.step(day, 2010.0, p, r);
        }
        int gz = NET.provinces().stream().filter(x -> x.code().equals("CN-GZ")).findFirst().orElseThrow().index();
        int open = f.openFamilies(gz, VictimType.BOY);
        int yes = 0;
        while (f.accept(gz, VictimType.BOY, offer) != null) {
            yes++;
        }
        return new double[] {open, yes, f.acceptShare(gz, offer, p)};
    }

    @Test
    void theShareAcceptingMatchesTheReservationDistributionAndRisesWithTheOffer() {
        double previous = -1;
        for (double offer : new double[] {8_000, 15_000, 25_000, 40_000}) {
            double[] a = accepted(offer, 3);
            double n = a[0];
            double expected = a[2];
            assertTrue(n > 300, "enough open families in Guizhou at scale 1: " + n);
            // Binomial standard error of the observed share; allow four.
            double se = Math.sqrt(expected * (1 - expected) / n);
            assertEquals(expected, a[1] / n, 4 * se + 1e-9, "offer " + offer + ": " + a[1] + " of " + n);
            assertTrue(expected > previous, "acceptance rises with the offer");
            previous = expected;
        }
    }

    /**
     * What brokers know of their competition: families newly open to selling a day, averaged over
     * market.tightness_days, has the expected daily openings as its mean (rural births x boy share
     * x the chance to be open, Poisson-binomial); over seeds the mean of the averages agrees within
     * four standard errors. Brokers' days, a constant 7 a day, average to exactly 7.
     */
    @Test
    void averagedOpeningsMatchTheExpectedDailyOpenings() {
        Parameters p = new Parameters();
        org.crackdown.model.TestScenarios.set(p, "families.sale_propensity", 0.004);
        Demography demo = new Demography(NET, SexRatioHistory.china(), org.crackdown.space.DemographicHistory.china());
        demo.setYear(2010.0, p);
        var gz = NET.provinces().stream().filter(x -> x.code().equals("CN-GZ")).findFirst().orElseThrow();
        double q0 = Math.min(1, p.getSalePropensity() * Math.pow(demo.povertyIndex(gz), p.getPovertyElasticity()));
        double expected = demo.ruralBirthsPerDay(gz, p) * demo.boyShare(gz, 2010.0, p) * q0;
        org.apache.commons.math3.stat.descriptive.SummaryStatistics means = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (long seed = 1; seed <= 40; seed++) {
            RuralFamilies f = new RuralFamilies(NET, demo);
            MersenneTwisterFast r = new MersenneTwisterFast(seed);
            for (int day = 0; day < 200; day++) {
                for (int k = 0; k < 7; k++) {
                    f.brokerTried(gz.index(), VictimType.BOY);
                }
                f.step(day, 2010.0, p, r);
            }
            means.addValue(f.openingPerDay(gz.index(), VictimType.BOY));
            assertEquals(7.0, f.brokersPerDay(gz.index(), VictimType.BOY), 1e-9);
            assertEquals(0.0, f.brokersPerDay(gz.index(), VictimType.GIRL));
        }
        double se = means.getStandardDeviation() / Math.sqrt(means.getN());
        assertTrue(expected > 1, "enough openings in Guizhou at scale 1: " + expected);
        assertEquals(expected, means.getMean(), 4 * se, "averaged openings a day, 40 seeds (SE " + se + ")");
    }

    /**
     * Women who would take a false offer: families.women_open_to_deception per million rural
     * residents a year, times the poverty index, at the run's scale (by hand for Guizhou and
     * Zhejiang, the poorest and richest rural incomes but one); gangs' days trying there, a
     * constant 5 a day, average to exactly 5.
     */
    @Test
    void womenOpenToDeceptionFollowRuralPopulationAndPovertyAndTheGangsTryingThereAreCounted() {
        Parameters p = new Parameters();
        p.setScale(0.5);
        org.crackdown.model.TestScenarios.set(p, "families.women_open_to_deception", 120.0);
        Demography demo = new Demography(NET, SexRatioHistory.china(), org.crackdown.space.DemographicHistory.china());
        demo.setYear(2012.0, p);
        RuralFamilies f = new RuralFamilies(NET, demo);
        for (String code : new String[] {"CN-GZ", "CN-ZJ"}) {
            var prov = NET.byCode(code);
            double byHand = 120.0 * demo.population(prov, p) * demo.ruralShare() / 1e6 * demo.povertyIndex(prov) / 365;
            assertEquals(byHand, f.womenOpenPerDay(prov, p), 1e-12 * byHand, code);
        }
        var gz = NET.byCode("CN-GZ");
        var zj = NET.byCode("CN-ZJ");
        // Per rural resident, the poorer province has more women who would take the offer.
        assertTrue(f.womenOpenPerDay(gz, p) / gz.population() > 2 * f.womenOpenPerDay(zj, p) / zj.population());
        MersenneTwisterFast r = new MersenneTwisterFast(1);
        for (int day = 0; day < 100; day++) {
            for (int k = 0; k < 5; k++) {
                f.lurerTried(gz.index());
            }
            f.step(day, 2012.0, p, r);
        }
        assertEquals(5.0, f.lurersPerDay(gz.index()), 1e-9);
        assertEquals(0.0, f.lurersPerDay(zj.index()));
    }

    /** The fast erfc used for acceptance shares agrees with commons-math3's to its stated 1.2e-7. */
    @Test
    void fastErfcMatchesTheReferenceToItsStatedAccuracy() {
        for (double x = -6; x <= 6; x += 0.001) {
            double ref = org.apache.commons.math3.special.Erf.erfc(x);
            double fast = RuralFamilies.erfc(x);
            assertTrue(Math.abs(fast - ref) <= 1.2e-7 * ref + 1e-300, "erfc(" + x + "): " + fast + " vs " + ref);
        }
        assertEquals(1.0, RuralFamilies.erfc(0), 1.2e-7);
        assertEquals(2.0, RuralFamilies.erfc(-40), 1e-12);
        assertEquals(0.0, RuralFamilies.erfc(40), 1e-300);
    }
}
