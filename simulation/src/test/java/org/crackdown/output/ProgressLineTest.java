package org.crackdown.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final AtomicLong clock = new AtomicLong(1_000_000L);
    private final StringWriter text = new StringWriter();

    private ProgressLine meter(boolean terminal) {
        return new ProgressLine(new PrintWriter(text), terminal, clock::get);
    }

    /** Simulates a run of {@code days} days taking {@code secondsPerDay} each. */
    private void run(ProgressLine m, int days, double secondsPerDay) {
        LocalDate d = LocalDate.of(2010, 1, 1);
        for (int i = 1; i <= days; i++) {
            clock.addAndGet((long) (secondsPerDay * 1e9));
            m.day(d.plusDays(i - 1), i, days);
        }
        m.finish();
    }

    @Test
    void quickRunsPrintNothing() {
        run(meter(true), 365, 0.001);
        run(meter(false), 365, 0.001);
        assertEquals("", text.toString());
    }

    @Test
    void logOutputHasALineEveryTenPercent() {
        run(meter(false), 1000, 0.1); // 100 s in total: silent for the first 2 s (2%)
        String[] lines = text.toString().split("\n");
        assertEquals(11, lines.length, text.toString()); // the first decile reached after 2 s, then 10%..100%
        assertTrue(lines[1].contains(" 10%"), lines[1]);
        assertTrue(lines[10].contains("100%") && lines[10].contains("ETA 0:00"), lines[10]);
        assertTrue(!text.toString().contains("\r"));
    }

    @Test
    void terminalOutputRedrawsInPlaceAndEndsTheLine() {
        run(meter(true), 100, 0.5);
        String s = text.toString();
        assertTrue(s.startsWith("\r"), s);
        assertTrue(s.endsWith("\n"), s);
        assertEquals(1, s.split("\n", -1).length - 1, "one line break, at the end");
    }

    @Test
    void lineShowsDatePercentElapsedAndEta() {
        String line = ProgressLine.line(LocalDate.of(2011, 3, 5).toString(), 250, 1000, TimeUnit.SECONDS.toNanos(65));
        assertEquals("2011-03-05  25%  elapsed 1:05  ETA 3:15", line);
        assertEquals("1:01:01", ProgressLine.duration(TimeUnit.SECONDS.toNanos(3661)));
    }

    /**
     * A run with a spin-up (session 31): its days count with the run's, so the percentage covers
     * all that is simulated and the first line after the spin-up does not promise hours (it
     * promised 2:32:49 for the 10 s default run, the spin-up's seconds set against one recorded day).
     */
    @Test
    void aSpinUpCountsWithTheRunsDays() {
        ProgressLine m = meter(false);
        for (int i = 1; i <= 500; i++) {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
            m.spinUpDay(i, 500, 500);
        }
        LocalDate start = LocalDate.of(2008, 1, 1);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        m.day(start, 1, 500);
        String atStart = ProgressLine.line(start.toString(), 501, 1000, TimeUnit.MILLISECONDS.toNanos(100 * 501));
        assertTrue(atStart.contains(" 50%") && atStart.endsWith("ETA 0:49"), atStart);
        for (int i = 2; i <= 500; i++) {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
            m.day(start.plusDays(i - 1), i, 500);
        }
        m.finish();
        String[] lines = text.toString().split("\n");
        // Silent for the first 2 s (2%), then a line at every tenth of all 1,000 days.
        assertEquals(11, lines.length, text.toString());
        assertTrue(lines[0].startsWith("spin-up  ") && lines[0].contains("  2%"), lines[0]);
        assertTrue(lines[5].startsWith("spin-up  ") && lines[5].contains(" 50%"), lines[5]);
        assertTrue(lines[6].startsWith("2008-") && lines[6].contains(" 60%") && lines[6].endsWith("ETA 0:40"), lines[6]);
        assertTrue(lines[10].contains("100%") && lines[10].endsWith("ETA 0:00"), lines[10]);
    }

    /** A resumed sweep: runs done before count towards the total, not towards the speed. */
    @Test
    void sweepRunsLineCountsOnlyThisInvocationsRunsForTheTimeLeft() {
        ProgressLine m = meter(false);
        m.started(100, 50);
        for (int done = 51; done <= 100; done++) {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
            m.runs(done, done == 60 ? 1 : 0);
        }
        m.finish();
        String[] lines = text.toString().split("\n");
        // Deciles 6..10 of the runs, each printed once; the first 5 deciles were done before.
        assertEquals(5, lines.length, text.toString());
        assertEquals("runs 60/100 (60%)  failed 1  elapsed 0:10  left 0:40", lines[0]);
        assertTrue(lines[4].startsWith("runs 100/100 (100%)") && lines[4].endsWith("left 0:00"), lines[4]);
    }
}
