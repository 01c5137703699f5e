package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The spin-up before the start (init.spin_up_days, session 8) and the gang turnover that lets the
 * gang count settle (gangs.idle_days_before_leaving). One quiet year (no campaign, no timeline) at
 * scale 0.05: nothing but the start makes its months differ. (At 0.02 the count is still
 * climbing after a year's spin-up: 122 -> 160 over the first recorded year of china-2011, five
 * seeds; at 0.05 372 -> 405, at 0.1 783 -> 789.)
 */
@Tag("slow")
class SpinUpTest {

    private static final double SCALE = 0.05;
    private static final int SEEDS = 4;
    /** Seeds for the idle-gang rule, whose effect is small beside the spread since session 13. */
    private static final int IDLE_SEEDS = 10;

    private static TraffickingModel quietYear(long seed, int spinUpDays, int idleDaysBeforeLeaving) {
        return quietYear(seed, spinUpDays, idleDaysBeforeLeaving, 365);
    }

    private static TraffickingModel quietYear(long seed, int spinUpDays, int idleDaysBeforeLeaving, int restockDays) {
        Parameters p = new Parameters();
        p.setScale(SCALE);
        TestScenarios.set(p, "init.spin_up_days", spinUpDays);
        TestScenarios.set(p, "init.restock_days", restockDays);
        TestScenarios.set(p, "gangs.idle_days_before_leaving", idleDaysBeforeLeaving);
        Scenario s = new Scenario("spin-up", "", 1, LocalDate.of(2008, 1, 1), LocalDate.of(2008, 12, 31),
                LocalDate.of(2008, 1, 1), LocalDate.of(2008, 12, 31), p, List.of(), List.of());
        return new TraffickingModel(s, seed);
    }

    /** Gangs active at each recorded month's end, and the months the listener was told of. */
    private static double[] monthlyGangs(TraffickingModel m, List<YearMonth> told) {
        double[] gangs = new double[12];
        m.metrics().addListener((month, values) -> {
            double n = 0;
            for (double[] row : values) {
                n += row[Measure.GANGS_ACTIVE.ordinal()];
            }
            gangs[told.size()] = n;
            told.add(month);
        });
        m.start();
        while (!m.finished() && m.schedule.step(m)) {
            // run to the end
        }
        m.finish();
        return gangs;
    }

