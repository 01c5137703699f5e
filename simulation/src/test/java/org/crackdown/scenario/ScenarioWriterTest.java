package org.crackdown.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ScenarioWriter: toYaml loads back to an equal scenario; toMap is complete and ordered. */
class ScenarioWriterTest {

    @TempDir
    Path tmp;

    /** Every shipped scenario plus the valid test scenarios (which use extends, lists, provinces). */
    static Stream<Path> scenarioFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("../scenarios"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        String dir = ScenarioValidationTest.DIR;
        files.add(Path.of(dir + "base.yaml"));
        files.add(Path.of(dir + "sub/child.yaml"));
        files.add(Path.of(dir + "sub/grandchild.yaml"));
        return files.stream();
    }

    @Test
    void theShippedScenariosAreFound() throws IOException {
        List<String> names = scenarioFiles().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("china-2011.yaml", "china-2011-no-campaign.yaml",
                "china-2011-double-police.yaml", "china-2011-buyer-prosecution.yaml", "china-2011-hotspot.yaml")),
                names.toString());
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void yamlRoundTripGivesAnEqualScenario(Path file) throws Exception {
        Scenario original = ScenarioLoader.load(file);
        Path copy = tmp.resolve("copy.yaml");
        Files.writeString(copy, ScenarioWriter.toYaml(original));
        Scenario back = ScenarioLoader.load(copy);
        assertEquals(original.name(), back.name());
        assertEquals(original.description(), back.description());
        assertEquals(original.seed(), back.seed());
        assertEquals(original.start(), back.start());
        assertEquals(original.end(), back.end());
        assertEquals(original.measureFrom(), back.measureFrom());
        assertEquals(original.measureTo(), back.measureTo());
        assertEquals(ParamRegistry.describe(original.parameters()), ParamRegistry.describe(back.parameters()));
        for (var spec : ParamRegistry.all()) {
            assertEquals(spec.get(original.parameters()), spec.get(back.parameters()), spec.key());
        }
        assertEquals(original.campaigns(), back.campaigns());
        assertEquals(original.timeline(), back.timeline());
        assertEquals(ScenarioWriter.toYaml(original), ScenarioWriter.toYaml(back));
        assertEquals(ScenarioWriter.toMap(original), ScenarioWriter.toMap(back));
    }

    @Test
    void awkwardTextSurvivesTheRoundTrip() throws Exception {
        Scenario s = ScenarioLoaderTest.loadText("""
                name: "2011"
                description: "quotes \\" and: colons # not a comment\\n\\ttab, 中文"
                seed: -5
                start: 2010-01-01
                end: 2010-12-31
                campaigns:
                  - {name: "a: b", start: 2010-02-01, end: 2010-03-01, provinces: [CN-YN], intensity: 0.125}
                """);
        Path copy = tmp.resolve("copy.yaml");
        Files.writeString(copy, ScenarioWriter.toYaml(s));
        Scenario back = ScenarioLoader.load(copy);
        assertEquals("2011", back.name());
        assertEquals("quotes \" and: colons # not a comment\n\ttab, 中文", back.description());
        assertEquals(-5L, back.seed());
        assertEquals(s.campaigns(), back.campaigns());
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapHasEveryParameterNestedWithTypedValues() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/china-2011.yaml"));
        Map<String, Object> m = ScenarioWriter.toMap(s);
        assertEquals(List.of("name", "description", "seed", "start", "end", "measure"),
                new ArrayList<>(m.keySet()).subList(0, 6));
        List<String> keys = new ArrayList<>(m.keySet());
        assertEquals(List.of("campaigns", "timeline", "operations"), keys.subList(keys.size() - 3, keys.size()));
        assertEquals("china-2011", m.get("name"));
        assertEquals(1L, m.get("seed"));
        assertEquals("2008-01-01", m.get("start"));
        assertEquals(Map.of("from", "2011-01-01", "to", "2011-12-31"), m.get("measure"));
        Map<String, Object> police = (Map<String, Object>) m.get("police");
        assertEquals(1.0, police.get("budget"));
        assertEquals("population", police.get("allocation"));
        assertEquals(1.0, m.get("scale"));
        assertEquals(false, ((Map<String, Object>) m.get("dna")).get("enabled"));
        int leaves = 0;
        for (var spec : ParamRegistry.all()) {
            Object node = m;
            for (String part : spec.key().split("\\.")) {
                node = ((Map<String, Object>) node).get(part);
            }
            assertFalse(node == null, spec.key());
            leaves++;
        }
        assertEquals(ParamRegistry.keys().size(), leaves);
        List<Map<String, Object>> campaigns = (List<Map<String, Object>>) m.get("campaigns");
        assertEquals(Map.of("name", "national-2009", "start", "2009-04-09", "end", "2011-12-31",
                "provinces", "all", "intensity", 1.0, "half_life_days", 0.0), campaigns.get(0));
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) m.get("timeline");
        assertEquals(Map.of("date", "2011-01-01", "set", Map.of("tips.enabled", true)), timeline.get(1));
    }

    @Test
    void yamlStartsWithTheRunScalars() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/china-2011-no-campaign.yaml"));
        String yaml = ScenarioWriter.toYaml(s);
        assertTrue(yaml.startsWith("name: \"china-2011-no-campaign\"\ndescription: "), yaml);
        assertTrue(yaml.contains("\nstart: 2008-01-01\nend: 2011-12-31\nmeasure:\n  from: 2011-01-01\n"), yaml);
        assertTrue(yaml.contains("\ncampaigns: []\n"), yaml);
        assertEquals(LocalDate.of(2011, 12, 31), s.end());
    }
}
