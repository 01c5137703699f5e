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
 * {@code crackdown optimize} of the packaged jar killed with SIGKILL, then run again with --resume:
 * history.csv, comparison.csv and best.yaml equal those of a search that was never interrupted,
 * byte for byte, and the journal is gone once the folder is complete. Run by failsafe.
 */
class OptimizeKillIT {

    static Path file;

    @TempDir
    static Path shared;
    static Path reference;

    @TempDir
    Path dir;

    static String[] args(Path out, String... more) {
        String[] base = {"optimize", file.toString(), "--out", out.toString(), "--threads", "2", "--quiet"};
        return SweepKillIT.with(base, more);
    }

    @BeforeAll
    static void uninterrupted() throws Exception {
        SweepKillIT.jar = Path.of(System.getProperty("crackdown.jar", "target/crackdown.jar")).toAbsolutePath();
        Path root = Path.of(System.getProperty("crackdown.root", "..")).toAbsolutePath().normalize();
        file = root.resolve("simulation/src/test/resources/optimize/tiny-tasks.yaml");
        reference = shared.resolve("reference");
        SweepKillIT.Result r = SweepKillIT.run(shared, args(reference));
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(shared.resolve(".reference.optimize-journal")), "the journal is removed when complete");
    }

    @Test
    void killMinus9ThenResumeGivesTheUninterruptedSearch() throws Exception {
        Path out = dir.resolve("killed");
        Path journal = dir.resolve(".killed.optimize-journal");
        // The header and three scored candidates: killed inside the first generation or the second.
        SweepKillIT.killOnceJournaled(dir, journal, 3, out, args(out));

        SweepKillIT.Result resumed = SweepKillIT.run(dir, args(out, "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resuming: "), resumed.out());
        for (String f : new String[] {"history.csv", "comparison.csv", "best.yaml"}) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)),
                    f + " differs from the uninterrupted search");
        }
        assertFalse(Files.exists(journal), "the journal is removed when complete");
    }

    @Test
    void resumeWithAJournalOfAnotherSearchIsRefused() throws Exception {
        Files.writeString(dir.resolve(".other.optimize-journal"), "crackdown-abc-journal 1\tnot-this-one\trescues\n");
        SweepKillIT.Result r = SweepKillIT.run(dir, args(dir.resolve("other"), "--resume"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("cannot resume"), r.err());
        assertFalse(Files.exists(dir.resolve("other")));
    }
}
