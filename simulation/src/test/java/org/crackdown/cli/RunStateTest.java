package org.crackdown.cli;

import static org.crackdown.cli.RunCommandTest.CSVS;
import static org.crackdown.cli.RunCommandTest.TINY;
import static org.crackdown.cli.RunCommandTest.crackdown;
import static org.crackdown.cli.RunCommandTest.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.cli.RunCommandTest.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crackdown run --save-state-at DATE --state FILE} and {@code --from-state FILE}. */
class RunStateTest {

    @TempDir
    static Path shared;
    static Path state;
    static Path saving;

    /** One run of the tiny scenario that saves its state in May. */
    @BeforeAll
    static void saveOnce() {
        state = shared.resolve("tiny-7.state");
        saving = shared.resolve("saving/tiny-7");
        ok("run", TINY, "--seed", "7", "--out", saving.toString(), "--quiet", "--save-state-at", "2010-05-10",
                "--state", state.toString());
    }

    @TempDir
    Path dir;

    @Test
    void aRunContinuedFromItsStateWritesTheSameCsvs() throws IOException {
        assertTrue(Files.isRegularFile(state));
        // Same folder name, so run_id agrees; the seed comes from the state.
        Path restored = dir.resolve("restored/tiny-7");
        Outcome o = ok("run", TINY, "--from-state", state.toString(), "--out", restored.toString(), "--quiet");
        assertTrue(o.out().contains("continuing from " + state + " at 2010-05-10"), o.out());
        assertTrue(o.out().contains("seed 7"), o.out());
        for (String csv : CSVS) {
            assertArrayEquals(Files.readAllBytes(saving.resolve(csv)), Files.readAllBytes(restored.resolve(csv)), csv);
        }
    }

    @Test
    void savingTheStateDoesNotChangeTheRun() throws IOException {
        Path plain = dir.resolve("plain/tiny-7");
        ok("run", TINY, "--seed", "7", "--out", plain.toString(), "--quiet");
        for (String csv : CSVS) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(csv)), Files.readAllBytes(saving.resolve(csv)), csv);
        }
    }

    @Test
    void aStateOfAnotherScenarioOrSeedIsRefused() {
        Path out = dir.resolve("x");
        Outcome other = crackdown("run", TINY, "--set", "police.budget=2", "--from-state", state.toString(),
                "--out", out.toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, other.code(), other.err());
        assertTrue(other.err().contains("another scenario"), other.err());
        Outcome seed = crackdown("run", TINY, "--seed", "8", "--from-state", state.toString(), "--out",
                out.toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, seed.code(), seed.err());
        assertTrue(seed.err().contains("seed 7, not 8"), seed.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFileThatIsNotAStateIsRefused() throws IOException {
        Path junk = dir.resolve("junk.state");
        Files.writeString(junk, "not a state");
        Path damaged = dir.resolve("damaged.state");
        byte[] bytes = Files.readAllBytes(state);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        for (Path bad : new Path[] {junk, damaged, dir.resolve("missing.state")}) {
            Outcome o = crackdown("run", TINY, "--from-state", bad.toString(), "--out", dir.resolve("x").toString(),
                    "--quiet");
            assertEquals(Main.BAD_INPUT, o.code(), o.err());
            assertTrue(o.err().startsWith("error: "), o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertFalse(Files.exists(dir.resolve("x")));
        }
    }

    @Test
    void badStateOptionsAreRefusedBeforeRunning() throws IOException {
        Path out = dir.resolve("x");
        Path existing = dir.resolve("existing.state");
        Files.writeString(existing, "mine");
        String[][] cases = {
            {"--save-state-at", "2010-05-10"},
            {"--state", dir.resolve("s").toString()},
            {"--save-state-at", "10 May", "--state", dir.resolve("s").toString()},
            {"--save-state-at", "2011-05-10", "--state", dir.resolve("s").toString()},
            {"--save-state-at", "2010-01-01", "--state", dir.resolve("s").toString()},
            {"--save-state-at", "2010-05-10", "--state", existing.toString()},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length + 5];
            System.arraycopy(new String[] {"run", TINY, "--quiet", "--out", out.toString()}, 0, args, 0, 5);
            System.arraycopy(c, 0, args, 5, c.length);
            Outcome o = crackdown(args);
            assertEquals(Main.BAD_INPUT, o.code(), String.join(" ", c) + ": " + o.err());
            assertTrue(o.err().startsWith("error: --"), o.err());
        }
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(dir.resolve("s")));
        assertEquals("mine", Files.readString(existing));
    }
}
