package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.cli.Main;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code crackdown calibrate} end to end on a tiny case (1% scale, half a year measured, two
 * free parameters, ten evaluations): the search improves the loss, writes every file, and gives
 * the same evaluations with one thread as with two.
 */
@Tag("slow")
class CalibrateCommandTest {

    static final String TINY = "src/test/resources/calibration/tiny-targets.yaml";

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
    static Outcome fit;

    @BeforeAll
    static void fitTwice() {
        oneThread = tmp.resolve("one");
        twoThreads = tmp.resolve("two");
        fit = crackdown("calibrate", TINY, "--out", oneThread.toString(), "--threads", "1");
        assertEquals(Main.OK, fit.code(), fit::err);
        Outcome again = crackdown("calibrate", TINY, "--out", twoThreads.toString(), "--threads", "2", "--quiet");
        assertEquals(Main.OK, again.code(), again::err);
    }

    @Test
    void writesEveryFile() {
        for (String f : List.of("evaluations.csv", "fit.csv", "fit.json", "fitted.yaml", "targets.yaml", "run.json")) {
            assertTrue(Files.isRegularFile(oneThread.resolve(f)), f);
        }
        assertTrue(fit.out().contains("calibration folder: " + oneThread), fit.out());
        assertTrue(fit.err().contains("evaluation 10 of 10: loss "), fit.err());
    }

    @Test
    void theSearchImprovesOnItsStartingPoint() throws IOException {
        List<CSVRecord> rows = evaluations(oneThread);
        assertEquals(11, rows.size(), "10 evaluations of the search and the final one of the rounded values");
        double first = Double.parseDouble(rows.get(0).get("loss"));
        double best = rows.stream().mapToDouble(r -> Double.parseDouble(r.get("loss"))).min().orElseThrow();
        // Was "below half the first": on the responsive model (issue 10) the same search went from
        // 17.2 to 9.46 (-45%); the test asks for a real improvement, not for a factor fitted to a model.
        assertTrue(best < 0.75 * first, "best loss " + best + " vs first " + first);
        // The first evaluation is the targets file's starting point.
        assertEquals("0.06", rows.get(0).get("demand.bride_propensity"));
        assertEquals("0.35", rows.get(0).get("families.woman_report_probability"));
    }

    @Test
    void theEvaluationsDoNotDependOnTheNumberOfThreads() throws IOException {
        assertEquals(Files.readString(oneThread.resolve("evaluations.csv")),
                Files.readString(twoThreads.resolve("evaluations.csv")));
        assertEquals(Files.readString(oneThread.resolve("fit.csv")), Files.readString(twoThreads.resolve("fit.csv")));
    }

    @Test
    void fitFilesDescribeTheRoundedBestValuesAndFittedYamlReproducesThem() throws Exception {
        JsonNode fitJson = new ObjectMapper().readTree(oneThread.resolve("fit.json").toFile());
        double bride = fitJson.at("/parameters/demand.bride_propensity/value").asDouble();
        double report = fitJson.at("/parameters/families.woman_report_probability/value").asDouble();
        assertEquals(11, fitJson.get("evaluation").asInt());
        // A range target is within when its mean is (whatever the model's price: that is the model's business).
        JsonNode price = fitJson.at("/targets/price_woman");
        double mean = price.get("mean").asDouble();
        assertTrue(mean > 0, "price_woman measured: " + price);
        assertEquals(mean >= price.get("min").asDouble() && mean <= price.get("max").asDouble(), price.get("within").asBoolean(),
                "within says whether the mean is in [min, max]: " + price);
        // 4 significant digits, as docs and Parameters.java will quote them.
        assertEquals(bride, new java.math.BigDecimal(bride).round(new java.math.MathContext(4)).doubleValue());

        Scenario s = ScenarioLoader.load(oneThread.resolve("fitted.yaml"));
        assertEquals("tiny-calibrated", s.name());
        assertEquals(bride, s.parameters().getBridePropensity());
        assertEquals(report, s.parameters().getWomanReportProbability());
        // It extends the calibrated scenario rather than copying it: period and scale come from there.
        assertEquals(0.02, s.parameters().getScale());

        CSVRecord last = evaluations(oneThread).get(10);
        assertEquals(fitJson.get("loss").asDouble(), Double.parseDouble(last.get("loss")), 1e-4);
        JsonNode run = new ObjectMapper().readTree(oneThread.resolve("run.json").toFile());
        assertEquals("calibration", run.get("kind").asText());
        assertEquals(11, run.get("evaluations").asInt());
        assertEquals(1, run.get("threads").asInt());
    }

