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
        return fill(n, slot, failure, i -> true);
    }

    /**
     * As {@link #fill(int, Slot, Failure)}, but the slots {@code first} selects are started before
     * the others. A shard starts its own slots first: the others wait for other shards, and with
     * few threads, waiting for them in slot order would leave this shard's own work for later and
     * the shards taking turns instead of working at once. Results do not depend on the order.
     */
    public <T> List<T> fill(int n, Slot<T> slot, Failure failure, java.util.function.IntPredicate first) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (first.test(i)) {
                order.add(i);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!first.test(i)) {
                order.add(i);
            }
        }
        Pending pending = null;
        if (pool == null) {
            List<T> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
            for (int i : order) {
                try {
                    out.set(i, slot.fill(i));
                } catch (Pending p) {
                    pending = pending == null ? p : pending; // thrown below, after the other slots
                }
            }
            if (pending != null) {
                throw pending;
            }
            return out;
        }
        List<T> out = new ArrayList<>();
        List<Future<T>> futures = new ArrayList<>(java.util.Collections.nCopies(n, null));
        for (int i : order) {
            int index = i;
            futures.set(i, pool.submit(() -> slot.fill(index)));
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
        return fill(threads, threadName, n, slot, failure, i -> true);
    }

    /** As {@link #fill(int, Slot, Failure, java.util.function.IntPredicate)} on a pool opened and closed for the call. */
    public static <T> List<T> fill(int threads, String threadName, int n, Slot<T> slot, Failure failure,
                                   java.util.function.IntPredicate first) {
        try (SlotPool p = new SlotPool(threads, threadName)) {
            return p.fill(n, slot, failure, first);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
