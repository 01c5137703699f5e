package org.crackdown.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Gang;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Parameters;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The pruning in {@link TripChoice} (issue 9) changes nothing: in live trade states, every gang's
 * choice equals the brute-force rule's — every option priced, a full route search per source, a
 * noise factor drawn for each option that pays on its cheapest conceivable route and, while nothing
 * is chosen, on its route — and leaves the random
 * stream at the same place. Markets are made busy and noisy so that many options pass the first
 * cut, routes matter (high risk aversion) and many trips are chosen.
 */
class TripChoiceTest {

    /** The rule as docs/ODD.md states it, without shortcuts. */
    static TripChoice.Trip bruteForce(Gang g, Prospects o, Parameters p, MersenneTwisterFast r) {
        double[] dayCost = o.dayCosts(g);
        double least = java.util.Arrays.stream(dayCost).min().orElseThrow();
        double best = 0;
        TripChoice.Trip chosen = null;
        for (int s : o.sourcesFrom(g.home())) {
            double reach = o.travelDays(g.home(), s) * o.tripCostPerDay();
            double cheapest = Prospects.cheapestRoute(dayCost, s);
            double[] route = o.routeCosts(dayCost, s);
            for (VictimType t : VictimType.values()) {
                if (t.isChild() != g.childSpecialist()) {
                    continue;
                }
                for (AcquisitionMethod m : AcquisitionMethod.forType(t)) {
                    if (!g.uses(m) || !o.available(s, t, m)) {
                        continue;
                    }
                    double[] acquisition = o.acquisitionCosts(s, t, m);
                    double risk = o.riskAversion(g) * o.bustsPerVictim(m) + reach;
                    for (int d = 0; d < dayCost.length; d++) {
                        if (Double.isNaN(acquisition[d])) {
                            continue;
                        }
                        double gross = o.expectedSale(d, t) - acquisition[d] - risk;
                        if (gross - cheapest <= 0) {
                            continue;
                        }
                        // Nor on the cheapest conceivable route: the fewest days to d at the least day cost.
                        if (cheapest != Double.NEGATIVE_INFINITY && gross - o.routeFloor(dayCost[s], least, s, d) <= 0) {
                            continue;
                        }
                        // Nor, while nothing is chosen, on its own route.
                        if (best == 0 && !(gross - route[d] > 0)) {
                            continue;
                        }
                        double value = (gross - route[d]) * Math.exp(p.getPlanNoise() * r.nextGaussian());
                        if (value > best) {
                            best = value;
                            chosen = new TripChoice.Trip(t, m, s, d);
                        }
                    }
                }
            }
        }
        return chosen;
    }

    /** Trips chosen by brokers and border rings in the comparisons so far. */
    private static int restricted;

    /** Compares both rules for every gang, every few days; returns how many chose a trip. */
    private static int compare(Consumer<Parameters> tweak, long seed) {
        TraffickingModel m = TradeFixtures.quietModel(0.05, seed, tweak);
        for (int k = 0; k < 120; k++) {
            m.formGang(k % m.network().size(), 3, null);
        }
        int trips = 0;
        int compared = 0;
        for (int day = 0; day < 120; day++) {
            m.schedule.step(m);
            if (day % 10 != 9) {
                continue;
            }
            Prospects o = m.prospects();
            for (Gang g : m.gangs()) {
                if (!g.active()) {
                    continue;
                }
                MersenneTwisterFast fast = (MersenneTwisterFast) m.rng().clone();
                MersenneTwisterFast slow = (MersenneTwisterFast) m.rng().clone();
                TripChoice.Trip got = TripChoice.best(g, o, m.params(), fast);
                TripChoice.Trip want = bruteForce(g, o, m.params(), slow);
                assertEquals(want, got, "gang " + g.id() + " on day " + day);
                if (got != null) {
                    assertTrue(g.uses(got.method()), "gang " + g.id() + " chose a way it does not use: " + got);
                    restricted += g.uses(AcquisitionMethod.ABDUCTION) && g.uses(AcquisitionMethod.DECEPTION) ? 0 : 1;
                }
                assertEquals(slow.nextLong(), fast.nextLong(), "random stream after gang " + g.id());
                compared++;
                trips += got != null ? 1 : 0;
            }
        }
        assertTrue(compared > 500, "plans compared " + compared);
        return trips;
    }

    @Test
    void pruningChoosesWhatTheBruteForceRuleChooses() {
        int trips = 0;
        for (long seed = 1; seed <= 3; seed++) {
            trips += compare(p -> TestScenarios.set(p, "gangs.plan_noise", 1.0), seed);
            trips += compare(p -> {
                TestScenarios.set(p, "gangs.plan_noise", 0.5);
                TestScenarios.set(p, "gangs.risk_aversion", p.getRiskAversion() * 20);
            }, seed);
        }
        assertTrue(trips > 200, "trips chosen " + trips);
    }

    /**
     * Brokers (gangs.broker_gang_share) never choose to kidnap and border rings (gangs.border_ring_share)
     * only bring women across the border, and the pruned rule still chooses what the brute-force
     * rule chooses for them.
     */
    @Test
    void brokersDoNotKidnapAndBorderRingsOnlyCrossTheBorder() {
        restricted = 0;
        int trips = 0;
        for (long seed = 1; seed <= 3; seed++) {
            trips += compare(p -> {
                TestScenarios.set(p, "gangs.plan_noise", 1.0);
                TestScenarios.set(p, "gangs.broker_gang_share", 0.5);
                TestScenarios.set(p, "gangs.border_ring_share", 0.5);
            }, seed);
        }
        assertTrue(trips > 200, "trips chosen " + trips);
        assertTrue(restricted > 20, "trips chosen by brokers and border rings " + restricted);
    }
}
