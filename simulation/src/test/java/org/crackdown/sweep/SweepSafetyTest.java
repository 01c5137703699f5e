package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.crackdown.format.OutputFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12, items 1, 2, 3 and 10: a sweep's inputs fixed at its start, --force that respects a
 * running sweep and files crackdown did not write, and nothing half-written left after a failure.
 * All on the 12-run, three-month sweep of {@link SweepFiles#small}.
 */
class SweepSafetyTest {

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
        run(plan, reference, SweepFolder.Mode.NEW, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
    }

    static SweepRunner.Outcome run(SweepPlan p, Path out, SweepFolder.Mode mode, RunExecutor ex,
                                   SweepRunner.Listener l, AtomicBoolean cancel) throws Exception {
        return new SweepRunner(p, out, Shard.ALL, 1, ex).run(mode, l, cancel);
    }

    static void assertSameResults(Path expected, Path actual) throws IOException {
        for (String f : List.of("runs.csv", "timeseries.csv")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)),
                    actual.resolve(f) + " differs from " + expected.resolve(f));
        }
    }

    /** A sweep over a copy of the tiny scenario, so the test may edit its base. */
    Path sweepOverACopy() throws IOException {
        Path base = dir.resolve("base.yaml");
        Files.copy(SweepFiles.TINY, base);
        String body = Files.readString(file).replaceFirst("base: [^\n]*", "base: base.yaml");
        return Files.writeString(dir.resolve("edited.yaml"), body);
    }

    /** Issue 12 item 1: the repro (base edited after the first journal line) with the tiny scenario. */
    @Test
    void editingTheBaseDuringASweepDoesNotChangeTheRunsStillToCome() throws Exception {
        Path sweep = sweepOverACopy();
        Path base = dir.resolve("base.yaml");
        SweepPlan p = SweepPlan.load(sweep);
        AtomicBoolean edited = new AtomicBoolean();
        Path out = dir.resolve("out");
        run(p, out, SweepFolder.Mode.NEW, RunExecutor.MODEL, (r, ok, done, failed) -> {
            if (edited.compareAndSet(false, true)) {
                append(base, "police: {budget: 5}\n");
            }
        }, new AtomicBoolean());
        assertTrue(edited.get());
        assertNotEquals(p.fingerprint(), SweepPlan.load(sweep).fingerprint(), "the edit changes the scenario");
        assertSameResults(reference, out);
        assertEquals(List.of(base.toAbsolutePath().normalize()), p.changedOnDisk());
        Map<Path, byte[]> stored = SweepFolder.storedScenarios(out);
        assertEquals(List.of(base.toAbsolutePath().normalize()), List.copyOf(stored.keySet()));
        assertArrayEquals(Files.readAllBytes(SweepFiles.TINY), stored.values().iterator().next(),
                "the base as it was when the sweep started is stored with the sweep");
    }

    private static void append(Path f, String text) {
        try {
            Files.writeString(f, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Issue 12 item 2: a second sweep --force destroyed a running sweep's finished runs. */
    @Test
    void forceIsRefusedWhileASweepIsWritingTheFolderAndTouchesNothing() throws Exception {
        Path out = dir.resolve("busy");
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RunExecutor blocking = (r, s, l, c) -> {
            if (r.index() == 3) {
                inRun.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return RunExecutor.MODEL.run(r, s, l, c);
        };
        AtomicReference<Object> first = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                first.set(run(plan, out, SweepFolder.Mode.NEW, blocking, SweepRunner.Listener.NONE,
                        new AtomicBoolean()));
            } catch (Exception e) {
                first.set(e);
            }
        });
        t.start();
        assertTrue(inRun.await(60, TimeUnit.SECONDS));
        byte[] journal = Files.readAllBytes(out.resolve(".sweep/journal"));
        SweepFolder.RefusedException e = assertThrows(SweepFolder.RefusedException.class, () ->
                run(plan, out, SweepFolder.Mode.FORCE, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                        new AtomicBoolean()));
        assertTrue(e.getMessage().contains("another crackdown sweep is writing"), e.getMessage());
        assertFalse(e.getMessage().contains("--force"), "the message must not advise --force: " + e.getMessage());
        assertArrayEquals(journal, Files.readAllBytes(out.resolve(".sweep/journal")), "the journal is untouched");
        SweepFolder.RefusedException resume = assertThrows(SweepFolder.RefusedException.class, () ->
                run(plan, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                        new AtomicBoolean()));
        assertFalse(resume.getMessage().contains("--force"), resume.getMessage());
        release.countDown();
        t.join(120_000);
        assertTrue(first.get() instanceof SweepRunner.Outcome, String.valueOf(first.get()));
        assertSameResults(reference, out);
    }

    /** Issue 12 item 3: sweep --force deleted the old results before the new sweep had produced anything. */
    @Test
    void forceKeepsTheOldResultsUntilTheNewSweepIsComplete() throws Exception {
        Path out = dir.resolve("replaced");
        run(plan, out, SweepFolder.Mode.NEW, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
        byte[] oldRuns = Files.readAllBytes(out.resolve("runs.csv"));
        SweepPlan bigger = SweepPlan.load(SweepFiles.write(dir, "small", Files.readString(file)
                .replaceFirst("(?s)^.*?\nbase: [^\n]*\n", "").replace("replicates: 3", "replicates: 4")));
        AtomicBoolean cancel = new AtomicBoolean();
        SweepRunner.Outcome o = run(bigger, out, SweepFolder.Mode.FORCE, RunExecutor.MODEL,
                (r, ok, done, failed) -> cancel.set(done >= 3), cancel);
        assertTrue(o.interrupted());
        assertArrayEquals(oldRuns, Files.readAllBytes(out.resolve("runs.csv")), "old results kept meanwhile");
        assertTrue(Files.exists(SweepFolder.replacement(out).resolve(".sweep/journal")));

        SweepRunner.Outcome resumed = run(bigger, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        assertEquals(16, resumed.done());
        assertEquals(16 - 3, resumed.ranNow(), "the replacement resumed, not restarted");
        assertEquals(17, Files.readAllLines(out.resolve("runs.csv")).size(), "now the new sweep's results");
        assertFalse(Files.exists(SweepFolder.replacement(out)), "the replacement took the folder's place");
        assertFalse(Files.exists(out.resolve(".sweep/timeseries")));
    }

    /** Issue 12 item 3: sweep --force deleted any folder with a sweep.json, DIR/analysis/ included. */
    @Test
    void forceRefusesAFolderHoldingSomeoneElsesFilesAndReplacesOnlyCrackdownsOwn() throws Exception {
        Path out = dir.resolve("with-analysis");
        run(plan, out, SweepFolder.Mode.NEW, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
        Path analysis = Files.createDirectories(out.resolve("analysis"));
        Files.writeString(analysis.resolve("my-notes.md"), "precious");
        SweepFolder.RefusedException e = assertThrows(SweepFolder.RefusedException.class, () ->
                run(plan, out, SweepFolder.Mode.FORCE, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                        new AtomicBoolean()));
        assertTrue(e.getMessage().contains("did not write") && e.getMessage().contains("my-notes.md"), e.getMessage());
        assertEquals("precious", Files.readString(analysis.resolve("my-notes.md")));
        assertTrue(Files.exists(out.resolve("runs.csv")));

        // An analysis crackdown wrote (it carries the marker) is crackdown's to replace.
        OutputFolders.claimAll(analysis, "analysis");
        run(plan, out, SweepFolder.Mode.FORCE, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
        assertFalse(Files.exists(analysis));
        assertSameResults(reference, out);
    }

    /** Issue 12 item 3: merge OUT overwrote runs.csv in any folder without a sweep.json, and wrote into /. */
    @Test
    void mergeRefusesFoldersItDidNotWriteAndTheRoot() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("runs.csv"), "my data");
        ShardMerger.MergeException e = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(mine, List.of(reference)));
        assertTrue(e.getMessage().contains("did not write"), e.getMessage());
        assertEquals("my data", Files.readString(mine.resolve("runs.csv")));
        assertEquals(List.of("runs.csv"), list(mine));

        ShardMerger.MergeException root = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(Path.of("/"), List.of(reference)));
        assertTrue(root.getMessage().contains("root"), root.getMessage());

        // Issue 12 item 11: a completed shard without its runs.csv was "not finished (status completed)".
        Path noRuns = dir.resolve("no-runs");
        run(plan, noRuns, SweepFolder.Mode.NEW, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
        Files.delete(noRuns.resolve("runs.csv"));
        ShardMerger.MergeException missing = assertThrows(ShardMerger.MergeException.class,
                () -> ShardMerger.merge(dir.resolve("m"), List.of(noRuns)));
        assertTrue(missing.getMessage().contains("has no runs.csv although its sweep.json says the sweep completed"),
                missing.getMessage());
        assertFalse(missing.getMessage().contains("not finished"), missing.getMessage());

        Path merged = dir.resolve("merged");
        ShardMerger.merge(merged, List.of(reference));
        assertSameResults(reference, merged);
        assertTrue(OutputFolders.foreign(merged).isEmpty(), "a merged folder is crackdown's: "
                + OutputFolders.foreign(merged));
    }

    /** Issue 12 item 10: a full disk left *.tmp files and sweep.json saying running. */
    @Test
    void aFullDiskLeavesNoTemporaryFilesAndSweepJsonSaysWhy() throws Exception {
        Path out = dir.resolve("full");
        AtomicBoolean cancel = new AtomicBoolean();
        run(plan, out, SweepFolder.Mode.NEW, RunExecutor.MODEL, (r, ok, done, failed) -> cancel.set(done >= 11),
                cancel);
        // The next writes go to /dev/full, which answers every write with ENOSPC: first sweep.json's.
        Files.createSymbolicLink(out.resolve("sweep.json.tmp"), Path.of("/dev/full"));
        IOException full = assertThrows(IOException.class, () -> run(plan, out, SweepFolder.Mode.RESUME,
                RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean()));
        assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
        assertEquals("failed", json(out).path("status").asText());
        assertTrue(json(out).path("error").asText().contains("No space left on device"), json(out).toString());
        assertEquals(List.of(), temporaries(out));

        // And when the disk fills while runs.csv is assembled.
        Files.createSymbolicLink(out.resolve("runs.csv.tmp"), Path.of("/dev/full"));
        assertThrows(IOException.class, () -> run(plan, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                SweepRunner.Listener.NONE, new AtomicBoolean()));
        assertEquals("failed", json(out).path("status").asText());
        assertEquals(List.of(), temporaries(out));
        assertFalse(Files.exists(out.resolve("runs.csv")));

        run(plan, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
        assertSameResults(reference, out);
    }

    /** Issue 12 item 10: --resume of a complete sweep must not write (it failed on read-only media). */
    @Test
    void resumingACompleteSweepWritesNothingEvenWithoutItsJournal() throws Exception {
        Path out = dir.resolve("complete");
        run(plan, out, SweepFolder.Mode.NEW, RunExecutor.MODEL, SweepRunner.Listener.NONE, new AtomicBoolean());
        Map<String, String> before = state(out);
        SweepRunner.Outcome o = run(plan, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                new AtomicBoolean());
        assertTrue(o.alreadyComplete());
        assertEquals(before, state(out), "nothing created, removed or modified");

        // A deleted journal: the complete runs.csv is recognised, not thrown away.
        Files.delete(out.resolve(".sweep/journal"));
        before = state(out);
        SweepRunner.Outcome again = run(plan, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        assertTrue(again.alreadyComplete());
        assertEquals(12, again.completed());
        assertEquals(before, state(out));
        assertSameResults(reference, out);
    }

    /** Issue 12 item 10: an unfinished sweep whose journal was deleted gets a message saying what to do. */
    @Test
    void anUnfinishedSweepWithoutItsJournalSaysWhatToDo() throws Exception {
        Path out = dir.resolve("lost");
        AtomicBoolean cancel = new AtomicBoolean();
        run(plan, out, SweepFolder.Mode.NEW, RunExecutor.MODEL, (r, ok, done, failed) -> cancel.set(done >= 2), cancel);
        Files.delete(out.resolve(".sweep/journal"));
        SweepFolder.RefusedException e = assertThrows(SweepFolder.RefusedException.class, () ->
                run(plan, out, SweepFolder.Mode.RESUME, RunExecutor.MODEL, SweepRunner.Listener.NONE,
                        new AtomicBoolean()));
        assertTrue(e.getMessage().contains("no .sweep/journal") && e.getMessage().contains("--force"), e.getMessage());
    }

    static com.fasterxml.jackson.databind.JsonNode json(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
    }

    static List<Path> temporaries(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")
                    || p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    static List<String> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path under {@code d} with its size and modification time (folders too). */
    static Map<String, String> state(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : s.toList()) {
                m.put(d.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toInstant());
            }
        }
        return m;
    }
}
