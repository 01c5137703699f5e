package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of the packaged jar killed with SIGKILL (no shutdown hook, possibly a torn journal
 * line) or stopped with SIGTERM (as Ctrl-C), then resumed: runs.csv equals that of a sweep that
 * was never interrupted, byte for byte. Run by failsafe, after the jar is built.
 */
class SweepKillIT {

    static Path jar;
    static Path tiny;

    @TempDir
    static Path shared;
    static Path file;
    static Path reference;

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void uninterrupted() throws Exception {
        jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
        Path root = Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize();
        tiny = root.resolve("simulation/src/test/resources/scenarios/tiny.yaml");
        assertTrue(Files.isRegularFile(jar), "jar not built: " + jar);
        // 24 runs of a year at 1%: long enough to be killed half-way, short enough for CI.
        file = shared.resolve("kill.yaml");
        Files.writeString(file, "name: kill\nbase: " + tiny + "\nset: {scale: 0.01}\nreplicates: 6\n"
                + "vary:\n  police.budget: [1, 2]\nstrategies:\n  baseline: {}\n  tips: {tips.enabled: true}\n"
                + "keep_timeseries: true\n");
        reference = shared.resolve("reference");
        Result r = run(shared, "sweep", file.toString(), "--out", reference.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code base} followed by {@code more}: a command line with extra options. */
    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /**
     * Starts crackdown with {@code args}, waits until {@code journal} holds more than {@code lines}
     * lines, kills it with SIGKILL (no shutdown hook runs), checks that it left no output folder
     * {@code out}, and tears the journal's last line as a kill in the middle of a write would.
     */
    static void killOnceJournaled(Path dir, Path journal, int lines, Path out, String... args) throws Exception {
        Process p = new ProcessBuilder(command(args))
                .redirectOutput(dir.resolve("victim.out").toFile()).redirectError(dir.resolve("victim.err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.isRegularFile(journal) && Files.readAllLines(journal).size() > lines)) {
            assertTrue(p.isAlive(), "the command ended before it could be killed");
            assertTrue(System.nanoTime() < deadline, "nothing journaled within 2 minutes");
            Thread.sleep(20);
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out), "killed before the end: no output folder");
        Files.writeString(journal, "1234abcd\t3f\t3fb99", StandardOpenOption.APPEND);
    }

    static Result run(Path logs, String... args) throws Exception {
        Path out = Files.createTempFile(logs, "out", ".txt");
        Path err = Files.createTempFile(logs, "err", ".txt");
        Process p = new ProcessBuilder(command(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("crackdown " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Starts a sweep and returns once its journal holds at least {@code runs} finished runs. */
    private Process startAndWait(Path out, int runs) throws Exception {
        Process p = new ProcessBuilder(command("sweep", file.toString(), "--out", out.toString(), "--threads", "2"))
                .redirectOutput(dir.resolve("victim.out").toFile()).redirectError(dir.resolve("victim.err").toFile())
                .start();
        Path journal = out.resolve(".sweep/journal");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(journal) && lines(journal) > runs) {
                return p;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the sweep ended before it could be interrupted: "
                        + Files.readString(dir.resolve("victim.err")));
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new AssertionError("no run finished within 2 minutes");
    }

    private static long lines(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        long n = 0;
        for (byte x : b) {
            n += x == '\n' ? 1 : 0;
        }
        return n;
    }

    private static void assertSame(Path expected, Path actual, String name) throws IOException {
        assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)),
                actual.resolve(name) + " differs from the uninterrupted sweep");
    }

    @Test
    void killMinus9ThenResumeGivesTheUninterruptedRunsCsv() throws Exception {
        Path out = dir.resolve("killed");
        Process p = startAndWait(out, 3);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.exists(out.resolve("runs.csv")), "killed before the end");
        long journaled = lines(out.resolve(".sweep/journal")) - 1;
        assertTrue(journaled >= 3 && journaled < 24, "journaled runs: " + journaled);
        // Whatever the kill left, also leave a torn line, as a kill in the middle of a write does.
        Files.writeString(out.resolve(".sweep/journal"), "23\t1234abcd\tp0002-tips-r06,p0002,ti",
                StandardOpenOption.APPEND);

        Result resumed = run(dir, "sweep", file.toString(), "--out", out.toString(), "--resume", "--threads", "1",
                "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("24 runs, 24 completed, 0 failed"), resumed.out());
        assertSame(reference, out, "runs.csv");
        assertSame(reference, out, "timeseries.csv");
    }

    @Test
    void sigtermStopsCleanlyAndResumeFinishes() throws Exception {
        Path out = dir.resolve("stopped");
        Process p = startAndWait(out, 2);
        p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue(), "128 + SIGTERM, as docs/reliability.md says");
        String err = Files.readString(dir.resolve("victim.err"), StandardCharsets.UTF_8);
        assertTrue(err.contains("interrupted: ") && err.contains("--resume"), err);
        assertFalse(err.contains("Exception"), err);
        String json = Files.readString(out.resolve("sweep.json"));
        assertTrue(json.contains("\"status\": \"interrupted\""), json.substring(0, Math.min(400, json.length())));

        Result resumed = run(dir, "sweep", file.toString(), "--out", out.toString(), "--resume", "--quiet");
        assertEquals(0, resumed.code(), resumed.err());
        assertSame(reference, out, "runs.csv");
        assertSame(reference, out, "timeseries.csv");
    }
}
