package org.crackdown.sweep;

import static org.crackdown.sweep.SweepRunnerTest.assertSameFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sweeps whose strategies differ only after a date share the days before it: each replicate
 * simulates them once and every strategy continues from a copy with its own stream. The runs do
 * not depend on the number of threads, on interruption and resume, or on sharding.
 */
class ForkedSweepTest {

    static final String FORKED = SweepFiles.FAST_SET
            + "replicates: 3\n"
            + "strategies:\n"
            + "  baseline: {}\n"
            + "  double-police: {from: 2010-02-15, police.budget: 2}\n"
            + "keep_timeseries: true\n";

    @TempDir
    static Path shared;
    static SweepPlan plan;
    static Path reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void referenceSweep() throws Exception {
        plan = SweepPlan.load(SweepFiles.write(shared, "forked", FORKED));
        reference = shared.resolve("reference");
        SweepRunner.Outcome o = run(reference, Shard.ALL, 1, SweepFolder.Mode.NEW, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        assertEquals(6, o.completed());
    }

    static SweepRunner.Outcome run(Path out, Shard shard, int threads, SweepFolder.Mode mode,
                                   SweepRunner.Listener listener, AtomicBoolean cancel) throws Exception {
        return new SweepRunner(plan, out, shard, threads, RunExecutor.MODEL).run(mode, listener, cancel);
    }

    static void assertSameOutputs(Path expected, Path actual) throws Exception {
        assertSameFile(expected.resolve("runs.csv"), actual.resolve("runs.csv"));
        assertSameFile(expected.resolve("timeseries.csv"), actual.resolve("timeseries.csv"));
    }

    @Test
    void theForkIsTheEarliestStrategyDateAndIsRecorded() throws Exception {
        assertEquals(LocalDate.of(2010, 2, 15), plan.forkAt());
        assertEquals("2010-02-15", new ObjectMapper().readTree(reference.resolve("sweep.json").toFile())
                .path("fork_at").asText());
    }

    @Test
    void strategiesShareTheMonthsBeforeTheForkAndDifferAfter() throws Exception {
        // Rows: run_id, point, strategy, replicate, seed, date, province, measures...
        List<String> base = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        for (String line : Files.readAllLines(reference.resolve("timeseries.csv"))) {
            String[] c = line.split(",", 8);
            if (c[3].equals("1")) {
                (c[2].equals("baseline") ? base : doubled).add(c[5] + "," + c[6] + "," + c[7]);
            }
        }
        assertEquals(3 * 31, base.size());
        assertEquals(base.subList(0, 31), doubled.subList(0, 31), "January: before the fork, the same run");
        assertNotEquals(base.subList(62, 93), doubled.subList(62, 93), "March: after the fork, each its own");
    }

    @Test
    void theSameOutputsWithTwoThreads() throws Exception {
        run(dir.resolve("two"), Shard.ALL, 2, SweepFolder.Mode.NEW, SweepRunner.Listener.NONE, new AtomicBoolean());
        assertSameOutputs(reference, dir.resolve("two"));
    }

    @Test
    @Tag("slow")
    void resumeAfterAnInterruptionGivesTheUninterruptedResult() throws Exception {
        Path out = dir.resolve("interrupted");
        AtomicBoolean cancel = new AtomicBoolean();
        // Stops after the first run of a replicate: its other strategy redoes the burn-in on resume.
        SweepRunner.Outcome first = run(out, Shard.ALL, 1, SweepFolder.Mode.NEW,
                (r, ok, done, failed) -> cancel.set(done >= 3), cancel);
        assertTrue(first.interrupted());
        assertEquals(3, first.done());
        SweepRunner.Outcome second = run(out, Shard.ALL, 2, SweepFolder.Mode.RESUME, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        assertEquals(3, second.ranNow());
        assertSameOutputs(reference, out);
    }

    @Test
    @Tag("slow")
    void mergedShardsEqualTheWhole() throws Exception {
        run(dir.resolve("s0"), Shard.parse("0/2"), 1, SweepFolder.Mode.NEW, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        run(dir.resolve("s1"), Shard.parse("1/2"), 2, SweepFolder.Mode.NEW, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        ShardMerger.merge(dir.resolve("merged"), List.of(dir.resolve("s1"), dir.resolve("s0")));
        assertSameOutputs(reference, dir.resolve("merged"));
    }

    /**
     * Each replicate's first strategy continues the burn-in's own model and the others copies of
     * it (session 31, to save one copy of the model a replicate): listing the strategies the
     * other way round gives each run the other kind of model, and every run is the same.
     */
    @Test
    void whichStrategyContinuesTheBurnInsOwnModelChangesNoRun() throws Exception {
        String reversed = SweepFiles.FAST_SET
                + "replicates: 3\n"
                + "strategies:\n"
                + "  double-police: {from: 2010-02-15, police.budget: 2}\n"
                + "  baseline: {}\n";
        SweepPlan other = SweepPlan.load(SweepFiles.write(dir, "reversed", reversed));
        new SweepRunner(other, dir.resolve("reversed"), Shard.ALL, 1, RunExecutor.MODEL)
                .run(SweepFolder.Mode.NEW, SweepRunner.Listener.NONE, new AtomicBoolean());
        java.util.Map<String, String> expected = byRunId(reference.resolve("runs.csv"));
        java.util.Map<String, String> got = byRunId(dir.resolve("reversed/runs.csv"));
        assertEquals(6, expected.size());
        assertEquals(expected, got);
    }

    /** The rows of a runs.csv by their run id (the first column), header left out. */
    private static java.util.Map<String, String> byRunId(Path runsCsv) throws Exception {
        java.util.Map<String, String> rows = new java.util.TreeMap<>();
        List<String> lines = Files.readAllLines(runsCsv);
        for (String line : lines.subList(1, lines.size())) {
            rows.put(line.substring(0, line.indexOf(',')), line);
        }
        return rows;
    }

    @Test
    void forkingChangesTheRunsAfterTheForkOnly() throws Exception {
        // fork_at: none simulates every run whole: the same strategies, other streams after the date.
        SweepPlan whole = SweepPlan.load(SweepFiles.write(dir, "whole", FORKED + "fork_at: none\n"));
        assertNull(whole.forkAt());
        new SweepRunner(whole, dir.resolve("whole"), Shard.ALL, 2, RunExecutor.MODEL)
                .run(SweepFolder.Mode.NEW, SweepRunner.Listener.NONE, new AtomicBoolean());
        List<String> forked = Files.readAllLines(reference.resolve("runs.csv"));
        List<String> unforked = Files.readAllLines(dir.resolve("whole/runs.csv"));
        assertEquals(forked.get(0), unforked.get(0));
        assertNotEquals(forked, unforked);
        assertTrue(new ObjectMapper().readTree(dir.resolve("whole/sweep.json").toFile()).path("fork_at").isNull());
    }

    @Test
    void strategiesThatChangeParametersFromTheStartDoNotFork() throws Exception {
        String undated = SweepFiles.FAST_SET + "strategies:\n  baseline: {}\n  double-police: {police.budget: 2}\n";
        SweepPlan p = SweepPlan.load(SweepFiles.write(dir, "undated", undated));
        assertNull(p.forkAt());
        assertTrue(p.noForkReason().contains("strategy 'double-police' changes police.budget from the start"),
                p.noForkReason());

        ScenarioException e = assertThrows(ScenarioException.class,
                () -> SweepPlan.load(SweepFiles.write(dir, "explicit", undated + "fork_at: 2010-02-01\n")));
        assertTrue(e.getMessage().contains(":7:1: fork_at: cannot fork: strategy 'double-police' changes police.budget"),
                e.getMessage());
    }

    @Test
    void badForkDatesAreRefusedWithTheirPlace() throws Exception {
        String dated = SweepFiles.FAST_SET + "strategies:\n  baseline: {}\n  later: {from: 2010-02-15, police.budget: 2}\n";
        ScenarioException after = assertThrows(ScenarioException.class,
                () -> SweepPlan.load(SweepFiles.write(dir, "after", dated + "fork_at: 2010-03-01\n")));
        assertTrue(after.getMessage().contains("fork_at: 2010-03-01 is after strategy 'later' starts (2010-02-15)"),
                after.getMessage());
        ScenarioException outside = assertThrows(ScenarioException.class,
                () -> SweepPlan.load(SweepFiles.write(dir, "outside", dated.replace("2010-02-15", "2011-02-15"))));
        assertTrue(outside.getMessage().contains("strategy 'later': from 2011-02-15 is outside the simulated period"),
                outside.getMessage());
        ScenarioException notADate = assertThrows(ScenarioException.class,
                () -> SweepFileReader.read(SweepFiles.write(dir, "word", dated + "fork_at: soon\n")));
        assertTrue(notADate.getMessage().contains(":7:10: fork_at: expected a date like 2011-01-01 (or none), got 'soon'"),
                notADate.getMessage());
        ScenarioException independent = assertThrows(ScenarioException.class,
                () -> SweepPlan.load(SweepFiles.write(dir, "indep", dated + "seeds: {policy: independent}\n"
                        + "fork_at: 2010-02-01\n")));
        assertTrue(independent.getMessage().contains("fork_at: cannot fork: with seeds policy independent"),
                independent.getMessage());
        ScenarioException strict = assertThrows(ScenarioException.class, () -> SweepFileReader.read(SweepFiles.write(dir,
                "strict", SweepFiles.FAST_SET + "strategies:\n  a: {from: 2010-02-15, from: 2010-02-16}\n"
                        + "  b: {from: someday, polise.budget: 2}\n")));
        assertTrue(strict.getMessage().contains("strategy 'a': duplicate key 'from'"), strict.getMessage());
        assertTrue(strict.getMessage().contains("strategy 'b': from: expected a date like 2011-01-01, got 'someday'"),
                strict.getMessage());
        assertTrue(strict.getMessage().contains("unknown key 'polise.budget'"), strict.getMessage());
        assertFalse(SweepPlan.load(SweepFiles.write(dir, "ok", dated)).forkAt() == null);
    }
}
