package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.agent.Buyer;
import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/** Enforcement counted the way the statistics count, in small hand-built situations. */
class EnforcementTest {

    private static final int HENAN = org.crackdown.space.ProvinceNetwork.china().byCode("CN-HA").index();

    private static double total(TraffickingModel m, Measure x) {
        return m.metrics().windowTotal(x);
    }

    private static void staff(TraffickingModel m, double officers) {
        for (var u : m.police().units()) {
            u.setOfficers(officers);
        }
    }

    @Test
    void aPatrolStopRegistersACaseThatIsSolvedOnlyLater() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> { });
        Gang g = PolicyFixtures.gang(m, HENAN);
        g.victims().add(PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        g.victims().add(PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        m.enforcement().bust(g, HENAN, Enforcement.Cause.PATROL, m.params(), m.rng());

        assertEquals(2, total(m, Measure.RESCUED_BY_PATROL));
        assertEquals(1, total(m, Measure.CASES_REGISTERED), "the stop registers one case");
        assertEquals(0, total(m, Measure.CASES_SOLVED), "and does not solve it at once");
        assertEquals(1, m.enforcement().cases().openCases(HENAN));

        staff(m, 1000);
        for (int day = 0; day < 400 && total(m, Measure.CASES_SOLVED) == 0; day++) {
            m.enforcement().investigate(m.params(), m.rng());
        }
        assertEquals(1, total(m, Measure.CASES_SOLVED), "investigation solves it");
        assertEquals(1, total(m, Measure.WOMEN_CASES_SOLVED));
    }

    /**
     * The members arrested at one bust go to court together. With courts.indictment_share and
     * courts.sentenced_share 1 all four arrested (gangs.arrest_share 1) are sentenced in one
     * concluded case; with either at 0 no case reaches the courts and nobody is sentenced.
     */
    @Test
    void theMembersArrestedAtABustGoToCourtAsOneCase() {
        double[][] shares = {{1, 1}, {1, 0}, {0, 1}};
        for (double[] s : shares) {
            TraffickingModel m = PolicyFixtures.emptyModel(p -> {
                TestScenarios.set(p, "gangs.arrest_share", 1);
                TestScenarios.set(p, "courts.indictment_share", s[0]);
                TestScenarios.set(p, "courts.sentenced_share", s[1]);
            });
            m.enforcement().bust(PolicyFixtures.gang(m, HENAN), HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
            String label = "indicted " + s[0] + ", sentenced " + s[1];
            assertEquals(4, total(m, Measure.SUSPECTS_ARRESTED), label);
            assertEquals(4 * s[0] * s[1], total(m, Measure.PEOPLE_SENTENCED), label);
            assertEquals(s[0] * s[1], total(m, Measure.COURT_CASES_CONCLUDED), label);
        }
    }

    /**
     * The two court steps set different figures. Over 600 busts of four arrested each, with
     * courts.indictment_share 0.5 and courts.sentenced_share 0.6: a case is concluded when the
     * bust is taken to court and not all four go free, 0.5 x (1 - 0.4^4) = 0.487 of busts (within
     * four binomial standard errors, 0.020); and a case concluded sentences 4 x 0.6 / (1 - 0.4^4)
     * = 2.46 people, which the indictment share does not change (within four standard errors of a
     * mean of about 290 cases, SD of a case's count 0.91 (binomial truncated at 1), so 0.21). The
     * people sentenced per person arrested is the product of the two shares, 0.3 (a bust's share
     * sentenced has variance (0.5 x (0.96 + 2.4^2) - 1.2^2) / 16 = 0.12, so four standard errors
     * over 600 busts are 0.057).
     */
    @Test
    void theProcuratorateSetsHowManyCasesTheCourtsHowManyPeopleEach() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "gangs.arrest_share", 1);
            TestScenarios.set(p, "gangs.reform_probability", 0);
            TestScenarios.set(p, "courts.indictment_share", 0.5);
            TestScenarios.set(p, "courts.sentenced_share", 0.6);
        });
        int busts = 600;
        for (int i = 0; i < busts; i++) {
            m.enforcement().bust(PolicyFixtures.gang(m, HENAN), HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        }
        double concluded = 0.5 * (1 - Math.pow(0.4, 4));
        assertEquals(concluded, total(m, Measure.COURT_CASES_CONCLUDED) / busts,
                4 * Math.sqrt(concluded * (1 - concluded) / busts), "cases concluded per bust");
        double cases = total(m, Measure.COURT_CASES_CONCLUDED);
        assertEquals(4 * 0.6 / (1 - Math.pow(0.4, 4)), total(m, Measure.PEOPLE_SENTENCED) / cases,
                4 * 0.91 / Math.sqrt(cases), "people sentenced per case");
        double perArrested = total(m, Measure.PEOPLE_SENTENCED) / total(m, Measure.SUSPECTS_ARRESTED);
        assertEquals(0.3, perArrested, 4 * Math.sqrt((0.5 * (0.96 + 2.4 * 2.4) - 1.2 * 1.2) / 16 / busts), "sentenced per arrested");
    }

    @Test
    void aReportedVictimFoundAtAStopSolvesHerCaseWithoutANewOne() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> TestScenarios.set(p, "police.child_registration", 1));
        Gang g = PolicyFixtures.gang(m, HENAN);
        Victim v = PolicyFixtures.victim(VictimType.BOY, HENAN);
        m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, true, g, v);
        g.victims().add(v);
        m.enforcement().bust(g, HENAN, Enforcement.Cause.PATROL, m.params(), m.rng());

        assertEquals(1, total(m, Measure.CASES_REGISTERED), "the report only");
        assertEquals(1, total(m, Measure.CASES_SOLVED), "solved by finding the child");
        assertEquals(1, total(m, Measure.CHILD_CASES_SOLVED));
        assertEquals(0, m.enforcement().cases().openCases(HENAN));
    }

    @Test
    void aVictimFoundWithABuyerRegistersAFindAndLeavesTheStock() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> TestScenarios.set(p, "police.buyer_search_efficiency", 1000));
        Gang g = PolicyFixtures.gang(m, HENAN);
        Victim v = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        v.soldTo(new Buyer(1, Buyer.Kind.BRIDE_SEEKER, HENAN, new double[3], 1000));
        m.enforcement().onSale(g, v, HENAN, m.params(), m.rng());
        assertEquals(1, m.enforcement().heldByBuyers(HENAN));

        staff(m, 100);
        for (int day = 0; day < 5000 && v.status() == Victim.Status.WITH_BUYER; day++) {
            m.enforcement().searchBuyers(m.params(), m.rng());
        }
        assertEquals(Victim.Status.RESCUED, v.status());
        assertEquals(0, m.enforcement().heldByBuyers(HENAN));
        assertEquals(1, total(m, Measure.RESCUED_BY_BUYER_SEARCH));
        assertEquals(1, total(m, Measure.RESCUED_FROM_BUYER));
        assertEquals(1, total(m, Measure.CASES_REGISTERED));
        assertEquals(0, total(m, Measure.CASES_SOLVED));
    }

    /**
     * The stock of victims held by buyers is finite: at an escape rate of 1 a year, e^-1 of 2,000
     * women are still held after a year (Binomial SD 22), and every other one is counted as escaped.
     * A child with no other exit grows up out of the stock exactly when it stops being findable.
     */
    @Test
    void victimsLeaveBuyersAtTheirRatesAndChildrenGrowUp() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "held.escape_rate", 1);
            TestScenarios.set(p, "held.release_rate", 0);
            TestScenarios.set(p, "held.death_rate", 0);
            TestScenarios.set(p, "held.child_findable_years", 0.5);
            TestScenarios.set(p, "police.buyer_share", 0);
            TestScenarios.set(p, "police.dna_share", 0);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        Buyer b = new Buyer(1, Buyer.Kind.BRIDE_SEEKER, HENAN, new double[3], 100_000);
        for (int i = 0; i < 2000; i++) {
            Victim v = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
            v.soldTo(b);
            m.enforcement().onSale(g, v, HENAN, m.params(), m.rng());
        }
        Victim child = PolicyFixtures.victim(VictimType.BOY, HENAN);
        child.soldTo(b);
        m.enforcement().onSale(g, child, HENAN, m.params(), m.rng());
        int grownUpDay = (int) Math.ceil(0.5 * 365);
        for (int day = 0; day < 365; day++) {
            m.schedule.step(m);
            assertEquals(m.dayIndex() <= grownUpDay, child.status() == Victim.Status.WITH_BUYER,
                    "child still held on day " + m.dayIndex());
        }
        double women = m.enforcement().heldByBuyers(HENAN);
        assertEquals(2000 * Math.exp(-1), women, 4 * 21.6);
        Metrics x = m.metrics();
        assertEquals(2000 - women, x.windowTotal(Measure.HELD_ESCAPED));
        assertEquals(1, x.windowTotal(Measure.HELD_GREW_UP));
        assertEquals(0, x.windowTotal(Measure.HELD_RELEASED) + x.windowTotal(Measure.HELD_DIED));
    }

    private static Victim soldVictim(TraffickingModel m, Gang g, VictimType t) {
        Victim v = PolicyFixtures.victim(t, HENAN);
        v.soldTo(new Buyer(v.id(), Buyer.Kind.BRIDE_SEEKER, HENAN, new double[3], 1000));
        m.enforcement().onSale(g, v, HENAN, m.params(), m.rng());
        return v;
    }

    private static void investigateUntilSolved(TraffickingModel m, double solved) {
        staff(m, 1000);
        for (int day = 0; day < 400 && total(m, Measure.CASES_SOLVED) < solved; day++) {
            m.enforcement().investigate(m.params(), m.rng());
        }
    }

    /** Serial-case merging: two reports about one gang are one case; solving it finds both victims. */
    /**
     * Parents of abducted children not on file come forward at dna.backlog_uptake a year while the
     * database runs: at 1 a year, 1 - e^-1 of 2,000 such children become matchable within a year
     * (Binomial SD 21.6); children bought from their parents never do, and without the uptake none.
     */
    @Test
    void parentsOfChildrenTakenBeforeTheDatabaseComeForwardAtTheirRate() {
        for (double uptake : new double[] {1.0, 0.0}) {
            TraffickingModel m = PolicyFixtures.emptyModel(p -> {
                TestScenarios.set(p, "dna.enabled", true);
                TestScenarios.set(p, "dna.backlog_uptake", uptake);
                TestScenarios.set(p, "held.escape_rate", 0);
                TestScenarios.set(p, "held.release_rate", 0);
                TestScenarios.set(p, "held.death_rate", 0);
                TestScenarios.set(p, "held.child_findable_years", 10);
                TestScenarios.set(p, "police.buyer_share", 0);
                TestScenarios.set(p, "police.dna_share", 0); // nobody is matched: only samples are counted
            });
            Gang g = PolicyFixtures.gang(m, HENAN);
            Buyer b = new Buyer(1, Buyer.Kind.CHILD_SEEKER, HENAN, new double[3], 100_000);
            List<Victim> abducted = new java.util.ArrayList<>();
            List<Victim> bought = new java.util.ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                var how = i < 2000 ? AcquisitionMethod.ABDUCTION : AcquisitionMethod.PURCHASE;
                Victim v = new Victim(1_000_000 + i, VictimType.BOY, HENAN, "CN-HA", how, 0, false);
                v.soldTo(b);
                m.enforcement().onSale(g, v, HENAN, m.params(), m.rng());
                (i < 2000 ? abducted : bought).add(v);
            }
            for (int day = 0; day < 365; day++) {
                m.schedule.step(m);
            }
            long sampled = abducted.stream().filter(Victim::parentsSampled).count();
            assertEquals(2000 * (1 - Math.exp(-uptake)), sampled, 4 * 21.6, "uptake " + uptake);
            assertEquals(0, bought.stream().filter(Victim::parentsSampled).count());
            assertTrue(abducted.stream().allMatch(v -> v.status() == Victim.Status.WITH_BUYER));
        }
    }

    @Test
    void reportsAboutTheSameGangAreMergedIntoOneCaseThatRescuesBoth() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.woman_registration", 1);
            TestScenarios.set(p, "police.merge_probability", 1);
            TestScenarios.set(p, "police.bust_probability", 0);
            TestScenarios.set(p, "police.case_lead_share", 1.0); // the merged case has a trail
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        Victim a = soldVictim(m, g, VictimType.WOMAN);
        Victim b = soldVictim(m, g, VictimType.WOMAN);
        Case first = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, a);
        Case second = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, b);

        assertEquals(first, second, "the second report joins the first case");
        assertEquals(List.of(a, b), first.victims());
        assertEquals(2, first.reports());
        assertEquals(1, total(m, Measure.CASES_REGISTERED));
        assertEquals(1, total(m, Measure.CASES_MERGED));
        assertEquals(1, m.enforcement().cases().openCases(HENAN));

        investigateUntilSolved(m, 1);
        assertEquals(1, total(m, Measure.CASES_SOLVED), "one case solved...");
        assertEquals(2, total(m, Measure.RESCUED_BY_REPORT), "...rescues both victims it names");
        assertEquals(Victim.Status.RESCUED, a.status());
        assertEquals(Victim.Status.RESCUED, b.status());
    }

    @Test
    void withoutMergingEachReportIsItsOwnCase() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.woman_registration", 1);
            TestScenarios.set(p, "police.merge_probability", 0);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        assertEquals(2, total(m, Measure.CASES_REGISTERED));
        assertEquals(0, total(m, Measure.CASES_MERGED));
        assertEquals(2, m.enforcement().cases().openCases(HENAN));
    }

    /** A victim found by another process is struck off a merged case, which stays open for the other. */
    @Test
    void aMergedCaseIsSolvedWhenItsLastVictimIsFound() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.woman_registration", 1);
            TestScenarios.set(p, "police.merge_probability", 1);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        Victim a = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        Victim b = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, a);
        m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, b);
        m.enforcement().alertRecovery(a, HENAN, m.params());
        assertEquals(0, total(m, Measure.CASES_SOLVED));
        assertEquals(1, m.enforcement().cases().openCases(HENAN));
        m.enforcement().alertRecovery(b, HENAN, m.params());
        assertEquals(1, total(m, Measure.CASES_SOLVED));
        assertEquals(0, m.enforcement().cases().openCases(HENAN));
    }

    /** Bu po bu li: an unregistered report worked as an inquiry is registered only when solved. */
    @Test
    void anInquiryIsRegisteredWhenItIsSolved() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.child_registration", 0);
            TestScenarios.set(p, "police.inquiry_probability", 1);
            TestScenarios.set(p, "police.bust_probability", 0);
            TestScenarios.set(p, "police.case_lead_share", 1.0); // the inquiry has a trail
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        Case c = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, true, g, PolicyFixtures.victim(VictimType.BOY, HENAN));
        assertFalse(c.registered());
        assertEquals(0, total(m, Measure.CASES_REGISTERED));
        assertEquals(1, total(m, Measure.REPORTS_UNREGISTERED));
        assertEquals(1, total(m, Measure.CASES_OPENED), "a file on the desk all the same");

        investigateUntilSolved(m, 1);
        assertEquals(1, total(m, Measure.CASES_SOLVED));
        assertEquals(1, total(m, Measure.CASES_REGISTERED), "registered because solved");
        assertTrue(c.registered());
    }

    @Test
    void aReportTurnedAwayOpensNothing() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.woman_registration", 0);
            TestScenarios.set(p, "police.inquiry_probability", 0);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        assertNull(m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, PolicyFixtures.victim(VictimType.WOMAN, HENAN)));
        assertEquals(0, m.enforcement().cases().openCases(HENAN));
        assertEquals(0, total(m, Measure.CASES_OPENED));
        assertEquals(1, total(m, Measure.REPORTS_UNREGISTERED));
    }

    /**
     * Registration and inquiry are independent draws: of 4,000 reports about different gangs,
     * Binomial(4000, 0.3) are registered (SD 29) and of the others Binomial(n, 0.5) are kept as
     * inquiries; the rest are turned away. Tolerance 4 SD.
     */
    @Test
    void registrationAndInquiryFollowTheirProbabilities() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.child_registration", 0.3);
            TestScenarios.set(p, "police.inquiry_probability", 0.5);
        });
        int n = 4000;
        for (int i = 0; i < n; i++) {
            m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, true, null, PolicyFixtures.victim(VictimType.BOY, HENAN));
        }
        double registered = total(m, Measure.CASES_REGISTERED);
        double unregistered = total(m, Measure.REPORTS_UNREGISTERED);
        assertEquals(n, registered + unregistered, 1e-9);
        assertEquals(0.3 * n, registered, 4 * Math.sqrt(n * 0.3 * 0.7));
        double inquiries = m.enforcement().cases().openCases(HENAN) - registered;
        assertEquals(0.5 * unregistered, inquiries, 4 * Math.sqrt(unregistered * 0.25));
    }
}
