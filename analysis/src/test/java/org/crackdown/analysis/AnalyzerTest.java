package org.crackdown.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AnalyzerTest {

    @TempDir
    Path tmp;

    private final StringWriter log = new StringWriter();

    private Analyzer.Outcome run(AnalysisRequest req) throws Exception {
        return Analyzer.run(req, "test", new PrintWriter(log, true));
    }

    @Test
    @Tag("slow")
    void writesTablesDescriptorFiguresAndReport() throws Exception {
        Path out = tmp.resolve("out");
        Analyzer.Outcome o = run(AnalysisRequest.of(List.of(Fixtures.resource("sweep-crn"))).withOut(out, false));
        assertEquals(out.toAbsolutePath().normalize(), o.folder());
        for (String f : List.of("summary_by_strategy.csv", "paired_differences.csv", "ranking.csv", "sensitivity.csv",
                "datapackage.json", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // Time series of the compared measures in timeseries.csv, a forest plot, one map per strategy.
        for (String f : List.of("timeseries-rescues", "forest", "map-baseline", "map-double-police",
                "map-buyer-prosecution")) {
            assertTrue(Files.size(out.resolve("figures/" + f + ".png")) > 10_000, f);
            assertTrue(Files.readString(out.resolve("figures/" + f + ".svg")).contains("<svg"), f);
        }
        assertEquals(o.figures(), countSvgs(out.resolve("figures")));
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(o.figures(), count(html, "<svg"));
        assertFalse(html.contains("<script"), "no scripts");
        // Namespaces (xmlns="http://www.w3.org/2000/svg") are names, not fetches; links and sources are.
        assertFalse(java.util.regex.Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:|//)|url\\((?!#)|@import")
                .matcher(html).find(), "nothing fetched from the network");
        assertTrue(html.contains("double-police gives"), "plain-language finding");
        // No temporary folder is left behind.
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList());
        }
    }

    private static long countSvgs(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".svg")).count();
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Every CSV's header is exactly the columns its descriptor lists, in order. */
    @Test
    void descriptorDescribesEveryColumn() throws Exception {
        Path out = tmp.resolve("out");
        run(AnalysisRequest.of(List.of(Fixtures.resource("sweep-lhs"))).withOut(out, false).withFigures(false));
        JsonNode pkg = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        List<String> paths = new ArrayList<>();
        for (JsonNode r : pkg.get("resources")) {
            String path = r.get("path").asText();
            paths.add(path);
            List<String> names = new ArrayList<>();
            for (JsonNode f : r.get("schema").get("fields")) {
                names.add(f.get("name").asText());
                assertFalse(f.get("description").asText().isBlank(), path + " " + f);
                assertTrue(f.has("unit") && f.has("type") && f.has("role"), path + " " + f);
            }
            String header = Files.readAllLines(out.resolve(path)).get(0);
            assertEquals(String.join(",", names), header, path);
        }
        // A Latin hypercube draws its points, so it also gets the comparison over them (issue 11).
        assertEquals(List.of("summary_by_strategy.csv", "paired_differences.csv", "ranking.csv", "sensitivity.csv",
                "design_points.csv", "robust_comparison.csv", "scenario_discovery.csv"), paths);
        assertTrue(Files.readAllLines(out.resolve("sensitivity.csv")).size() > 1, "sampled design has sensitivities");
        assertEquals("lhs", pkg.get("analysis").get("design").asText());
    }

    @Test
    @Tag("slow")
    void sameInputSameBytes() throws Exception {
        Path in = Fixtures.resource("runs");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        run(AnalysisRequest.of(List.of(in)).withOut(a, false));
        run(AnalysisRequest.of(List.of(in)).withOut(b, false));
        for (String f : List.of("summary_by_strategy.csv", "paired_differences.csv", "ranking.csv", "datapackage.json",
                "report.html", "figures/map-baseline.svg")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void refusesToOverwriteUnlessForcedAndOnlyAnAnalysis() throws Exception {
        Path in = Fixtures.copy("sweep-grid", tmp);
        AnalysisRequest req = AnalysisRequest.of(List.of(in)).withFigures(false);
        Path out = run(req).folder();
        assertEquals(in.resolve("analysis").toAbsolutePath().normalize(), out);
        String m = assertThrows(AnalysisInputException.class, () -> run(req)).getMessage();
        assertTrue(m.contains("already exists; use --force"), m);
        Files.writeString(out.resolve("report.html"), "old");
        run(req.withOut(null, true));
        assertFalse(Files.readString(out.resolve("report.html")).equals("old"), "replaced");
        // Issue 12: a file crackdown did not write stops --force, even in a folder it wrote.
        Files.writeString(out.resolve("notes.txt"), "mine");
        m = assertThrows(AnalysisInputException.class, () -> run(req.withOut(null, true))).getMessage();
        assertTrue(m.contains("refusing to replace") && m.contains("notes.txt"), m);
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        Path data = Files.createDirectory(tmp.resolve("precious"));
        Files.writeString(data.resolve("thesis.tex"), "...");
        Files.writeString(data.resolve("report.html"), "...");
        m = assertThrows(AnalysisInputException.class, () -> run(req.withOut(data, true))).getMessage();
        assertTrue(m.contains("refusing to replace") && m.contains("did not write"), m);
        assertTrue(Files.exists(data.resolve("thesis.tex")));
    }

    @Test
    void badInputLeavesNoOutput() throws Exception {
        Path in = Fixtures.copy("sweep-grid", tmp);
        Fixtures.edit(in.resolve("runs.csv"), ",ok,", ",ok,,");
        assertThrows(AnalysisInputException.class, () -> run(AnalysisRequest.of(List.of(in))));
        assertFalse(Files.exists(in.resolve("analysis")));
        try (Stream<Path> s = Files.list(in)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temp folder");
        }
    }

    @Test
    void runFoldersWithDifferentParentsNeedAnOutputFolder() throws Exception {
        Path a = Fixtures.copy("runs/baseline-11", tmp.resolve("x"));
        Path b = Fixtures.copy("runs/double-police-11", tmp.resolve("y"));
        String m = assertThrows(AnalysisInputException.class, () -> run(AnalysisRequest.of(List.of(a, b)))).getMessage();
        assertTrue(m.contains("--out"), m);
    }

    /** Degenerate designs still give a complete report: one strategy; one replicate (nothing testable). */
    @Test
    void degenerateDesignsDoNotBreak() throws Exception {
        SyntheticSweep one = new SyntheticSweep();
        for (int k = 1; k <= 3; k++) {
            one.add("only", k, SyntheticSweep.women(k), SyntheticSweep.children(k), 40);
        }
        Analyzer.Outcome o = run(AnalysisRequest.of(List.of(one.write(tmp.resolve("one")))));
        assertTrue(o.results().differences().isEmpty());
        assertTrue(Files.readString(o.folder().resolve("report.html")).contains("Only one strategy"));

        SyntheticSweep single = new SyntheticSweep().add("a", 1, 10, 5, 2).add("b", 1, 12, 5, 2);
        o = run(AnalysisRequest.of(List.of(single.write(tmp.resolve("single")))));
        assertTrue(o.findings().significant().isEmpty());
        assertTrue(o.findings().notSignificant().get(0).contains("cannot be tested (1 pair of runs"),
                o.findings().notSignificant().get(0));
        String csv = Files.readString(o.folder().resolve("paired_differences.csv"));
        assertTrue(csv.contains("1,b,a,rescues,victims,1,0,15,17,2,,,,"), csv);
    }
}