    /**
     * With the shipped scenarios' spin-up the run begins on its start date with nothing recorded
     * before it, and its gang count stays near where the spin-up left it; without one the count
     * climbs from gangs.initial through most of the first year (seed 1, scale 0.1: 381 active at
     * the end of January, 862 in October). Four seeds: the mean change from January to December is
     * under 25% with a spin-up, and without one it must be over that bound, or the test could not
     * tell the two apart (until session 16, with a year's spin-up: about +5% and +110% measured;
     * session 28: the control over +50%; session 29, going rates 40% slower, so gangs enter a cold
     * market more slowly: -6% with, +39% without).
     */
    @Test
    void theGangCountHasSettledByTheFirstRecordedMonth() {
        int spinUp = TestScenarios.SHIPPED_SPIN_UP_DAYS;
        SummaryStatistics spun = new SummaryStatistics();
        SummaryStatistics cold = new SummaryStatistics();
        List<String> seen = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            List<YearMonth> told = new ArrayList<>();
            TraffickingModel m = quietYear(seed, spinUp, 180);
            double[] a = monthlyGangs(m, told);
            assertEquals(YearMonth.of(2008, 1), told.get(0), "a spin-up month was recorded");
            assertEquals(12, told.size());
            assertEquals(spinUp, m.spinUpDays());
            assertEquals(m.runDays(), m.runDay(), "the run did not end on its last day");
            double[] b = monthlyGangs(quietYear(seed, 0, 180), new ArrayList<>());
            spun.addValue(a[11] / a[0] - 1);
            cold.addValue(b[11] / b[0] - 1);
            seen.add(String.format("%d: %.0f -> %.0f with, %.0f -> %.0f without", seed, a[0], a[11], b[0], b[11]));
        }
        System.out.println("SpinUpTest (gangs January -> December): " + seen);
        double settled = 0.25;
        assertTrue(Math.abs(spun.getMean()) < settled, "the gang count still moves after a spin-up: " + seen);
        assertTrue(cold.getMean() > settled, "without a spin-up the count no longer climbs (test not telling): " + seen);
    }

    /**
     * A gang that long finds no trip worth making leaves: with half a year (the default) more gangs
     * quit and fewer stay active than when idle gangs stay for ten years, which is how the gang
     * count of a 2000-2020 run used to climb for a decade (3,800 active in 1998, 17,900 in 2008,
     * most of them idle). Paired by seed; the year's spin-up makes it two years from the same
     * initial gangs. Which of the two is the robust effect depends on how readily new gangs enter
     * to take the leavers' place: with the session-9 defaults the paired difference in quits was
     * +33 ± 30 and in active gangs +52 ± 11; with the session-10 defaults (outside income 12,000,
     * so entry is brisk and refills the count) quits +70 ± 19 and active +93 ± 45. Leaving is
     * counted among quits, so more quits is the rule's direct effect: asserted at 3 standard
     * errors; fewer active, the net of entry, in direction only. Session 13 (lower risk
     * aversion, abduction carrying the child trade): four seeds gave quits +30 +- 45 (one seed
     * +175, three -11 to -28), so ten seeds are run.
     */
    @Test
    void gangsThatLongFindNothingWorthDoingLeave() {
        SummaryStatistics moreQuit = new SummaryStatistics();
        SummaryStatistics fewerActive = new SummaryStatistics();
        List<String> seen = new ArrayList<>();
        for (long seed = 1; seed <= IDLE_SEEDS; seed++) {
            TraffickingModel leaving = quietYear(seed, 365, 180);
            double[] leave = monthlyGangs(leaving, new ArrayList<>());
            TraffickingModel staying = quietYear(seed, 365, 3650);
            double[] stay = monthlyGangs(staying, new ArrayList<>());
            double quitLeave = leaving.metrics().windowTotal(Measure.GANGS_QUIT);
            double quitStay = staying.metrics().windowTotal(Measure.GANGS_QUIT);
            moreQuit.addValue(quitLeave - quitStay);
            fewerActive.addValue(stay[11] - leave[11]);
            seen.add(String.format("%d: quit %.0f vs %.0f, active in December %.0f vs %.0f", seed, quitLeave, quitStay,
                    leave[11], stay[11]));
        }
        System.out.println("SpinUpTest (idle gangs leave vs stay): " + seen);
        double se = moreQuit.getStandardDeviation() / Math.sqrt(IDLE_SEEDS);
        assertTrue(moreQuit.getMean() > 3 * se, "idle gangs leaving did not make more gangs leave: " + seen);
        assertTrue(fewerActive.getMean() > 0, "more gangs left, yet as many stayed active: " + seen);
    }

    /**
     * The spin-up's restock (init.restock_days, session 12) sets the stock of victims held by
     * buyers to the steady state of the market's own flows. Without it the stock approaches its
     * long-run level very slowly: buyers read the risk of rescue over the households holding
     * victims, so a larger stock draws more buyers and a larger flow, and the women's stock
     * (escaping at 5% a year) was still filling after twenty years (scale 0.05, seeds 1-3, a quiet
     * 2008: women escaping 11,000 a year per national equivalent after 20 years, 14,650 after
     * 40). Measured on the women who escaped over the recorded year (escape is the women's
     * alone: a share of their stock) and on the victims held at the end of the first recorded
     * month, against forty years without restock: a restocked five-year spin-up within 20% and
     * 12% of them, five years without restock more than 35% below on the women, the restock
     * closer on both. Measured: with the session-11 demand -11% and -8% (without restock -55%);
     * with the session-12 refit +3% and -5% (without restock -45%).
     */
    @Test
    void aRestockedSpinUpStartsNearTheLongRun() {
        SummaryStatistics[] restocked = {new SummaryStatistics(), new SummaryStatistics()};
        SummaryStatistics[] longRun = {new SummaryStatistics(), new SummaryStatistics()};
        SummaryStatistics[] shortRun = {new SummaryStatistics(), new SummaryStatistics()};
        List<String> seen = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            double[] a = heldAndEscaped(seed, 5 * 365, 365);
            double[] b = heldAndEscaped(seed, 40 * 365, 0);
            double[] c = heldAndEscaped(seed, 5 * 365, 0);
            for (int k = 0; k < 2; k++) {
                restocked[k].addValue(a[k]);
                longRun[k].addValue(b[k]);
                shortRun[k].addValue(c[k]);
            }
            seen.add(String.format("%d: held %.0f restocked, %.0f long, %.0f short; escaped %.0f, %.0f, %.0f", seed,
                    a[0], b[0], c[0], a[1], b[1], c[1]));
        }
        System.out.println("SpinUpTest (restock): " + seen);
        double[] gap = new double[2];
        double[] shortGap = new double[2];
        for (int k = 0; k < 2; k++) {
            gap[k] = restocked[k].getMean() / longRun[k].getMean() - 1;
            shortGap[k] = shortRun[k].getMean() / longRun[k].getMean() - 1;
            assertTrue(Math.abs(gap[k]) < Math.abs(shortGap[k]), "the restock does not start nearer the long run: " + seen);
        }
        assertTrue(Math.abs(gap[0]) < 0.12, "victims held: a restocked start is far from the long run: " + seen);
        assertTrue(Math.abs(gap[1]) < 0.20, "women escaping: a restocked start is far from the long run: " + seen);
        assertTrue(shortGap[1] < -0.35, "five years without restock nearly reach the long run (test not telling): " + seen);
    }

    /** Victims held at the end of the first recorded month, and women escaped over the recorded year. */
    private static double[] heldAndEscaped(long seed, int spinUpDays, int restockDays) {
        TraffickingModel m = quietYear(seed, spinUpDays, 180, restockDays);
        double[] held = {Double.NaN};
        m.metrics().addListener((month, values) -> {
            if (Double.isNaN(held[0])) {
                double n = 0;
                for (double[] row : values) {
                    n += row[Measure.HELD_BY_BUYERS.ordinal()];
                }
                held[0] = n;
            }
        });
        m.start();
        while (!m.finished() && m.schedule.step(m)) {
            // run to the end
        }
        m.finish();
        return new double[] {held[0], m.metrics().windowTotal(Measure.HELD_ESCAPED)};
    }
}
