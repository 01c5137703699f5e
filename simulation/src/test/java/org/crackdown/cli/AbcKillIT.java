package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ABC calibration of the packaged jar killed with SIGKILL, then run again with --resume:
 * posterior.csv and predictive.csv equal those of a calibration that was never interrupted, byte
 * for byte, and the journal is gone once the folder is complete. Run by failsafe.
 */
class AbcKillIT {

    static Path targets;

    @TempDir
    static Path shared;
    static Path reference;

    @TempDir
    Path dir;

    static String[] args(Path out, String... more) {
        String[] base = {"calibrate", targets.toString(), "--method", "abc", "--particles", "10", "--out", out.toString(),
                "--threads", "2", "--quiet"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @BeforeAll
    static void uninterrupted() throws Exception {
        SweepKillIT.jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
        Path root = Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize();
        targets = root.resolve("simulation/src/test/resources/calibration/tiny-abc.yaml");
        reference = shared.resolve("reference");
        SweepKillIT.Result r = SweepKillIT.run(shared, args(reference));
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(shared.resolve(".reference.abc-journal")), "the journal is removed when complete");
    }

    @Test
    void killMinus9ThenResumeGivesTheUninterruptedPosterior() throws Exception {
        Path out = dir.resolve("killed");
        Path journal = dir.resolve(".killed.abc-journal");
        SweepKillIT.killOnceJournaled(dir, journal, 4, out, args(out));

        SweepKillIT.Result resumed = SweepKillIT.run(dir, args(out, "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming: "), resumed.out());
        for (String f : new String[] {"posterior.csv", "predictive.csv"}) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)),
                    f + " differs from the uninterrupted calibration");
        }
        assertFalse(Files.exists(journal), "the journal is removed when complete");
    }

    @Test
    void resumeWithAJournalOfAnotherCalibrationIsRefused() throws Exception {
        Files.writeString(dir.resolve(".other.abc-journal"), "crackdown-abc-journal 1\tnot-this-one\twomen_rescued\n");
        SweepKillIT.Result r = SweepKillIT.run(dir, args(dir.resolve("other"), "--resume"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot resume"), r.err());
        assertFalse(Files.exists(dir.resolve("other")));
    }
}
