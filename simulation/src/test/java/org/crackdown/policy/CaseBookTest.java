package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.model.Parameters;
import org.crackdown.model.TestScenarios;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

class CaseBookTest {

    private static Gang gang(long id, int home) {
        return new Gang(id, home, false, 1, 1, 4, 0, new double[31], 0);
    }

    private static List<PoliceUnit> units(double officers) {
        List<PoliceUnit> u = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            PoliceUnit pu = new PoliceUnit(i);
            pu.setOfficers(officers);
            u.add(pu);
        }
        return u;
    }

    @Test
    void onlyOpenCasesAreSolvedAndEachOnce() {
        CaseBook book = new CaseBook(31);
        Parameters p = new Parameters();
        MersenneTwisterFast r = new MersenneTwisterFast(5);
        Set<Case> opened = new HashSet<>();
        Set<Case> solved = new HashSet<>();
        for (int day = 0; day < 200; day++) {
            for (int k = 0; k < 3; k++) {
                opened.add(book.open(Case.Kind.MISSING_REPORT, (day + k) % 31, true, null, null, day));
            }
            for (Case c : book.investigate(units(20), day, p, r)) {
                assertTrue(opened.contains(c), "solved a case never opened: " + c);
                assertTrue(c.openedDay() <= day, "solved before it was opened: " + c);
                assertTrue(solved.add(c), "solved twice: " + c);
                assertFalse(c.isOpen());
            }
        }
        int open = 0;
        for (int i = 0; i < 31; i++) {
            open += book.openCases(i);
        }
        assertTrue(!solved.isEmpty() && open > 0, "solved " + solved.size() + ", open " + open);
        assertTrue(solved.size() + open <= opened.size());
    }

    @Test
    void casesGoColdAfterTheExpiryUnsolved() {
        CaseBook book = new CaseBook(31);
        Parameters p = new Parameters();
        TestScenarios.set(p, "police.case_expiry_days", 10);
        book.open(Case.Kind.LEAD, 4, false, null, null, 0);
        MersenneTwisterFast r = new MersenneTwisterFast(1);
        // No investigators: nothing is solved; on day 10 the case is 10 days old and goes cold.
        assertTrue(book.investigate(units(0), 9, p, r).isEmpty());
        assertEquals(1, book.openCases(4));
        assertTrue(book.investigate(units(0), 10, p, r).isEmpty());
        assertEquals(0, book.openCases(4));
    }

    /**
     * A case without a trail is taken up like any other, yields nothing and is shelved: off the
     * desk (it no longer shares the investigators' time), still open (a bust can solve it), and
     * when it goes cold its reports count among those gone cold.
     */
    @Test
    void aCaseWithoutATrailIsShelvedNotSolved() {
        CaseBook book = new CaseBook(31);
        Parameters p = new Parameters();
        TestScenarios.set(p, "police.case_expiry_days", 100);
        Gang g = gang(1, 3);
        Case cold = book.open(Case.Kind.MISSING_REPORT, 3, true, g, null, 0);
        cold.noTrail();
        Case warm = book.open(Case.Kind.MISSING_REPORT, 3, true, null, null, 0);
        MersenneTwisterFast r = new MersenneTwisterFast(2);
        // Plenty of investigators: both cases are taken up within days.
        List<Case> solved = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            solved.addAll(book.investigate(units(500), day, p, r));
        }
        assertEquals(List.of(warm), solved, "only the case with a trail is solved");
        assertTrue(cold.isOpen());
        assertEquals(1, book.openCases(3), "the shelved case is still open");
        assertEquals(0, book.casesWorked(3), "but no longer on the desk");
        assertTrue(book.hasOpenCase(g));
        // Nothing more happens to it until it goes cold at 100 days, counted once.
        assertEquals(0, book.takeReportsGoneCold(), 0);
        book.investigate(units(500), 100, p, r);
        assertFalse(cold.isOpen());
        assertEquals(0, book.openCases(3));
        assertEquals(1, book.takeReportsGoneCold(), 0);
        assertEquals(0, book.takeReportsGoneCold(), 0, "the count resets when read");
    }

    @Test
    void aBustSolvesAShelvedCase() {
        CaseBook book = new CaseBook(31);
        Parameters p = new Parameters();
        Gang g = gang(1, 3);
        Case c = book.open(Case.Kind.TIP, 3, false, g, null, 0);
        c.noTrail();
        MersenneTwisterFast r = new MersenneTwisterFast(3);
        for (int day = 0; day < 60 && book.casesWorked(3) > 0; day++) {
            assertTrue(book.investigate(units(500), day, p, r).isEmpty());
        }
        assertEquals(0, book.casesWorked(3), "taken up and shelved");
        assertEquals(List.of(c), book.closeLinked(g, 1.0, r));
        assertFalse(c.isOpen());
        assertEquals(0, book.openCases(3));
        assertFalse(book.hasOpenCase(g));
    }

    @Test
    void gangsAreKnownByHomeProvinceWhileACaseAgainstThemIsOpen() {
        CaseBook book = new CaseBook(31);
        Gang g = gang(1, 7);
        Case a = book.open(Case.Kind.TIP, 2, false, g, null, 0);
        book.open(Case.Kind.LEAD, 7, false, g, null, 0);
        assertEquals(List.of(g), list(book.knownGangs(7)));
        assertEquals(2, book.casesAgainst(g));
        List<Case> closed = book.closeLinked(g, 1.0, new MersenneTwisterFast(1));
        assertEquals(2, closed.size());
        assertEquals(a, closed.get(0), "in the order opened");
        assertFalse(book.hasOpenCase(g));
        assertTrue(list(book.knownGangs(7)).isEmpty());
        assertEquals(0, book.openCases(2));
    }

    /** The geometric skipping gives each case the same daily chance: counts are Binomial(n, h). */
    @Test
    void pickingWithGeometricGapsIsBinomial() {
        List<Case> desk = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            desk.add(new Case(i, Case.Kind.LEAD, 0, false, null, null, 0));
        }
        MersenneTwisterFast r = new MersenneTwisterFast(11);
        SummaryStatistics counts = new SummaryStatistics();
        int[] perPosition = new int[10];
        for (int rep = 0; rep < 400; rep++) {
            List<Case> out = new ArrayList<>();
            CaseBook.pick(desk, 0.05, r, out);
            counts.addValue(out.size());
            for (Case c : out) {
                perPosition[(int) (c.id() / 100)]++;
            }
        }
        // Binomial(1000, 0.05): mean 50, SD 6.9; the mean of 400 draws has SE 0.34.
        assertEquals(50, counts.getMean(), 4 * 6.9 / 20, "mean picked " + counts.getMean());
        assertEquals(6.9, counts.getStandardDeviation(), 1.0);
        // Every tenth of the desk is picked as often (expected 2,000 each, SD about 44).
        for (int n : perPosition) {
            assertEquals(2000, n, 200);
        }
    }

    private static <T> List<T> list(Iterable<T> it) {
        List<T> l = new ArrayList<>();
        it.forEach(l::add);
        return l;
    }
}
