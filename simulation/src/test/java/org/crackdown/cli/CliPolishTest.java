package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.sweep.SweepFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What new users tripped on at the command line (issue 14, item 6), and the shared options and
 * exit codes of issue 13: each item checked through {@link Main#execute}.
 */
class CliPolishTest {

    @TempDir
    Path dir;

    private static SweepCommandTest.Outcome run(Object... args) {
        return SweepCommandTest.crackdown(args);
    }

    @Test
    void calibrateHelpHasNoFormattingWarning() {
        SweepCommandTest.Outcome r = run("calibrate", "--help");
        assertEquals(Main.OK, r.code());
        // picocli reads descriptions as format strings: a bare "95% CI" used to print a warning.
        assertTrue(r.out().contains("95% CI"), r.out());
        assertEquals("", r.err());
        assertFalse((r.out() + r.err()).toLowerCase().contains("warn"), r.out());
        SweepCommandTest.Outcome patterns = run("patterns", "--help");
        assertTrue(patterns.out().contains("95% CI") && patterns.err().isEmpty(), patterns.out() + patterns.err());
    }

    @Test
    void bareCrackdownIsAUsageErrorWithTheCommandList() {
        SweepCommandTest.Outcome r = run();
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("error: missing command"), r.err());
        assertTrue(r.err().contains("Commands:") && r.err().contains("sweep"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void benchShowsItsScenarioAsOptional() {
        SweepCommandTest.Outcome r = run("bench", "--help");
        // Usage lines wrap; the parameter's own line shows it optional too.
        assertTrue(r.out().contains("[SCENARIO]") && !r.out().matches("(?s).*[^\\[]SCENARIO[^\\]].*"), r.out());
    }

    @Test
    void validateRecognisesSweepAndTargetsFiles() throws IOException {
        Path sweep = SweepFiles.small(dir, "checked");
        SweepCommandTest.Outcome r = run("validate", sweep, "src/test/resources/calibration/tiny-targets.yaml",
                "src/test/resources/scenarios/tiny.yaml");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("ok  " + sweep + " (sweep checked: "), r.out());
        assertTrue(r.out().contains("(calibration targets tiny: 2 targets, 2 free parameters"), r.out());
        assertTrue(r.out().contains("(tiny, 2010-01-01..2010-12-31"), r.out());
        // A broken sweep gets the sweep reader's messages, not "unknown key 'base'" from the scenario reader.
        Path bad = SweepFiles.write(dir, "bad", "replicats: 3\n");
        SweepCommandTest.Outcome b = run("validate", bad);
        assertEquals(Main.BAD_INPUT, b.code());
        assertEquals(bad + ":3:1: unknown key 'replicats'; did you mean 'replicates'?", b.err().strip());
        SweepCommandTest.Outcome set = run("validate", "--set", "scale=0.1", sweep);
        assertEquals(Main.BAD_INPUT, set.code());
        assertTrue(set.err().contains("--set applies to scenario files; this is a sweep file"), set.err());
    }

    @Test
    void sweepDryRunPrintsThePlanAndWritesNothing() throws IOException {
        Path sweep = SweepFiles.write(dir, "plan", SweepFiles.FAST_SET + "replicates: 2\nseeds: {base: 7}\n"
                + "vary:\n  police.budget: [1, 2]\nstrategies:\n  baseline: {}\n  dna: {dna.enabled: yes}\n");
        Path out = dir.resolve("out");
        SweepCommandTest.Outcome r = run("sweep", sweep, "--dry-run", "--out", out);
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(Files.exists(out), "a dry run writes nothing");
        assertTrue(r.out().contains("2 design points (grid) x 2 strategies x 2 replicates = 8 runs"), r.out());
        assertTrue(r.out().contains("police.budget: 1, 2"), r.out());
        assertTrue(r.out().contains("dna: dna.enabled=true"), r.out());
        assertTrue(r.out().contains("seeds:       policy common, base 7"), r.out());
        assertTrue(r.out().contains("p0002-dna-r02  8"), r.out());
        assertEquals(8, r.out().lines().filter(l -> l.matches("\\s+p\\d{4}-\\S+\\s+\\d+")).count(), r.out());
        SweepCommandTest.Outcome sharded = run("sweep", sweep, "--dry-run", "--shard", "1/3", "--out", out);
        assertTrue(sharded.out().contains("shard 1/3: 3"), sharded.out());
        SweepCommandTest.Outcome contradiction = run("sweep", sweep, "--dry-run", "--resume", "--out", out);
        assertEquals(Main.BAD_INPUT, contradiction.code());
        assertTrue(contradiction.err().startsWith("error: --dry-run writes nothing"), contradiction.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void sharedThreadsOptionRefusesZeroInEveryCommand() {
        String why = "error: --threads: expected a whole number from 1 to ";
        for (Object[] args : new Object[][] {{"sweep", "x.yaml", "--threads", 0},
                {"calibrate", "x.yaml", "--threads", 0}, {"patterns", "--threads", 0}}) {
            SweepCommandTest.Outcome r = run(args);
            assertEquals(Main.BAD_INPUT, r.code(), r.out() + r.err());
            assertTrue(r.err().startsWith(why), r.err());
        }
    }

    @Test
    void sharedReplicatesRuleInCalibrateAndPatterns() {
        for (Object[] args : new Object[][] {{"calibrate", "x.yaml", "--check", "--replicates", 0},
                {"patterns", "--replicates", 1001}}) {
            SweepCommandTest.Outcome r = run(args);
            assertEquals(Main.BAD_INPUT, r.code(), r.out() + r.err());
            assertTrue(r.err().startsWith("error: --replicates must be from 1 to 1000, got "), r.err());
        }
    }

    @Test
    void scenarioProblemsExitTwoThroughTheOneHandler() {
        for (String command : new String[] {"run", "bench", "gui"}) {
            SweepCommandTest.Outcome r = run(command, "src/test/resources/scenarios/bad-type.yaml", "--set", "scale=0.01");
            assertEquals(Main.BAD_INPUT, r.code(), command + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("src/test/resources/scenarios/bad-type.yaml:5:11: police.budget:"),
                    command + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
