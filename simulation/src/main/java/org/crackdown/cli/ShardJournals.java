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
        for (Path p : others) {
            Files.deleteIfExists(p);
            Files.deleteIfExists(done(p));
        }
    }

    private static Path done(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".done");
    }
}
