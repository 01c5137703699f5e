package org.crackdown.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work split into numbered slots (a replicate, a particle, a predictive draw), done on a few daemon
 * threads or on the calling thread, with the results in slot order: each slot owns its seed, so
 * what comes out does not depend on the number of threads. Used by {@link ReplicateRunner} and
 * {@link AbcSmc} and crackdown optimize's search.
 */
public final class SlotPool implements AutoCloseable {

    /** Fills one slot. */
    @FunctionalInterface
    public interface Slot<T> {
        T fill(int i);
    }

    /** What a slot's checked exception or error becomes (runtime exceptions pass as they are). */
    @FunctionalInterface
    public interface Failure {
        RuntimeException of(int slot, Throwable cause);
    }

    /**
     * A slot whose result another process (a shard) provides, and has not provided yet. Unlike
     * other failures it does not stop the other slots: {@link #fill} lets them finish (a shard run
     * with {@code --no-wait} does its own share of the batch before it stops), then throws the
     * first one.
     */
    public static class Pending extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Pending(String message) {
            super(message);
        }
    }

    /** Null: slots are filled one after another on the calling thread. */
    private final ExecutorService pool;

    /**
     * @param threads    parallel slots (1: none, the calling thread fills them)
     * @param threadName prefix of the threads' names, numbered from 1
     */
    public SlotPool(int threads, String threadName) {
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.pool = null;
        }
    }

    /**
     * Fills slots 0..n-1; results in slot order. The first failure (in slot order) is thrown and
     * the slots still running are interrupted; an interrupted caller gets a CancellationException.
     * A {@link Pending} slot is thrown only once every other slot is filled (or has failed).
     */
    public <T> List<T> fill(int n, Slot<T> slot, Failure failure) {
        List<T> out = new ArrayList<>();
        Pending pending = null;
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                try {
                    out.add(slot.fill(i));
                } catch (Pending p) {
                    pending = pending == null ? p : pending;
                    out.add(null);
                }
            }
            if (pending != null) {
                throw pending;
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> slot.fill(index)));
        }
        try {
            for (int i = 0; i < n; i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Pending p) {
                        pending = pending == null ? p : pending;
                        out.add(null);
                        continue;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw failure.of(i, e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        if (pending != null) {
            throw pending;
        }
        return out;
    }

    /** As {@link #fill(int, Slot, Failure)} on a pool opened and closed for the call. */
    public static <T> List<T> fill(int threads, String threadName, int n, Slot<T> slot, Failure failure) {
        try (SlotPool p = new SlotPool(threads, threadName)) {
            return p.fill(n, slot, failure);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
