package org.crackdown.model;

import java.time.LocalDate;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The one loop that simulates a model day by day, used by every command that runs the model
 * (run, sweep and its forks, calibrate, patterns, bench; the GUI is stepped by MASON's console
 * instead). Between two days it asks whether the run was cancelled, and after each day it tells a
 * listener; what a caller records (month tables, state files) it attaches to the model itself.
 */
public final class DayLoop {

    /**
     * Told after each day of the spin-up ({@code init.spin_up_days}), the days simulated
     * unrecorded before the start, while the model starts; may throw a
     * {@link CancellationException} to stop the run there.
     */
    @FunctionalInterface
    public interface SpinUpListener {
        /**
         * @param daysDone   spin-up days simulated, this one included
         * @param spinUpDays days the spin-up simulates
         * @param runDays    days the scenario then simulates from its start
         */
        void spinUpDay(long daysDone, long spinUpDays, long runDays);
    }

    /** Told after each simulated day; must be cheap, as it is called some 1,500 times a run. */
    @FunctionalInterface
    public interface DayListener extends SpinUpListener {
        DayListener NONE = (today, daysDone, totalDays) -> { };

        /**
         * @param today     the day just simulated
         * @param daysDone  days simulated since the scenario's start, today included
         * @param totalDays days the scenario simulates
         */
        void day(LocalDate today, long daysDone, long totalDays);

        /** The spin-up's days (see {@link SpinUpListener}): nothing by default. */
        @Override
        default void spinUpDay(long daysDone, long spinUpDays, long runDays) {
        }
    }

    /** For runs that nobody cancels (tests, benchmarks, probes). */
    public static final BooleanSupplier NEVER = () -> false;

    private DayLoop() {
    }

    /**
     * Starts a fresh model and simulates it to the end.
     *
     * @param cancelled checked before each day; when it turns true the run stops with a
     *                  {@link CancellationException} and the model is left unfinished
     * @return the days simulated
     */
    public static long run(TraffickingModel model, BooleanSupplier cancelled, DayListener days) {
        start(model, cancelled, days);
        return resume(model, cancelled, days);
    }

    /**
     * Starts a fresh model ({@link TraffickingModel#start}: the settled start and the spin-up),
     * telling {@code days} of each spin-up day and checking {@code cancelled} after each, so that
     * a run can be watched and stopped before its first recorded day too.
     *
     * @throws CancellationException when {@code cancelled} turns true during the spin-up
     */
    public static void start(TraffickingModel model, BooleanSupplier cancelled, DayListener days) {
        model.watchSpinUp((done, spinUpDays, runDays) -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("interrupted");
            }
            days.spinUpDay(done, spinUpDays, runDays);
        });
        try {
            model.start();
        } finally {
            model.watchSpinUp(null);
        }
    }

    /** Starts a fresh model and simulates it to the end, uncancelled and unwatched. */
    public static void run(TraffickingModel model) {
        run(model, NEVER, DayListener.NONE);
    }

    /**
     * Simulates a model already started (or restored from a state, or forked) from today to the
     * end, then finishes it. As {@link #run} otherwise.
     */
    public static long resume(TraffickingModel model, BooleanSupplier cancelled, DayListener days) {
        long done = until(model, null, cancelled, days);
        model.finish();
        return done;
    }

    /**
     * Simulates a started model up to the start of {@code stopAt} (that day not simulated), or
     * to the end if it comes first; the model is not finished, so it can be saved or continued.
     *
     * @param stopAt the first day not simulated; null for none
     * @return the days simulated
     */
    public static long until(TraffickingModel model, LocalDate stopAt, BooleanSupplier cancelled, DayListener days) {
        long done = 0;
        while (!model.finished() && (stopAt == null || model.today().isBefore(stopAt))) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("interrupted");
            }
            LocalDate today = model.today();
            if (!model.schedule.step(model)) {
                break;
            }
            done++;
            days.day(today, model.runDay(), model.runDays());
        }
        return done;
    }
}
