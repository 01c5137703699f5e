package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.crackdown.sweep.RunExecutor;
import org.crackdown.sweep.Shard;
import org.crackdown.sweep.SweepFiles;
import org.crackdown.sweep.SweepFolder;
import org.crackdown.sweep.SweepPlan;
import org.crackdown.sweep.SweepRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crackdown sweep, merge and slurm through the command line, as users type them. */
class SweepCommandTest {

    record Outcome(int code, String out, String err) {
    }

    @TempDir
    static Path shared;
    static Path file;
    static Path reference;

    @TempDir
    Path dir;

    static Outcome crackdown(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].toString();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(a, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    static Outcome ok(Object... args) {
        Outcome o = crackdown(args);
        assertEquals(Main.OK, o.code(), () -> "stderr:\n" + o.err() + "\nstdout:\n" + o.out());
        return o;
    }

    static void assertNoStackTrace(String err) {
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("\tat "), err);
    }

    static void assertSameRuns(Path expected, Path actual) throws Exception {
        assertArrayEquals(Files.readAllBytes(expected.resolve("runs.csv")), Files.readAllBytes(actual.resolve("runs.csv")),
                actual + "/runs.csv differs");
    }

    @BeforeAll
    static void oneThread() throws Exception {
        file = SweepFiles.small(shared, "cli");
        reference = shared.resolve("one");
        Outcome o = ok("sweep", file, "--threads", 1, "--out", reference, "--quiet");
        assertTrue(o.out().contains("2 design points (grid) x 2 strategies x 3 replicates = 12 runs"), o.out());
        assertTrue(o.out().contains("12 runs, 12 completed, 0 failed"), o.out());
        assertEquals("", o.err());
    }

    @Test
    void twoThreadsWriteTheSameRunsCsv() throws Exception {
        ok("sweep", file, "--threads", 2, "--out", dir.resolve("two"), "--quiet");
        assertSameRuns(reference, dir.resolve("two"));
        assertArrayEquals(Files.readAllBytes(reference.resolve("timeseries.csv")),
                Files.readAllBytes(dir.resolve("two/timeseries.csv")));
    }

    @Test
    void aBadSweepFileExitsWithTwoAndSaysWhere() throws Exception {
        Path bad = SweepFiles.write(dir, "bad", "replicats: 3\nvary:\n  police.budget: [1, 20]\n");
        Outcome o = crackdown("sweep", bad, "--out", dir.resolve("never"));
        assertEquals(Main.BAD_INPUT, o.code());
        assertEquals(bad + ":3:1: unknown key 'replicats'; did you mean 'replicates'?", o.err().lines().findFirst().get());
        assertTrue(o.err().contains(bad + ":5:22: vary: police.budget: expected a number from 0 to 10"), o.err());
        assertNoStackTrace(o.err());
        assertFalse(Files.exists(dir.resolve("never")), "nothing runs when the file is bad");
    }

