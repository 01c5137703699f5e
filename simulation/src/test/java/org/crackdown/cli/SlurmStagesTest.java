package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.cli.SweepCommandTest.Outcome;
import org.crackdown.sweep.SweepFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crackdown slurm} for an ABC calibration and an optimisation: the stages it submits, the
 * commands each job runs, and bad input refused before any script is written. (SlurmSearchIT runs
 * them through a real Slurm.)
 */
class SlurmStagesTest {

    static final String ABC = "src/test/resources/calibration/tiny-abc.yaml";
    static final String OPTIMIZE = "src/test/resources/optimize/tiny-tasks.yaml";

    @TempDir
    Path dir;
    Path jar;

    @BeforeEach
    void jar() throws Exception {
        jar = Files.writeString(dir.resolve("crackdown.jar"), "jar one");
    }

    @Test
    void aCalibrationRunsOneStagePerGenerationAndOneForThePredictiveCheck() throws Exception {
        Path out = dir.resolve("abc");
        Outcome o = SweepCommandTest.crackdown("slurm", ABC, "--tasks", 2, "--jar", jar, "--out", out, "--set",
                "scale=0.004");
        assertEquals(Main.OK, o.code(), o.err());
        // The scripts go beside the folder, which must not exist until shard 0 writes it.
        assertFalse(Files.exists(out));
        Path slurm = dir.resolve("abc-slurm");
        String shards = Files.readString(slurm.resolve("shards.sbatch"));
        assertTrue(shards.contains(" calibrate '" + Path.of(ABC).toAbsolutePath() + "' '--method' 'abc' '--set' "
                + "'scale=0.004' --out '" + out + "'"), shards);
        assertTrue(shards.contains("--shard \"$SLURM_ARRAY_TASK_ID/2\" --threads 1 --no-wait --resume"), shards);
        assertTrue(shards.contains("if [ \"$code\" -eq 3 ]; then exit 0; fi"), shards);
        String merge = Files.readString(slurm.resolve("merge.sbatch"));
        assertTrue(merge.contains("--shard 0/2 --threads 1 --no-wait --resume\n"), merge);
        // tiny-abc: the prior generation, one more, and the predictive check.
        assertTrue(Files.readString(slurm.resolve("submit.sh")).contains("for stage in $(seq 1 3)"));
        assertTrue(o.out().contains("6 particles, submitted 3 times"), o.out());
    }

    @Test
    void aSearchRunsTheStartingPointEachGenerationAndTheComparison() throws Exception {
        Path out = dir.resolve("opt");
        Outcome o = SweepCommandTest.crackdown("slurm", OPTIMIZE, "--tasks", 3, "--jar", jar, "--out", out);
        assertEquals(Main.OK, o.code(), o.err());
        Path slurm = dir.resolve("opt-slurm");
        assertTrue(Files.readString(slurm.resolve("shards.sbatch")).contains(" optimize '"
                + Path.of(OPTIMIZE).toAbsolutePath() + "' --out '" + out + "'"));
        // tiny-tasks: two generations.
        assertTrue(Files.readString(slurm.resolve("submit.sh")).contains("for stage in $(seq 1 4)"));
    }

    @Test
    void badInputIsRefusedWithExit2BeforeAnyScript() throws Exception {
        Object[][] cases = {
                {ABC, "--tasks", 7, "--tasks 7 is more than the 6 particles of tiny-abc; use at most 6"},
                {ABC, "--set", "nosuch.key=1", "nosuch.key"},
                {OPTIMIZE, "--tasks", 9, "candidates per generation"},
                {"src/test/resources/scenarios/tiny.yaml", "--tasks", 1, "is a scenario file"},
                {SweepFiles.small(dir, "s").toString(), "--set", "scale=0.1", "--set applies to a calibration or search"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("bad");
            Outcome o = c[1].equals("--tasks")
                    ? SweepCommandTest.crackdown("slurm", c[0], "--tasks", c[2], "--jar", jar, "--out", out)
                    : SweepCommandTest.crackdown("slurm", c[0], "--tasks", 1, c[1], c[2], "--jar", jar, "--out", out);
            assertEquals(Main.BAD_INPUT, o.code(), c[3] + ": " + o.out() + o.err());
            assertTrue(o.err().contains((String) c[3]), o.err());
            assertFalse(Files.exists(dir.resolve("bad-slurm")) || Files.exists(out.resolve("slurm")), "no scripts");
        }
    }
}
