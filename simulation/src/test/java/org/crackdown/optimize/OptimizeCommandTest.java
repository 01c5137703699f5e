package org.crackdown.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.calibration.SimulationJournal;
import org.crackdown.cli.Main;
import org.crackdown.scenario.ScenarioFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crackdown optimize} end to end on a tiny case (three months at 0.5% scale, two
 * generations of four candidates, two replicates; about 30 short runs): the files, the same folder
 * with one thread as with two, a search interrupted and resumed from its journal giving the same
 * history, best.yaml re-running to the figure the history reports, and bad input refused with
 * exit 2.
 */
class OptimizeCommandTest {

    static final String TINY = "src/test/resources/optimize/tiny-tasks.yaml";

    record Outcome(int code, String out, String err) {
    }

    static Outcome crackdown(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @TempDir
    static Path tmp;
    static Path oneThread;
    static Path twoThreads;
    static Outcome first;

    @BeforeAll
    static void optimizeTwice() {
        oneThread = tmp.resolve("one");
        twoThreads = tmp.resolve("two");
        first = crackdown("optimize", TINY, "--out", oneThread.toString(), "--threads", "1");
        assertEquals(Main.OK, first.code(), first::err);
        Outcome again = crackdown("optimize", TINY, "--out", twoThreads.toString(), "--threads", "2", "--quiet");
        assertEquals(Main.OK, again.code(), again::err);
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file)).getRecords();
    }

    @Test
    void writesTheHistoryTheOptimumAndTheComparison() throws IOException {
        for (String f : List.of("history.csv", "comparison.csv", "best.yaml", "optimize.yaml", "run.json")) {
            assertTrue(Files.isRegularFile(oneThread.resolve(f)), f);
        }
        assertFalse(Files.exists(tmp.resolve(".one.optimize-journal")), "the journal is gone once complete");
        List<CSVRecord> history = csv(oneThread.resolve("history.csv"));
        assertEquals(1 + 2 * 4, history.size(), "the start, then two generations of four");
        assertEquals(1, history.stream().filter(r -> r.get("best").equals("true")).count());
        double oy = Double.parseDouble(history.get(0).get("officer_years"));
        double bestMean = Double.NEGATIVE_INFINITY;
        for (CSVRecord r : history) {
            // Equal cost, measured: every split and rule works the same officer-years as the scenario's own.
            assertEquals(oy, Double.parseDouble(r.get("officer_years")), 1e-9 * oy, r.toString());
            double runs = (Double.parseDouble(r.get("run_d1_r1")) + Double.parseDouble(r.get("run_d1_r2"))) / 2;
            assertEquals(runs, Double.parseDouble(r.get("mean")), 1e-9);
            bestMean = Math.max(bestMean, Double.parseDouble(r.get("mean")));
        }
        CSVRecord best = history.stream().filter(r -> r.get("best").equals("true")).findFirst().orElseThrow();
        assertEquals(bestMean, Double.parseDouble(best.get("criterion")), 1e-9, "the best is the highest mean");
        List<CSVRecord> comparison = csv(oneThread.resolve("comparison.csv"));
        assertEquals(List.of("optimum", "baseline", "hotspot"), comparison.stream().map(r -> r.get("strategy")).toList());
        for (CSVRecord r : comparison.subList(1, 3)) {
            double diff = Double.parseDouble(r.get("optimum_minus_strategy"));
            // comparison.csv gives six significant digits.
            assertEquals(Double.parseDouble(comparison.get(0).get("mean")) - Double.parseDouble(r.get("mean")), diff,
                    1e-4 * Math.max(1, Double.parseDouble(r.get("mean"))));
            assertTrue(Double.parseDouble(r.get("diff_ci95_low")) <= diff
                    && diff <= Double.parseDouble(r.get("diff_ci95_high")), r.toString());
        }
        assertTrue(first.out().contains("comparison on fresh seeds"), first.out());
        assertTrue(first.out().contains("best named strategy"), first.out());
        assertTrue(first.err().contains("generation 2: 4 candidates"), first.err());
    }

    @Test
    void theFolderDoesNotDependOnTheNumberOfThreads() throws IOException {
        for (String f : List.of("history.csv", "comparison.csv", "best.yaml")) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(f)), Files.readAllBytes(twoThreads.resolve(f)), f);
        }
    }

    @Test
    void bestYamlRerunsToTheFigureTheHistoryReports(@TempDir Path dir) throws IOException {
        CSVRecord best = csv(oneThread.resolve("history.csv")).stream().filter(r -> r.get("best").equals("true"))
                .findFirst().orElseThrow();
        assertRerunGivesTheFirstSearchRun(oneThread.resolve("best.yaml"), best, dir.resolve("rerun"), "0.005");
    }

    /** best.yaml run at the search's scale with seed 1 rescues what the history says its first run did. */
    private static void assertRerunGivesTheFirstSearchRun(Path bestYaml, CSVRecord chosen, Path run, String scale)
            throws IOException {
        Outcome o = crackdown("run", bestYaml.toString(), "--set", "scale=" + scale, "--seed", "1",
                "--out", run.toString(), "--quiet");
        assertEquals(Main.OK, o.code(), o::err);
        CSVRecord summary = csv(run.resolve("summary.csv")).get(0);
        double rescues = Double.parseDouble(summary.get("women_rescued")) + Double.parseDouble(summary.get("children_rescued"));
        assertEquals(Double.parseDouble(chosen.get("run_d1_r1")), rescues, 0.0, "seed 1 is the first search run");
    }

    @Test
    void anInterruptedSearchResumesToTheSameHistory(@TempDir Path dir) throws Exception {
        OptimizeSpec spec = OptimizeReader.read(Path.of(TINY));
        Path out = dir.resolve("resumed");
        Path journalFile = dir.resolve(".resumed.optimize-journal");
        OptimizeRun run = OptimizeRun.prepare(spec, List.of(), ScenarioFiles.snapshot());
        try (SimulationJournal journal = SimulationJournal.open(journalFile, run.fingerprint(), run.columns(), false)) {
            // Stop every run once four candidates are done (and mid-run for the ones in flight).
            Optimization opt = run.optimization(journal, () -> journal.size() >= 4, 2);
            assertThrows(CancellationException.class,
                    () -> opt.run(run.decisions().start(run.base().parameters()), Optimization.Listener.NONE));
            assertTrue(journal.size() >= 4 && journal.size() < 9, "interrupted part-way: " + journal.size());
        }
        Outcome resumed = crackdown("optimize", TINY, "--out", out.toString(), "--threads", "2", "--resume", "--quiet");
        assertEquals(Main.OK, resumed.code(), resumed::err);
        assertTrue(resumed.out().contains("resuming: "), resumed.out());
        for (String f : List.of("history.csv", "comparison.csv", "best.yaml")) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        assertFalse(Files.exists(journalFile));
    }

    @Test
    void validateTellsAnOptimizeFileFromTheOthers() {
        Outcome o = crackdown("validate", TINY);
        assertEquals(Main.OK, o.code(), o::err);
        assertTrue(o.out().contains("(optimize tiny-tasks: 6 decision coordinates, mean of rescues, 2 named strategies"),
                o.out());
    }

    @Test
    void twoShardsTogetherWriteTheFolderOneProcessWrites(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sharded");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> crackdown("optimize", TINY, "--out", out.toString(), "--threads", "1",
                    "--shard", "0/2", "--quiet"));
            var second = pool.submit(() -> crackdown("optimize", TINY, "--out", out.toString(), "--threads", "1",
                    "--shard", "1/2", "--quiet"));
            Outcome a = first.get(5, java.util.concurrent.TimeUnit.MINUTES);
            Outcome b = second.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(Main.OK, a.code(), a::err);
            assertEquals(Main.OK, b.code(), b::err);
            assertTrue(b.out().contains("shard 1/2 done: shard 0 writes"), b.out());
        } finally {
            pool.shutdownNow();
        }
        for (String f : List.of("history.csv", "comparison.csv", "best.yaml")) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of("sharded"), left.map(p -> p.getFileName().toString()).toList(),
                    "the shards' journals are removed once the folder is complete");
        }
    }

    @Test
    void shardsRunInStagesWithoutWaitingGiveTheFolderOneProcessWrites(@TempDir Path dir) throws Exception {
        // What crackdown slurm's jobs do: every stage runs each shard with --no-wait (one after the
        // other here), then shard 0 writes the folder. Four stages: the starting point, two
        // generations and the comparison.
        Path out = dir.resolve("staged");
        int pending = 0;
        for (int stage = 0; stage < 4; stage++) {
            for (int i = 0; i < 2; i++) {
                Outcome o = crackdown("optimize", TINY, "--out", out.toString(), "--threads", "1", "--shard", i + "/2",
                        "--no-wait", "--resume", "--quiet");
                assertTrue(o.code() == Main.OK || o.code() == 3, "stage " + stage + " shard " + i + ": " + o.err());
                pending += o.code() == 3 ? 1 : 0;
            }
        }
        assertTrue(pending >= 3, "stages that stopped for the other shard: " + pending);
        Outcome merge = crackdown("optimize", TINY, "--out", out.toString(), "--shard", "0/2", "--no-wait", "--resume",
                "--quiet");
        assertEquals(Main.OK, merge.code(), merge::err);
        for (String f : List.of("history.csv", "comparison.csv", "best.yaml")) {
            assertArrayEquals(Files.readAllBytes(oneThread.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of("staged"), left.map(p -> p.getFileName().toString()).toList());
        }
        // Started again once complete, a shard has nothing to do (it used to wait for the removed journals).
        Outcome again = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
                () -> crackdown("optimize", TINY, "--out", out.toString(), "--shard", "1/2", "--resume", "--quiet"));
        assertEquals(Main.OK, again.code(), again::err);
        assertTrue(again.out().contains("nothing to do"), again.out());
        // Alone, without its owner running, a shard stops with a clear message after --shard-wait.
        Outcome alone = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> crackdown("optimize", TINY, "--out", dir.resolve("alone").toString(), "--shard", "1/2",
                        "--shard-wait", "2", "--quiet"));
        assertEquals(Main.FAILED, alone.code(), alone.out());
        assertTrue(alone.err().contains("shard 0/2 has recorded nothing and shown no sign of life"), alone.err());
    }

    /**
     * An optimize file deciding the tasks and the rule from {@code from}, on a scenario whose
     * timeline turns tips on on 2010-02-15; runs to 30 April, measured January to March.
     */
    static Path fromFile(Path dir, String from) throws IOException {
        Path scenario = dir.resolve("with-timeline.yaml");
        Files.writeString(scenario, "name: tiny-timeline\nextends: "
                + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath() + "\ntimeline:\n"
                + "  - date: 2010-02-15\n    set:\n      tips.enabled: true\n");
        Path f = dir.resolve("from.yaml");
        Files.writeString(f, "name: tiny-from\nscenario: " + scenario + "\n"
                + "set: {scale: 0.005, end: 2010-04-30, measure.from: 2010-01-01, measure.to: 2010-03-31}\n"
                + "replicates: 2\nobjective: {measure: rescues, direction: max}\n"
                + "decisions:\n  tasks: [patrol, investigation, dna, buyer]\n  allocation: [population, hotspot]\n"
                + "  from: " + from + "\n"
                + "search: {generations: 1, population: 4, sigma: 0.3, seed: 1}\n"
                + "compare:\n  replicates: 2\n  strategies: {baseline: {}}\n");
        return f;
    }

    @Test
    void decisionsFromADateActOnlyFromThatDay(@TempDir Path dir) throws IOException {
        // Decided from 1 April, after the measured months: every candidate's runs are the
        // scenario's own until then, so every candidate measures exactly the same.
        Outcome late = crackdown("optimize", fromFile(dir, "2010-04-01").toString(), "--out",
                dir.resolve("late").toString(), "--quiet");
        assertEquals(Main.OK, late.code(), late::err);
        List<CSVRecord> history = csv(dir.resolve("late/history.csv"));
        assertEquals(5, history.size());
        for (CSVRecord r : history) {
            assertEquals(history.get(0).get("run_d1_r1"), r.get("run_d1_r1"));
            assertEquals(history.get(0).get("run_d1_r2"), r.get("run_d1_r2"));
        }
        assertTrue(history.stream().map(r -> r.get("police.patrol_share")).distinct().count() > 1,
                "the candidates differ in what they decide");

        // Decided from 1 February, inside them: the candidates differ, and best.yaml, which puts
        // the decisions on the scenario's timeline (restating its tips change), reruns to the
        // best candidate's first search run.
        Path out = dir.resolve("early");
        Outcome early = crackdown("optimize", fromFile(dir, "2010-02-01").toString(), "--out", out.toString(),
                "--quiet");
        assertEquals(Main.OK, early.code(), early::err);
        List<CSVRecord> h = csv(out.resolve("history.csv"));
        assertTrue(h.stream().map(r -> r.get("run_d1_r1")).distinct().count() > 1, "decisions act from February");
        String best = Files.readString(out.resolve("best.yaml"));
        assertTrue(best.contains("timeline:\n  - date: 2010-02-01\n    set:\n      police.patrol_share: "), best);
        assertTrue(best.contains("  - date: 2010-02-15\n    set:\n      tips.enabled: true\n"), best);
        CSVRecord chosen = h.stream().filter(r -> r.get("best").equals("true")).findFirst().orElseThrow();
        assertRerunGivesTheFirstSearchRun(out.resolve("best.yaml"), chosen, dir.resolve("rerun"), "0.005");

        Outcome outside = crackdown("optimize", fromFile(dir, "2011-01-01").toString(), "--out",
                dir.resolve("never").toString());
        assertEquals(Main.BAD_INPUT, outside.code());
        assertTrue(outside.err().contains("decisions: from: 2011-01-01 is outside the scenario's run"), outside.err());
    }

    static Outcome withFile(Path dir, String from, String to) throws IOException {
        Path f = dir.resolve("bad.yaml");
        String text = Files.readString(Path.of(TINY)).replace("scenario: ../scenarios/tiny.yaml",
                "scenario: " + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath());
        assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
        return crackdown("optimize", f.toString(), "--out", dir.resolve("out").toString());
    }

    @Test
    void overPosteriorDrawsEachCandidateMeetsTheSameDrawsAndSeeds(@TempDir Path dir) throws IOException {
        // Two particles of very different demand; three draws by weight (seeded).
        Files.writeString(dir.resolve("posterior.csv"), "particle,demand.bride_propensity,weight\n1,0.05,0.5\n"
                + "2,0.4,0.5\n");
        Path f = dir.resolve("robust.yaml");
        Files.writeString(f, Files.readString(Path.of(TINY))
                .replace("scenario: ../scenarios/tiny.yaml", "scenario: "
                        + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath())
                .replace("objective: {measure: rescues, direction: max}",
                        "objective: {measure: rescues, direction: max, criterion: p10}\n"
                                + "posterior: {file: posterior.csv, draws: 3, seed: 2}")
                .replace("replicates: 2", "replicates: 1")
                .replace("generations: 2", "generations: 1"));
        Path out = dir.resolve("out");
        Outcome o = crackdown("optimize", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(Main.OK, o.code(), o::err);
        assertTrue(o.out().contains("p10 of rescues"), o.out());
        List<CSVRecord> history = csv(out.resolve("history.csv"));
        assertEquals(5, history.size());
        for (CSVRecord r : history) {
            double[] draws = {Double.parseDouble(r.get("run_d1_r1")), Double.parseDouble(r.get("run_d2_r1")),
                    Double.parseDouble(r.get("run_d3_r1"))};
            assertEquals(org.crackdown.analysis.stats.Quantile.of(draws, 0.1), Double.parseDouble(r.get("criterion")),
                    1e-4 * Math.max(1, Double.parseDouble(r.get("criterion"))), r.toString());
        }
        // The comparison's pairs are the draws (each the mean of its replicates), not the runs.
        assertEquals("3", csv(out.resolve("comparison.csv")).get(0).get("n"));
        assertTrue(Files.readString(out.resolve("best.yaml")).contains("over 3 posterior draws"));
    }

    @Test
    void aDecisionTheTimelineOverwritesIsRefused(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("dated.yaml");
        Files.writeString(scenario, "extends: " + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath()
                + "\ntimeline:\n  - date: 2010-02-01\n    set: {buyers.prosecution_probability: 0.3}\n");
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(Path.of(TINY)).replace("scenario: ../scenarios/tiny.yaml",
                "scenario: dated.yaml"));
        Outcome o = crackdown("optimize", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("bad.yaml:12:12: decisions: ranges: buyers.prosecution_probability: the scenario's "
                + "timeline sets it on 2010-02-01"), o.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /**
     * tiny.yaml with a spring campaign, and an optimize file deciding its start and length. At
     * scale 0.02 since session 21: at 0.01, with a bride valued at 68,000, both seeds rescued the
     * same (3 and 36) whatever the campaign's timing in the three measured months, so the search
     * had nothing to decide between.
     */
    static Path campaignFile(Path dir, String decisions) throws IOException {
        Files.writeString(dir.resolve("spring.yaml"), "extends: "
                + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath() + "\ncampaigns:\n"
                + "  - {name: spring, start: 2010-02-01, end: 2010-03-15, provinces: all, intensity: 2, "
                + "half_life_days: 30}\n");
        Path f = dir.resolve("timing.yaml");
        Files.writeString(f, "scenario: spring.yaml\n"
                + "set: {scale: 0.02, end: 2010-03-31, measure.from: 2010-01-01, measure.to: 2010-03-31}\n"
                + "replicates: 2\n"
                + "objective: {measure: rescues, direction: max}\n"
                + "decisions:\n" + decisions
                + "search: {generations: 1, population: 4, sigma: 0.3, seed: 1}\n"
                + "compare:\n  replicates: 2\n  strategies:\n    baseline: {}\n"
                + "    early: {campaigns.spring.start: 2010-01-05, campaigns.spring.end: 2010-02-17}\n");
        return f;
    }

    @Test
    void campaignTimingIsDecidedAtEqualEffortAndBestYamlRerunsIt(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Outcome o = crackdown("optimize", campaignFile(dir, "  campaigns:\n    spring: {start: {min: 2010-01-01, "
                + "max: 2010-03-01}, length_days: {min: 20, max: 60}}\n").toString(), "--out", out.toString(), "--quiet");
        assertEquals(Main.OK, o.code(), o::err);
        List<CSVRecord> history = csv(out.resolve("history.csv"));
        assertEquals(5, history.size());
        // 2 x 43 days of the spring campaign, decaying with a half-life of 30 days.
        double r = Math.pow(0.5, 1 / 30.0);
        double effort = 2 * (1 - Math.pow(r, 43)) / (1 - r);
        for (CSVRecord c : history) {
            java.time.LocalDate start = java.time.LocalDate.parse(c.get("campaigns.spring.start"));
            long days = java.time.temporal.ChronoUnit.DAYS.between(start,
                    java.time.LocalDate.parse(c.get("campaigns.spring.end"))) + 1;
            double intensity = Double.parseDouble(c.get("campaigns.spring.intensity"));
            assertEquals(effort, intensity * (1 - Math.pow(r, days)) / (1 - r), 1e-5 * effort, c.toString());
        }
        assertEquals("2010-02-01", history.get(0).get("campaigns.spring.start"), "the search starts from the scenario");
        assertTrue(history.stream().map(c -> c.get("campaigns.spring.start")).distinct().count() > 1);
        // Timing acts: the runs differ, and so do the officer-years that fall in the measured months.
        assertTrue(history.stream().map(c -> c.get("mean")).distinct().count() > 1, "timing changes the runs");
        assertTrue(history.stream().map(c -> c.get("officer_years")).distinct().count() > 1);
        CSVRecord chosen = history.stream().filter(c -> c.get("best").equals("true")).findFirst().orElseThrow();
        String best = Files.readString(out.resolve("best.yaml"));
        assertTrue(best.contains("campaigns:\n  - name: \"spring\"\n    start: " + chosen.get("campaigns.spring.start")
                + "\n    end: " + chosen.get("campaigns.spring.end") + "\n    provinces: all\n    intensity: "
                + chosen.get("campaigns.spring.intensity") + "\n    half_life_days: 30\n"), best);
        assertFalse(best.contains("campaigns.spring"), "no override keys in a scenario file: " + best);
        assertRerunGivesTheFirstSearchRun(out.resolve("best.yaml"), chosen, dir.resolve("rerun"), "0.02");
        assertEquals(List.of("optimum", "baseline", "early"),
                csv(out.resolve("comparison.csv")).stream().map(c -> c.get("strategy")).toList());
    }

    @Test
    void badCampaignDecisionsAreRefusedWithExit2(@TempDir Path dir) throws IOException {
        record Case(String decisions, String message) {
        }
        for (Case c : List.of(
                new Case("  campaigns: {sprng: {start: {min: 2010-01-01, max: 2010-03-01}}}\n",
                        "timing.yaml:6:15: decisions: campaigns: sprng: not a campaign of the scenario; did you mean "
                                + "'spring'?"),
                new Case("  campaigns: {spring: {start: {min: 2009-01-01, max: 2010-03-01}}}\n",
                        "timing.yaml:6:15: decisions: campaigns: spring: start: the range 2009-01-01 to 2010-03-01 must "
                                + "lie within the run (the run is 2010-01-01 to 2010-03-31"),
                new Case("  campaigns: {spring: {start: {min: 2010-01-01, max: 2010-03-20}, length_days: {min: 20, "
                        + "max: 60}}}\n", "a campaign starting on 2010-03-20 has only 12 days left in the run, fewer "
                        + "than length_days: min 20"),
                new Case("  campaigns: {spring: {start: {min: 2010-01-01, max: 2010-03-01}, length_days: {min: 1, "
                        + "max: 60}}}\n", "spring: at its shortest (1 days) it would need intensity"),
                new Case("  campaigns: {spring: {start: {min: 2010-03-01, max: 2010-01-01}}}\n",
                        "decisions: campaigns: spring: start: max 2010-01-01 must be after min 2010-03-01"),
                new Case("  campaigns: {spring: {start: {min: 2010-01-01, max: 2010-03-01}, length: 20}}\n",
                        "decisions: campaigns: spring: unknown key 'length'; valid keys here: start, length_days"),
                new Case("  campaigns: {spring: {start: {min: 2010-01-01, max: 2010-03-01}}}\n  from: 2010-02-01\n",
                        "decisions: from: cannot be combined with decisions: campaigns"))) {
            Path f = campaignFile(dir, c.decisions());
            Outcome o = crackdown("optimize", f.toString(), "--out", dir.resolve("out").toString());
            assertEquals(Main.BAD_INPUT, o.code(), c.decisions() + "\n" + o.err());
            assertTrue(o.err().contains(c.message()), c.decisions() + ": " + o.err());
            assertTrue(o.err().contains("timing.yaml:"), "placed in the file: " + o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertFalse(Files.exists(dir.resolve("out")), "no folder for bad input");
        }
    }

    @Test
    void badInputIsRefusedWithExit2AndAClearMessage(@TempDir Path dir) throws IOException {
        record Case(String from, String to, String message) {
        }
        for (Case c : List.of(
                new Case("decisions:", "decisoins:", "bad.yaml:9:1: unknown key 'decisoins'; did you mean 'decisions'?"),
                new Case("measure: rescues", "measure: rescue", "objective: unknown measure 'rescue'; did you mean"),
                new Case("direction: max", "direction: up", "objective: direction: expected one of max, min, got 'up'"),
                new Case("[patrol, investigation, dna, buyer]", "[patrol, dna, patrol]",
                        "decisions: tasks: 'patrol' is listed twice"),
                new Case("[patrol, investigation, dna, buyer]", "[patrol, patrols]",
                        "got 'patrols'; did you mean 'patrol'?"),
                new Case("[patrol, investigation, dna, buyer]", "[patrol, traffic]",
                        "decisions: tasks: expected one of patrol, investigation, dna, buyer, got 'traffic'"),
                new Case("buyers.prosecution_probability: {min: 0.05, max: 0.5}", "police.budget: {min: 1, max: 2}",
                        "decisions: ranges: police.budget: changes how many officers work (the cost)"),
                new Case("{min: 0.05, max: 0.5}", "{min: 0.5, max: 0.05}", "max 0.05 must be above min 0.5"),
                new Case("hotspot: {police.allocation: hotspot}", "optimum: {police.allocation: hotspot}",
                        "'optimum' is the name of the optimised strategy"),
                new Case("generations: 2", "generation: 2", "search: unknown key 'generation'; did you mean 'generations'?"),
                new Case("set: {scale: 0.005,", "set: {police.allocation: hotspot, scale: 0.005,",
                        "set: police.allocation is also decided by the search"))) {
            Outcome o = withFile(dir, c.from(), c.to());
            assertEquals(Main.BAD_INPUT, o.code(), c.to() + "\n" + o.err());
            assertTrue(o.err().contains(c.message()), c.to() + ": " + o.err());
            assertTrue(o.err().contains("bad.yaml:"), "placed in the file: " + o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertFalse(Files.exists(dir.resolve("out")), "no folder for bad input");
        }
    }
}
