package org.crackdown.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.crackdown.sweep.Shard;

/**
 * The journals of a search or calibration run as shards ({@code --shard i/N} of optimize and
 * calibrate --method abc): one per shard beside the output folder, each written by its shard and
 * read by the others. Shard 0 writes the folder; each other shard marks its journal done when it
 * has finished, and shard 0 removes the journals once every shard is done (until then a shard may
 * still be reading the others').
 */
final class ShardJournals {

    private ShardJournals() {
    }

    /** The journal of {@code shard}: {@code journal} itself for a single process. */
    static Path of(Path journal, Shard shard) {
        return shard.isAll() ? journal : journal.resolveSibling(journal.getFileName() + "-" + shard.index() + "of"
                + shard.count());
    }

    /** Exit code of a shard run with --no-wait that has done what it can and needs the others' results. */
    static final int PENDING = 3;

    /** Says that a --no-wait shard has recorded its share of what can run now; returns {@link #PENDING}. */
    static int pending(java.io.PrintWriter out, Shard shard, Path journal, Exception why) {
        out.printf("shard %s: its share of what can run now is recorded in %s; %s: run it again with --resume "
                + "once the other shards have run theirs%n", shard, journal, why.getMessage());
        out.flush();
        return PENDING;
    }

    /** Says why a shard gave up waiting for another; returns the exit code of a failed run. */
    static int gone(java.io.PrintWriter err, Path journal, Exception why) {
        err.println("error: " + why.getMessage() + " (" + journal + ")");
        return Main.FAILED;
    }

    /** Every shard's journal, by shard index. */
    static List<Path> all(Path journal, Shard shard) {
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < shard.count(); k++) {
            out.add(of(journal, new Shard(k, shard.count())));
        }
        return out;
    }

    /**
     * Whether shard {@code shard} asked to resume has nothing to do: the folder is complete (its
     * {@code product} file is there) and the shard's journal is gone, because shard 0 wrote the
     * folder and removed the journals. Without this a shard started again afterwards (a re-queued
     * Slurm task, a repeated command) would wait for journals that no longer exist.
     */
    static boolean alreadyComplete(Path target, String product, Path shardJournal, boolean resume) {
        return resume && Files.isRegularFile(target.resolve(product)) && !Files.exists(shardJournal);
    }

    /** The journals of the other shards. */
    static List<Path> others(Path journal, Shard shard) {
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < shard.count() && !shard.isAll(); k++) {
            if (k != shard.index()) {
                out.add(of(journal, new Shard(k, shard.count())));
            }
        }
        return out;
    }

    /** Marks a shard's journal as no longer needed by its shard. */
    static void markDone(Path shardJournal) throws IOException {
        Files.writeString(done(shardJournal), "");
    }

    /** How long shard 0 waits for the others to finish before leaving their journals in place. */
    static final long WAIT_MILLIS = 120_000;

    /**
     * Waits until every other shard is done (they need only read the last results), then removes
     * their journals and marks. A shard that does not finish within {@link #WAIT_MILLIS} (it
     * failed, or was never started) leaves every journal in place, which {@code err} says.
     */
    static void removeOthers(List<Path> others, BooleanSupplier cancelled, java.io.PrintWriter err)
            throws IOException {
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        for (Path p : others) {
            while (!Files.exists(done(p))) {
                if (cancelled.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    err.println("note: " + p + " is not marked done (that shard failed or is still running); the "
                            + "shards' journals are left beside the folder");
                    err.flush();
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        removeNow(others);
    }

    /**
     * Removes the other shards' journals, marks and heartbeats without waiting: with --no-wait no
     * shard waits for them (one still reading them finds a result missing and stops as pending).
     */
    static void removeNow(List<Path> others) throws IOException {
        for (Path p : others) {
            Files.deleteIfExists(p);
            Files.deleteIfExists(done(p));
            Files.deleteIfExists(org.crackdown.calibration.ShardWait.alive(p));
        }
    }

    private static Path done(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".done");
    }
}
