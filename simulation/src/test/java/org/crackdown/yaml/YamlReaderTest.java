package org.crackdown.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.scenario.Problem;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** The typed reads of the YAML layer, on small texts: values, and the problem with its place. */
class YamlReaderTest {

    private final List<Problem> problems = new ArrayList<>();
    private final YamlReader r = new YamlReader("f", problems);

    private static MappingNode map(String text) {
        YamlFiles.Loaded l = YamlFiles.parse("f", text.getBytes(StandardCharsets.UTF_8));
        assertTrue(!l.failed(), () -> String.valueOf(l.problem()));
        return (MappingNode) l.root();
    }

    private static Node value(String yaml) {
        return map("v: " + yaml + "\n").getValue().get(0).getValueNode();
    }

    private List<String> said() {
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void nestedAndDottedFormsAreOneKeyAndTheirDuplicateIsFound() {
        Keys keys = new Keys(List.of("police.budget", "police.share", "scale"));
        Map<String, Entry> e = r.flatten(map("police:\n  budget: 2\nscale: 0.1\npolice.budget: 3\n"), keys, "set");
        assertEquals(List.of("police.budget", "scale"), List.copyOf(e.keySet()));
        assertEquals(List.of("f:4:1: set: duplicate key 'police.budget' (first given at line 2)"), said());
    }

    @Test
    void aGroupGivenAValueAndAnUnknownKeyAreReportedWithTheirPlace() {
        Keys keys = new Keys(List.of("police.budget", "scale"));
        r.flatten(map("police: 2\nsacle: 1\nxyzzy: 1\n"), keys, "");
        assertEquals(List.of("f:1:9: police: expected a map of keys (one of police.budget), got '2'",
                "f:2:1: unknown key 'sacle'; did you mean 'scale'?",
                "f:3:1: unknown key 'xyzzy'; valid keys here: police, scale"), said());
    }

    @Test
    void keysCanBeNamedForMessagesAndGivenHints() {
        Keys columns = new Keys(List.of("women_rescued"), "summary column");
        r.entries(map("women_rescue: 1\nseed: 2\n"), "targets", columns, k -> k.equals("seed") ? "no seeds here" : null);
        assertEquals(List.of("f:1:1: targets: unknown summary column 'women_rescue'; did you mean 'women_rescued'?",
                "f:2:1: targets: no seeds here"), said());
    }

    @Test
    void typedReadsReturnValuesOrSayWhatWasExpected() {
        assertEquals(1000.5, r.number(value("1_000.5"), "n"));
        assertEquals(7L, r.integer(value("7"), "i", 1, 10));
        assertNull(r.integer(value("11"), "i", 1, 10));
        assertNull(r.integer(value("-1"), "j", 0, Long.MAX_VALUE));
        assertNull(r.number(value("true"), "n"));
        assertEquals(Boolean.FALSE, r.bool(value("Off"), "b"));
        assertNull(r.bool(value("1"), "b"));
        assertNull(r.choice(value("cmaess"), "method", Map.of("cmaes", 1)));
        assertNull(r.requiredText(value("~"), "source", "text"));
        assertNull(r.nonEmptyMap(value("{}"), "targets", "a map of columns"));
        assertNull(r.date(value("2011-02-30"), "from", "a date like 2011-01-01"));
        assertEquals(List.of("f:1:4: i: expected a whole number from 1 to 10, got '11'",
                "f:1:4: j: expected a whole number from 0, got '-1'",
                "f:1:4: n: expected a number, got 'true'",
                "f:1:4: b: expected true or false, got '1'",
                "f:1:4: method: expected one of cmaes, got 'cmaess'; did you mean 'cmaes'?",
                "f:1:4: source: expected text, got nothing",
                "f:1:4: targets: expected a map of columns, got a map",
                "f:1:4: from: expected a date like 2011-01-01, got '2011-02-30'"), said());
    }

    @Test
    void aFewAliasesWellWithinTheLimitAreRead() {
        // Anchors that share settings are fine: the limit counts the values written out.
        MappingNode m = map("a: &shared {police.budget: 2, scale: 0.1}\nb: *shared\nc: *shared\n");
        assertEquals(3, m.getValue().size());
        assertNull(YamlFiles.checkLimits("f", "x: &l [" + "1, ".repeat(999) + "1]\n" + "y: [*l, *l, *l]\n"));
    }
}
