package org.crackdown.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.crackdown.space.ProvinceNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunCommandTest {

    static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
    static final String TINY = SCENARIOS.resolve("tiny.yaml").toString();
    static final String MISSPELLED = SCENARIOS.resolve("misspelled.yaml").toString();
    static final List<String> CSVS = List.of("timeseries.csv", "summary.csv", "flows.csv");

    record Outcome(int code, String out, String err) {
    }

    static Outcome crackdown(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    static Outcome ok(String... args) {
        Outcome o = crackdown(args);
        assertEquals(Main.OK, o.code(), () -> "exit code; stderr:\n" + o.err() + "\nstdout:\n" + o.out());
        return o;
    }

    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** One tiny run shared by the tests that only read its folder. */
    @TempDir
    static Path shared;
    static Path run7;
    static Outcome run7Outcome;

    @BeforeAll
    static void runTinyOnce() {
        run7 = shared.resolve("tiny-7");
        run7Outcome = ok("run", TINY, "--seed", "7", "--out", run7.toString(), "--quiet");
    }

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ determinism

    @Test
    void sameScenarioAndSeedGiveByteIdenticalCsvs() throws IOException {
        // Same folder name in two places: run_id is the folder name and is in every row.
        Path a = dir.resolve("a/tiny-1");
        Path b = dir.resolve("b/tiny-1");
        Outcome fromScenario = ok("run", TINY, "--out", a.toString(), "--quiet");
        assertTrue(fromScenario.out().contains("seed 1 (from the scenario; use --seed to change)"), fromScenario.out());
        Outcome fromOption = ok("run", TINY, "--seed", "1", "--out", b.toString(), "--quiet");
        assertTrue(fromOption.out().contains("seed 1 (from --seed)"), fromOption.out());
        for (String csv : CSVS) {
            assertArrayEquals(Files.readAllBytes(a.resolve(csv)), Files.readAllBytes(b.resolve(csv)), csv);
        }
    }

    @Test
    void differentSeedsGiveDifferentTimeseries() throws IOException {
        Path a = dir.resolve("a/tiny");
        Path b = dir.resolve("b/tiny");
        ok("run", TINY, "--seed", "1", "--out", a.toString(), "--quiet");
        ok("run", TINY, "--seed", "2", "--out", b.toString(), "--quiet");
        // Compare the measures only: the seed column differs trivially.
        assertNotEquals(measuresOnly(a.resolve("timeseries.csv")), measuresOnly(b.resolve("timeseries.csv")));
    }

    private static List<String> measuresOnly(Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            rows.add(line.substring(line.indexOf(',', line.indexOf(',') + 1)));
        }
        return rows;
    }

    @Test
    void theRecordedScenarioReproducesTheRun() throws IOException {
        Path again = dir.resolve("tiny-7");
        ok("run", run7.resolve("scenario.yaml").toString(), "--seed", "7", "--out", again.toString(), "--quiet");
        for (String csv : List.of("timeseries.csv", "flows.csv")) {
            assertArrayEquals(Files.readAllBytes(run7.resolve(csv)), Files.readAllBytes(again.resolve(csv)), csv);
        }
    }

    // ------------------------------------------------------------------ refusing, replacing, failing

    @Test
    void refusesToOverwriteAndForceReplaces() throws IOException {
        Path target = dir.resolve("tiny-3");
        ok("run", TINY, "--seed", "3", "--out", target.toString(), "--quiet");
        Files.writeString(target.resolve("marker.txt"), "from before");
        byte[] manifest = Files.readAllBytes(target.resolve("run.json"));

        Outcome refused = crackdown("run", TINY, "--seed", "3", "--out", target.toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, refused.code());
        assertTrue(refused.err().contains("already exists") && refused.err().contains("--force"), refused.err());
        assertArrayEquals(manifest, Files.readAllBytes(target.resolve("run.json")), "folder untouched");
        assertTrue(Files.exists(target.resolve("marker.txt")));
        assertEquals(List.of("tiny-3"), list(dir), "no temporary folder left");

        // Issue 12: --force deleted the whole folder if it held a run.json, whatever else was in it.
        Outcome notOurs = crackdown("run", TINY, "--seed", "3", "--out", target.toString(), "--quiet", "--force");
        assertEquals(Main.BAD_INPUT, notOurs.code());
        assertTrue(notOurs.err().contains("did not write") && notOurs.err().contains("marker.txt"), notOurs.err());
        assertTrue(Files.exists(target.resolve("marker.txt")), "a file crackdown did not write is never deleted");
        Files.createDirectories(target.resolve("src"));
        Files.writeString(target.resolve("src/Model.java"), "precious");
        Files.delete(target.resolve("marker.txt"));
        notOurs = crackdown("run", TINY, "--seed", "3", "--out", target.toString(), "--quiet", "--force");
        assertEquals(Main.BAD_INPUT, notOurs.code());
        assertEquals("precious", Files.readString(target.resolve("src/Model.java")));
        assertEquals(List.of("tiny-3"), list(dir), "no temporary folder left");

        Files.delete(target.resolve("src/Model.java"));
        Files.delete(target.resolve("src"));
        Files.writeString(target.resolve("summary.csv"), "from before");
        ok("run", TINY, "--seed", "3", "--out", target.toString(), "--quiet", "--force");
        assertFalse(Files.readString(target.resolve("summary.csv")).equals("from before"), "replaced");
        assertEquals(7, list(target).size(), "the six files and the marker: " + list(target));
        assertEquals(List.of("tiny-3"), list(dir), "no temporary or old folder left");
    }

    @Test
    void misspelledKeyExitsTwoNamingFileAndLineAndCreatesNothing() throws IOException {
        Path target = dir.resolve("runs/misspelled-1");
        Outcome o = crackdown("run", MISSPELLED, "--out", target.toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("misspelled.yaml:10"), o.err());
        assertTrue(o.err().contains("did you mean"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals(List.of(), list(dir), "no folder, no temporary folder, no runs/");
    }

    @Test
    void misspelledOverrideExitsTwo() throws IOException {
        Outcome o = crackdown("run", TINY, "--set", "scael=0.1", "--out", dir.resolve("x").toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("did you mean"), o.err());
        assertEquals(List.of(), list(dir));
    }

    @Test
    void missingScenarioFileExitsTwo() throws IOException {
        Outcome o = crackdown("run", dir.resolve("nope.yaml").toString(), "--out", dir.resolve("x").toString());
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("nope.yaml"), o.err());
        assertEquals(List.of(), list(dir));
    }

    @Test
    void outputFolderThatCannotBeCreatedExitsTwo() throws IOException {
        Files.writeString(dir.resolve("a-file"), "x");
        Outcome o = crackdown("run", TINY, "--out", dir.resolve("a-file/run").toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("cannot create output folder") && o.err().contains("a-file"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals(List.of("a-file"), list(dir));
    }

    // ------------------------------------------------------------------ the folder's contents

    @Test
    void folderHasTheSixFilesAndStdoutTheHeadline() throws IOException {
        assertEquals(List.of(".crackdown", "datapackage.json", "flows.csv", "run.json", "scenario.yaml", "summary.csv",
                "timeseries.csv"), list(run7));
        assertEquals(List.of("tiny-7"), list(shared), "no temporary folder left");
        String out = run7Outcome.out();
        assertTrue(out.contains("seed 7 (from --seed)"), out);
        assertTrue(out.contains(run7.toString()), out);
        for (String h : List.of("women_rescued", "children_rescued", "gangs_busted", "cases_solved",
                "victims_trafficked")) {
            assertTrue(out.contains(h), h + " in\n" + out);
        }
        assertEquals("", run7Outcome.err(), "--quiet prints nothing on stderr for a successful run");
    }

    @Test
    void timeseriesHasEveryProvinceEveryMonthInNetworkOrder() throws IOException {
        List<String> lines = Files.readAllLines(run7.resolve("timeseries.csv"));
        List<String> codes = ProvinceNetwork.china().codes();
        assertEquals(31, codes.size());
        assertEquals(1 + 12 * 31, lines.size());
        Map<String, List<String>> byMonth = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            assertEquals("tiny-7", c[0]);
            assertEquals("7", c[1]);
            byMonth.computeIfAbsent(c[2], k -> new ArrayList<>()).add(c[3]);
        }
        List<String> months = new ArrayList<>(byMonth.keySet());
        assertEquals(12, months.size());
        for (int m = 0; m < 12; m++) {
            assertEquals(LocalDate.of(2010, m + 1, 1).toString(), months.get(m));
            assertEquals(codes, byMonth.get(months.get(m)), "province order in " + months.get(m));
        }
    }

    @Test
    void csvsUseUnixLineEndingsNoBomAndNoFractionalCounts() throws IOException {
        for (String csv : CSVS) {
            byte[] bytes = Files.readAllBytes(run7.resolve(csv));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.contains("\r"), csv);
            assertFalse(text.startsWith("\uFEFF"), csv);
            assertTrue(text.endsWith("\n"), csv);
            assertFalse(text.contains("NaN") || text.contains("E-") || text.contains("E+"), csv);
        }
    }

    @Test
    void dataPackageDescribesEachCsvExactly() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(run7.resolve("datapackage.json").toFile());
        assertEquals("tabular-data-package", pkg.get("profile").asText());
        assertTrue(pkg.get("name").asText().matches("[a-z0-9._/-]+"), pkg.get("name").asText());
        Set<String> described = new LinkedHashSet<>();
        for (JsonNode r : pkg.get("resources")) {
            String path = r.get("path").asText();
            described.add(path);
            assertEquals("tabular-data-resource", r.get("profile").asText());
            assertEquals("csv", r.get("format").asText());
            assertEquals("utf-8", r.get("encoding").asText());
            JsonNode schema = r.get("schema");
            assertEquals("", schema.get("missingValues").get(0).asText());
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (JsonNode f : schema.get("fields")) {
                names.add(f.get("name").asText());
                types.add(f.get("type").asText());
                assertFalse(f.get("description").asText().isBlank(), f.toString());
                assertTrue(f.hasNonNull("unit"), f.toString());
            }
            List<String> lines = Files.readAllLines(run7.resolve(path));
            assertEquals(List.of(lines.get(0).split(",", -1)), names, path + " header vs datapackage");
            for (JsonNode k : schema.path("primaryKey")) {
                assertTrue(names.contains(k.asText()), k.asText());
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    assertConforms(path + " " + names.get(i), types.get(i), cells[i]);
                }
            }
        }
        assertEquals(Set.copyOf(CSVS), described);
        assertTrue(hasPrimaryKey(pkg, "timeseries.csv", List.of("run_id", "date", "province")));
    }

    private static boolean hasPrimaryKey(JsonNode pkg, String path, List<String> key) {
        for (JsonNode r : pkg.get("resources")) {
            if (r.get("path").asText().equals(path)) {
                List<String> k = new ArrayList<>();
                r.get("schema").get("primaryKey").forEach(n -> k.add(n.asText()));
                return k.equals(key);
            }
        }
        return false;
    }

    private static void assertConforms(String where, String type, String cell) {
        if (cell.isEmpty()) {
            return; // declared missing value
        }
        try {
            switch (type) {
                case "integer" -> Long.parseLong(cell);
                case "number" -> Double.parseDouble(cell);
                case "date" -> LocalDate.parse(cell);
                case "string" -> { }
                default -> throw new AssertionError(where + ": unexpected type " + type);
            }
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": '" + cell + "' is not a valid " + type, e);
        }
    }

    @Test
    void runJsonRecordsProvenance() throws IOException {
        JsonNode run = new ObjectMapper().readTree(run7.resolve("run.json").toFile());
        assertEquals("tiny-7", run.get("run_id").asText());
        assertEquals("completed", run.get("status").asText());
        assertEquals(7, run.get("seed").asLong());
        assertEquals(TINY, run.get("scenario_file").asText());
        assertEquals("tiny", run.get("scenario").get("name").asText());
        assertEquals(0.02, run.get("scenario").get("scale").asDouble());
        assertEquals(365, run.get("simulated_days").asLong());
        for (String k : List.of("code_version", "git_commit", "java_version", "java_vendor", "os", "host", "started",
                "finished", "wall_clock_seconds", "overrides")) {
            assertTrue(run.has(k), k);
        }
    }

    @Test
    void overridesAreAppliedAndRecorded() throws IOException {
        Path target = dir.resolve("tiny-scale");
        ok("run", TINY, "--set", "scale=0.01", "--out", target.toString(), "--quiet");
        JsonNode run = new ObjectMapper().readTree(target.resolve("run.json").toFile());
        assertEquals("scale=0.01", run.get("overrides").get(0).asText());
        assertEquals(0.01, run.get("scenario").get("scale").asDouble());
        assertTrue(Files.readString(target.resolve("scenario.yaml")).contains("scale: 0.01"));
    }
}
