package org.crackdown.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every kind of invalid scenario, from the broken files in src/test/resources/scenarios: each
 * test asserts the complete list of problems, with exact file, line, column and message.
 */
class ScenarioValidationTest {

    static final String DIR = "src/test/resources/scenarios/";

    /** Top-level parameter groups in declaration order ("scale, births, ..."), as error messages list them. */
    static final String PARAM_GROUPS = String.join(", ", org.crackdown.model.ParamRegistry.keys().stream()
            .map(k -> k.contains(".") ? k.substring(0, k.indexOf('.')) : k).distinct().toList());

    static List<String> problems(String file, String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(Path.of(DIR + file), List.of(sets)));
        return e.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void unknownKeysSuggestTheClosestValidKey() {
        String f = DIR + "misspelled-key.yaml:";
        assertEquals(List.of(
                f + "4:1: unknown key 'polise'; did you mean 'police'?",
                f + "7:3: unknown key 'families.child_reprot_probability'; did you mean 'families.child_report_probability'?",
                // the right word under the wrong group: point to the group it belongs to
                f + "9:3: unknown key 'police.child_report_probability'; did you mean 'families.child_report_probability'?",
                // nothing close: list what is valid at that level
                f + "10:1: unknown key 'xyzzy'; valid keys here: name, description, extends, seed, start, end, "
                        + "measure, campaigns, timeline, operations, " + PARAM_GROUPS),
                problems("misspelled-key.yaml"));
    }

    @Test
    void wrongTypesSayWhatIsAllowed() {
        String f = DIR + "bad-type.yaml:";
        assertEquals(List.of(
                f + "5:11: police.budget: expected a number from 0 to 10 (x baseline), got 'lots'",
                f + "6:16: gangs.initial: expected a whole number from 0 to 100000 (gangs), got '12.5'",
                f + "7:14: dna.enabled: expected true or false, got 'maybe'"),
                problems("bad-type.yaml"));
    }

    @Test
    void outOfRangeValuesSayTheRange() {
        String f = DIR + "out-of-range.yaml:";
        assertEquals(List.of(
                f + "4:36: families.child_report_probability: expected a number from 0 to 1 (probability), got '1.5'",
                f + "6:11: police.budget: expected a number from 0 to 10 (x baseline), got '-1'"),
                problems("out-of-range.yaml"));
    }

    @Test
    void badChoiceListsTheChoices() {
        assertEquals(List.of(DIR + "bad-enum.yaml:5:15: police.allocation: expected one of uniform, population, "
                        + "hotspot, source, destination, got 'busiest'"),
                problems("bad-enum.yaml"));
    }

    @Test
    void duplicateKeysAreCaughtInBothForms() {
        String f = DIR + "duplicate-key.yaml:";
        assertEquals(List.of(
                f + "5:1: duplicate key 'seed' (first given at line 4)",
                f + "8:1: duplicate key 'police.budget' (first given at line 7)"),
                problems("duplicate-key.yaml"));
    }

    @Test
    void badDatesShowTheExpectedForm() {
        String f = DIR + "bad-date.yaml:";
        assertEquals(List.of(
                f + "2:8: start: expected a date like 2011-01-01, got '2008-13-01'",
                f + "3:6: end: expected a date like 2011-01-01, got '31/12/2011'"),
                problems("bad-date.yaml"));
    }

    @Test
    void missingExtendsTargetIsReportedAtTheExtendsLine() {
        assertEquals(List.of(DIR + "missing-extends.yaml:2:1: extends: cannot read '" + DIR
                        + "no-such-base.yaml': no such file"),
                problems("missing-extends.yaml"));
    }

    @Test
    void extendsCycleIsAnError() {
        assertEquals(List.of(DIR + "cycle-b.yaml:2:1: extends cycle: " + DIR + "cycle-a.yaml -> " + DIR
                        + "cycle-b.yaml -> " + DIR + "cycle-a.yaml"),
                problems("cycle-a.yaml"));
    }

