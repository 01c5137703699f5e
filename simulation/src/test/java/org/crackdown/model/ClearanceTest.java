package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The share of reports solved, as traffickers perceive it, is a cohort measure: of the reports
 * whose fate was decided in a month (solved, gone cold, turned away), the share solved. When public
 * tips begin (2011-01-01 in china-2011) many new cases open at once. Measured as solved per report
 * opened in the month, as it was until session 10, the perceived share fell from about 1 to
 * 0.25-0.54 in early 2011 though no case had become less likely to be solved, abduction looked
 * half as risky, and abductions came in waves (docs/ODD.md s8.2). Now the surge must not move it.
 * Run with investigators short of time: the old estimator fails this (seed 1: 0.60 in late 2010,
 * 0.40 in early 2011), the cohort passes.
 */
@Tag("slow")
class ClearanceTest {

    @Test
    void aSurgeOfTipsDoesNotLowerThePerceivedClearance() {
        for (long seed = 1; seed <= 3; seed++) {
            // Investigators short of time, as before session 10: new cases wait, so a surge of
            // them lowers solved per case opened at once (with capacity to spare it barely did, and
            // the old estimator passed this test; checked).
            // Scale 0.1: the lowest of six months is an extreme value, and at 0.05 its noise alone
            // reached the bound (seed 1: 0.79 of the months before, once session 19 changed the
            // random path), where the old estimator's drop was to about 0.67.
            TraffickingModel m = new TraffickingModel(TestScenarios.china2011(0.1,
                    p -> TestScenarios.set(p, "police.investigation_efficiency", 0.017)), seed);
            m.start();
            double before = 0;
            int months = 0;
            double lowest = Double.POSITIVE_INFINITY;
            LocalDate last = null;
            while (!m.finished() && m.schedule.step(m)) {
                LocalDate d = m.today();
                if (d.equals(last) || d.getDayOfMonth() != 2) {
                    last = d;
                    continue;
                }
                last = d;
                double c = m.enforcement().publicClearance();
                if (d.isAfter(LocalDate.of(2010, 6, 30)) && d.isBefore(LocalDate.of(2011, 1, 1))) {
                    before += c;
                    months++;
                } else if (d.isAfter(LocalDate.of(2011, 1, 1)) && d.isBefore(LocalDate.of(2011, 7, 1))) {
                    lowest = Math.min(lowest, c);
                }
            }
            m.finish();
            before /= months;
            assertTrue(months == 6 && lowest >= 0.8 * before,
                    "seed " + seed + ": perceived clearance in the second half of 2010 " + before
                            + ", lowest in the first half of 2011 " + lowest);
        }
    }
}
