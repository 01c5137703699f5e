package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property (issue 12): wherever a sweep is killed, resuming it gives byte-identical outputs to
 * the sweep that ran in one go. The kill is simulated in-process, at a point drawn from a fixed
 * seed: the sweep is cancelled after a random number of runs on a random number of threads, and
 * then the folder is damaged as {@code kill -9} can leave it (journal cut at a random byte, a
 * half-written timeseries part, a half-written runs.csv.tmp). The real-process kills are in
 * SweepKillIT. A failure names the seed and the trial, so it reproduces.
 */
@Tag("slow")
class ResumePropertyTest {

    static final long SEED = 20_261_130L;
    static final int TRIALS = 4;

    @TempDir
    Path dir;

    @Test
    void resumeAfterAKillAtARandomPointGivesTheUninterruptedOutputs() throws Exception {
        Path file = SweepFiles.small(dir, "small");
        SweepPlan plan = SweepPlan.load(file);
        Path reference = dir.resolve("reference");
        new SweepRunner(plan, reference, Shard.ALL, 2, RunExecutor.MODEL).run(SweepFolder.Mode.NEW,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        Random rnd = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            int stopAfter = 1 + rnd.nextInt(plan.runCount() - 1);
            int threads = 1 + rnd.nextInt(2);
            String where = "seed " + SEED + ", trial " + trial + ": killed after " + stopAfter + " runs on "
                    + threads + " thread(s)";
            Path out = dir.resolve("trial-" + trial);
            AtomicBoolean cancel = new AtomicBoolean();
            SweepRunner.Outcome first = new SweepRunner(plan, out, Shard.ALL, threads, RunExecutor.MODEL)
                    .run(SweepFolder.Mode.NEW, (r, ok, done, failed) -> cancel.compareAndSet(false, done >= stopAfter),
                            cancel);
            assertTrue(first.interrupted(), where);
            where += damage(out, plan, rnd);

            new SweepRunner(plan, out, Shard.ALL, 1 + rnd.nextInt(2), RunExecutor.MODEL).run(SweepFolder.Mode.RESUME,
                    SweepRunner.Listener.NONE, new AtomicBoolean());
            for (String f : List.of("runs.csv", "timeseries.csv")) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)),
                        f + " differs; " + where);
            }
            assertFalse(Files.exists(out.resolve("runs.csv.tmp")), where);
        }
    }

    /** Leaves what a kill -9 at a random moment can leave; returns a description for messages. */
    private static String damage(Path out, SweepPlan plan, Random rnd) throws IOException {
        StringBuilder what = new StringBuilder();
        Path journal = out.resolve(".sweep/journal");
        long header = Files.readAllLines(journal, StandardCharsets.UTF_8).get(0).getBytes(StandardCharsets.UTF_8).length
                + 1L;
        long size = Files.size(journal);
        long cut = header + (long) (rnd.nextDouble() * (size - header + 1));
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(Math.min(cut, size));
        }
        what.append(", journal cut at byte ").append(cut).append(" of ").append(size);
        if (rnd.nextBoolean()) {
            SweepRun victim = plan.run(rnd.nextInt(plan.runCount()));
            Files.writeString(out.resolve(".sweep/timeseries/" + victim.runId() + ".csv.part"),
                    victim.runId() + ",p0001,half a li");
            what.append(", half a timeseries part of ").append(victim.runId());
        }
        if (rnd.nextBoolean()) {
            Files.writeString(out.resolve("runs.csv.tmp"), "run_id,point_id\np0001-baseline-r01,p00");
            what.append(", half a runs.csv.tmp");
        }
        return what.toString();
    }
}
