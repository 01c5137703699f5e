package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one day loop: a run cut into pieces (up to a day, then on to the end) is the run in one
 * piece; the listener sees every day once, in order; cancellation stops between two days.
 */
class DayLoopTest {

    private static final LocalDate STOP = LocalDate.of(2011, 2, 10);

    /** Three months at a small scale: enough for month tables and sales, quick. */
    private static Scenario quarter() {
        Scenario s = TestScenarios.china2011(0.02, p -> { });
        LocalDate start = LocalDate.of(2011, 1, 1);
        LocalDate end = LocalDate.of(2011, 3, 31);
        return new Scenario(s.name(), s.description(), s.seed(), start, end, start, end, s.parameters(),
                List.of(), List.of());
    }

    @Test
    @Tag("slow")
    void aRunInTwoPiecesIsTheRunInOne() {
        TraffickingModel whole = new TraffickingModel(quarter(), 5);
        List<String> expected = CheckpointTest.rows(whole);
        List<LocalDate> seen = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        long days = DayLoop.run(whole, DayLoop.NEVER, (today, daysDone, total) -> {
            seen.add(today);
            done.add(daysDone);
            assertEquals(whole.runDays(), total);
        });
        assertTrue(whole.finished());
        assertEquals(whole.runDays(), days);
        assertEquals(whole.runDays(), seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(whole.scenario().start().plusDays(i), seen.get(i), "day " + i);
            assertEquals(i + 1L, done.get(i), "days done after day " + i);
        }
        assertEquals(3 * 31, expected.size(), "three months of 31 provinces");

        TraffickingModel pieces = new TraffickingModel(quarter(), 5);
        List<String> got = CheckpointTest.rows(pieces);
        pieces.start();
        long first = DayLoop.until(pieces, STOP, DayLoop.NEVER, DayLoop.DayListener.NONE);
        assertEquals(STOP, pieces.today(), "stops at the start of the day named, not simulating it");
        assertEquals(STOP.toEpochDay() - LocalDate.of(2011, 1, 1).toEpochDay(), first);
        long rest = DayLoop.resume(pieces, DayLoop.NEVER, DayLoop.DayListener.NONE);
        assertEquals(days, first + rest);
        assertEquals(expected, got);
        assertEquals(whole.metrics().summary(), pieces.metrics().summary());
        assertEquals(whole.metrics().flows(), pieces.metrics().flows());
    }

    @Test
    void untilADayPastTheEndRunsToTheEndWithoutFinishing() {
        TraffickingModel m = new TraffickingModel(quarter(), 5);
        m.start();
        long days = DayLoop.until(m, LocalDate.of(2012, 1, 1), DayLoop.NEVER, DayLoop.DayListener.NONE);
        assertEquals(m.runDays(), days);
        assertTrue(m.finished());
    }

    @Test
    void cancellationStopsBetweenDays() {
        TraffickingModel m = new TraffickingModel(quarter(), 5);
        long[] last = {0};
        CancellationException e = assertThrows(CancellationException.class,
                () -> DayLoop.run(m, () -> last[0] >= 30, (today, done, total) -> last[0] = done));
        assertEquals("interrupted", e.getMessage());
        assertEquals(30, m.runDay(), "the 31st day was not simulated");
        assertFalse(m.finished());
    }

    /** The quarter after a spin-up of {@code days} days (the model's own small scale). */
    private static Scenario quarterAfterSpinUp(int days) {
        Scenario q = quarter();
        Scenario s = TestScenarios.china2011(0.02, p -> TestScenarios.set(p, "init.spin_up_days", days));
        return new Scenario(q.name(), q.description(), q.seed(), q.start(), q.end(), q.measureFrom(), q.measureTo(),
                s.parameters(), List.of(), List.of());
    }

    /**
     * The spin-up is watched too (session 31): a listener hears each of its days, in order,
     * before the first day of the run, and a run can be stopped inside it (a national spin-up
     * takes seconds; before, Ctrl-C waited for its end and the progress line was silent).
     */
    @Test
    void theSpinUpIsToldDayByDayAndCanBeStopped() {
        TraffickingModel m = new TraffickingModel(quarterAfterSpinUp(60), 5);
        List<Long> spinUp = new ArrayList<>();
        List<Long> run = new ArrayList<>();
        DayLoop.run(m, DayLoop.NEVER, new DayLoop.DayListener() {
            @Override
            public void day(LocalDate today, long daysDone, long totalDays) {
                run.add(daysDone);
            }

            @Override
            public void spinUpDay(long daysDone, long spinUpDays, long runDays) {
                assertTrue(run.isEmpty(), "the spin-up comes before the run's days");
                assertEquals(60, spinUpDays);
                assertEquals(m.runDays(), runDays);
                spinUp.add(daysDone);
            }
        });
        assertEquals(60, spinUp.size());
        for (int i = 0; i < spinUp.size(); i++) {
            assertEquals(i + 1L, spinUp.get(i), "spin-up days done after its day " + i);
        }
        assertEquals(m.runDays(), run.size());

        TraffickingModel stopped = new TraffickingModel(quarterAfterSpinUp(60), 5);
        long[] heard = {0};
        CancellationException e = assertThrows(CancellationException.class, () -> DayLoop.run(stopped,
                () -> heard[0] >= 20, new DayLoop.DayListener() {
                    @Override
                    public void day(LocalDate today, long daysDone, long totalDays) {
                        throw new AssertionError("a run day after the spin-up was stopped");
                    }

                    @Override
                    public void spinUpDay(long daysDone, long spinUpDays, long runDays) {
                        heard[0] = daysDone;
                    }
                }));
        assertEquals("interrupted", e.getMessage());
        assertEquals(20, heard[0], "stopped after the 21st spin-up day, before telling of it");
    }
}
