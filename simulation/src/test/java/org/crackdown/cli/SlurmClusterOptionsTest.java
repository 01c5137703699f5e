package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.cli.SweepCommandTest.Outcome;
import org.crackdown.sweep.SweepFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real cluster needs from {@code crackdown slurm} (issue 14): an account, a QOS, node
 * features, a throttle, other sbatch options, a setup hook, limits for the merge job, a heap that
 * fits --mem, values sbatch would refuse refused at once, and jobs that run a copy of the jar
 * stamped with its code, so a rebuild while they queue changes nothing.
 */
class SlurmClusterOptionsTest {

    @TempDir
    Path dir;
    Path jar;
    Path sweepFile;

    @BeforeEach
    void files() throws Exception {
        jar = Files.writeString(dir.resolve("crackdown.jar"), "jar one");
        sweepFile = SweepFiles.small(dir, "cluster");
    }

    @Test
    void clusterOptionsReachTheDirectivesOfBothJobs() throws Exception {
        Path setup = Files.writeString(dir.resolve("setup.sh"), "module load java/17\nexport LANG=C.UTF-8\n");
        Path out = dir.resolve("out");
        Outcome o = SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 4, "--jar", jar, "--out", out,
                "--account", "proj-123", "--qos", "normal", "--constraint", "intel&(skylake|cascadelake)",
                "--max-parallel", 2, "--sbatch-arg=--mail-type=END", "--sbatch-arg", "--exclusive", "--sbatch-arg",
                "--comment=crackdown", "--mem", "4G",
                "--time", "1:30:00", "--merge-mem", "1024", "--merge-time", "20", "--setup", setup);
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().contains("at most 2 at once"), o.out());
        String shards = Files.readString(out.resolve("slurm/shards.sbatch"));
        for (String line : new String[] {"#SBATCH --array=0-3%2\n", "#SBATCH --account=proj-123\n",
                "#SBATCH --qos=normal\n", "#SBATCH --constraint=\"intel&(skylake|cascadelake)\"\n",
                "#SBATCH --mail-type=END\n", "#SBATCH --exclusive\n", "#SBATCH --comment=crackdown\n", "#SBATCH --mem=4G\n", "#SBATCH --time=1:30:00\n",
                "module load java/17\nexport LANG=C.UTF-8\n", "JAVA='java'\n", " -Xmx3481m "}) {
            assertTrue(shards.contains(line), line + " in\n" + shards);
        }
        assertTrue(shards.indexOf("module load") < shards.indexOf("exec "), "setup runs before Java");
        String merge = Files.readString(out.resolve("slurm/merge.sbatch"));
        for (String line : new String[] {"#SBATCH --account=proj-123\n", "#SBATCH --qos=normal\n",
                "#SBATCH --mem=1024\n", "#SBATCH --time=20\n", "module load java/17\n", " -Xmx870m "}) {
            assertTrue(merge.contains(line), line + " in\n" + merge);
        }
        assertFalse(merge.contains("--mem=4G") || merge.contains("%2"), "the merge has its own limits");
        assertTrue(merge.contains("#SBATCH --mail-type=END\n"), "pass-through reaches both jobs");
    }

    @Test
    void valuesSbatchWouldRefuseAreRefusedWhenTheScriptsAreWritten() {
        String[][] bad = {
                {"--mem", "4GB", "--mem: expected a whole amount with an optional unit K, M, G or T", "(sbatch takes no 'B': write 4G)"},
                {"--mem", "1.5G", "--mem: expected", "4096M"},
                {"--merge-mem", "lots", "--merge-mem: expected", "'lots'"},
                {"--time", "2 hours", "--time: expected a time limit as sbatch --time takes it", "got '2 hours'"},
                {"--time", "1-2-3", "--time: expected", "1-12:00:00"},
                {"--merge-time", "1h", "--merge-time: expected", "'1h'"},
                {"--account", "a b", "--account: expected a Slurm account name", "'a b'"},
                {"--qos", "x;y", "--qos: expected a Slurm QOS name", "'x;y'"},
                {"--constraint", "a b", "--constraint: expected node features", "'a b'"},
                {"--max-parallel", "0", "--max-parallel: must be at least 1", "0"},
                {"--sbatch-arg", "mail-type=END", "--sbatch-arg: expected one sbatch option as --name or --name=value",
                        "'mail-type=END'"},
                {"--sbatch-arg", "--array=0-99", "--sbatch-arg --array=0-99: --array is not passed through",
                        "--tasks"},
                {"--sbatch-arg", "--account=other", "--sbatch-arg --account=other: --account is not passed through",
                        "use --account"}};
        for (String[] b : bad) {
            Path out = dir.resolve("bad");
            Outcome o = SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out", out, b[0],
                    b[1]);
            assertEquals(Main.BAD_INPUT, o.code(), b[0] + " " + b[1] + ": " + o.err());
            assertTrue(o.err().startsWith("error: " + b[2]), o.err());
            assertTrue(o.err().contains(b[3]), o.err());
            assertFalse(Files.exists(out), b[0] + " " + b[1] + ": nothing written");
        }
        Outcome o = SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out",
                dir.resolve("bad"), "--setup", dir.resolve("no-such-file"));
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().startsWith("error: --setup "), o.err());
    }

    @Test
    void slurmTimeAndMemoryFormatsSbatchTakesAreAccepted() {
        for (String[] ok : new String[][] {{"--time", "90"}, {"--time", "90:30"}, {"--time", "2:00:00"},
                {"--time", "1-12"}, {"--time", "1-12:00"}, {"--time", "1-12:00:00"}, {"--time", "UNLIMITED"},
                {"--mem", "4096"}, {"--mem", "4096M"}, {"--mem", "2g"}, {"--mem", "1T"}, {"--mem", "500000K"}}) {
            Path out = dir.resolve("ok-" + ok[1].replace(':', '_'));
            Outcome o = SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out", out, ok[0],
                    ok[1]);
            assertEquals(Main.OK, o.code(), ok[0] + " " + ok[1] + ": " + o.err());
        }
    }

    @Test
    void theJobsRunACopyOfTheJarThatARebuildDoesNotTouch() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(Main.OK, SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out", out)
                .code());
        Path copy = SlurmScriptInjectionTest.jarCopy(out);
        assertTrue(copy.getFileName().toString().matches("crackdown-sha256-[0-9a-f]{12}\\.jar"), copy.toString());
        assertTrue(Files.readString(out.resolve("slurm/shards.sbatch")).contains("-jar '" + copy + "'"));
        assertTrue(Files.readString(out.resolve("slurm/merge.sbatch")).contains("-jar '" + copy + "'"));
        // ./crackdown rebuilds the checkout's jar when sources change; the queued jobs keep their code.
        Files.writeString(jar, "jar two");
        assertArrayEquals("jar one".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(copy));
        // Writing the scripts again for the new jar gives a second copy, named after its own code.
        assertEquals(Main.OK, SweepCommandTest.crackdown("slurm", sweepFile, "--tasks", 2, "--jar", jar, "--out", out)
                .code());
        try (var s = Files.list(out.resolve("slurm"))) {
            assertEquals(2, s.filter(p -> p.getFileName().toString().endsWith(".jar")).count());
        }
    }

    @Test
    void aRealJarIsStampedWithItsCommit() throws Exception {
        Path real = Path.of("target/crackdown.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real), "no target/crackdown.jar (mvn package)");
        String stamp = org.crackdown.sweep.SlurmJob.stampOf(real);
        String commit;
        try (var z = new java.util.zip.ZipFile(real.toFile())) {
            var p = new java.util.Properties();
            p.load(z.getInputStream(z.getEntry("crackdown-git.properties")));
            commit = p.getProperty("git.commit.id");
        }
        assertTrue(stamp.startsWith(commit.substring(0, 12)), stamp + " vs " + commit);
    }

    @Test
    void mergeRefusesAShardRunByOtherCodeUnlessTold() throws Exception {
        Path s0 = dir.resolve("s0");
        Path s1 = dir.resolve("s1");
        SweepCommandTest.ok("sweep", sweepFile, "--shard", "0/2", "--out", s0, "--quiet");
        SweepCommandTest.ok("sweep", sweepFile, "--shard", "1/2", "--out", s1, "--quiet");
        Path json = s1.resolve("sweep.json");
        String text = Files.readString(json);
        String commit = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(text)
                .path("git_commit").asText();
        Files.writeString(json, text.replace("\"git_commit\": \"" + commit + "\"", "\"git_commit\": \"0123abc\""));
        assertTrue(Files.readString(json).contains("0123abc"), "the test edited the commit");
        Outcome o = SweepCommandTest.crackdown("merge", dir.resolve("merged"), s0, s1);
        assertEquals(Main.BAD_INPUT, o.code(), o.out() + o.err());
        assertTrue(o.err().contains(s1 + " (shard 1/2): was run by crackdown ") && o.err().contains("(commit 0123abc)")
                && o.err().contains("--allow-mixed-versions"), o.err());
        assertFalse(Files.exists(dir.resolve("merged")), "nothing written");
        Outcome anyway = SweepCommandTest.crackdown("merge", dir.resolve("merged"), s0, s1, "--allow-mixed-versions");
        assertEquals(Main.OK, anyway.code(), anyway.err());
    }


}
