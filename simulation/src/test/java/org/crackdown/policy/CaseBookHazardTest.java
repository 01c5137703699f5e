package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Measure;
import org.crackdown.model.Parameters;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The case book's solving hazard and its indexes over time (issue 13.5), beyond CaseBookTest:
 * a lone case with ample investigators takes police.min_case_days on average; many cases share
 * the investigators' capacity, so the number solved a day saturates; a case gone cold no longer
 * makes its gang known, and a new report about that gang opens a new case instead of merging.
 */
class CaseBookHazardTest {

    private static final int PROVINCES = 31;
    private static final int HENAN = org.crackdown.space.ProvinceNetwork.china().byCode("CN-HA").index();

    private static List<PoliceUnit> units(double officers) {
        List<PoliceUnit> u = new ArrayList<>();
        for (int i = 0; i < PROVINCES; i++) {
            PoliceUnit pu = new PoliceUnit(i);
            pu.setOfficers(officers);
            u.add(pu);
        }
        return u;
    }

    /**
     * With capacity far above one case, each day's chance is 1/(1/capacity + min_case_days), about
     * 1/30: days to solve are geometric with mean ~30 and SD ~29.5. Over 2,000 cases the mean has
     * SE 0.66; tolerance 4 SE.
     */
    @Test
    void aLoneCaseWithAmpleInvestigatorsTakesTheMinimumCaseDaysOnAverage() {
        Parameters p = new Parameters();
        TestScenarios.set(p, "police.case_expiry_days", 7300);
        MersenneTwisterFast r = new MersenneTwisterFast(17);
        List<PoliceUnit> ample = units(1e9);
        int reps = 2000;
        double sum = 0;
        for (int rep = 0; rep < reps; rep++) {
            CaseBook book = new CaseBook(PROVINCES);
            book.open(Case.Kind.LEAD, HENAN, false, null, null, 0);
            int day = 0;
            while (book.openCases(HENAN) > 0) {
                day++;
                book.investigate(ample, day, p, r);
            }
            sum += day;
        }
        double mean = sum / reps;
        double m = p.getMinCaseDays();
        double se = Math.sqrt(m * (m - 1)) / Math.sqrt(reps);
        assertEquals(m, mean, 4 * se, "mean days to solve a lone case");
    }

    /**
     * Far more cases than investigators can work: a day solves about the capacity (investigators x
     * police.investigation_efficiency) and no more, whatever the pile; a pile ten times larger
     * does not get solved ten times faster. Each day's count is binomial: tolerances are 4 SD of
     * the sum over the days.
     */
    @Test
    void manyCasesShareTheCapacitySoSolvedPerDaySaturates() {
        Parameters p = new Parameters();
        TestScenarios.set(p, "police.case_expiry_days", 7300);
        List<PoliceUnit> u = units(0);
        // Capacity 2 cases a day in Henan.
        u.get(HENAN).setOfficers(2 / (p.getInvestigationShare() * p.getInvestigationEfficiency()));
        double capacity = u.get(HENAN).investigators(p) * p.getInvestigationEfficiency();
        assertEquals(2, capacity, 1e-9);
        int days = 50;
        double small = solvedOver(20_000, days, u, p, 5);
        double large = solvedOver(200_000, days, u, p, 6);
        assertEquals(days * capacity, small, 4 * Math.sqrt(days * capacity) + 1, "solved from 20,000 open cases");
        assertEquals(days * capacity, large, 4 * Math.sqrt(days * capacity) + 1, "solved from 200,000 open cases");
    }

    private static double solvedOver(int cases, int days, List<PoliceUnit> u, Parameters p, long seed) {
        CaseBook book = new CaseBook(PROVINCES);
        for (int i = 0; i < cases; i++) {
            book.open(Case.Kind.LEAD, HENAN, false, null, null, 0);
        }
        MersenneTwisterFast r = new MersenneTwisterFast(seed);
        int solved = 0;
        for (int day = 1; day <= days; day++) {
            solved += book.investigate(u, day, p, r).size();
        }
        assertEquals(cases - solved, book.openCases(HENAN));
        return solved;
    }

