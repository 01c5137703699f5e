package org.crackdown.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

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

    private final ExecutorService pool;
    private final BooleanSupplier cancelled;
    private volatile LongConsumer finished = seed -> { };

    /**
     * @param threads   parallel runs (1 runs them one after another on the calling thread)
     * @param cancelled checked every simulated day; when true the runs stop with a CancellationException
     */
    public ReplicateRunner(int threads, BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "crackdown-calibrate-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
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
        List<T> out = new ArrayList<>();
        if (pool == null) {
            for (long seed : seeds) {
                out.add(runOne(scenario, seed, observers.get()));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>();
        for (long seed : seeds) {
            Observer<T> observer = observers.get();
            futures.add(pool.submit(() -> runOne(scenario, seed, observer)));
        }
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CancellationException c) {
                        throw c;
                    }
                    throw e.getCause() instanceof RunFailed f ? f : new RunFailed(seeds[i], e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return out;
    }

    private <T> T runOne(Scenario scenario, long seed, Observer<T> observer) {
        try {
            TraffickingModel model = new TraffickingModel(scenario, seed);
            observer.attach(model);
            model.start();
            while (!model.finished()) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("interrupted");
                }
                if (!model.schedule.step(model)) {
                    break;
                }
            }
            model.finish();
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
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
