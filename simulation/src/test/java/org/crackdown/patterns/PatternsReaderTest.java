package org.crackdown.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** Strict reading of patterns files: every problem at its line and column, all at once. */
class PatternsReaderTest {

    static final String HEADER = String.join(",", PatternsReader.HEADER) + "\n";

    @Test
    void theShippedPatternsFileIsValidAndCitesChinaFactsEverywhere() throws ScenarioException {
        List<Pattern> ps = PatternsReader.read(Path.of("../scenarios/data/patterns.csv"));
        Set<String> ids = new HashSet<>();
        for (Pattern p : ps) {
            assertTrue(ids.add(p.id()), p.id());
            assertTrue(p.source().contains("china-facts.md §"), p.id() + " cites no china-facts section");
        }
        assertTrue(ps.stream().anyMatch(Pattern::usedInCalibration));
        assertTrue(ps.stream().anyMatch(p -> !p.usedInCalibration()), "no pattern is a real test");
        Pattern women = ps.stream().filter(p -> p.id().equals("women_rescued_2011")).findFirst().orElseThrow();
        assertEquals(15458, women.low());
        assertEquals(0.10, women.tolerance());
        assertEquals(YearMonth.of(2011, 1), women.from());
        assertEquals(Pattern.Scope.NATIONAL, women.scope());
    }

    @Test
    void readsEveryField() throws ScenarioException {
        List<Pattern> ps = PatternsReader.parse("p.csv", HEADER
                + "# a comment line\n"
                + "ratio_x,\"Buying per case, 2009\",buyers_prosecuted/cases_solved,scale_free,china-2000-2020,"
                + "2009-04,2010-05,0.11,0.11,0.15,no,strong,china-facts.md §2\n"
                + "at_least,Children,boys_acquired+girls_acquired-acquired_purchase,national_per_year,s,2011-01,"
                + "2011-12,2000,,0,yes,weak,china-facts.md §6\n");
        assertEquals(2, ps.size());
        Pattern r = ps.get(0);
        assertEquals("Buying per case, 2009", r.description());
        assertTrue(r.output().isRatio());
        assertEquals(Pattern.Scope.SCALE_FREE, r.scope());
        assertEquals(14, r.months());
        assertFalse(r.usedInCalibration());
        assertEquals(Pattern.Strength.STRONG, r.strength());
        assertEquals(3, r.line());
        Pattern a = ps.get(1);
        assertEquals(Double.POSITIVE_INFINITY, a.high(), "empty observed_high: no upper bound");
        assertEquals(List.of("boys_acquired", "girls_acquired", "acquired_purchase"), List.copyOf(a.output().columns()));
        assertEquals(4, a.line());
    }

    @Test
    void reportsEveryProblemAtItsLineAndColumn() {
        String text = HEADER
                + "Bad-Id,d,women_rescued,national,s,2011-01,2011-12,1,2,0.1,yes,strong,src\n"
                + "x2,d,women_rescued,nationwide,s,2011-01,2011-12,1,2,0.1,yes,strong,src\n"
                + "x3,d,women_rescued,national,s,2011-12,2011-01,15,458,0.1,maybe,strongish,src\n"
                + "x4,d,a//b,national,s,2011-01,2011,1,2,1.5,no,weak,\n"
                + "x5,d,price_boy,national,s,2011-01,2011-12,1,2,0,no,weak,src\n"
                + "x6,d,women_rescued,scale_free,s,2011-01,2011-12,1,2,0,no,weak,src\n"
                + "x7,too,few\n"
                + "x8,d,women_rescued,national,s,2011-01,2011-12,\"15,458\",2,0,no,weak,src\n"
                + "x8,d,women_rescued,national,s,2011-01,2011-12,1,2,0,no,weak,src\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> PatternsReader.parse("p.csv", text));
        String all = String.join("\n", e.problems().stream().map(Problem::toString).toList());
        assertHas(all, "p.csv:2:1: id: 'Bad-Id' must be snake_case");
        assertHas(all, "p.csv:3:4: scope: 'nationwide' must be one of national, national_per_year, scale_free");
        assertHas(all, "p.csv:4:7: to: 2011-01 is before from 2011-12");
        assertHas(all, "p.csv:4:11: used_in_calibration: 'maybe' must be yes or no");
        assertHas(all, "p.csv:4:12: strength: 'strongish' must be one of strong, weak");
        assertHas(all, "p.csv:5:3: output: 'a//b' has more than one '/'");
        assertHas(all, "p.csv:5:7: to: '2011' is not a month YYYY-MM");
        assertHas(all, "p.csv:5:10: tolerance: 1.5 must be from 0");
        assertHas(all, "p.csv:5:13: source: is empty");
        assertHas(all, "p.csv:6:4: scope: national scales counts to all of China, but price_boy is not a count");
        assertHas(all, "p.csv:7:4: scope: scale_free, but women_rescued is a count");
        assertHas(all, "p.csv:8:0: has 3 fields, expected 13");
        assertHas(all, "p.csv:9:8: observed_low: '15,458' is not a number (write 15458, not 15,458)");
        assertHas(all, "p.csv:10:1: id: 'x8' is used twice");
        assertEquals(14, e.problems().size(), all);
    }

