package org.crackdown.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a sweep on stderr: runs done of total, failed, elapsed and time left. Behaves like
 * the single run's {@link org.crackdown.output.ProgressMeter} (which counts days, not runs):
 * silent for the first two seconds; on a terminal one line redrawn in place, in a log a new
 * line at every tenth of the runs.
 */
public final class SweepProgress {

    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private int total;
    private int doneBefore;
    private long lastDraw = Long.MIN_VALUE;
    private int lastDecile = -1;
    private int lastWidth;

    /** @param terminal whether stderr is a terminal (redraw in place) or a file/pipe (lines) */
    public SweepProgress(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /**
     * @param total      runs in this sweep (or shard)
     * @param doneBefore of which were already done by an earlier, interrupted invocation (they
     *                   do not count towards the speed from which the time left is estimated)
     */
    public synchronized void started(int total, int doneBefore) {
        this.total = total;
        this.doneBefore = doneBefore;
        this.lastDecile = (int) (total == 0 ? 10 : (long) doneBefore * 10 / total);
    }

    public synchronized void update(int done, int failed) {
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
            String line = line(done, failed, elapsed);
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            err.flush();
        } else {
            int decile = (int) ((long) done * 10 / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(line(done, failed, elapsed));
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

    String line(int done, int failed, long elapsedNanos) {
        int doneNow = done - doneBefore;
        int left = total - done;
        String eta = doneNow > 0 ? duration(elapsedNanos * left / doneNow) : "?";
        return String.format(Locale.ROOT, "runs %d/%d (%d%%)  failed %d  elapsed %s  left %s", done, total,
                (int) ((long) done * 100 / total), failed, duration(elapsedNanos), eta);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String duration(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
