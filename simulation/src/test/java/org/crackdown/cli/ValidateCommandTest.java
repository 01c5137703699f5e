package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code crackdown validate} through {@link Main#execute}: output, errors and exit codes. */
class ValidateCommandTest {

    private static final String BROKEN = "src/test/resources/scenarios/";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void validFilesPrintOneOkLineEach() {
        Result r = run("validate", "../scenarios/china-2011.yaml", "../scenarios/china-2011-no-campaign.yaml");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals("ok  ../scenarios/china-2011.yaml (china-2011, 2008-01-01..2011-12-31, 1 campaign "
                + "[national-2009 2009-04-09..2011-12-31 x1], 2 timeline changes)\n"
                + "ok  ../scenarios/china-2011-no-campaign.yaml (china-2011-no-campaign, 2008-01-01..2011-12-31, "
                + "0 campaigns, 2 timeline changes)\n", r.out().replace("\r\n", "\n"));
        assertEquals("", r.err());
    }

    @Test
    void allShippedScenariosAreValid() {
        Result r = run("validate", "../scenarios/china-2011.yaml", "../scenarios/china-2011-no-campaign.yaml",
                "../scenarios/china-2011-double-police.yaml", "../scenarios/china-2011-buyer-prosecution.yaml",
                "../scenarios/china-2011-hotspot.yaml");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(5, r.out().lines().filter(l -> l.startsWith("ok  ")).count(), r.out());
    }

    @Test
    void allShippedOptimizeFilesAreValid() throws Exception {
        List<String> files;
        try (var list = Files.list(Path.of("../scenarios/optimize"))) {
            files = list.map(Path::toString).filter(f -> f.endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.contains("../scenarios/optimize/campaign-timing-2011.yaml"), files.toString());
        List<String> args = new ArrayList<>(List.of("validate"));
        args.addAll(files);
        Result r = run(args.toArray(String[]::new));
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(files.size(), r.out().lines().filter(l -> l.startsWith("ok  ")).count(), r.out());
    }

    @Test
    void invalidFilePrintsEveryProblemToErrAndExitsTwo() {
        Result r = run("validate", "../scenarios/china-2011.yaml", BROKEN + "bad-type.yaml");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.out().startsWith("ok  ../scenarios/china-2011.yaml"), r.out());
        assertEquals(3, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(BROKEN + "bad-type.yaml:5:11: police.budget: expected a number from 0 to 10 "
                + "(x baseline), got 'lots'"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void setOverridesAreValidatedToo() {
        Result ok = run("validate", "--set", "police.budget=2", "../scenarios/china-2011.yaml");
        assertEquals(Main.OK, ok.code(), ok.err());
        Result bad = run("validate", "--set", "polise.budget=2", "../scenarios/china-2011.yaml");
        assertEquals(Main.BAD_INPUT, bad.code());
        assertEquals("--set: unknown key 'polise.budget'; did you mean 'police.budget'?\n",
                bad.err().replace("\r\n", "\n"));
        Result window = run("validate", "--set", "measure.from=2007-01-01", "../scenarios/china-2011.yaml");
        assertEquals(Main.BAD_INPUT, window.code());
        assertTrue(window.err().startsWith("--set: measure.from 2007-01-01 is before start 2008-01-01"), window.err());
    }

    @Test
    void campaignOverridesShowInTheOkLineAndBadOnesExitTwo() {
        Result ok = run("validate", "--set", "campaigns.national-2009.start=2010-01-01", "--set",
                "campaigns.national-2009.intensity=2.5", "--set", "campaigns.national-2009.half_life_days=365",
                "../scenarios/china-2011.yaml");
        assertEquals(Main.OK, ok.code(), ok.err());
        assertTrue(ok.out().contains("[national-2009 2010-01-01..2011-12-31 x2.5 half-life 365 days]"), ok.out());
        Result unknown = run("validate", "--set", "campaigns.national-2008.start=2010-01-01",
                "../scenarios/china-2011.yaml");
        assertEquals(Main.BAD_INPUT, unknown.code());
        assertEquals("--set: campaigns.national-2008.start: unknown campaign 'national-2008'; did you mean "
                + "'national-2009'?\n", unknown.err().replace("\r\n", "\n"));
        Result date = run("validate", "--set", "campaigns.national-2009.end=2011-13-01", "../scenarios/china-2011.yaml");
        assertEquals(Main.BAD_INPUT, date.code());
        assertEquals("--set: campaigns.national-2009.end: expected a date like 2011-01-01, got '2011-13-01'\n",
                date.err().replace("\r\n", "\n"));
        assertFalse(date.err().contains("Exception"), date.err());
    }

    @Test
    void missingFileIsBadInput() {
        Result r = run("validate", "no/such/file.yaml");
        assertEquals(Main.BAD_INPUT, r.code());
        assertEquals("no/such/file.yaml: cannot read: no such file\n", r.err().replace("\r\n", "\n"));
    }

    @Test
    void noFileIsAUsageError() {
        Result r = run("validate");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("FILE"), r.err());
    }
}
