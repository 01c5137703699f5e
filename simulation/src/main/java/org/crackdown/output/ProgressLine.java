package org.crackdown.output;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.crackdown.model.DayLoop;

/**
 * The progress line on stderr, for a run (simulated date, percent done) and for a sweep (runs
 * done of total, failed), with the time elapsed and an estimate of the time left. Silent for
 * the first {@link #QUIET_NANOS}, so quick runs and tests stay clean. On a terminal one line is
 * redrawn in place; in a log (stderr redirected) a new line at every tenth, so the log stays
 * readable.
 */
public final class ProgressLine implements DayLoop.DayListener {

    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private long lastDecile = -1;
    private int lastWidth;
    private int totalRuns;
    private int runsBefore;
    /** Days of the run's spin-up, counted before its own days once told of them (0: none). */
    private long spinUpDays;

    /**
     * @param terminal whether stderr is a terminal (redraw in place) or a file/pipe (lines)
     * @param nanoClock {@link System#nanoTime} except in tests
     */
    public ProgressLine(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** A run's day: {@code daysDone} of {@code totalDays}, after the spin-up days if there were any. */
    @Override
    public synchronized void day(LocalDate today, long daysDone, long totalDays) {
        long done = spinUpDays + Math.min(Math.max(daysDone, 0), Math.max(totalDays, 0));
        long total = spinUpDays + totalDays;
        show(done, total, elapsed -> line(today.toString(), done, total, elapsed));
    }

    /**
     * A day of the spin-up before the start: counted with the run's days, so the percentage and
     * the time left cover all a run simulates (the five spin-up years of the shipped scenarios
     * are more than half the default run's work; counted from the start alone, the first line
     * promised hours).
     */
    @Override
    public synchronized void spinUpDay(long daysDone, long spinUpDays, long runDays) {
        this.spinUpDays = Math.max(spinUpDays, 0);
        long done = Math.min(Math.max(daysDone, 0), this.spinUpDays);
        long total = this.spinUpDays + Math.max(runDays, 0);
        show(done, total, elapsed -> line("spin-up   ", done, total, elapsed));
    }

    /**
     * A sweep starts.
     *
     * @param total      runs in this sweep (or shard)
     * @param doneBefore of which were already done by an earlier, interrupted invocation (they
     *                   do not count towards the speed from which the time left is estimated)
     */
    public synchronized void started(int total, int doneBefore) {
        this.totalRuns = total;
        this.runsBefore = doneBefore;
        this.lastDecile = total == 0 ? 10 : (long) doneBefore * 10 / total;
    }

    /** A sweep's runs: {@code done} of the total, {@code failed} of them failed. */
    public synchronized void runs(int done, int failed) {
        show(done, totalRuns, elapsed -> runsLine(done, failed, elapsed));
    }

    private interface Line {
        String at(long elapsedNanos);
    }

    private void show(long done, long total, Line line) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < QUIET_NANOS || total <= 0) {
            return;
        }
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS && done < total) {
                return;
            }
            lastDraw = now;
            String text = line.at(elapsed);
            // Pad with spaces so a shorter line fully covers the previous one.
            err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
            err.flush();
        } else {
            long decile = done * 10 / total;
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(line.at(elapsed));
                err.flush();
            }
        }
    }

    /** Ends the redrawn line, so what follows starts on a fresh one. */
    public synchronized void finish() {
        if (terminal && lastWidth > 0) {
            err.println();
            err.flush();
            lastWidth = 0;
        }
    }

    static String line(String today, long done, long total, long elapsedNanos) {
        double fraction = (double) done / total;
        String eta = done > 0 ? duration((long) (elapsedNanos * (1 - fraction) / fraction)) : "?";
        return String.format(Locale.ROOT, "%s %3d%%  elapsed %s  ETA %s", today,
                (int) Math.floor(fraction * 100), duration(elapsedNanos), eta);
    }

    String runsLine(int done, int failed, long elapsedNanos) {
        int doneNow = done - runsBefore;
        int left = totalRuns - done;
        String eta = doneNow > 0 ? duration(elapsedNanos * left / doneNow) : "?";
        return String.format(Locale.ROOT, "runs %d/%d (%d%%)  failed %d  elapsed %s  left %s", done, totalRuns,
                (int) ((long) done * 100 / totalRuns), failed, duration(elapsedNanos), eta);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String duration(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
