package org.crackdown.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.analysis.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFolderReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsRunsRolesAndProvenance() throws Exception {
        Experiment e = SweepFolderReader.read(Fixtures.resource("sweep-crn"));
        assertEquals(30, e.runs().size());
        assertEquals(List.of("baseline", "double-police", "buyer-prosecution"), e.strategies());
        assertEquals(List.of("1"), e.points());
        assertEquals("grid", e.designKind());
        assertEquals("sweep-crn", e.name());
        assertTrue(e.parameters().isEmpty());
        // Measures come from the descriptor's roles, not from a list in the code.
        assertTrue(e.measureIndex("women_rescued") >= 0);
        assertTrue(e.measureIndex("rescues_per_officer_year") >= 0);
        assertEquals(-1, e.measureIndex("seed"));
        assertEquals("victims", e.measure("women_rescued").orElseThrow().unit());
        Run failed = e.runs().stream().filter(r -> !r.ok()).findFirst().orElseThrow();
        assertEquals("buyer-prosecution", failed.strategy());
        assertEquals("7", failed.replicate());
        assertTrue(failed.error().contains("OutOfMemoryError"));
        assertTrue(Double.isNaN(failed.value(0)));
        assertEquals("fixture-host", e.provenance().get("host"));
    }

    @Test
    void readsVariedParametersOfASampledDesign() throws Exception {
        Experiment e = SweepFolderReader.read(Fixtures.resource("sweep-lhs"));
        assertEquals("lhs", e.designKind());
        assertEquals(List.of("police.budget", "buyers.prosecution_probability", "gangs.abduction_success",
                "border.control"), e.parameters().stream().map(Field::name).toList());
        assertEquals(20, e.points().size());
        assertEquals("2.9452", e.pointParameters().get("1").get("police.budget"));
    }

    /** National monthly totals must equal the sum over provinces, computed here from the raw file. */
    @Test
    void aggregatesTheTimeSeriesOverProvinces() throws Exception {
        Path dir = Fixtures.resource("sweep-crn");
        Experiment e = SweepFolderReader.read(dir);
        TimeSeries ts = e.timeSeries().orElseThrow();
        List<String[]> rows = Fixtures.csv(dir.resolve("timeseries.csv"));
        String[] h = rows.get(0);
        int run = Fixtures.column(h, "run_id");
        int date = Fixtures.column(h, "date");
        int women = Fixtures.column(h, "women_rescued");
        int price = Fixtures.column(h, "price_woman");
        double sum = 0;
        double priceSum = 0;
        int priced = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[run].equals("p1-double-police-r03") && r[date].equals("2010-09-01")) {
                sum += Double.parseDouble(r[women]);
                if (!r[price].isEmpty()) {
                    priceSum += Double.parseDouble(r[price]);
                    priced++;
                }
            }
        }
        int month = ts.months().indexOf("2010-09-01");
        double[] national = ts.national().get("p1-double-police-r03")[month];
        assertEquals(sum, national[ts.measureIndex("women_rescued")], 1e-9);
        // Prices are averaged over the provinces that had a sale, not summed.
        assertTrue(priced > 0);
        assertEquals(priceSum / priced, national[ts.measureIndex("price_woman")], 1e-6);
        assertEquals(12, ts.months().size());
        // The failed run has no series.
        assertFalse(ts.national().containsKey("p1-buyer-prosecution-r07"));
    }

    private String error(Path dir) {
        return assertThrows(AnalysisInputException.class, () -> SweepFolderReader.read(dir)).getMessage();
    }

    @Test
    void aBadNumberNamesFileLineAndColumn() {
        Path dir = Fixtures.copy("sweep-grid", tmp);
        List<String[]> rows = Fixtures.csv(dir.resolve("runs.csv"));
        String[] line3 = rows.get(2);
        int w = Fixtures.column(rows.get(0), "women_rescued");
        String before = String.join(",", line3);
        line3[w] = "lots";
        Fixtures.edit(dir.resolve("runs.csv"), before, String.join(",", line3));
        String m = error(dir);
        assertTrue(m.contains("runs.csv line 3, column 'women_rescued': expected a number"), m);
        assertTrue(m.contains("'lots'"), m);
    }

    @Test
    void headerAndDescriptorMustAgree() {
        Path dir = Fixtures.copy("sweep-grid", tmp);
        Fixtures.edit(dir.resolve("runs.csv"), "gangs_busted", "gangs_smashed");
        String m = error(dir);
        assertTrue(m.contains("column 'gangs_smashed' is not described in datapackage.json"), m);
    }

    @Test
    void aDescribedColumnMissingFromTheFileIsReported() {
        Path dir = Fixtures.copy("sweep-grid", tmp);
        Fixtures.edit(dir.resolve("datapackage.json"), "\"name\": \"tips\"", "\"name\": \"tips_received\"");
        String m = error(dir);
        assertTrue(m.contains("'tips'") || m.contains("'tips_received'"), m);
    }

    @Test
    void duplicateReplicatesAreRefused() {
        Path dir = Fixtures.copy("sweep-grid", tmp);
        Fixtures.edit(dir.resolve("runs.csv"), "p1-baseline-r02,1,baseline,2,", "p1-baseline-r02,1,baseline,1,");
        String m = error(dir);
        assertTrue(m.contains("replicate 1 already appears on line 2"), m);
    }

    @Test
    void unknownRolesAndNonNumericMeasuresAreRefused() {
        Path a = Fixtures.copy("sweep-grid", tmp.resolve("a"));
        Fixtures.edit(a.resolve("datapackage.json"), "\"role\": \"parameter\"", "\"role\": \"knob\"");
        assertTrue(error(a).contains("role 'knob'; allowed: id, parameter, measure"));
        Path b = Fixtures.copy("sweep-grid", tmp.resolve("b"));
        Fixtures.edit(b.resolve("datapackage.json"), "\"women_rescued\",\n            \"type\": \"integer\"",
                "\"women_rescued\",\n            \"type\": \"string\"");
        String m = error(b);
        assertTrue(m.contains("measure 'women_rescued' of runs.csv has type 'string'"), m);
    }

    @Test
    void aMissingDescriptorIsReported() throws Exception {
        Path dir = Fixtures.copy("sweep-grid", tmp);
        Files.delete(dir.resolve("datapackage.json"));
        assertTrue(error(dir).contains("datapackage.json: missing"));
    }

    @Test
    void raggedRowsAreReported() {
        Path dir = Fixtures.copy("sweep-grid", tmp);
        Fixtures.edit(dir.resolve("runs.csv"), "p1-baseline-r03,", "p1-baseline-r03,extra,");
        String m = error(dir);
        assertTrue(m.contains("runs.csv line 4:") && m.contains("cells, but the header has"), m);
    }
}
