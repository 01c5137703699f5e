package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crackdown.model.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sweeps run in-process on the tiny scenario: thread-independence, resume, failures, the data
 * package. The reference is an uninterrupted sweep on one thread.
 */
class SweepRunnerTest {

    /** The scale SweepFiles.FAST_SET gives every run, as runs.csv writes it. */
    static final String SCALE = "0.01";

    @TempDir
    static Path shared;
    static Path file;
    static SweepPlan plan;
    static Path reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void referenceSweep() throws Exception {
        file = SweepFiles.small(shared, "small");
        plan = SweepPlan.load(file);
        reference = shared.resolve("reference");
        SweepRunner.Outcome o = run(reference, Shard.ALL, 1, SweepFolder.Mode.NEW, RunExecutor.MODEL,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        assertEquals(12, o.completed());
        assertFalse(o.interrupted());
    }

    static SweepRunner.Outcome run(Path out, Shard shard, int threads, SweepFolder.Mode mode, RunExecutor ex,
                                   SweepRunner.Listener listener, AtomicBoolean cancel) throws Exception {
        return new SweepRunner(plan, out, shard, threads, ex).run(mode, listener, cancel);
    }

    static SweepRunner.Outcome run(Path out, int threads) throws Exception {
        return run(out, Shard.ALL, threads, SweepFolder.Mode.NEW, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                new AtomicBoolean());
    }

    static void assertSameFile(Path expected, Path actual) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(actual), actual + " differs from " + expected);
    }

    static void assertSameOutputs(Path expected, Path actual) throws IOException {
        assertSameFile(expected.resolve("runs.csv"), actual.resolve("runs.csv"));
        assertSameFile(expected.resolve("timeseries.csv"), actual.resolve("timeseries.csv"));
    }

    @Test
    void runsCsvHasOneRowPerRunInCanonicalOrderWithParametersAndMeasures() throws IOException {
        List<String> lines = Files.readAllLines(reference.resolve("runs.csv"));
        assertEquals(13, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        List<String> expected = new ArrayList<>(List.of("run_id", "point_id", "strategy", "replicate", "seed", "status",
                "error", "scale", "births.srb_shift"));
        expected.addAll(Metrics.summaryColumns().stream().map(Metrics.Column::name).toList());
        assertEquals(expected, header);
        assertTrue(lines.get(1).startsWith("p0001-baseline-r01,p0001,baseline,1,1,completed,," + SCALE + ",0,"), lines.get(1));
        assertTrue(lines.get(12).startsWith("p0002-double-police-r03,p0002,double-police,3,3,completed,," + SCALE + ",10,"),
                lines.get(12));
        List<String> ts = Files.readAllLines(reference.resolve("timeseries.csv"));
        assertTrue(ts.get(0).startsWith("run_id,point_id,strategy,replicate,seed,date,province,"), ts.get(0));
        assertEquals(1 + 12 * 3 * 31, ts.size(), "12 runs x 3 months x 31 provinces");
        assertTrue(ts.get(1).startsWith("p0001-baseline-r01,p0001,baseline,1,1,2010-01-01,"));
        assertTrue(ts.get(ts.size() - 1).startsWith("p0002-double-police-r03,"));
        assertEquals(List.of(".crackdown", ".sweep", "datapackage.json", "runs.csv", "sweep.json", "sweep.yaml",
                "timeseries.csv"),
                list(reference));
        assertSameFile(file, reference.resolve("sweep.yaml"));
    }

    @Test
    void theSameRunsCsvWhateverTheNumberOfThreads() throws Exception {
        run(dir.resolve("two"), 2);
        assertSameOutputs(reference, dir.resolve("two"));
        run(dir.resolve("three"), 3);
        assertSameOutputs(reference, dir.resolve("three"));
    }

    @Test
    void resumeAfterAnInterruptionGivesTheUninterruptedResult() throws Exception {
        Path out = dir.resolve("interrupted");
        AtomicBoolean cancel = new AtomicBoolean();
        SweepRunner.Outcome first = run(out, Shard.ALL, 2, SweepFolder.Mode.NEW, RunExecutor.MODEL,
                (r, ok, done, failed) -> {
                    if (done >= 5) {
                        cancel.set(true);
                    }
                }, cancel);
        assertTrue(first.interrupted());
        assertTrue(first.done() >= 5 && first.done() < 12, "stopped after some runs: " + first.done());
        assertFalse(Files.exists(out.resolve("runs.csv")), "no runs.csv until every run is done");
        assertEquals("interrupted", json(out.resolve("sweep.json")).path("status").asText());

        List<String> reran = new ArrayList<>();
        SweepRunner.Outcome second = run(out, Shard.ALL, 1, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                (r, ok, done, failed) -> reran.add(r.runId()), new AtomicBoolean());
        assertFalse(second.interrupted());
        assertEquals(12 - first.done(), second.ranNow(), "finished runs are not run again");
        assertEquals(12 - first.done(), reran.size());
        assertSameOutputs(reference, out);
        JsonNode sweep = json(out.resolve("sweep.json"));
        assertEquals("completed", sweep.path("status").asText());
        assertEquals(2, sweep.path("sessions").size());
        assertEquals(12, sweep.path("runs").size());
        assertFalse(Files.exists(out.resolve(".sweep/timeseries")), "parts removed once assembled");

        SweepRunner.Outcome third = run(out, Shard.ALL, 1, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        assertTrue(third.alreadyComplete());
        assertSameOutputs(reference, out);
    }

    @Test
    void aTornLastJournalLineIsIgnoredAndThatRunRedone() throws Exception {
        Path out = dir.resolve("torn");
        AtomicBoolean cancel = new AtomicBoolean();
        run(out, Shard.ALL, 1, SweepFolder.Mode.NEW, RunExecutor.MODEL,
                (r, ok, done, failed) -> cancel.set(done >= 3), cancel);
        Path journal = out.resolve(".sweep/journal");
        List<String> lines = Files.readAllLines(journal);
        assertEquals(4, lines.size(), "header and three runs");
        // What kill -9 in the middle of a write leaves: the start of the next run's line.
        String torn = lines.get(3).substring(0, lines.get(3).length() / 2).replaceFirst("^2\t", "3\t");
        Files.writeString(journal, torn, StandardOpenOption.APPEND);
        List<String> reran = new ArrayList<>();
        run(out, Shard.ALL, 2, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                (r, ok, done, failed) -> reran.add(r.runId()), new AtomicBoolean());
        assertEquals(9, reran.size());
        assertTrue(reran.contains(plan.run(3).runId()), "the torn run is redone");
        assertSameOutputs(reference, out);
    }

    @Test
    void resumeRefusesAnotherSweepAndNewRefusesAnExistingFolder() throws Exception {
        Path out = dir.resolve("other");
        AtomicBoolean cancel = new AtomicBoolean();
        run(out, Shard.ALL, 1, SweepFolder.Mode.NEW, RunExecutor.MODEL, (r, ok, done, failed) -> cancel.set(true), cancel);

        SweepFolder.RefusedException exists = assertThrows(SweepFolder.RefusedException.class, () -> run(out, 1));
        assertTrue(exists.getMessage().contains("already exists; use --resume"), exists.getMessage());

        Path changed = SweepFiles.write(dir, "small", Files.readString(file).replaceFirst("(?s)^.*?\nbase: [^\n]*\n", "")
                .replace("replicates: 3", "replicates: 4"));
        SweepPlan other = SweepPlan.load(changed);
        SweepFolder.RefusedException e = assertThrows(SweepFolder.RefusedException.class, () ->
                new SweepRunner(other, out, Shard.ALL, 1, RunExecutor.MODEL).run(SweepFolder.Mode.RESUME,
                        SweepRunner.Listener.NONE, new AtomicBoolean()));
        assertTrue(e.getMessage().contains("started from a different sweep"), e.getMessage());

        SweepFolder.RefusedException shard = assertThrows(SweepFolder.RefusedException.class, () ->
                run(out, Shard.parse("1/2"), 1, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                        SweepRunner.Listener.NONE, new AtomicBoolean()));
        assertTrue(shard.getMessage().contains("holds shard 0/1, not 1/2"), shard.getMessage());

        run(out, Shard.ALL, 2, SweepFolder.Mode.FORCE, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        assertSameOutputs(reference, out);

        Path stranger = Files.createDirectories(dir.resolve("stranger"));
        Files.writeString(stranger.resolve("notes.txt"), "mine");
        SweepFolder.RefusedException force = assertThrows(SweepFolder.RefusedException.class, () ->
                run(stranger, Shard.ALL, 1, SweepFolder.Mode.FORCE, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                        new AtomicBoolean()));
        assertTrue(force.getMessage().contains("did not write") && force.getMessage().contains("notes.txt"),
                force.getMessage());
        assertTrue(Files.exists(stranger.resolve("notes.txt")));
    }

    @Test
    void aFailingRunIsRecordedAndTheSweepGoesOn() throws Exception {
        Path out = dir.resolve("failing");
        String victim = plan.run(4).runId();
        RunExecutor failOne = (run, scenario, listener, cancelled) -> {
            if (run.runId().equals(victim)) {
                // Half-way through, as a model bug would: some months already reported.
                listener.onMonth(java.time.YearMonth.of(2010, 1), new double[31][org.crackdown.model.Measure.values().length]);
                throw new IllegalStateException("negative stock\nin Yunnan");
            }
            return RunExecutor.MODEL.run(run, scenario, listener, cancelled);
        };
        SweepRunner.Outcome o = run(out, Shard.ALL, 2, SweepFolder.Mode.NEW, failOne, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        assertEquals(11, o.completed());
        assertEquals(1, o.failed());
        List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
        List<String> ref = Files.readAllLines(reference.resolve("runs.csv"));
        for (int i = 0; i < rows.size(); i++) {
            if (i == 5) {
                assertTrue(rows.get(i).startsWith(victim + ",p0001,double-police,2,2,failed,"
                        + "IllegalStateException: negative stock in Yunnan," + SCALE + ",0,"), rows.get(i));
                assertTrue(rows.get(i).endsWith(",,,,"), "measures empty: " + rows.get(i));
            } else {
                assertEquals(ref.get(i), rows.get(i), "other runs unaffected");
            }
        }
        assertFalse(Files.readString(out.resolve("timeseries.csv")).contains(victim), "no partial timeseries");
        JsonNode sweep = json(out.resolve("sweep.json"));
        assertEquals(1, sweep.path("runs_failed").asInt());
        assertEquals("failed", sweep.path("runs").get(4).path("status").asText());
    }

    @Test
    void dataPackageGivesEveryColumnItsRole() throws Exception {
        JsonNode pkg = json(reference.resolve("datapackage.json"));
        JsonNode runs = pkg.path("resources").get(0);
        assertEquals("runs.csv", runs.path("path").asText());
        List<String> header = List.of(Files.readAllLines(reference.resolve("runs.csv")).get(0).split(","));
        JsonNode fields = runs.path("schema").path("fields");
        assertEquals(header.size(), fields.size());
        for (int i = 0; i < header.size(); i++) {
            JsonNode f = fields.get(i);
            assertEquals(header.get(i), f.path("name").asText());
            String expected = i < 8 ? "id" : i == 8 ? "parameter" : "measure";
            assertEquals(expected, f.path("role").asText(), f.toString());
            assertFalse(f.path("type").asText().isEmpty());
            assertFalse(f.path("description").asText().isEmpty());
        }
        JsonNode srb = fields.get(8);
        assertEquals("births.srb_shift", srb.path("name").asText());
        assertEquals("number", srb.path("type").asText());
        assertEquals(-30, srb.path("constraints").path("minimum").asDouble());
        assertEquals(40, srb.path("constraints").path("maximum").asDouble());
        assertFalse(srb.path("unit").asText().isEmpty());
        JsonNode ts = pkg.path("resources").get(1);
        assertEquals("timeseries.csv", ts.path("path").asText());
        assertEquals("measure", ts.path("schema").path("fields").get(7).path("role").asText());
        assertFalse(pkg.has("created"), "no time stamp: merging twice must give the same file");
    }

    @Test
    void sweepJsonRecordsTheResolvedSweep() throws Exception {
        JsonNode s = json(reference.resolve("sweep.json"));
        assertEquals("small", s.path("name").asText());
        assertEquals(plan.fingerprint(), s.path("fingerprint").asText());
        assertEquals("0.01", s.path("set").path("scale").asText());
        assertEquals(0.01, s.path("base_scenario").path("scale").asDouble());
        assertEquals(2, s.path("points").size());
        assertEquals(10.0, s.path("points").get(1).path("values").path("births.srb_shift").asDouble());
        assertEquals("double-police", s.path("strategies").get(1).path("name").asText());
        assertEquals("2", s.path("strategies").get(1).path("overrides").path("police.budget").asText());
        assertEquals("common", s.path("seeds").path("policy").asText());
        assertTrue(s.path("shard").isNull());
        assertEquals(12, s.path("runs").size());
        assertFalse(s.path("started").asText().isEmpty());
        assertFalse(s.path("finished").asText().isEmpty());
        assertFalse(s.path("git_commit").asText().isEmpty());
    }

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(Files.readString(p, StandardCharsets.UTF_8));
    }

    static List<String> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

}