    @Test
    void aCaseGoneColdForgetsItsGangAndANewReportOpensANewCase() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.case_expiry_days", 10);
            TestScenarios.set(p, "police.merge_probability", 1);
            TestScenarios.set(p, "police.woman_registration", 1);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        CaseBook book = m.enforcement().cases();
        Case first = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        assertTrue(book.hasOpenCase(g));
        // No investigators anywhere: the case can only go cold.
        List<PoliceUnit> none = units(0);
        MersenneTwisterFast r = new MersenneTwisterFast(1);
        book.investigate(none, 10, m.params(), r);
        assertFalse(first.isOpen());
        assertFalse(book.hasOpenCase(g));
        assertFalse(book.knownGangs(HENAN).iterator().hasNext());
        assertEquals(0, book.reportsAgainst(g));
        Case second = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        assertNotSame(first, second);
        assertEquals(0, m.metrics().windowTotal(Measure.CASES_MERGED));
        assertEquals(2, m.metrics().windowTotal(Measure.CASES_REGISTERED));
    }

    /** A report about a gang is merged into the OLDEST open case against it; when that closes, into the next. */
    @Test
    void reportsMergeIntoTheOldestOpenCaseAgainstTheGang() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.merge_probability", 0);
            TestScenarios.set(p, "police.woman_registration", 1);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        var a = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        var b = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        Case older = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, a);
        Case newer = m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, b);
        assertNotSame(older, newer);
        TestScenarios.set(m.params(), "police.merge_probability", 1);
        var c = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        assertSame(older, m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, c));
        assertEquals(List.of(a, c), older.victims());
        assertEquals(3, m.enforcement().cases().reportsAgainst(g));
        // Both victims of the older case are found elsewhere: it is solved; the next report joins the newer one.
        m.enforcement().alertRecovery(a, HENAN, m.params());
        m.enforcement().alertRecovery(c, HENAN, m.params());
        assertFalse(older.isOpen());
        var d = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        assertSame(newer, m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, d));
    }

    /**
     * Merging is a draw per report: of 2,000 reports about a gang with an open case, Binomial(2000,
     * 0.5) are merged (SD 22; tolerance 4 SD). A false tip names no gang and is never merged nor
     * registered; a tip, a lead or a stop is registered whatever the registration of reports.
     */
    @Test
    void mergingFollowsItsProbabilityAndOnlyReportsAreLeftUnregistered() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.merge_probability", 0.5);
            TestScenarios.set(p, "police.woman_registration", 0);
            TestScenarios.set(p, "police.child_registration", 0);
            TestScenarios.set(p, "police.inquiry_probability", 0);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        m.enforcement().open(Case.Kind.LEAD, HENAN, false, g, null);
        assertEquals(1, m.metrics().windowTotal(Measure.CASES_REGISTERED), "a lead is registered at once");
        int n = 2000;
        for (int i = 0; i < n; i++) {
            m.enforcement().open(Case.Kind.TIP, HENAN, false, g, PolicyFixtures.victim(VictimType.WOMAN, HENAN));
        }
        double merged = m.metrics().windowTotal(Measure.CASES_MERGED);
        assertEquals(n * 0.5, merged, 4 * Math.sqrt(n * 0.25));
        assertEquals(1 + n - merged, m.metrics().windowTotal(Measure.CASES_REGISTERED), 0,
                "every tip not merged is registered, although reports would not be");
        assertEquals(0, m.metrics().windowTotal(Measure.REPORTS_UNREGISTERED));
        double registered = m.metrics().windowTotal(Measure.CASES_REGISTERED);
        Case falseTip = m.enforcement().open(Case.Kind.FALSE_TIP, HENAN, false, null, null);
        assertFalse(falseTip.registered());
        assertFalse(falseTip.genuine());
        assertEquals(registered, m.metrics().windowTotal(Measure.CASES_REGISTERED), 0);
    }
}
