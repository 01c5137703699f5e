package org.crackdown.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * How a shard of a calibration or search ({@code --shard i/N}) gets a simulation another shard
 * runs: from that shard's journal. Two ways:
 *
 * <ul>
 * <li><b>Waiting</b> (the default): poll the journals until the result is there, but only while
 * the shard that owns it shows signs of life — its journal grows, or its heartbeat file
 * ({@code <journal>.alive}, rewritten every second by a running shard, {@link Heartbeat}) changes.
 * After {@code staleMillis} without either, it gives up with {@link ShardGone}, which says which
 * shard and what to do, instead of waiting forever for a shard that died, was never started or
 * has finished and gone (the hang of issue 11). Signs of life are judged by change, on this
 * process's clock, so nodes whose clocks differ do not matter.</li>
 * <li><b>Not waiting</b> ({@code --no-wait}, the mode of {@code crackdown slurm}'s stages): read
 * the journals once; a result not there is {@link SlotPool.Pending}, so the shard does the rest
 * of its own share of the batch and stops, to be run again once the others have run theirs.</li>
 * </ul>
 *
 * @param journals    every shard's journal, by shard index (this shard's included)
 * @param self        this shard's index
 * @param waits       false: do not wait (see above)
 * @param staleMillis how long the owner may show no sign of life before waiting gives up
 */
public record ShardWait(List<Path> journals, int self, boolean waits, long staleMillis) {

    /** How often a waiting shard looks at the journals. */
    static final long POLL_MILLIS = 500;

    public ShardWait {
        journals = List.copyOf(journals);
    }

    /** The owner of a result is gone (dead, never started, or finished and its journal removed). */
    public static final class ShardGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShardGone(String message) {
            super(message);
        }
    }

    /** The heartbeat file of a shard's journal. */
    public static Path alive(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".alive");
    }

    /**
     * The results of simulation ({@code seed}, {@code values}), which shard {@code owner} runs:
     * from this process's journal if it is there already, else from the other shards' journals.
     *
     * @throws SlotPool.Pending        without waiting, when the owner has not recorded it yet
     * @throws ShardGone               when waiting, if the owner shows no sign of life for staleMillis
     * @throws CancellationException   if {@code cancelled} or interrupted while waiting
     */
    public List<Map<String, Double>> await(SimulationJournal journal, int owner, long seed, double[] values,
                                           BooleanSupplier cancelled) throws IOException {
        List<Map<String, Double>> r = journal.lookup(seed, values);
        if (r != null) {
            return r;
        }
        Path ownerJournal = journals.get(owner);
        long lastSign = System.nanoTime();
        String sign = sign(ownerJournal);
        while (true) {
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("interrupted while waiting for another shard");
            }
            for (int k = 0; k < journals.size(); k++) {
                if (k != self) {
                    journal.absorb(journals.get(k));
                }
            }
            r = journal.lookup(seed, values);
            if (r != null) {
                return r;
            }
            String now = sign(ownerJournal);
            if (!now.equals(sign)) {
                sign = now;
                lastSign = System.nanoTime();
            }
            String who = "shard " + owner + "/" + journals.size();
            if (!waits) {
                throw new SlotPool.Pending(who + " has not recorded a simulation this shard needs");
            }
            if (System.nanoTime() - lastSign > staleMillis * 1_000_000) {
                throw new ShardGone(who + " has recorded nothing and shown no sign of life (" + alive(ownerJournal)
                        + ") for " + staleMillis / 1000 + " s, and this shard needs one of its simulations: it "
                        + "failed, was never started, or has finished and its journal " + ownerJournal
                        + " was removed. Start it (with --resume), then run this shard again with --resume; what "
                        + "this shard has done is kept in its journal");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for another shard");
            }
        }
    }

    /** What changes while a shard works: its journal's size and its heartbeat's count. */
    private static String sign(Path journal) {
        String beat;
        try {
            beat = Files.readString(alive(journal), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            beat = "-";
        }
        long size;
        try {
            size = Files.size(journal);
        } catch (IOException e) {
            size = -1;
        }
        return size + "/" + beat;
    }

    /**
     * Rewrites a running shard's heartbeat file every second with a growing count, on a daemon
     * thread, until closed; closing removes the file (a shard that has ended shows no life).
     */
    public static final class Heartbeat implements AutoCloseable {

        private final Path file;
        private final java.util.concurrent.ScheduledExecutorService timer;

        public Heartbeat(Path journal) {
            this.file = alive(journal);
            this.timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "crackdown-shard-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long[] count = {0};
            timer.scheduleAtFixedRate(() -> {
                try {
                    Files.writeString(file, Long.toString(++count[0]), StandardCharsets.UTF_8);
                } catch (IOException | RuntimeException e) {
                    // a missed beat is only a later sign of life
                }
            }, 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left behind: it no longer changes, which is what it says
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