    @Test
    void aRatioOfCountsMayBeScaleFreeAndAnUnknownColumnIsNotJudged() throws ScenarioException {
        List<Pattern> ps = PatternsReader.parse("p.csv", HEADER
                + "a,d,women_rescued/gangs_busted,scale_free,s,2011-01,2011-12,1,2,0,no,weak,src\n"
                + "b,d,cases_registered,national,s,2011-01,2011-12,1,2,0,no,weak,src\n");
        assertEquals(2, ps.size());
    }

    @Test
    void aFlowShareIsScaleFreeAndItsMistakesAreReportedAtTheirLine() throws ScenarioException {
        List<Pattern> ps = PatternsReader.parse("p.csv", HEADER
                + "a,d,origin_quotient(boy+girl: CN-YN CN-GZ),scale_free,s,2011-01,2011-12,1,,0,no,weak,src\n");
        assertEquals(org.crackdown.outcome.FlowShare.parse("origin_quotient(boy+girl: CN-YN CN-GZ)"), ps.get(0).output());
        ScenarioException e = assertThrows(ScenarioException.class, () -> PatternsReader.parse("p.csv", HEADER
                + "a,d,origin_quotient(boy+girl: CN-YN),national,s,2011-01,2011-12,1,,0,no,weak,src\n"
                + "b,d,origin_share(boy: Hanoi),scale_free,s,2011-01,2011-12,0,1,0,no,weak,src\n"));
        String all = e.problems().stream().map(Problem::toString).reduce("", (x, y) -> x + y + "\n");
        assertHas(all, "p.csv:2:4: scope: national, but origin_quotient(boy+girl: CN-YN) is a share of the victims "
                + "sold, free of the run's scale: use scale_free");
        assertHas(all, "p.csv:3:3: output: 'origin_share(boy: Hanoi)': 'Hanoi' is not a province code");
    }

    @Test
    void aWrongHeaderSaysWhatIsMissingAndSuggests() {
        String bad = HEADER.replace("observed_low", "observed_lo");
        ScenarioException e = assertThrows(ScenarioException.class, () -> PatternsReader.parse("p.csv", bad));
        String m = e.problems().get(0).toString();
        assertHas(m, "p.csv:1:0: header must be id,description");
        assertHas(m, "'observed_lo' is not a column (did you mean observed_low?)");
        assertHas(m, "'observed_low' is missing");
    }

    @Test
    void aByteOrderMarkFromASpreadsheetIsNotPartOfTheHeader(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path f = tmp.resolve("p.csv");
        java.nio.file.Files.writeString(f, "\uFEFF" + HEADER
                + "a,d,women_rescued,national,s,2011-01,2011-12,1,2,0,no,weak,src\n");
        assertEquals("a", PatternsReader.read(f).get(0).id());
    }

    @Test
    void emptyFilesAndMissingFilesAreReported() {
        assertHas(assertThrows(ScenarioException.class, () -> PatternsReader.parse("p.csv", ""))
                .problems().get(0).toString(), "p.csv: empty");
        assertHas(assertThrows(ScenarioException.class, () -> PatternsReader.parse("p.csv", HEADER))
                .problems().get(0).toString(), "p.csv: has a header but no patterns");
        assertHas(assertThrows(ScenarioException.class, () -> PatternsReader.read(Path.of("no/such.csv")))
                .problems().get(0).toString(), "no/such.csv: no such file");
    }

    static void assertHas(String all, String expected) {
        assertTrue(all.contains(expected), () -> "expected\n  " + expected + "\nin\n" + all);
    }
}