    @Test
    void strategiesThatMoveACampaignRunAndAnUnknownCampaignExitsTwo() throws Exception {
        Files.writeString(dir.resolve("spring.yaml"), "extends: " + SweepFiles.TINY + "\ncampaigns:\n  - {name: "
                + "spring, start: 2010-02-01, end: 2010-03-15, provinces: all, intensity: 2}\n");
        Path f = dir.resolve("timing.yaml");
        Files.writeString(f, "base: spring.yaml\n" + SweepFiles.FAST_SET + "replicates: 2\nstrategies:\n"
                + "  baseline: {}\n  none: {campaigns.spring.intensity: 0}\n");
        Outcome o = ok("sweep", f, "--out", dir.resolve("out"));
        assertTrue(o.out().contains("strategy 'none' changes campaigns.spring.intensity (runs share their first days "
                + "only if their campaigns are the same)"), o.out());
        List<String> rows = Files.readAllLines(dir.resolve("out/runs.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int oy = header.indexOf("officer_years");
        // Without its campaign a strategy works fewer officer-years in the measured months.
        assertTrue(Double.parseDouble(rows.get(1).split(",")[oy]) > Double.parseDouble(rows.get(3).split(",")[oy]),
                rows.toString());

        Files.writeString(f, Files.readString(f).replace("campaigns.spring.", "campaigns.sprin."));
        Outcome bad = crackdown("sweep", f, "--out", dir.resolve("never"));
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().startsWith(f + ":6:10: strategy 'none': campaigns.sprin.intensity: unknown campaign "
                + "'sprin'; did you mean 'spring'?"), bad.err());
        assertNoStackTrace(bad.err());
    }

    @Test
    void anExistingFolderNeedsResumeOrForce() throws Exception {
        Outcome again = crackdown("sweep", file, "--out", reference, "--quiet");
        assertEquals(Main.BAD_INPUT, again.code());
        assertTrue(again.err().contains("already exists; use --resume"), again.err());
        Outcome resumed = ok("sweep", file, "--out", reference, "--resume", "--quiet");
        assertTrue(resumed.out().contains("already complete"), resumed.out());
        Outcome both = crackdown("sweep", file, "--out", reference, "--resume", "--force");
        assertEquals(Main.BAD_INPUT, both.code());
        Outcome shard = crackdown("sweep", file, "--shard", "3/3");
        assertEquals(Main.BAD_INPUT, shard.code());
        assertTrue(shard.err().contains("--shard: expected i/N with 0 <= i < N"), shard.err());
        assertNoStackTrace(shard.err() + both.err() + again.err());
    }

    /**
     * Issue 12 item 1: a resumed sweep runs with the scenario files as they were when it
     * started, and says on stderr which of them have changed on disk since.
     */
    @Test
    void resumeUsesTheScenarioFilesOfTheStartAndSaysWhichChanged() throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.copy(SweepFiles.TINY, base);
        Path sweep = Files.writeString(dir.resolve("cli.yaml"),
                Files.readString(file).replaceFirst("base: [^\n]*", "base: base.yaml"));
        Path out = dir.resolve("resumed");
        AtomicBoolean cancel = new AtomicBoolean();
        SweepRunner.Outcome first = new SweepRunner(SweepPlan.load(sweep), out, Shard.ALL, 1, RunExecutor.MODEL)
                .run(SweepFolder.Mode.NEW, (r, ok, done, failed) -> cancel.set(done >= 3), cancel);
        assertTrue(first.interrupted());
        Files.writeString(base, "police: {budget: 5}\n", StandardOpenOption.APPEND);

        Outcome o = ok("sweep", sweep, "--out", out, "--resume", "--quiet", "--threads", 1);
        assertTrue(o.err().contains("note: " + base.toAbsolutePath().normalize() + " has changed since the sweep "
                + "started; resuming with the version stored in " + out), o.err());
        assertSameRuns(reference, out);
    }