    @Test
    void yamlSyntaxErrorsGiveSnakeYamlsPositionWithoutStackTrace() {
        List<String> p = problems("syntax-error.yaml");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith(DIR + "syntax-error.yaml:5:9: YAML syntax error: expected ',' or '}'"),
                p.get(0));
        assertTrue(p.get(0).endsWith("(while parsing a flow mapping at line 4)"), p.get(0));
    }

    @Test
    void measuredWindowMustLieInsideTheRun() {
        String f = DIR + "inconsistent-window.yaml:";
        assertEquals(List.of(
                f + "5:3: measure.from 2007-06-01 is before start 2008-01-01; the measured window must lie within start..end",
                f + "6:3: measure.to 2012-06-30 is after end 2011-12-31; the measured window must lie within start..end"),
                problems("inconsistent-window.yaml"));
    }

    @Test
    void reversedPeriodsAreErrors() {
        String f = DIR + "reversed-window.yaml:";
        assertEquals(List.of(
                f + "3:1: end 2010-12-31 is before start 2011-01-01",
                f + "5:3: measure.from 2010-06-01 is before start 2011-01-01; the measured window must lie within start..end",
                f + "6:3: measure.to 2010-03-01 is before measure.from 2010-06-01"),
                problems("reversed-window.yaml"));
    }

    @Test
    void startAndEndAreRequired() {
        String f = DIR + "missing-start.yaml:";
        assertEquals(List.of(
                f + "2:1: missing required key 'start' (first simulated day, like start: 2008-01-01)",
                f + "2:1: missing required key 'end' (last simulated day, like end: 2011-12-31)"),
                problems("missing-start.yaml"));
    }

    @Test
    void listsAndMapsInTheWrongPlace() {
        List<String> p = problems("list-vs-map.yaml");
        String f = DIR + "list-vs-map.yaml:";
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(f + "5:3: police: expected a map of keys (one of police.per_10k, "), p.get(0));
        assertTrue(p.get(0).endsWith("), got a list"), p.get(0));
        assertEquals(f + "7:3: campaigns: expected a list of campaigns (items starting with '- '; [] for none), "
                + "got a map", p.get(1));
        assertEquals(f + "8:11: timeline: expected a list of dated changes (items '- date: ...' with 'set: ...'; "
                + "[] for none), got a map", p.get(2));
    }

    @Test
    void crossParameterRulesHoldAtStartAndAfterEveryTimelineDate() {
        String f = DIR + "inconsistent-params.yaml:";
        assertEquals(List.of(
                f + "6:3: police shares add up to 1.2 (patrol_share 0.5 + investigation_share 0.5 + dna_share 0.1 "
                        + "+ buyer_share 0.1); they divide the same officers, so together they must not exceed 1",
                f + "13:7: from 2010-01-01: police shares add up to 1.3 (patrol_share 0.3 + investigation_share 0.5 "
                        + "+ dna_share 0.4 + buyer_share 0.1); they divide the same officers, so together they must not "
                        + "exceed 1"),
                problems("inconsistent-params.yaml"));
    }

    @Test
    void campaignsAreChecked() {
        String f = DIR + "bad-campaign.yaml:";
        assertEquals(List.of(
                f + "7:5: campaign 'south': end 2009-12-31 is before start 2010-01-01",
                f + "8:24: campaign 'south': unknown province code 'CN-YX'; did you mean 'CN-SX', 'CN-JX', 'CN-GX', "
                        + "'CN-YN' or 'CN-NX'?",
                f + "8:31: campaign 'south': unknown province code 'yunnan'; codes are ISO 3166-2:CN codes like "
                        + "CN-YN (Yunnan); see scenarios/data/provinces.csv",
                f + "9:5: campaign 'south' intensity: expected a number from 0 to 20 (x routine effort), got '25'",
                f + "10:5: campaign 'south' half_life_days: expected a number of days from 0 (0 = no decay), got '-1'",
                f + "14:16: campaign 'south' provinces: expected 'all' or a list of province codes like "
                        + "[CN-YN, CN-SC], got 'CN-YN'",
                f + "16:5: campaign 'incomplete': missing key 'end'",
                f + "16:5: campaign 'incomplete': missing key 'provinces'",
                f + "16:5: campaign 'incomplete': missing key 'intensity'",
                f + "18:5: unknown key 'provinsces'; did you mean 'provinces'?"),
                problems("bad-campaign.yaml"));
    }

    @Test
    void timelineKeysAndValuesAreChecked() {
        String f = DIR + "bad-timeline.yaml:";
        assertEquals(List.of(
                f + "7:7: unknown key 'dna.enabeld'; did you mean 'dna.enabled'?",
                f + "9:16: tips.reach: expected a number from 0 to 1 (probability per sale), got '2'",
                f + "10:11: timeline date: expected a date like 2011-01-01, got '2009-13-01'",
                f + "12:5: timeline: missing key 'date'",
                f + "14:5: unknown key 'when'; valid keys here: date, set",
                f + "15:11: unknown key 'start'; valid keys here: " + PARAM_GROUPS),
                problems("bad-timeline.yaml"));
    }

    @Test
    void duplicateCampaignNamesAreErrors() {
        // bad-campaign.yaml's second 'south' is broken itself; check the rule on a clean pair.
        List<String> p = ScenarioLoaderTest.problemsOf("""
                start: 2008-01-01
                end: 2011-12-31
                campaigns:
                  - {name: a, start: 2009-01-01, end: 2009-02-01, provinces: all, intensity: 1}
                  - {name: a, start: 2010-01-01, end: 2010-02-01, provinces: all, intensity: 1}
                """);
        assertEquals(List.of("s.yaml:5:6: campaign 'a': name already used at line 4; campaign names label "
                + "outputs, so they must differ"), p);
    }

    @Test
    void missingTopLevelFileHasNoLine() {
        assertEquals(List.of(DIR + "nothing-here.yaml: cannot read: no such file"), problems("nothing-here.yaml"));
    }

    @Test
    void problemsFromSeveralFilesAndSetAreAllReported() {
        List<String> p = problems("bad-enum.yaml", "polise.budget=2", "seed=x");
        assertEquals(List.of(
                DIR + "bad-enum.yaml:5:15: police.allocation: expected one of uniform, population, hotspot, source, "
                        + "destination, got 'busiest'",
                "--set: unknown key 'polise.budget'; did you mean 'police.budget'?",
                "--set: seed: expected a whole number, got 'x'"), p);
    }
}
