package org.crackdown.cli;

import java.nio.file.Path;

import org.crackdown.calibration.ShardWait;
import org.crackdown.sweep.Shard;

import picocli.CommandLine.Option;

/**
 * {@code --no-wait} and {@code --shard-wait}: how a shard of a calibration or search gets the
 * simulations the other shards run ({@link ShardWait}).
 */
final class ShardWaitOptions {

    @Option(names = "--no-wait", description = "With --shard: do not wait for the other shards. Run this shard's "
            + "share of what can be run now, then stop with exit code 3 if the rest needs other shards' results "
            + "(run it again with --resume once they have run theirs: crackdown slurm's stages do this).")
    boolean noWait;

    @Option(names = "--shard-wait", paramLabel = "SECONDS", description = "With --shard: give up waiting for a "
            + "shard that has recorded nothing and shown no sign of life for this long (default: ${DEFAULT-VALUE}; "
            + "exit code 1, the work done kept for --resume).")
    long shardWait = 120;

    /** Why these options do not fit {@code shard}, or null. */
    String problem(Shard shard) {
        if (shard.isAll() && (noWait || shardWait != 120)) {
            return "--no-wait and --shard-wait apply to --shard";
        }
        if (shardWait < 1) {
            return "--shard-wait must be at least 1 second, got " + shardWait;
        }
        return null;
    }

    /** How shard {@code shard} of the work journaled at {@code journal} (the single process's name) gets the others'. */
    ShardWait of(Path journal, Shard shard) {
        return new ShardWait(ShardJournals.all(journal, shard), shard.index(), !noWait, shardWait * 1000);
    }
}
