package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.crackdown.cli.RunCommandTest.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crackdown analyze} end to end over real run folders of the tiny scenario. */
class AnalyzeCommandTest {

    @TempDir
    static Path tmp;

    static Path runs;

    @BeforeAll
    static void runTwoStrategiesWithCommonSeeds() {
        runs = tmp.resolve("runs");
        for (int seed = 1; seed <= 3; seed++) {
            RunCommandTest.ok("run", RunCommandTest.TINY, "--seed", "" + seed, "--quiet", "--set", "name=base",
                    "--out", runs.resolve("base-" + seed).toString());
            RunCommandTest.ok("run", RunCommandTest.TINY, "--seed", "" + seed, "--quiet", "--set", "name=more-police",
                    "--set", "police.budget=3", "--out", runs.resolve("more-police-" + seed).toString());
        }
    }

    @Test
    @Tag("slow")
    void analysesRunFoldersIntoTablesFiguresAndReport() throws Exception {
        Path out = tmp.resolve("analysis");
        Outcome o = RunCommandTest.ok("analyze", runs.toString(), "--out", out.toString());
        assertTrue(o.out().contains("analysis written to"), o.out());
        assertTrue(o.out().contains("baseline: base"), o.out());
        assertTrue(o.out().contains("simulated at scale 0.02: counts are 2% of China's"), o.out());
        assertTrue(o.out().contains("By rescues: "), o.out());
        for (String f : new String[] {"report.html", "paired_differences.csv", "summary_by_strategy.csv", "ranking.csv",
                "sensitivity.csv", "datapackage.json", "figures/forest.svg", "figures/map-base.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String ranking = Files.readString(out.resolve("ranking.csv"));
        assertTrue(ranking.contains(",victims_spared_per_officer_year,"), ranking);
        Outcome priced = RunCommandTest.ok("analyze", runs.toString(), "--out", tmp.resolve("priced").toString(),
                "--no-figures", "--cost", "officer_year=100000", "--cost", "buyer_prosecution=20000");
        assertTrue(priced.out().contains("By victims spared per million yuan: "), priced.out());
        String diffs = Files.readString(out.resolve("paired_differences.csv"));
        assertTrue(diffs.contains("1,more-police,base,rescues,victims,3,0,"), diffs);
        // An analysis crackdown wrote is its own to replace.
        RunCommandTest.ok("analyze", runs.toString(), "--out", out.toString(), "--no-figures", "--force");
        assertTrue(!Files.exists(out.resolve("figures")), "replaced whole");
    }

    /** Issue 14: a scale-1 and scale-0.05 run of one scenario were pooled into one strategy without a word. */
    @Test
    void runsOfOneScenarioAtTwoScalesAreTwoGroupsNamedByScale() throws Exception {
        Path mixed = tmp.resolve("mixed");
        for (int seed = 1; seed <= 2; seed++) {
            RunCommandTest.ok("run", RunCommandTest.TINY, "--seed", "" + seed, "--quiet", "--set", "name=base",
                    "--out", mixed.resolve("base-" + seed).toString());
            RunCommandTest.ok("run", RunCommandTest.TINY, "--seed", "" + seed, "--quiet", "--set", "name=base",
                    "--set", "scale=0.01", "--out", mixed.resolve("base-small-" + seed).toString());
        }
        Path out = tmp.resolve("mixed-analysis");
        Outcome o = RunCommandTest.ok("analyze", mixed.toString(), "--out", out.toString(), "--no-figures");
        assertTrue(o.out().contains("baseline: base (scale 0.02)"), o.out());
        assertTrue(o.out().contains("note: Runs of one strategy at different scales were not pooled: 'base' (0.02, 0.01)"),
                o.out());
        String summary = Files.readString(out.resolve("summary_by_strategy.csv"));
        assertTrue(summary.contains("1,base (scale 0.02),0.02,rescues,"), summary);
        assertTrue(summary.contains("1,base (scale 0.01),0.01,rescues,"), summary);
        assertTrue(Files.readString(out.resolve("report.html")).contains("several scales"), "the report says so");
    }

    /**
     * Issue 14: runs named alike but run with another --set were pooled as replicates of one
     * strategy. They are refused, naming the key and its values, unless --pool-by names the key.
     */
    @Test
    void runsOfOneNameWithDifferentSettingsAreRefusedUnlessPooledBy() throws Exception {
        Path alike = tmp.resolve("alike");
        Files.createDirectories(alike);
        for (String run : new String[] {"base-1", "base-2", "base-3"}) {
            Files.createSymbolicLink(alike.resolve(run), runs.resolve(run));
        }
        RunCommandTest.ok("run", RunCommandTest.TINY, "--seed", "4", "--quiet", "--set", "name=base",
                "--set", "police.budget=3", "--out", alike.resolve("base-4").toString());
        Outcome o = RunCommandTest.crackdown("analyze", alike.toString(), "--no-figures", "--quiet", "--out",
                tmp.resolve("alike-analysis").toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("runs of scenario 'base' differ in police.budget: 1.0 (base-1, base-2, base-3), "
                + "3.0 (base-4)"), o.err());
        assertTrue(o.err().strip().endsWith("--pool-by police.budget"), o.err());
        assertTrue(!Files.exists(tmp.resolve("alike-analysis")), "bad input writes nothing");
        o = RunCommandTest.ok("analyze", alike.toString(), "--no-figures", "--pool-by", "police.budget", "--out",
                tmp.resolve("alike-analysis").toString());
        assertTrue(o.out().contains("note: Runs of scenario 'base' differ in police.budget: 1.0 (base-1, base-2, base-3), "
                + "3.0 (base-4), and were pooled into one strategy as --pool-by asked."), o.out());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() throws Exception {
        Outcome o = RunCommandTest.crackdown("analyze", runs.toString(), "--baseline", "nope", "--no-figures", "--quiet",
                "--out", tmp.resolve("x").toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertEquals("error: --baseline nope: no such strategy; strategies: base, more-police", o.err().strip());
        assertTrue(!Files.exists(tmp.resolve("x")), "bad input writes nothing");
        o = RunCommandTest.crackdown("analyze", tmp.resolve("missing").toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("no such folder"), o.err());
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        o = RunCommandTest.crackdown("analyze", runs.toString(), "--out", out.toString(), "--no-figures");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("already exists; use --force"), o.err());
        // Issue 12: analyze --force replaced any folder holding a report.html.
        Files.writeString(out.resolve("report.html"), "<p>my own report</p>");
        o = RunCommandTest.crackdown("analyze", runs.toString(), "--out", out.toString(), "--no-figures", "--force");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("did not write") && o.err().contains("keep.txt"), o.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        assertEquals("<p>my own report</p>", Files.readString(out.resolve("report.html")));
        o = RunCommandTest.crackdown("analyze", runs.toString(), "--cost", "officers=5", "--no-figures", "--out",
                tmp.resolve("z").toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--cost officers: no such cost; costs: officer_year,"), o.err());
        assertTrue(!Files.exists(tmp.resolve("z")), "bad input writes nothing");
        o = RunCommandTest.crackdown("analyze", runs.toString(), "--precision", "-1", "--no-figures", "--out",
                tmp.resolve("y").toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--precision -1.0: must be a positive fraction"), o.err());
    }
}
