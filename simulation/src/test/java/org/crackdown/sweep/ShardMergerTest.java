package org.crackdown.sweep;

import static org.crackdown.sweep.SweepRunnerTest.assertSameOutputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Shards of a sweep, merged, equal the sweep run on one machine. */
class ShardMergerTest {

    @TempDir
    static Path root;
    static SweepPlan plan;
    static Path whole;
    static List<Path> shards;

    @TempDir
    Path dir;

    @BeforeAll
    static void sweepWholeAndInThreeShards() throws Exception {
        plan = SweepPlan.load(SweepFiles.small(root, "sharded"));
        whole = root.resolve("whole");
        new SweepRunner(plan, whole, Shard.ALL, 2, RunExecutor.MODEL).run(SweepFolder.Mode.NEW,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        shards = List.of(root.resolve("sweep/shards/0"), root.resolve("sweep/shards/1"), root.resolve("sweep/shards/2"));
        for (int i = 0; i < 3; i++) {
            SweepRunner.Outcome o = new SweepRunner(plan, shards.get(i), new Shard(i, 3), 1, RunExecutor.MODEL)
                    .run(SweepFolder.Mode.NEW, SweepRunner.Listener.NONE, new AtomicBoolean());
            assertEquals(4, o.total(), "12 runs in 3 shards");
        }
    }

    @Test
    void eachShardHoldsTheRunsWhoseIndexModNIsI() throws Exception {
        List<String> rows = Files.readAllLines(shards.get(1).resolve("runs.csv"));
        assertEquals(5, rows.size());
        for (int k = 0; k < 4; k++) {
            assertTrue(rows.get(k + 1).startsWith(plan.run(1 + 3 * k).runId() + ","), rows.get(k + 1));
        }
        JsonNode s = SweepRunnerTest.json(shards.get(1).resolve("sweep.json"));
        assertEquals(1, s.path("shard").path("index").asInt());
        assertEquals(3, s.path("shard").path("count").asInt());
    }

    @Test
    void mergedShardsEqualTheUnshardedSweepInAnyArgumentOrder() throws Exception {
        Path out = dir.resolve("merged");
        ShardMerger.Result r = ShardMerger.merge(out, List.of(shards.get(2), shards.get(0), shards.get(1)));
        assertEquals(12, r.runs());
        assertSameOutputs(whole, out);
        SweepRunnerTest.assertSameFile(whole.resolve("datapackage.json"), out.resolve("datapackage.json"));
        SweepRunnerTest.assertSameFile(whole.resolve("sweep.yaml"), out.resolve("sweep.yaml"));
        JsonNode s = SweepRunnerTest.json(out.resolve("sweep.json"));
        assertTrue(s.path("shard").isNull());
        assertEquals(3, s.path("merged_from").size());
        assertEquals(12, s.path("runs").size());
        assertEquals(plan.run(11).runId(), s.path("runs").get(11).path("run_id").asText());

        Path again = dir.resolve("again");
        ShardMerger.merge(again, shards);
        SweepRunnerTest.assertSameFile(out.resolve("sweep.json"), again.resolve("sweep.json"));
    }

    @Test
    void mergingAgainChangesNothing() throws Exception {
        Path out = root.resolve("sweep"); // the Slurm layout: merged files beside shards/
        ShardMerger.merge(out, shards);
        FileTime before = Files.getLastModifiedTime(out.resolve("runs.csv"));
        byte[] json = Files.readAllBytes(out.resolve("sweep.json"));
        ShardMerger.Result r = ShardMerger.merge(out, shards);
        assertEquals(List.of(), r.changed());
        assertEquals(before, Files.getLastModifiedTime(out.resolve("runs.csv")));
        assertTrue(java.util.Arrays.equals(json, Files.readAllBytes(out.resolve("sweep.json"))));
        assertSameOutputs(whole, out);
    }

    @Test
    void aMissingRunIsNamedAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("missing");
        ShardMerger.MergeException e = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(out, List.of(shards.get(0), shards.get(2))));
        assertEquals("missing run " + plan.run(1).runId() + ": it is in none of the given folders (it belongs to "
                + "shard 1/3)", e.problems().get(0));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertFalse(Files.exists(out), "a failed merge leaves nothing");
    }

    @Test
    void aDuplicateRunIsNamed() throws Exception {
        ShardMerger.MergeException e = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(dir.resolve("dup"), List.of(whole, shards.get(1))));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("duplicate run " + plan.run(1).runId() + ": it is in " + whole
                + " and " + shards.get(1) + " (shard 1/3)"), e.problems().get(0));
    }

    @Test
    void shardsOfDifferentSweepsAndUnfinishedShardsAreRefused() throws Exception {
        Path otherFile = SweepFiles.write(dir, "sharded", SweepFiles.FAST_SET + "replicates: 2\n");
        SweepPlan other = SweepPlan.load(otherFile);
        Path otherShard = dir.resolve("other/1");
        new SweepRunner(other, otherShard, new Shard(1, 3), 1, RunExecutor.MODEL).run(SweepFolder.Mode.NEW,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        ShardMerger.MergeException e = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(dir.resolve("mixed"), List.of(shards.get(0), otherShard, shards.get(2))));
        assertTrue(e.getMessage().contains("is a shard of a different sweep"), e.getMessage());

        Path unfinished = dir.resolve("unfinished");
        AtomicBoolean cancel = new AtomicBoolean();
        new SweepRunner(plan, unfinished, new Shard(1, 3), 1, RunExecutor.MODEL).run(SweepFolder.Mode.NEW,
                (r, ok, done, failed) -> cancel.set(true), cancel);
        ShardMerger.MergeException u = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(dir.resolve("m"), List.of(shards.get(0), unfinished, shards.get(2))));
        assertTrue(u.getMessage().contains("has not finished (its sweep.json says interrupted)"), u.getMessage());
        assertTrue(u.getMessage().contains("--shard 1/3"), u.getMessage());
    }
}
