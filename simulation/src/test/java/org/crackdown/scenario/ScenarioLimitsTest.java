package org.crackdown.scenario;

import org.crackdown.yaml.YamlFiles;
import static org.crackdown.scenario.ScenarioLoaderTest.problemsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits checked before a file is parsed or a run starts (docs/scenarios.md, "Limits"), and
 * what a message may quote of a file that is not a scenario.
 */
class ScenarioLimitsTest {

    @TempDir
    Path tmp;

    private static final String PERIOD = "start: 2010-01-01\nend: 2010-12-31\n";

    // ------------------------------------------------------------------ size and line length

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeParsing() throws IOException {
        // One long scalar: SnakeYAML alone would take many minutes (quadratic in the line length).
        Path f = tmp.resolve("huge.yaml");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(PERIOD + "description: ");
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, 'a');
            for (int i = 0; i < 50 * 16; i++) {
                w.write(block);
            }
            w.write('\n');
        }
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)));
        assertEquals(List.of(f + ": cannot read: it is 52,428,848 bytes; YAML files (scenarios, sweeps, "
                + "calibration targets) may be at most 1 MiB (1048576 bytes)"), strings(e));
    }

    @Test
    void aFileWhoseSizeIsNotKnownIsCutAtTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (!Files.isReadable(zero)) {
            return; // not a Unix system; the regular-file test above covers the limit
        }
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(zero)));
        assertTrue(strings(e).get(0).endsWith("cannot read: it is more than 1048576 bytes; YAML files (scenarios, "
                + "sweeps, calibration targets) may be at most 1 MiB (1048576 bytes)"), strings(e).toString());
    }

    @Test
    void aLongLineIsRefusedWithItsNumber() throws IOException {
        Path f = tmp.resolve("long.yaml");
        Files.writeString(f, PERIOD + "description: " + "x".repeat(300_000) + "\n");
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)));
        assertEquals(List.of(f + ":3:1: line 3 is 300,013 characters long; lines of YAML files may be at most "
                + "10,000 characters"), strings(e));
    }

    @Test
    void fileAndLineLimitsLeaveRoomForRealFiles() throws Exception {
        // Just under both limits: a 1 MiB description in lines of 9,000 characters is read.
        String line = "  " + "y".repeat(8_998) + "\n";
        StringBuilder b = new StringBuilder(PERIOD + "description: >\n");
        while (b.length() + line.length() <= YamlFiles.MAX_BYTES) {
            b.append(line);
        }
        Path f = tmp.resolve("big-but-fine.yaml");
        Files.writeString(f, b.toString());
        assertTrue(Files.size(f) > YamlFiles.MAX_BYTES - line.length());
        assertTrue(ScenarioLoader.load(f).description().length() > 1_000_000);
    }

    // ------------------------------------------------------------------ files that are not scenarios

    @Test
    void anExtendedFileThatIsNotAScenarioIsNamedButNotQuoted() throws IOException {
        Files.writeString(tmp.resolve("shadow"), "root:$6$SECRET-HASH:19000:0:99999:7:::\n"
                + "daemon:*:19000:0:99999:7:::\n");
        Files.writeString(tmp.resolve("settings.yaml"), "password: SECRET-PASSWORD\ntoken: SECRET-TOKEN\n");
        Files.writeString(tmp.resolve("list.yaml"), "- SECRET-ITEM\n");
        for (String target : List.of("shadow", "settings.yaml", "list.yaml")) {
            Path f = tmp.resolve("s-" + target + ".yaml");
            Files.writeString(f, "extends: " + target + "\n" + PERIOD);
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
            String all = String.join("\n", strings(e));
            assertFalse(all.contains("SECRET"), all);
            assertTrue(all.startsWith(f + ":1:1: extends: '" + tmp.resolve(target) + "' is not a scenario file"),
                    all);
            assertEquals(1, e.problems().size(), all);
        }
        // Given directly, the same file is refused the same way.
        ScenarioException direct = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(tmp.resolve("shadow")));
        assertEquals(List.of(tmp.resolve("shadow") + ":1:1: not a scenario file (expected a map of scenario keys, "
                + "key: value lines; it holds no scenario key)"), strings(direct));
    }

    @Test
    void aScenarioWithOnlyMisspelledKeysStillGetsSuggestions() {
        List<String> p = problemsOf("strat: 2010-01-01\nend: 2010-12-31\n");
        assertTrue(p.contains("s.yaml:1:1: unknown key 'strat'; did you mean 'start'?"), p.toString());
    }

    @Test
    void longValuesAreCutInMessages() {
        String value = "z".repeat(5_000);
        List<String> p = problemsOf(PERIOD + "police.budget: " + value + "\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).endsWith("got '" + "z".repeat(60) + "...' (5000 characters)"), p.get(0));
    }

    // ------------------------------------------------------------------ names, dates, seeds

    @Test
    void namesAreAtMostOneHundredCharacters() throws Exception {
        String longest = "n".repeat(YamlFiles.MAX_NAME);
        assertEquals(longest, ScenarioLoaderTest.loadText(PERIOD + "name: " + longest + "\n").name());
        assertEquals(List.of("s.yaml:3:7: name: a name may be at most 100 characters (it names folders and files), "
                + "got 101"), problemsOf(PERIOD + "name: " + longest + "n\n"));
        assertEquals(List.of("--set: name: a name may be at most 100 characters (it names folders and files), "
                + "got 2000000"), problemsOf(PERIOD, "name=" + "m".repeat(2_000_000)));
        // A long file name gives a default name cut to the limit.
        assertEquals(longest, YamlFiles.defaultName(Path.of("n".repeat(200) + ".yaml"), "scenario"));
    }

    @Test
    void datesLieBetween1949And2100() {
        assertEquals(List.of("s.yaml:2:6: end: expected a date from 1949-01-01 to 2100-12-31, got "
                + "'+999999999-12-31'"), problemsOf("start: 2010-01-01\nend: +999999999-12-31\n"));
        assertEquals(List.of("s.yaml:1:8: start: expected a date from 1949-01-01 to 2100-12-31, got '1948-12-31'"),
                problemsOf("start: 1948-12-31\nend: 2010-12-31\n"));
        assertEquals(List.of("--set: end: expected a date from 1949-01-01 to 2100-12-31, got '2101-01-01'"),
                problemsOf(PERIOD, "end=2101-01-01"));
        List<String> campaign = problemsOf(PERIOD + "campaigns:\n  - {name: c, start: 0001-01-01, end: 2010-02-01, "
                + "provinces: all, intensity: 1}\n");
        assertEquals(List.of("s.yaml:4:22: campaign 'c' start: expected a date from 1949-01-01 to 2100-12-31, got "
                + "'0001-01-01'"), campaign);
    }

    @Test
    void campaignsAndTimelineChangesTheRunNeverReachesAreErrors() throws Exception {
        String file = "start: 2010-01-01\nend: 2010-12-31\ncampaigns:\n"
                + "  - {name: before, start: 2008-01-01, end: 2009-12-31, provinces: all, intensity: 1}\n"
                + "  - {name: after, start: 2011-01-01, end: 2011-06-30, provinces: all, intensity: 1}\n"
                + "  - {name: overlapping, start: 2009-06-01, end: 2010-01-01, provinces: all, intensity: 1}\n"
                + "timeline:\n"
                + "  - {date: 2009-01-01, set: {dna.enabled: true}}\n"
                + "  - {date: 2011-01-01, set: {tips.enabled: true}}\n";
        assertEquals(List.of(
                "s.yaml:4:6: campaign 'before' (2008-01-01..2009-12-31) lies wholly outside the run (the run is "
                        + "2010-01-01..2010-12-31), so it would never act; move its dates or the run's, or remove it",
                "s.yaml:5:6: campaign 'after' (2011-01-01..2011-06-30) lies wholly outside the run (the run is "
                        + "2010-01-01..2010-12-31), so it would never act; move its dates or the run's, or remove it",
                "s.yaml:9:6: timeline change dated 2011-01-01 is after the run's last day (the run is "
                        + "2010-01-01..2010-12-31), so it would never apply; move its date or the run's end, or "
                        + "remove it"), problemsOf(file));
        // Shortening a run on the command line is caught the same way, at the entry it strands.
        List<String> shortened = problemsOf("start: 2010-01-01\nend: 2010-12-31\ntimeline:\n"
                + "  - {date: 2010-06-01, set: {tips.enabled: true}}\n", "end=2010-03-31");
        assertEquals(1, shortened.size(), shortened.toString());
        assertTrue(shortened.get(0).startsWith("s.yaml:4:6: timeline change dated 2010-06-01"), shortened.get(0));
    }

    private static List<String> strings(ScenarioException e) {
        return e.problems().stream().map(Problem::toString).toList();
    }
}
