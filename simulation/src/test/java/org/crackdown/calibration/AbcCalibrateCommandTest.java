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
        assertEquals(2, j.get("generations").size());
        assertTrue(j.at("/generations/0/tolerance").isNull(), "the prior generation accepts everything");
        double eps = j.at("/generations/1/tolerance").asDouble();
        for (CSVRecord r : rows) {
            assertTrue(Double.parseDouble(r.get("distance")) <= eps);
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
        for (String f : List.of("posterior.csv", "predictive.csv")) {
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

    @Test
    void optionsOfTheOtherMethodAreRefused() {
        CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "abc",
                "--check");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--check and --max-evaluations apply to --method fit"), o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--particles", "10");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--particles, --generations and --resume apply to --method abc"), o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--resume");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--resume apply to --method abc"), o.err());
        o = CalibrateCommandTest.crackdown("calibrate", TINY, "--method", "smc");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("--method must be fit or abc, got 'smc'"), o.err());
    }
}
