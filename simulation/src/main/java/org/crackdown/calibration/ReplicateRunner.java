package org.crackdown.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.crackdown.model.DayLoop;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;

/**
 * Runs one scenario with several seeds, in parallel. Each run has its own model and its own seed
 * and shares nothing, and results are returned in seed order, so the outcome does not depend on
 * the number of threads.
 */
public final class ReplicateRunner implements AutoCloseable {

    /** A model run failed (a bug in the model, not bad input). */
    public static final class RunFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailed(long seed, Throwable cause) {
            super("the run with seed " + seed + " failed: " + cause, cause);
        }
    }

    private final SlotPool pool;
    private final BooleanSupplier cancelled;
    private volatile LongConsumer finished = seed -> { };

    /**
     * @param threads   parallel runs (1 runs them one after another on the calling thread)
     * @param cancelled checked every simulated day; when true the runs stop with a CancellationException
     */
    public ReplicateRunner(int threads, BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        this.pool = new SlotPool(threads, "crackdown-calibrate");
    }

    /** Told the seed of each run as it completes (from the thread that ran it). */
    public void onRunFinished(LongConsumer listener) {
        this.finished = listener;
    }

    /**
     * Watches one run: attached to the model before it starts (e.g. as a month listener of its
     * metrics), asked for its result when the run has finished.
     */
    public interface Observer<T> {
        void attach(TraffickingModel model);

        T result(Map<String, Double> summary);
    }

    /** The summary of each run, in the order of {@code seeds}. */
    public List<Map<String, Double>> run(Scenario scenario, long[] seeds) {
        return run(scenario, seeds, () -> new Observer<Map<String, Double>>() {
            @Override
            public void attach(TraffickingModel model) {
            }

            @Override
            public Map<String, Double> result(Map<String, Double> summary) {
                return summary;
            }
        });
    }

    /** What a fresh observer of each run saw, in the order of {@code seeds}. */
    public <T> List<T> run(Scenario scenario, long[] seeds, Supplier<? extends Observer<T>> observers) {
        List<Observer<T>> watching = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            watching.add(observers.get());
        }
        return pool.fill(seeds.length, i -> runOne(scenario, seeds[i], watching.get(i)),
                (i, cause) -> new RunFailed(seeds[i], cause));
    }

    private <T> T runOne(Scenario scenario, long seed, Observer<T> observer) {
        try {
            TraffickingModel model = new TraffickingModel(scenario, seed);
            observer.attach(model);
            // A pool thread is interrupted when another run failed or the caller gave up.
            DayLoop.run(model, () -> cancelled.getAsBoolean() || Thread.currentThread().isInterrupted(),
                    DayLoop.DayListener.NONE);
            T result = observer.result(model.metrics().summary());
            finished.accept(seed);
            return result;
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunFailed(seed, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