    @Test
    void fittedYamlKeepsTheValuesTheTargetsFileFixedButNotItsScale() throws Exception {
        Path targets = tmp.resolve("fixed.yaml");
        Files.writeString(targets, Files.readString(Path.of(TINY))
                .replace("scenario: ../scenarios/tiny.yaml",
                        "scenario: " + Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath())
                .replace("set: {scale: 0.01}", "set: {scale: 0.01, demand.son_propensity: 0.02}"));
        Path out = tmp.resolve("fixed");
        Outcome o = crackdown("calibrate", targets.toString(), "--out", out.toString(), "--max-evaluations", "2",
                "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        Scenario s = ScenarioLoader.load(out.resolve("fitted.yaml"));
        assertEquals(0.02, s.parameters().getSonPropensity());
        assertEquals(0.02, s.parameters().getScale(), "the scale is the calibrated scenario's, not the fit's");
    }

    @Test
    void refusesAnExistingFolderUnlessForced() throws IOException {
        Outcome o = crackdown("calibrate", TINY, "--out", oneThread.toString(), "--max-evaluations", "1", "--quiet");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("already exists; use --force"), o.err());
        Path forced = tmp.resolve("forced");
        Files.createDirectories(forced);
        Files.writeString(forced.resolve("run.json"), "{}");
        Outcome notOurs = crackdown("calibrate", TINY, "--out", forced.toString(), "--max-evaluations", "2",
                "--force", "--quiet");
        assertEquals(Main.BAD_INPUT, notOurs.code(), "a run.json crackdown did not write is not enough (issue 12)");
        org.crackdown.format.OutputFolders.claimAll(forced, "run"); // as if an earlier calibration wrote it
        Outcome f = crackdown("calibrate", TINY, "--out", forced.toString(), "--max-evaluations", "2", "--force",
                "--quiet");
        assertEquals(Main.OK, f.code(), f.err());
        assertEquals(3, evaluations(forced).size());
    }

    @Test
    void oneReplicateGivesNoConfidenceIntervalRatherThanACrash() throws IOException {
        Path one = tmp.resolve("one-replicate");
        Outcome o = crackdown("calibrate", TINY, "--out", one.toString(), "--replicates", "1", "--max-evaluations",
                "2", "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        JsonNode women = new ObjectMapper().readTree(one.resolve("fit.json").toFile()).at("/targets/women_rescued");
        assertEquals(1, women.get("n").asInt());
        assertTrue(women.get("mean").isNumber(), women.toString());
        // One value has no spread: the SD and the interval are absent, not made up.
        assertTrue(women.get("sd").isNull(), women.toString());
        assertTrue(women.has("ci95") && women.get("ci95").isNull(), women.toString());
        CSVRecord row = fitRows(one).stream().filter(r -> r.get("name").equals("women_rescued")).findFirst()
                .orElseThrow();
        assertEquals("", row.get("sd"));
        assertEquals("", row.get("ci95_low"));
        assertEquals("", row.get("ci95_high"));
    }

    static List<CSVRecord> fitRows(Path dir) throws IOException {
        try (var r = Files.newBufferedReader(dir.resolve("fit.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void checkPrintsEachTargetWithoutFitting() {
        Outcome o = crackdown("calibrate", TINY, "--check", "--replicates", "3", "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().contains("seeds 1..3, 3 replicates"), o.out());
        assertTrue(o.out().matches("(?s).*women_rescued\\s+\\S+ ± \\S+\\s+\\[\\S+, \\S+]\\s+250 ± 20%\\s+(yes|NO).*"),
                o.out());
        // A range target prints its range and a verdict; whether the tiny run lands in it is the
        // model's business, not this command's (the draws of session 14 put it at 19,200).
        assertTrue(o.out().matches("(?s).*price_woman .*20000–50000\\s+(yes|NO).*"), o.out());
        assertTrue(o.out().contains("targets missed") || o.out().contains("targets met"), o.out());
        Outcome bad = crackdown("calibrate", TINY, "--check", "--out", tmp.resolve("x").toString());
        assertEquals(Main.BAD_INPUT, bad.code());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    /** At scale 0.01 a national-only target is printed, not scored, and the summary line says so. */
    @Test
    void checkLeavesANationalOnlyTargetUnscoredAwayFromScaleOne() throws IOException {
        Path f = tmp.resolve("rings.yaml");
        Files.writeString(f, Files.readString(Path.of(TINY))
                .replace("../scenarios/tiny.yaml", Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath().toString())
                .replace("targets:\n", "targets:\n  joint_rings_broken: {min: 8, max: 10, national_only: true, source: x}\n"));
        Outcome o = crackdown("calibrate", f.toString(), "--check", "--replicates", "2", "--quiet");
        assertEquals(Main.OK, o.code(), o.err());
        assertTrue(o.out().matches("(?s).*joint_rings_broken .*0\\.08–0\\.1\\s+not scored \\(national_only\\).*"), o.out());
        assertTrue(o.out().matches("(?s).*of 2 scored targets (met|missed); 1 not scored at scale 0\\.01 \\(national_only\\).*")
                || o.out().contains("all 2 scored targets met; 1 not scored at scale 0.01 (national_only)"), o.out());
    }

    @Test
    void badInputExitsWithTwoAndLocatedMessages() {
        Outcome o = crackdown("calibrate", "src/test/resources/calibration/bad-targets.yaml");
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains("bad-targets.yaml:6:3: targets: unknown summary column 'women_rescue'; "
                + "did you mean 'women_rescued'?"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    void aFreeParameterTheTimelineOverwritesIsRefused() {
        String f = "src/test/resources/calibration/timeline-free.yaml";
        Outcome o = crackdown("calibrate", f, "--out", tmp.resolve("never").toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(f + ":7:3: free: police.child_registration: the scenario's timeline sets "
                + "it on 2009-04-09"), o.err());
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    static List<CSVRecord> evaluations(Path dir) throws IOException {
        try (var r = Files.newBufferedReader(dir.resolve("evaluations.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }
}
