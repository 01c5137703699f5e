package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ABC calibration through a real Slurm: {@code crackdown slurm --submit} submits the shard
 * array once per stage and the job in which shard 0 writes the folder; the folder must equal the
 * one a single local process writes. Tiny scale (three months at 0.5%), two tasks, about 40 s.
 * Skipped without Slurm, as {@link SlurmSweepIT} is. An optimisation's jobs differ only in the
 * command they run (SlurmStagesTest) and its stages are checked without Slurm
 * (OptimizeCommandTest), so CI does not pay for a second chain of jobs.
 */
@Tag("slurm")
class SlurmSearchIT {

    @TempDir
    Path dir;

    @BeforeEach
    void slurmIsUp() throws Exception {
        SlurmSweepIT.requireSlurm();
        SweepKillIT.jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
    }

    private static Path resource(String name) {
        return Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize()
                .resolve("simulation/src/test/resources").resolve(name);
    }

    @Test
    void anAbcCalibrationThroughSbatchWritesTheLocalPosterior() throws Exception {
        Path targets = resource("calibration/tiny-abc.yaml");
        Path local = dir.resolve("local");
        SweepKillIT.Result l = SweepKillIT.run(dir, "calibrate", targets.toString(), "--method", "abc", "--out",
                local.toString(), "--quiet");
        assertEquals(0, l.code(), l.err());
        // Three stages: the prior generation, generation 1, the predictive check.
        Path cluster = submit(targets, 3);
        for (String f : List.of("posterior.csv", "predictive.csv")) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(cluster.resolve(f)), f);
        }
    }

    /** Submits FILE as two tasks and waits for the last job; the folder it wrote. */
    private Path submit(Path file, int stages) throws Exception {
        Path cluster = dir.resolve("cluster");
        SweepKillIT.Result s = SweepKillIT.run(dir, "slurm", file.toString(), "--tasks", "2", "--out",
                cluster.toString(), "--submit");
        assertEquals(0, s.code(), s.out() + s.err());
        Matcher st = Pattern.compile("stage (\\d+) of (\\d+) job: \\d+").matcher(s.out());
        int count = 0;
        while (st.find()) {
            count++;
            assertEquals(String.valueOf(stages), st.group(2), s.out());
        }
        assertEquals(stages, count, s.out());
        Matcher m = Pattern.compile("merge job: (\\d+)").matcher(s.out());
        assertTrue(m.find(), s.out());
        Path logs = dir.resolve("cluster-slurm/logs");
        String state = SlurmSweepIT.waitFor(m.group(1), TimeUnit.MINUTES.toNanos(10));
        assertEquals("COMPLETED", state, "last job " + m.group(1) + "; logs:\n" + SlurmSweepIT.logsIn(logs));
        String shard1 = Files.readString(logs.resolve("shard-1.log"));
        assertTrue(shard1.contains("run it again with --resume"), "a stage stopped for the other shard:\n" + shard1);
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().contains("journal")),
                    "the shards' journals are removed once the folder is complete");
        }
        return cluster;
    }
}
