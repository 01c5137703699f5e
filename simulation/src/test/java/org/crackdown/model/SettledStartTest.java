package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A settled start (init.settled_stocks): rescues do not climb from near zero. Two years without
 * campaign or timeline, so nothing but the start makes the first months differ from the second
 * year. Rescues per victim sold (the trade itself still grows as gangs enter and prices fall,
 * in either start) in months 1-6 against months 13-24, seed by seed: with empty stocks the first
 * half-year rescues about two thirds as much per sale as the second year; settled, as much.
 */
@Tag("slow")
class SettledStartTest {

    private static final double SCALE = 0.02;
    /**
     * Ten seeds: with three, the mean gain had to clear 3 SE estimated from three values (a t of 2
     * degrees of freedom), and an equivalent model drawing other numbers (issue 9, session 5) fell
     * short by a hair (gain 1.14 against 3 SE = 1.17) while the effect stood out on seeds 1-10.
     */
    private static final int SEEDS = 10;

    /** Monthly rescues (women + children) in [0..24) and victims sold in [24..48) of a two-year run. */
    static double[] monthlyRescues(boolean settled, long seed) {
        Parameters p = new Parameters();
        p.setScale(SCALE);
        TestScenarios.set(p, "init.settled_stocks", settled);
        Scenario s = new Scenario("settle", "", 1, LocalDate.of(2008, 1, 1), LocalDate.of(2009, 12, 31),
                LocalDate.of(2008, 1, 1), LocalDate.of(2009, 12, 31), p, List.of(), List.of());
        TraffickingModel m = new TraffickingModel(s, seed);
        m.start();
        double[] months = new double[48];
        double rescuedBefore = 0;
        double soldBefore = 0;
        int month = 0;
        while (!m.finished() && m.schedule.step(m)) {
            if (m.finished() || m.today().getDayOfMonth() == 1) {
                double rescued = m.metrics().windowTotal(Measure.WOMEN_RESCUED) + m.metrics().windowTotal(Measure.CHILDREN_RESCUED);
                double sold = m.metrics().windowTotal(Measure.VICTIMS_SOLD);
                months[month] = rescued - rescuedBefore;
                months[24 + month] = sold - soldBefore;
                month++;
                rescuedBefore = rescued;
                soldBefore = sold;
            }
        }
        m.finish();
        return months;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i];
        }
        return s / (to - from);
    }

    /** Rescues per victim sold in months 1-6 over the same in months 13-24. */
    private static double earlyOverLate(double[] x) {
        return (mean(x, 0, 6) / mean(x, 24, 30)) / (mean(x, 12, 24) / mean(x, 36, 48));
    }

    @Test
    void rescuesPerSaleStartAtTheirLaterLevelInsteadOfClimbing() {
        SummaryStatistics settledRatio = new SummaryStatistics();
        SummaryStatistics gain = new SummaryStatistics();
        List<String> seen = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            double[] settled = monthlyRescues(true, seed);
            double[] empty = monthlyRescues(false, seed);
            double rs = earlyOverLate(settled);
            double re = earlyOverLate(empty);
            settledRatio.addValue(rs);
            gain.addValue(rs - re);
            seen.add(String.format("seed %d: rescues a month settled %.1f then %.1f, empty %.1f then %.1f;"
                    + " per sale early/late settled %.2f, empty %.2f", seed,
                    mean(settled, 0, 6), mean(settled, 12, 24), mean(empty, 0, 6), mean(empty, 12, 24), rs, re));
        }
        System.out.println("SettledStartTest: " + seen);
        double seGain = gain.getStandardDeviation() / Math.sqrt(SEEDS);
        assertTrue(gain.getMean() > 3 * seGain,
                "the settled start's first half-year is closer to its second year than the empty start's: " + seen);
        double se = settledRatio.getStandardDeviation() / Math.sqrt(SEEDS);
        assertTrue(settledRatio.getMean() + 3 * se >= 1,
                "no ramp: rescues per sale in months 1-6 not below months 13-24 beyond the spread: " + seen);
    }
}
