package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code crackdown calibrate --method abc} end to end on a tiny case (three months at 0.5% scale,
 * six particles, one generation after the prior one: about 15 short runs per sampler): the files,
 * the same posterior with one thread as with two, and bad priors refused with exit 2.
 */
class AbcCalibrateCommandTest {

    static final String TINY = "src/test/resources/calibration/tiny-abc.yaml";

    @TempDir
    static Path tmp;
    static Path oneThread;
    static Path twoThreads;
    static CalibrateCommandTest.Outcome abc;

    @BeforeAll
    static void sampleTwice() {
        oneThread = tmp.resolve("one");
        twoThreads = tmp.resolve("two");
        abc = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc", "--out", oneThread.toString(),
                "--threads", "1");
        assertEquals(Main.OK, abc.code(), abc::err);
        CalibrateCommandTest.Outcome again = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--out", twoThreads.toString(), "--threads", "2", "--quiet");
        assertEquals(Main.OK, again.code(), again::err);
    }

    @Test
    void writesThePosteriorWithOneRowPerParticle() throws IOException {
        // The journal that lets an interrupted calibration resume is gone once the folder is complete.
        assertFalse(Files.exists(tmp.resolve(".one.abc-journal")));
        for (String f : List.of("posterior.csv", "posterior.json", "predictive.csv", "targets.yaml", "run.json",
                "figures/posterior-pairs.png", "figures/posterior-pairs.svg")) {
            assertTrue(Files.isRegularFile(oneThread.resolve(f)), f);
        }
        // The pairs figure is drawn from the posterior only: the same bytes whatever the thread count.
        assertEquals(Files.readString(oneThread.resolve("figures/posterior-pairs.svg")),
                Files.readString(twoThreads.resolve("figures/posterior-pairs.svg")));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(oneThread.resolve("posterior.csv"))).getRecords();
        assertEquals(6, rows.size());
        double sum = 0;
        for (CSVRecord r : rows) {
            double bride = Double.parseDouble(r.get("demand.bride_propensity"));
            // Inside the declared prior's support, which is narrower than the bounds.
            assertTrue(bride >= 0.02 && bride <= 0.4, "bride " + bride);
            sum += Double.parseDouble(r.get("weight"));
            assertFalse(r.get("women_rescued").isEmpty());
            assertFalse(r.get("model_seed").isEmpty());
        }
        assertEquals(1.0, sum, 1e-5);
        JsonNode j = new ObjectMapper().readTree(oneThread.resolve("posterior.json").toFile());
        assertEquals("replenishment", j.get("sampler").asText(), "the default sampler");
        assertEquals(2, j.get("generations").size());
        assertTrue(j.at("/generations/0/tolerance").isNull(), "the prior generation accepts everything");
        double eps = j.at("/generations/1/tolerance").asDouble();
        // The CSV rounds to 6 significant digits, and the replenishment sampler's tolerance is the
        // distance of its worst kept particle, so one row may be that distance rounded up.
        for (CSVRecord r : rows) {
            assertTrue(Double.parseDouble(r.get("distance")) <= eps * (1 + 1e-5), r.get("distance") + " vs " + eps);
        }
        assertEquals("loguniform", j.at("/parameters/demand.bride_propensity/prior/distribution").asText());
        assertFalse(j.at("/parameters/families.woman_report_probability/prior/declared").asBoolean());
        assertTrue(abc.out().contains("families.woman_report_probability: no prior declared: uniform"), abc.out());
        assertTrue(abc.err().contains("generation 1: tolerance"), abc.err());
    }

    @Test
    void thePredictiveCheckHasOneRowPerTargetWithItsInterval() throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(oneThread.resolve("predictive.csv"))).getRecords();
        assertEquals(List.of("women_rescued", "price_woman"), rows.stream().map(r -> r.get("target")).toList());
        for (CSVRecord r : rows) {
            assertEquals("4", r.get("draws"));
            double lo = Double.parseDouble(r.get("predicted_q025"));
            double mid = Double.parseDouble(r.get("predicted_median"));
            double hi = Double.parseDouble(r.get("predicted_q975"));
            assertTrue(lo <= mid && mid <= hi, r.toString());
        }
        // Counts are scaled: 1000 national women rescued at scale 0.005 is 5.
        assertEquals("5 ± 50%", rows.get(0).get("wanted"));
        assertTrue(abc.out().contains("posterior predictive check (4 draws"), abc.out());
    }

    @Test
    void thePosteriorDoesNotDependOnTheNumberOfThreads() throws IOException {
        assertEquals(Files.readString(oneThread.resolve("posterior.csv")),
                Files.readString(twoThreads.resolve("posterior.csv")));
        assertEquals(Files.readString(oneThread.resolve("posterior.json")),
                Files.readString(twoThreads.resolve("posterior.json")));
        assertEquals(Files.readString(oneThread.resolve("predictive.csv")),
                Files.readString(twoThreads.resolve("predictive.csv")));
    }

    /**
     * A finished calibration extended by a generation: with --keep-journal its simulations are
     * kept, and the same command with one more generation, --resume and --force runs only what is
     * new and writes the posterior a fresh two-generation calibration writes.
     */
    @Test
    void aKeptJournalExtendsACalibrationByMoreGenerations(@TempDir Path dir) throws IOException {
        Path fresh = dir.resolve("fresh");
        CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--generations", "2", "--out", fresh.toString(), "--threads", "2", "--quiet");
        assertEquals(Main.OK, o.code(), o::err);
        Path ext = dir.resolve("ext");
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc", "--generations", "1",
                "--keep-journal", "--out", ext.toString(), "--threads", "2", "--quiet");
        assertEquals(Main.OK, o.code(), o::err);
        assertTrue(o.out().contains("journal kept: "), o.out());
        Path journal = dir.resolve(".ext.abc-journal");
        assertTrue(Files.isRegularFile(journal));
        long kept = Files.readAllLines(journal).size();
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc", "--generations", "2", "--resume",
                "--force", "--out", ext.toString(), "--threads", "1", "--quiet");
        assertEquals(Main.OK, o.code(), o::err);
        assertTrue(o.out().contains("resuming: " + (kept - 1) + " simulations already done"), o.out());
        for (String f : List.of("posterior.csv", "posterior.json", "predictive.csv")) {
            assertEquals(Files.readString(fresh.resolve(f)), Files.readString(ext.resolve(f)), f);
        }
        assertFalse(Files.exists(journal), "gone once the extended calibration is complete");
    }

    @Test
    void twoShardsTogetherWriteThePosteriorOneProcessWrites(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sharded");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc", "--out",
                    out.toString(), "--threads", "1", "--shard", "0/2", "--quiet"));
            var second = pool.submit(() -> CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc", "--out",
                    out.toString(), "--threads", "1", "--shard", "1/2", "--quiet"));
            CalibrateCommandTest.Outcome a = first.get(5, java.util.concurrent.TimeUnit.MINUTES);
            CalibrateCommandTest.Outcome b = second.get(5, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(Main.OK, a.code(), a::err);
            assertEquals(Main.OK, b.code(), b::err);
            assertTrue(b.out().contains("shard 1/2 done: shard 0 writes"), b.out());
        } finally {
            pool.shutdownNow();
        }
        for (String f : List.of("posterior.csv", "posterior.json", "predictive.csv")) {
            assertEquals(Files.readString(oneThread.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of("sharded"), left.map(p -> p.getFileName().toString()).toList(),
                    "the shards' journals are removed once the folder is complete");
        }
        CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", TINY, "--shard", "0/2");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--shard applies to --method abc"), o.err());
    }

    @Test
    void shardsRunInStagesWithoutWaitingGiveThePosteriorOneProcessWrites(@TempDir Path dir) throws IOException {
        // What crackdown slurm's jobs do: every stage runs each shard with --no-wait (here one after
        // the other, so no shard could wait for another), then shard 0 once more writes the folder.
        // Three stages: the prior generation, generation 1 and the predictive check.
        Path out = dir.resolve("staged");
        int pending = 0;
        for (int stage = 0; stage < 3; stage++) {
            for (int i = 0; i < 2; i++) {
                CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                        "--out", out.toString(), "--threads", "1", "--shard", i + "/2", "--no-wait", "--resume",
                        "--quiet");
                assertTrue(o.code() == Main.OK || o.code() == 3, "stage " + stage + " shard " + i + ": " + o.err());
                if (o.code() == 3) {
                    pending++;
                    assertTrue(o.out().contains("run it again with --resume"), o.out());
                }
                if (stage == 0 && i == 0) {
                    assertEquals(3, o.code(), "shard 0 needs shard 1's particles of the prior generation");
                }
            }
        }
        assertTrue(pending >= 2, "stages that stopped for the other shard: " + pending);
        CalibrateCommandTest.Outcome merge = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--out", out.toString(), "--threads", "1", "--shard", "0/2", "--no-wait", "--resume", "--quiet");
        assertEquals(Main.OK, merge.code(), merge::err);
        for (String f : List.of("posterior.csv", "posterior.json", "predictive.csv")) {
            assertEquals(Files.readString(oneThread.resolve(f)), Files.readString(out.resolve(f)), f);
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of("staged"), left.map(p -> p.getFileName().toString()).toList(),
                    "the shards' journals are removed once the folder is complete");
        }
    }

    @Test
    void aShardWhoseOwnerIsGoneStopsWithAClearMessageInsteadOfWaitingForever(@TempDir Path dir) throws IOException {
        // Issue 11's hang: shard 1 of 2 started while shard 0 is not running (it died, was never
        // started, or had finished and removed the journals) waited for shard 0's particles forever.
        Path out = dir.resolve("alone");
        CalibrateCommandTest.Outcome o = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofMinutes(3), () -> CalibrateCommandTest.crackdown("calibrate", TINY, "--method",
                        "abc", "--out", out.toString(), "--threads", "1", "--shard", "1/2", "--shard-wait", "2",
                        "--quiet"));
        assertEquals(Main.FAILED, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("shard 0/2 has recorded nothing and shown no sign of life"), o.err());
        assertTrue(o.err().contains("run this shard again with --resume"), o.err());
        assertTrue(Files.isRegularFile(dir.resolve(".alone.abc-journal-1of2")), "its journal is kept for --resume");
        assertFalse(Files.exists(out));
        // With shard 0 started, both resumed together give the posterior one process writes.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<CalibrateCommandTest.Outcome>> both = new java.util.ArrayList<>();
            for (String i : List.of("0", "1")) {
                both.add(pool.submit(() -> CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                        "--out", out.toString(), "--threads", "1", "--shard", i + "/2", "--resume", "--quiet")));
            }
            for (var f : both) {
                CalibrateCommandTest.Outcome r = f.get(5, java.util.concurrent.TimeUnit.MINUTES);
                assertEquals(Main.OK, r.code(), r::err);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Files.readString(oneThread.resolve("posterior.csv")), Files.readString(out.resolve("posterior.csv")));

        // Both shards started again on a calibration that is complete (journals removed) have
        // nothing to do; before, shard 0 refused the folder (exit 2) and shard 1 waited for it forever.
        for (String i : List.of("0", "1")) {
            CalibrateCommandTest.Outcome again = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofMinutes(1), () -> CalibrateCommandTest.crackdown("calibrate", TINY,
                            "--method", "abc", "--out", oneThread.toString(), "--shard", i + "/2", "--resume",
                            "--quiet"));
            assertEquals(Main.OK, again.code(), again::err);
            assertTrue(again.out().contains("nothing to do, " + oneThread + " is complete"), again.out());
        }
        CalibrateCommandTest.Outcome bad = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--no-wait");
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--no-wait and --shard-wait apply to --shard"), bad.err());
    }

    @Test
    void aParticleRerunsFromItsModelSeed() throws Exception {
        // posterior.csv says enough to repeat any particle: its values and its seed give its outputs.
        CSVRecord r = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(oneThread.resolve("posterior.csv"))).getRecords().get(0);
        CalibrationSpec spec = TargetsReader.read(Path.of(TINY));
        double[] v = {Double.parseDouble(r.get("demand.bride_propensity")),
                Double.parseDouble(r.get("families.woman_report_probability"))};
        try (ReplicateRunner runner = new ReplicateRunner(1, () -> false)) {
            Evaluator ev = new Evaluator(spec, spec.scenario(), List.of(), runner, 1);
            var s = ev.scenario(v);
            Evaluation e = ev.score(1, v, runner.run(s, new long[] {Long.parseLong(r.get("model_seed"))}),
                    s.parameters().getScale());
            assertEquals(Double.parseDouble(r.get("distance")), e.loss(), 1e-4 * Math.max(1, e.loss()));
            assertEquals(Double.parseDouble(r.get("women_rescued")), e.results().get(0).mean(), 1e-9);
        }
    }

    static CalibrateCommandTest.Outcome withPrior(Path dir, String prior) throws IOException {
        Path f = dir.resolve("bad-prior.yaml");
        Files.writeString(f, Files.readString(Path.of(TINY))
                .replace("scenario: ../scenarios/tiny.yaml",
                        "scenario: " + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath())
                .replace("prior: {distribution: loguniform, min: 0.02, max: 0.4, source: \"test prior\"}", prior));
        return CalibrateCommandTest.crackdown("calibrate", f.toString(), "--method", "abc", "--out",
                dir.resolve("out").toString());
    }

    @Test
    void badPriorsAreRefusedWithExit2AndAClearMessage(@TempDir Path dir) throws IOException {
        record Case(String prior, String message) {
        }
        for (Case c : List.of(
                new Case("prior: {distribution: gamma, min: 0.02, max: 0.4, source: \"x\"}",
                        "prior: distribution: expected one of uniform, loguniform, normal, got 'gamma'"),
                new Case("prior: {distribution: uniform, min: 0.3, max: 0.1, source: \"x\"}",
                        "prior: max must be above min, got min 0.3 and max 0.1"),
                new Case("prior: {distribution: loguniform, min: 0.005, max: 0.4, source: \"x\"}",
                        "prior: [0.005, 0.4] reaches outside the free parameter's bounds [0.01, 0.5]"),
                new Case("prior: {distribution: normal, mean: 0.9, sd: 0.1, source: \"x\"}",
                        "prior: mean: 0.9 is outside the free parameter's bounds [0.01, 0.5]"),
                new Case("prior: {distribution: normal, mean: 0.1, sd: 0, source: \"x\"}",
                        "prior: sd: expected a standard deviation above 0, got 0"),
                new Case("prior: {distribution: normal, mean: 0.1, min: 0.05, sd: 0.1, source: \"x\"}",
                        "prior: min: a normal prior takes mean and sd, not min"),
                new Case("prior: {distribution: uniform, min: 0.02, max: 0.4}",
                        "prior: missing 'source' (where the prior comes from, or why it is what it is)"))) {
            CalibrateCommandTest.Outcome o = withPrior(dir, c.prior());
            assertEquals(Main.BAD_INPUT, o.code(), c.prior() + "\n" + o.err());
            assertTrue(o.err().contains("free: demand.bride_propensity: " + c.message()), o.err());
            assertTrue(o.err().contains("bad-prior.yaml:13:"), "placed at the line: " + o.err());
            assertFalse(o.err().contains("Exception"), o.err());
            assertFalse(Files.exists(dir.resolve("out")), "no folder for bad input");
        }
    }

    /** --sampler overrides the targets file's sampler, and the posterior says which one made it. */
    @Test
    void theSamplerCanBeChosenOnTheCommandLine() throws IOException {
        Path out = tmp.resolve("pmc");
        CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--sampler", "pmc", "--out", out.toString(), "--threads", "2");
        assertEquals(Main.OK, o.code(), o::err);
        assertTrue(o.out().contains("ABC-SMC (pmc) on"), o.out());
        JsonNode j = new ObjectMapper().readTree(out.resolve("posterior.json").toFile());
        assertEquals("pmc", j.get("sampler").asText());
        assertTrue(j.get("method").asText().contains("population Monte Carlo"), j.get("method").asText());
        // The two samplers make different second generations from the same prior generation.
        assertFalse(Files.readString(out.resolve("posterior.csv")).equals(
                Files.readString(oneThread.resolve("posterior.csv"))));
    }

    @Test
    void optionsOfTheOtherMethodAreRefused() {
        CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--check");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--check and --max-evaluations apply to --method fit"), o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--particles", "10");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--particles, --generations, --sampler, --resume and --keep-journal apply to --method abc"),
                o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc", "--sampler", "mcmc");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--sampler must be one of pmc, replenishment, got 'mcmc'"), o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--resume");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--keep-journal apply to --method abc"), o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "smc");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--method must be fit or abc, got 'smc'"), o.err());
    }
}
