package org.crackdown.output;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a long run on stderr: simulated date, percent done, elapsed time and an estimate
 * of the time left. Silent for runs shorter than {@link #QUIET_NANOS}, so quick runs and tests
 * stay clean. On a terminal the line is redrawn in place; in a log (stderr redirected) a new
 * line every 10%, so the log stays readable.
 */
public final class ProgressMeter implements RunRecorder.Progress {

    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private long lastDecile = -1;
    private int lastWidth;

    /**
     * @param terminal whether stderr is a terminal (redraw in place) or a file/pipe (lines)
     * @param nanoClock {@link System#nanoTime} except in tests
     */
    public ProgressMeter(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public void day(LocalDate today, long daysDone, long totalDays) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < QUIET_NANOS || totalDays <= 0) {
            return;
        }
        long done = Math.min(Math.max(daysDone, 0), totalDays);
        if (terminal) {
            if (now - lastDraw < REDRAW_NANOS && done < totalDays) {
                return;
            }
            lastDraw = now;
            String line = line(today, done, totalDays, elapsed);
            // Pad with spaces so a shorter line fully covers the previous one.
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            err.flush();
        } else {
            long decile = done * 10 / totalDays;
            if (decile > lastDecile) {
                lastDecile = decile;
                err.println(line(today, done, totalDays, elapsed));
                err.flush();
            }
        }
    }

    /** Ends the redrawn line, so what follows starts on a fresh one. */
    public void finish() {
        if (terminal && lastWidth > 0) {
            err.println();
            err.flush();
            lastWidth = 0;
        }
    }

    static String line(LocalDate today, long done, long total, long elapsedNanos) {
        double fraction = (double) done / total;
        String eta = done > 0 ? duration((long) (elapsedNanos * (1 - fraction) / fraction)) : "?";
        return String.format(Locale.ROOT, "%s %3d%%  elapsed %s  ETA %s", today,
                (int) Math.floor(fraction * 100), duration(elapsedNanos), eta);
    }

    /** m:ss, or h:mm:ss from an hour on. */
    static String duration(long nanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
