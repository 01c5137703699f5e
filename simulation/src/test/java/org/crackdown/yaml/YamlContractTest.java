package org.crackdown.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.crackdown.calibration.TargetsReader;
import org.crackdown.optimize.OptimizeReader;
import org.crackdown.patterns.PatternsReader;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;
import org.crackdown.sweep.SweepFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of the shared YAML layer: the same malformed snippet gets the same message from
 * every reader (scenario, sweep, calibration targets), at the same place. Each snippet is written
 * on the first lines of an otherwise valid file of each kind.
 */
class YamlContractTest {

    static final Path TINY = Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath();

    @TempDir
    Path tmp;

    /** One kind of file: what follows the snippet to make it valid, and how it is read. */
    private record Kind(String name, String rest, String booleanKey, Reader reader) {
    }

    @FunctionalInterface
    private interface Reader {
        void read(Path file) throws ScenarioException;
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("scenario", "start: 2010-01-01\nend: 2010-12-31\n", "dna.enabled", ScenarioLoader::load),
            new Kind("sweep", "base: " + TINY + "\n", "keep_timeseries", SweepFileReader::read),
            new Kind("targets", "scenario: " + TINY + "\ntargets: {women_rescued: {value: 10, tolerance: 0.1, "
                    + "source: test}}\nfree: {demand.bride_propensity: {min: 0.01, max: 0.5}}\n",
                    "scale_counts", TargetsReader::read),
            // An optimize file has no boolean at its top level (null: left out of the boolean checks).
            new Kind("optimize", "scenario: " + TINY + "\nobjective: {measure: rescues, direction: max}\n"
                    + "decisions: {tasks: [patrol, dna]}\n", null, OptimizeReader::read));

    /** The problems each kind reports for {@code snippet}, with the file's path replaced by "f". */
    private List<String> problems(Kind kind, byte[] snippet) throws IOException {
        Path f = tmp.resolve(kind.name() + ".yaml");
        byte[] rest = kind.rest().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[snippet.length + rest.length];
        System.arraycopy(snippet, 0, all, 0, snippet.length);
        System.arraycopy(rest, 0, all, snippet.length, rest.length);
        Files.write(f, all);
        try {
            kind.reader().read(f);
            return List.of();
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::toString).map(p -> p.replace(f.toString(), "f")).toList();
        }
    }

    /** Every kind reports {@code expected} (among its problems) for {@code snippet}. */
    private void allSay(String snippet, String expected) throws IOException {
        allSay(snippet.getBytes(java.nio.charset.StandardCharsets.UTF_8), k -> expected);
    }

    private void allSay(byte[] snippet, java.util.function.Function<Kind, String> expected) throws IOException {
        for (Kind k : KINDS) {
            List<String> got = problems(k, snippet);
            assertTrue(got.contains(expected.apply(k)), k.name() + " said:\n" + String.join("\n", got)
                    + "\nexpected:\n" + expected.apply(k));
        }
    }

    @Test
    void theFramesAreValidFiles() throws IOException {
        for (Kind k : KINDS) {
            assertEquals(List.of(), problems(k, new byte[0]), k.name());
        }
    }

    @Test
    void unknownKeyWithSuggestion() throws IOException {
        allSay("nmae: x\n", "f:1:1: unknown key 'nmae'; did you mean 'name'?");
    }

    @Test
    void duplicateKey() throws IOException {
        allSay("name: a\nname: b\n", "f:2:1: duplicate key 'name' (first given at line 1)");
    }

    @Test
    void wrongType() throws IOException {
        allSay("description: [a, b]\n", "f:1:14: description: expected one line of text, got a list");
    }

    @Test
    void badBoolean() throws IOException {
        for (Kind k : KINDS.stream().filter(k -> k.booleanKey() != null).toList()) {
            String snippet = k.booleanKey() + ": maybe\n";
            assertTrue(problems(k, snippet.getBytes(java.nio.charset.StandardCharsets.UTF_8)).contains(
                    "f:1:" + (k.booleanKey().length() + 3) + ": " + k.booleanKey() + ": expected true or false, got "
                            + "'maybe'"), k.name());
        }
    }

    @Test
    void oneBooleanRuleEverywhere() throws IOException {
        for (String word : List.of("yes", "no", "on", "off", "true", "false", "Yes", "OFF", "'yes'")) {
            for (Kind k : KINDS.stream().filter(k -> k.booleanKey() != null).toList()) {
                byte[] snippet = (k.booleanKey() + ": " + word + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(List.of(), problems(k, snippet), k.name() + " " + word);
            }
        }
        assertEquals(Boolean.TRUE, YamlReader.yamlBoolean("Yes"));
        assertEquals(Boolean.FALSE, YamlReader.yamlBoolean("off"));
        assertEquals(null, YamlReader.yamlBoolean("y")); // SnakeYAML does not read y/n as booleans either
        assertEquals(null, YamlReader.yamlBoolean("1"));
    }

    @Test
    void tooDeepNesting() throws IOException {
        int levels = YamlFiles.MAX_DEPTH + 1;
        String snippet = "x: " + "[".repeat(levels) + "]".repeat(levels) + "\n";
        // The top-level map is the first level, so the 20th '[' (column 4 + 19) opens the 21st.
        allSay(snippet, "f:1:23: nested more than 20 levels deep; YAML files may nest maps and lists at most 20 "
                + "levels");
    }

    @Test
    void nestingUpToTheLimitIsRead() throws IOException {
        String snippet = "x: " + "[".repeat(YamlFiles.MAX_DEPTH - 1) + "]".repeat(YamlFiles.MAX_DEPTH - 1) + "\n";
        for (Kind k : KINDS) {
            List<String> got = problems(k, snippet.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertFalse(got.stream().anyMatch(p -> p.contains("nested")), String.join("\n", got));
            assertTrue(got.stream().anyMatch(p -> p.startsWith("f:1:1: unknown key 'x'")), String.join("\n", got));
        }
    }

    @Test
    void aliasBomb() throws IOException {
        // Ten copies of the list above on each line: line 5 would write out 111,111 values.
        StringBuilder b = new StringBuilder("a: &a [" + "x, ".repeat(9) + "x]\n");
        for (char c = 'b'; c <= 'e'; c++) {
            char prev = (char) (c - 1);
            b.append(c).append(": ").append(c == 'e' ? "" : "&" + c + " ").append('[')
                    .append(("*" + prev + ", ").repeat(9)).append('*').append(prev).append("]\n");
        }
        // Keys and collections count too: 12,351 values before line 5's first alias, each alias
        // there adds 11,111, so the eighth (column 5 + 7 * 4) passes 100,000.
        allSay(b.toString(), "f:5:33: aliases make this file hold more than 100,000 values (counting every copy an "
                + "alias makes); YAML files may hold at most 100,000");
    }

    @Test
    void notUtf8() throws IOException {
        byte[] latin1 = "name: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        allSay(latin1, k -> "f: cannot read: it is not UTF-8 text");
        // The patterns file (CSV) is read by the same rule.
        Path csv = tmp.resolve("p.csv");
        Files.write(csv, latin1);
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> PatternsReader.read(csv));
        assertEquals(csv + ": cannot read: it is not UTF-8 text",
                e.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }
}