    /** Issue 12 item 2: the refusal for a busy folder advised --force, which then destroyed it. */
    @Test
    void aBusyFolderIsRefusedWithoutAdvisingForce() throws Exception {
        Path out = dir.resolve("busy");
        Files.createDirectories(out.resolve(".sweep"));
        Path journal = out.resolve(".sweep/journal");
        Files.writeString(journal, "");
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            for (String mode : List.of("--resume", "--force")) {
                Outcome o = crackdown("sweep", file, "--out", out, mode, "--quiet");
                assertEquals(Main.BAD_INPUT, o.code(), o.err());
                assertTrue(o.err().contains("another crackdown sweep is writing"), o.err());
                assertFalse(o.err().contains("--force"), o.err());
                assertTrue(Files.exists(journal));
            }
        }
    }

    @Test
    @Tag("slow")
    void shardsMergedOnTheCommandLineEqualTheWhole() throws Exception {
        Path sweep = dir.resolve("sweep");
        ok("sweep", file, "--shard", "0/2", "--out", sweep.resolve("shards/0"), "--quiet");
        ok("sweep", file, "--shard", "1/2", "--out", sweep.resolve("shards/1"), "--quiet", "--threads", 2);
        Outcome m = ok("merge", sweep, sweep.resolve("shards/1"), sweep.resolve("shards/0"));
        assertTrue(m.out().contains("merged 12 runs (0 failed) from 2 folders"), m.out());
        assertSameRuns(reference, sweep);
        Outcome again = ok("merge", sweep, sweep.resolve("shards/0"), sweep.resolve("shards/1"));
        assertTrue(again.out().contains("nothing changed"), again.out());

        Outcome missing = crackdown("merge", dir.resolve("part"), sweep.resolve("shards/0"));
        assertEquals(Main.BAD_INPUT, missing.code());
        assertTrue(missing.err().startsWith("error: missing run p0001-baseline-r02: "), missing.err());
        Outcome duplicate = crackdown("merge", dir.resolve("dup"), sweep.resolve("shards/0"), reference);
        assertEquals(Main.BAD_INPUT, duplicate.code());
        assertTrue(duplicate.err().startsWith("error: duplicate run p0001-baseline-r01: "), duplicate.err());
        assertFalse(Files.exists(dir.resolve("part")));
        assertNoStackTrace(missing.err() + duplicate.err());
    }

    @Test
    void slurmWritesAnArrayJobAMergeJobAndASubmitScript() throws Exception {
        Path jar = Files.writeString(dir.resolve("crackdown.jar"), "not really a jar");
        Path out = dir.resolve("cluster");
        Outcome o = ok("slurm", file, "--tasks", 4, "--threads-per-task", 2, "--out", out, "--jar", jar, "--mem", "2G");
        assertTrue(o.out().contains("submit with: bash " + out.resolve("slurm/submit.sh")), o.out());
        String shards = Files.readString(out.resolve("slurm/shards.sbatch"));
        assertTrue(shards.contains("#SBATCH --array=0-3\n"), shards);
        assertTrue(shards.contains("#SBATCH --cpus-per-task=2\n"), shards);
        assertTrue(shards.contains("#SBATCH --mem=2G\n"), shards);
        // The jobs run the jar's copy in DIR/slurm, named after its code (issue 14), with 85% of --mem as heap.
        Path copy = SlurmScriptInjectionTest.jarCopy(out);
        assertTrue(shards.contains("-Xmx1740m ${CRACKDOWN_JAVA_OPTS:-} -jar '" + copy + "' sweep '"
                + file.toAbsolutePath() + "'"), shards);
        assertTrue(shards.contains("--shard \"$SLURM_ARRAY_TASK_ID/4\" --threads 2"), shards);
        assertTrue(shards.contains("--out '" + out + "/shards/'\"$SLURM_ARRAY_TASK_ID\" --resume"), shards);
        String merge = Files.readString(out.resolve("slurm/merge.sbatch"));
        assertTrue(merge.contains("merge '" + out + "' \"${shards[@]}\""), merge);
        assertTrue(merge.contains("$(seq 0 3)"), merge);
        String submit = Files.readString(out.resolve("slurm/submit.sh"));
        assertTrue(submit.contains("sbatch --parsable --dependency=afterok:\"$array\""), submit);
        assertTrue(Files.isExecutable(out.resolve("slurm/submit.sh")));
        assertTrue(Files.isDirectory(out.resolve("slurm/logs")));
        Outcome syntax = runBash("-n", out.resolve("slurm/shards.sbatch"), out.resolve("slurm/merge.sbatch"),
                out.resolve("slurm/submit.sh"));
        assertEquals(0, syntax.code(), syntax.err());
    }

    @Test
    void slurmRefusesMoreTasksThanRunsAndAMissingJar() {
        Outcome many = crackdown("slurm", file, "--tasks", 13, "--jar", file);
        assertEquals(Main.BAD_INPUT, many.code());
        assertTrue(many.err().contains("--tasks 13 is more than the 12 runs"), many.err());
        Outcome noJar = crackdown("slurm", file, "--tasks", 2, "--out", dir.resolve("x"));
        assertEquals(Main.BAD_INPUT, noJar.code(), "tests run from target/classes, not a jar");
        assertTrue(noJar.err().contains("cannot find the crackdown jar"), noJar.err());
    }

    @Test
    void defaultFoldersAreUnderRuns() {
        assertEquals(Path.of("runs/sweep-quick"), SweepCommand.defaultFolder("quick", Shard.ALL));
        assertEquals(Path.of("runs/sweep-quick/shards/2"), SweepCommand.defaultFolder("quick", Shard.parse("2/4")));
    }

    /** bash -n on each script: they must at least parse. */
    private static Outcome runBash(String flag, Path... scripts) throws Exception {
        StringBuilder err = new StringBuilder();
        for (Path s : scripts) {
            Process p = new ProcessBuilder("bash", flag, s.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                return new Outcome(p.exitValue(), "", s + ": " + output);
            }
            err.append(output);
        }
        return new Outcome(0, "", err.toString());
    }
}
