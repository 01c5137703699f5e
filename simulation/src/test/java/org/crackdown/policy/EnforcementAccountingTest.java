package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.crackdown.model.Measure;
import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The 2011 baseline at scale 0.02, measured over the whole run (2008-2011) so that every case
 * solved was registered inside the window or left open by the settled start, over three seeds: the counts must add up the way
 * the statistics do, whatever the seed.
 */
@Tag("slow")
class EnforcementAccountingTest {

    private static final String[] BY_PROCESS = {"rescued_by_patrol", "rescued_by_alert", "rescued_by_bust",
        "rescued_by_tracing", "rescued_by_report", "rescued_by_tip", "rescued_by_dna", "rescued_by_buyer_search"};

    @Test
    void casesAreRegisteredBeforeSolvedAndRescuesAddUpByProcess() {
        Scenario s = TestScenarios.china2011(0.02, p -> TestScenarios.set(p, "joint.per_year", 4));
        Scenario whole = new Scenario(s.name(), s.description(), s.seed(), s.start(), s.end(), s.start(), s.end(),
                s.parameters(), s.campaigns(), s.timeline(), s.operations());
        double dna = 0;
        for (long seed = 1; seed <= 3; seed++) {
            org.crackdown.model.TraffickingModel m = new org.crackdown.model.TraffickingModel(whole, seed);
            org.crackdown.model.TraffickingModel.runToEnd(m);
            Map<String, Double> r = m.metrics().summary();
            String run = "seed " + seed + ": " + r;
            double registered = r.get("cases_registered");
            double solved = r.get("cases_solved");
            // The settled start leaves cases reported before the run open; they may be solved in it.
            double before = m.casesOpenAtStart();
            assertTrue(solved > 0 && solved <= registered + before,
                    "solved " + solved + " of " + registered + " registered and " + before + " open at the start; " + run);
            assertEquals(solved, r.get("women_cases_solved") + r.get("child_cases_solved"), run);
            assertTrue(r.get("cases_opened") >= registered, run);

            double rescued = r.get("women_rescued") + r.get("children_rescued");
            double byProcess = 0;
            for (String k : BY_PROCESS) {
                byProcess += r.get(k);
            }
            assertEquals(rescued, byProcess, "rescues by process must add up to all rescues; " + run);
            assertEquals(rescued, r.get("rescued_in_transit") + r.get("rescued_at_bust") + r.get("rescued_from_buyer"), run);
            assertTrue(r.get("rescued_by_patrol") > 0 && r.get("rescued_by_tracing") > 0,
                    "the main processes all rescue someone; " + run);
            // DNA matches need abducted children whose parents gave a sample: since issue 10 most
            // children are bought from parents, so one seed at scale 0.02 may have none (seed 2: 0).
            dna += r.get("rescued_by_dna");

            // The stock held by buyers has exits other than rescue, and uses them.
            double exits = r.get("held_escaped") + r.get("held_released") + r.get("held_died");
            assertTrue(exits > 0, run);
            // No more leave buyers' households than were sold to them: checked from empty stocks,
            // as with a settled start victims sold before the run also leave during it.
            Map<String, Double> e = TestScenarios.summary(fromEmpty(whole), seed);
            assertTrue(e.get("held_escaped") + e.get("held_released") + e.get("held_died") + e.get("rescued_from_buyer")
                    <= e.get("victims_sold"), "from empty stocks, seed " + seed + ": " + e);
        }
        assertTrue(dna > 0, "DNA matches rescue someone over three seeds");
    }

    private static Scenario fromEmpty(Scenario s) {
        org.crackdown.model.Parameters p = s.parameters().copy();
        TestScenarios.set(p, "init.settled_stocks", false);
        // Empty when recording starts, too: victims sold during a spin-up would leave in the run.
        TestScenarios.set(p, "init.spin_up_days", 0);
        return new Scenario(s.name(), s.description(), s.seed(), s.start(), s.end(), s.measureFrom(), s.measureTo(),
                p, s.campaigns(), s.timeline(), s.operations());
    }

    @Test
    void theHeldStockIsFiniteAndShrinksWithFasterExits() {
        double slow = heldAtEnd(0.01);
        double fast = heldAtEnd(0.5);
        assertTrue(fast < 0.75 * slow, "held at the end of 2011: exits 0.01/yr " + slow + ", 0.5/yr " + fast);
    }

    private static double heldAtEnd(double releaseRate) {
        Scenario s = TestScenarios.china2011(0.02, p -> TestScenarios.set(p, "held.release_rate", releaseRate));
        org.crackdown.model.TraffickingModel m = new org.crackdown.model.TraffickingModel(s, 1);
        double[] last = new double[1];
        int col = Measure.HELD_BY_BUYERS.ordinal();
        m.metrics().addListener((month, v) -> {
            double n = 0;
            for (double[] row : v) {
                n += row[col];
            }
            last[0] = n;
        });
        org.crackdown.model.TraffickingModel.runToEnd(m);
        assertEquals(m.enforcement().heldByBuyers(), last[0], "the month-end stock is the live count");
        return last[0];
    }
}
