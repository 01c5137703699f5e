package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.patterns.PatternsReader;
import org.crackdown.patterns.PatternsReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crackdown patterns} end to end on the tiny scenario (2010 at 2% scale, two replicates; at 1%
 * seed 1's trade dies out in the spin-up with the session-15 defaults, and a price has one replicate):
 * the files are written and well-formed, windows other than the measure window add up from the
 * months, outputs the model lacks are reported as not measured, and bad input changes nothing.
 */
class PatternsCommandTest {

    static final Path TINY = Path.of("src/test/resources/scenarios/tiny.yaml");
    static final String HEAD = String.join(",", PatternsReader.HEADER) + "\n";
    static final String PATTERNS = HEAD
            + "h2,Women rescued Jul-Dec,women_rescued,national,tiny,2010-07,2010-12,100,1000000,0,yes,strong,src\n"
            + "h1,Women rescued Jan-Jun,women_rescued,national,tiny,2010-01,2010-06,100,1000000,0,no,strong,src\n"
            + "year,Women rescued 2010,women_rescued,national,tiny,2010-01,2010-12,1,1,0,no,strong,src\n"
            + "h1_per_year,Women rescued Jan-Jun a year,women_rescued,national_per_year,tiny,2010-01,2010-06,1,1,0,"
            + "no,weak,src\n"
            + "price,Woman price,price_woman,scale_free,tiny,2010-07,2010-12,20000,50000,0,yes,weak,src\n"
            + "price_h1,Woman price Jan-Jun,price_woman,scale_free,tiny,2010-01,2010-06,20000,50000,0,no,weak,src\n"
            + "gap,Something not modelled,column_the_model_lacks,national,tiny,2010-07,2010-12,1,2,0,no,weak,src\n"
            + "kids_from,Children from Guizhou and Yunnan,origin_share(boy+girl: CN-GZ CN-YN),scale_free,tiny,"
            + "2010-07,2010-12,0,1,0,no,weak,src\n"
            + "kids_to,Children sold in Fujian and Guangdong,destination_quotient(boy+girl: CN-FJ CN-GD),scale_free,"
            + "tiny,2010-07,2010-12,1,,0,no,weak,src\n"
            + "flows_h1,Women from Vietnam Jan-Jun,origin_share(woman: Vietnam),scale_free,tiny,2010-01,2010-06,0,1,0,"
            + "no,weak,src\n"
            + "elsewhere,Another scenario,women_rescued,national,elsewhere,2010-07,2010-12,1,2,0,no,weak,src\n";

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
    static Path folder;
    static Path doc;
    static Outcome check;
    static Map<String, CSVRecord> rows;

    @BeforeAll
    static void checkTiny() throws IOException {
        Path patterns = tmp.resolve("patterns.csv");
        Files.writeString(patterns, PATTERNS);
        doc = tmp.resolve("ODD.md");
        Files.writeString(doc, "# before\n\n" + PatternsReport.BEGIN + "\nold table\n" + PatternsReport.END + "\n\nafter\n");
        folder = tmp.resolve("out");
        check = crackdown("patterns", TINY.toString(), "--patterns", patterns.toString(), "--replicates", "2",
                "--scale", "0.02", "--threads", "2", "--out", folder.toString(), "--markdown", doc.toString(), "--quiet");
        assertEquals(Main.OK, check.code(), check::err);
        rows = new LinkedHashMap<>();
        for (CSVRecord r : csv(folder.resolve("patterns.csv"))) {
            rows.put(r.get("id"), r);
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            assertEquals(PatternsReport.CSV_HEADER, p.getHeaderNames());
            return p.getRecords();
        }
    }

    static double num(String id, String column) {
        return Double.parseDouble(rows.get(id).get(column));
    }

    @Test
    void writesOneWellFormedRowPerPatternInFileOrder() {
        assertEquals(List.of("h2", "h1", "year", "h1_per_year", "price", "price_h1", "gap", "kids_from", "kids_to",
                        "flows_h1", "elsewhere"),
                List.copyOf(rows.keySet()));
        for (CSVRecord r : rows.values()) {
            assertTrue(r.isConsistent(), r::toString);
            if (r.get("status").equals("measured")) {
                assertEquals("2", r.get("n"), r.get("id"));
                double mean = num(r.get("id"), "model_mean");
                assertTrue(num(r.get("id"), "ci_low") <= mean && mean <= num(r.get("id"), "ci_high"), r::toString);
                // An open range ("at least") has no high end in the file.
                double high = r.get("accept_high").isEmpty() ? Double.POSITIVE_INFINITY : num(r.get("id"), "accept_high");
                boolean in = mean >= num(r.get("id"), "accept_low") && mean <= high;
                assertEquals(in ? "yes" : "no", r.get("in_range"), r::toString);
                assertEquals(in ? "pass" : "fail", r.get("verdict"), r::toString);
            }
        }
        assertTrue(check.out().contains("Calibration targets:"), check.out());
    }

    @Test
    void windowsSummedFromMonthsAgreeWithTheSummaryAndPerYearDividesByTheWindow() {
        // h2 is the scenario's measure window (summary.csv); h1 and the year are summed by month.
        assertEquals(num("year", "model_mean"), num("h1", "model_mean") + num("h2", "model_mean"),
                1e-9 * num("year", "model_mean"));
        assertTrue(num("h1", "model_mean") > 0, "women are rescued in the first half-year too");
        assertEquals(2 * num("h1", "model_mean"), num("h1_per_year", "model_mean"), 1e-9 * num("h1", "model_mean"));
    }

    @Test
    void reportsWhatCannotBeMeasuredHonestly() {
        assertEquals("not measured by the model", rows.get("gap").get("status"));
        assertTrue(rows.get("gap").get("detail").contains("no column column_the_model_lacks"));
        assertEquals("", rows.get("gap").get("in_range"));
        assertEquals("0", rows.get("gap").get("n"));
        // A price over months other than the measure window is the sales-weighted mean of those months.
        assertEquals("measured", rows.get("price_h1").get("status"));
        assertTrue(num("price_h1", "model_mean") > 0, rows.get("price_h1")::toString);
        assertEquals("scenario not run", rows.get("elsewhere").get("status"));
    }

    @Test
    void aFlowShareIsReadFromTheSameFlowsThatARunWritesToFlowsCsv() throws IOException {
        // Replicates 1 and 2 are seeds 1 and 2 (the scenario's seed and the next): the mean of the
        // shares computed by hand from each run's flows.csv is the pattern's model mean.
        // Fujian's and Guangdong's share of China's population (FlowShareTest checks it by hand).
        double fujianAndGuangdong = org.crackdown.outcome.FlowShare.parse("destination_quotient(boy+girl: CN-FJ CN-GD)")
                .populationShare();
        double from = 0;
        double to = 0;
        double fromGz = 0;
        double fromYn = 0;
        for (int seed = 1; seed <= 2; seed++) {
            Path run = tmp.resolve("run" + seed);
            Outcome o = crackdown("run", TINY.toString(), "--seed", String.valueOf(seed), "--set", "scale=0.02",
                    "--out", run.toString(), "--quiet");
            assertEquals(Main.OK, o.code(), o::err);
            long children = 0;
            long fromGzYn = 0;
            long gz = 0;
            long toFjGd = 0;
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(run.resolve("flows.csv")))) {
                if (r.get("victim_type").equals("woman")) {
                    continue;
                }
                long n = Long.parseLong(r.get("count"));
                children += n;
                fromGzYn += List.of("CN-GZ", "CN-YN").contains(r.get("origin")) ? n : 0;
                gz += r.get("origin").equals("CN-GZ") ? n : 0;
                toFjGd += List.of("CN-FJ", "CN-GD").contains(r.get("destination")) ? n : 0;
            }
            assertTrue(children > 0, "children are sold in seed " + seed);
            from += (double) fromGzYn / children / 2;
            fromGz += (double) gz / children / 2;
            fromYn += (double) (fromGzYn - gz) / children / 2;
            to += (double) toFjGd / children / fujianAndGuangdong / 2;
        }
        assertEquals("measured", rows.get("kids_from").get("status"));
        assertEquals(from, num("kids_from", "model_mean"), 1e-5 * from); // written to six digits
        assertEquals(to, num("kids_to", "model_mean"), 1e-5 * to);
        // A share over several places also says what each place alone gives, in the order written.
        assertEquals("by place: CN-GZ " + PatternsReport.human(fromGz) + ", CN-YN " + PatternsReport.human(fromYn),
                rows.get("kids_from").get("detail"));
        // Flows are counted over the measure window only: another window is not measured.
        assertEquals("not measured by the model", rows.get("flows_h1").get("status"));
        assertTrue(rows.get("flows_h1").get("detail").contains("flows are counted only over the scenario's measure "
                + "window"), rows.get("flows_h1")::toString);
    }

    @Test
    void htmlIsSelfContainedAndMarkdownReplacesOnlyItsSection() throws IOException {
        String html = Files.readString(folder.resolve("patterns.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.strip().endsWith("</html>"));
        assertFalse(html.contains("<script") || html.contains("http://") || html.contains("https://"));
        for (String id : rows.keySet()) {
            assertTrue(html.contains(id), id);
        }
        String md = Files.readString(doc);
        assertTrue(md.startsWith("# before\n"));
        assertTrue(md.endsWith("\nafter\n"));
        assertFalse(md.contains("old table"));
        assertTrue(md.contains("| Women rescued Jan-Jun <br>`women_rescued`, 2010-01..2010-06 |"), md);
        assertTrue(md.contains("Regenerate with `./crackdown patterns " + TINY + " --patterns "), md);
        assertTrue(md.contains(" --replicates 2 --scale 0.02 --markdown "), md);
    }

    @Test
    void badInputExitsWithTwoAndWritesNothing() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, HEAD + "x,d,women_rescued,national,tiny,2010-07,2010-12,1,2,0,perhaps,strong,src\n");
        Path out = tmp.resolve("never");
        Outcome o = crackdown("patterns", TINY.toString(), "--patterns", bad.toString(), "--out", out.toString());
        assertEquals(Main.BAD_INPUT, o.code());
        assertTrue(o.err().contains(bad + ":2:11: used_in_calibration: 'perhaps' must be yes or no"), o.err());
        assertFalse(Files.exists(out));

        Path good = tmp.resolve("good.csv");
        Files.writeString(good, HEAD + "x,d,women_rescued,national,tiny,2010-07,2010-12,1,2,0,no,strong,src\n");
        Outcome noDefault = crackdown("patterns", "--patterns", good.toString(), "--out", out.toString());
        assertEquals(Main.BAD_INPUT, noDefault.code());
        assertTrue(noDefault.err().contains("patterns need scenario tiny, but there is no"), noDefault.err());

        Path noMarkers = tmp.resolve("plain.md");
        Files.writeString(noMarkers, "# a document without markers\n");
        Outcome md = crackdown("patterns", TINY.toString(), "--patterns", good.toString(), "--out", out.toString(),
                "--markdown", noMarkers.toString());
        assertEquals(Main.BAD_INPUT, md.code());
        assertTrue(md.err().contains("must contain the lines"), md.err());
        assertEquals("# a document without markers\n", Files.readString(noMarkers));
        assertFalse(Files.exists(out));

        Outcome exists = crackdown("patterns", TINY.toString(), "--patterns", good.toString(), "--out",
                folder.toString());
        assertEquals(Main.BAD_INPUT, exists.code());
        assertTrue(Files.exists(folder.resolve("patterns.csv")), "the earlier folder is untouched");

        Outcome twice = crackdown("patterns", TINY.toString(), "tiny=" + TINY, "--patterns", good.toString(), "--out",
                out.toString());
        assertEquals(Main.BAD_INPUT, twice.code());
        assertTrue(twice.err().contains("give one file per scenario name"), twice.err());

        assertEquals(Main.BAD_INPUT, crackdown("patterns", "--replicates", "0").code());
        assertEquals(Main.BAD_INPUT, crackdown("patterns", "--scale", "-1").code());
        assertEquals(Main.BAD_INPUT, crackdown("patterns", "no/such/scenario.yaml", "--patterns", good.toString(),
                "--out", out.toString()).code());
        assertFalse(Files.exists(out));
    }
}
