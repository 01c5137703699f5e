package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.crackdown.cli.SweepCommandTest.Outcome;
import org.crackdown.sweep.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a careless or hostile user gives on the command line (issue 12): each is refused with
 * exit code 2, a message naming the limit, no stack trace and nothing written.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    static Outcome crackdown(Object... args) {
        return SweepCommandTest.crackdown(args);
    }

    static void assertRefused(Outcome o, String message) {
        assertEquals(Main.BAD_INPUT, o.code(), () -> "stderr:\n" + o.err() + "\nstdout:\n" + o.out());
        assertTrue(o.err().contains(message), o.err());
        SweepCommandTest.assertNoStackTrace(o.err());
    }

    private List<String> contents() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** A file of {@code size} bytes starting with {@code head}, the rest one long YAML scalar. */
    private Path huge(String name, String head, long size) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, head + "description: ", StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(raf.length());
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            while (raf.length() < size) {
                raf.write(block);
            }
        }
        return f;
    }

    // ------------------------------------------------------------------ huge files

    @Test
    void fiftyMegabyteSweepAndTargetsFilesAreRefusedAtOnce() throws IOException {
        Path sweep = huge("sweep.yaml", "base: " + SweepFiles.TINY + "\n", 50L << 20);
        Path targets = huge("targets.yaml", "scenario: " + SweepFiles.TINY + "\n", 50L << 20);
        Outcome s = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> crackdown("sweep", sweep, "--out", dir.resolve("out")));
        assertRefused(s, sweep + ": cannot read: it is " + String.format(java.util.Locale.ROOT, "%,d", Files.size(sweep))
                + " bytes; YAML files (scenarios, sweeps, calibration targets) may be at most 1 MiB (1048576 bytes)");
        Outcome t = assertTimeoutPreemptively(Duration.ofSeconds(3),
                () -> crackdown("calibrate", targets, "--out", dir.resolve("out")));
        assertRefused(t, "may be at most 1 MiB");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    // ------------------------------------------------------------------ other files named by a file

    @Test
    void aBaseOrScenarioThatIsNotAScenarioIsNamedButNotQuoted() throws IOException {
        Path secret = Files.writeString(dir.resolve("shadow"), "root:$6$SECRET-HASH:19000:0:99999:7:::\n");
        Path sweep = Files.writeString(dir.resolve("s.yaml"), "base: shadow\nreplicates: 1\n");
        Outcome s = crackdown("sweep", sweep, "--out", dir.resolve("out"));
        assertRefused(s, "not a scenario file");
        assertTrue(s.err().startsWith(secret + ":1:1: "), s.err());
        assertFalse(s.err().contains("SECRET"), s.err());

        Path targets = Files.writeString(dir.resolve("t.yaml"), "scenario: shadow\ntargets:\n  women_rescued: "
                + "{value: 1, tolerance: 0.1, source: x}\nfree:\n  demand.bride_propensity: {min: 0.01, max: 0.5}\n");
        Outcome t = crackdown("calibrate", targets, "--check");
        assertRefused(t, "not a scenario file");
        assertFalse(t.err().contains("SECRET"), t.err());

        // A sweep or targets file that is not one is refused without quoting it either.
        Outcome notSweep = crackdown("sweep", secret, "--out", dir.resolve("out"));
        assertRefused(notSweep, secret + ":1:1: not a sweep file");
        Outcome notTargets = crackdown("calibrate", secret, "--check");
        assertRefused(notTargets, secret + ":1:1: not a calibration targets file");
        assertFalse((notSweep.err() + notTargets.err()).contains("SECRET"));
        assertFalse(Files.exists(dir.resolve("out")));
    }

    // ------------------------------------------------------------------ sizes of the work asked for

    @Test
    void aSweepOfAHundredMillionRunsIsRefusedBeforeAnythingIsAllocated() throws IOException {
        // 10,000 x 10,000 grid points: the limit is checked from the sizes, not by expanding them.
        Path f = SweepFiles.write(dir, "huge", SweepFiles.FAST_SET + "vary:\n"
                + "  births.srb_shift: {from: 0, to: 9.999, step: 0.001}\n"
                + "  police.budget: {from: 0.001, to: 10, step: 0.001}\n");
        Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> crackdown("sweep", f, "--out", dir.resolve("out")));
        assertRefused(o, "the sweep has 100,000,000 runs (100000000 design points x 1 strategies x 1 replicates); "
                + "a sweep may have at most 1,000,000 runs");
        Outcome slurm = crackdown("slurm", f, "--tasks", 2, "--out", dir.resolve("out"));
        assertRefused(slurm, "a sweep may have at most 1,000,000 runs");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void threadCountsBeyondFourPerProcessorAreRefused() throws IOException {
        int max = 4 * Runtime.getRuntime().availableProcessors();
        Path f = SweepFiles.small(dir, "threads");
        String why = "--threads: expected a whole number from 1 to " + max + " (4 x the ";
        assertRefused(crackdown("sweep", f, "--threads", 100_000, "--out", dir.resolve("out")), why);
        assertRefused(crackdown("sweep", f, "--threads", 0, "--out", dir.resolve("out")), why);
        assertRefused(crackdown("calibrate", "src/test/resources/calibration/tiny-targets.yaml", "--check",
                "--threads", max + 1), why);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void benchRefusesZeroRepeats() {
        assertRefused(crackdown("bench", SweepFiles.TINY, "--repeat", 0, "--scales", "0.01"),
                "--repeat: expected a whole number from 1 to 100 (timed runs per scale), got 0");
        assertRefused(crackdown("bench", SweepFiles.TINY, "--repeat", 101, "--scales", "0.01"), "got 101");
    }

    @Test
    void aSeedBaseThatWouldOverflowIsRefused() throws IOException {
        long max = Long.MAX_VALUE;
        Path over = SweepFiles.write(dir, "over", SweepFiles.FAST_SET + "replicates: 3\nseeds: {base: " + (max - 1)
                + "}\n");
        assertRefused(crackdown("sweep", over, "--out", dir.resolve("out")), "seeds.base: with 3 replicates replicate r "
                + "uses seed base + r - 1, which must not pass " + max + "; use a base of at most " + (max - 2));
        assertFalse(Files.exists(dir.resolve("out")));
        // The largest base that fits is accepted: its seeds are base, base + 1, base + 2 = Long.MAX_VALUE.
        Path fits = SweepFiles.write(dir, "fits", SweepFiles.FAST_SET + "replicates: 3\nseeds: {base: " + (max - 2)
                + "}\n");
        Outcome o = crackdown("slurm", fits, "--tasks", 1, "--jar", fits, "--out", dir.resolve("fits-out"));
        assertEquals(Main.OK, o.code(), o.err());
    }

    @Test
    void aTwoMegabyteNameIsRefusedBeforeAnyFolderIsMade() throws IOException {
        // The default output folder is runs/<name>-<seed> in the working folder: nothing may appear.
        boolean runsBefore = Files.exists(Path.of("runs"));
        Outcome o = crackdown("run", SweepFiles.TINY, "--set", "name=" + "n".repeat(2_000_000), "--quiet");
        assertRefused(o, "--set: name: a name may be at most 100 characters (it names folders and files), "
                + "got 2000000");
        assertEquals(runsBefore, Files.exists(Path.of("runs")));
        assertTrue(o.err().length() < 1000, "the message does not repeat the name: " + o.err().length());

        Path longName = SweepFiles.write(dir, "n".repeat(101), "replicates: 1\n");
        assertRefused(crackdown("sweep", longName, "--out", dir.resolve("out")),
                "name: a name may be at most 100 characters");
        assertEquals(List.of(longName.getFileName().toString()), contents());
    }
}
