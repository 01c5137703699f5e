package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep through a real Slurm: {@code crackdown slurm --submit} submits the shard array and the
 * merge job with real sbatch; the merged runs.csv must equal the one a local sweep writes.
 *
 * <p>Skipped when there is no Slurm (no sbatch/sinfo, or no node up), unless
 * {@code CRACKDOWN_REQUIRE_SLURM=1}, which turns the skip into a failure (CI sets it after
 * starting a local cluster with scripts/slurm-local.sh).
 */
@Tag("slurm")
class SlurmSweepIT {

    static final String UNAVAILABLE = "Slurm not available: run scripts/slurm-local.sh "
            + "(needs root; installs slurm-wlm and munge)";
    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "PREEMPTED", "BOOT_FAIL", "DEADLINE");

    @TempDir
    Path dir;

    /** Per test (not per class), so a skip is reported as a skipped test, with its reason. */
    @BeforeEach
    void slurmIsUp() throws Exception {
        requireSlurm();
    }

    /** Skips the calling test when there is no Slurm, or fails it under CRACKDOWN_REQUIRE_SLURM=1. */
    static void requireSlurm() throws Exception {
        String why = null;
        if (!onPath("sbatch") || !onPath("sinfo") || !onPath("scontrol")) {
            why = UNAVAILABLE + " (sbatch, sinfo or scontrol not found)";
        } else {
            String states = output("sinfo", "-h", "-o", "%t");
            if (states == null || !states.matches("(?s).*\\b(idle|mix|alloc|comp)\\b.*")) {
                why = UNAVAILABLE + " (no node up: sinfo says '" + (states == null ? "" : states.trim()) + "')";
            }
        }
        if (why != null) {
            if ("1".equals(System.getenv("CRACKDOWN_REQUIRE_SLURM"))) {
                fail(why + "; CRACKDOWN_REQUIRE_SLURM=1 requires it");
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void aSweepThroughSbatchMergesToTheLocalRunsCsv() throws Exception {
        Path tiny = Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize()
                .resolve("simulation/src/test/resources/scenarios/tiny.yaml");
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, "name: cluster\nbase: " + tiny + "\nset: {scale: 0.01, end: 2010-06-30, "
                + "measure.from: 2010-01-01, measure.to: 2010-06-30}\nreplicates: 3\nvary:\n  police.budget: [1, 2]\n"
                + "strategies:\n  baseline: {}\n  tips: {tips.enabled: true}\nkeep_timeseries: true\n");
        SweepKillIT.jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
        Path local = dir.resolve("local");
        SweepKillIT.Result l = SweepKillIT.run(dir, "sweep", file.toString(), "--out", local.toString(), "--quiet");
        assertEquals(0, l.code(), l.err());

        Path cluster = dir.resolve("cluster");
        // Issue 14: an account and an array throttle, as real clusters need them, go through a real sbatch.
        SweepKillIT.Result s = SweepKillIT.run(dir, "slurm", file.toString(), "--tasks", "3", "--out",
                cluster.toString(), "--account", "crackdown-ci", "--max-parallel", "2", "--submit");
        assertEquals(0, s.code(), s.out() + s.err());
        Matcher a = Pattern.compile("shards job: (\\d+)").matcher(s.out());
        assertTrue(a.find(), s.out());
        String array = output("scontrol", "show", "job", a.group(1));
        assertTrue(array != null && array.contains("Account=crackdown-ci"), array);
        assertTrue(array.contains("ArrayTaskThrottle=2"), array);
        Matcher m = Pattern.compile("merge job: (\\d+)").matcher(s.out());
        assertTrue(m.find(), s.out());
        String mergeJob = m.group(1);

        String state = waitFor(mergeJob, TimeUnit.MINUTES.toNanos(10));
        assertEquals("COMPLETED", state, "merge job " + mergeJob + "; logs:\n" + logs(cluster));
        assertArrayEquals(Files.readAllBytes(local.resolve("runs.csv")), Files.readAllBytes(cluster.resolve("runs.csv")),
                "merged runs.csv differs from the local sweep's");
        assertArrayEquals(Files.readAllBytes(local.resolve("timeseries.csv")),
                Files.readAllBytes(cluster.resolve("timeseries.csv")));
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.isRegularFile(cluster.resolve("shards/" + i + "/runs.csv")), "shard " + i);
        }
    }

    /** Polls scontrol until the job reaches a final state. */
    static String waitFor(String job, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        Pattern p = Pattern.compile("JobState=(\\w+)");
        String state = "?";
        while (System.nanoTime() < deadline) {
            String info = output("scontrol", "show", "job", job);
            Matcher m = info == null ? null : p.matcher(info);
            if (m != null && m.find()) {
                state = m.group(1);
                if (FINAL.contains(state)) {
                    return state;
                }
            }
            Thread.sleep(1000);
        }
        output("scancel", job);
        return "still " + state + " after the timeout";
    }

    static String logs(Path cluster) throws Exception {
        return logsIn(cluster.resolve("slurm/logs"));
    }

    /** Every log in folder {@code d}, each after its name. */
    static String logsIn(Path d) throws Exception {
        StringBuilder b = new StringBuilder();
        if (Files.isDirectory(d)) {
            try (var files = Files.list(d)) {
                for (Path f : files.sorted().toList()) {
                    b.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
                }
            }
        }
        return b.toString();
    }

    private static boolean onPath(String cmd) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) {
                return true;
            }
        }
        return false;
    }

    /** stdout of a command, or null if it failed. */
    static String output(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? out : null;
    }
}
