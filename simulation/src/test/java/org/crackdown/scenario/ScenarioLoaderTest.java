package org.crackdown.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Allocation;
import org.crackdown.model.Campaign;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Parameters;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a valid scenario loads to: defaults, extends, --set, timeline and campaign semantics. */
class ScenarioLoaderTest {

    static final String DIR = ScenarioValidationTest.DIR;

    @TempDir
    Path tmp;

    /** Writes {@code yaml} to s.yaml in a fresh directory and loads it. */
    static Scenario loadText(String yaml, String... sets) throws ScenarioException {
        return ScenarioLoader.load(write(yaml), List.of(sets));
    }

    /** Problems of {@code yaml} as s.yaml, with the temporary directory stripped from paths. */
    static List<String> problemsOf(String yaml, String... sets) {
        Path f = write(yaml);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f, List.of(sets)));
        String dir = f.getParent() + f.getFileSystem().getSeparator();
        return e.problems().stream().map(p -> p.toString().replace(dir, "")).toList();
    }

    private static Path write(String yaml) {
        try {
            Path dir = Files.createTempDirectory("scenario-test");
            dir.toFile().deleteOnExit();
            Path f = dir.resolve("s.yaml");
            Files.writeString(f, yaml, StandardCharsets.UTF_8);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void minimalFileGetsDefaults() throws Exception {
        Scenario s = loadText("start: 2010-01-01\nend: 2010-12-31\n");
        assertEquals("s", s.name());
        assertEquals("", s.description());
        assertEquals(1L, s.seed());
        assertEquals(LocalDate.of(2010, 1, 1), s.measureFrom());
        assertEquals(LocalDate.of(2010, 12, 31), s.measureTo());
        assertEquals(ParamRegistry.describe(new Parameters()), ParamRegistry.describe(s.parameters()));
        assertTrue(s.campaigns().isEmpty());
        assertTrue(s.timeline().isEmpty());
    }

    @Test
    void nestedAndDottedKeysAreTheSame() throws Exception {
        Scenario nested = loadText("start: 2010-01-01\nend: 2010-12-31\npolice:\n  budget: 2.5\n"
                + "measure:\n  from: 2010-02-01\n");
        Scenario dotted = loadText("start: 2010-01-01\nend: 2010-12-31\npolice.budget: 2.5\n"
                + "measure.from: 2010-02-01\n");
        assertEquals(2.5, nested.parameters().getBudget());
        assertEquals(2.5, dotted.parameters().getBudget());
        assertEquals(LocalDate.of(2010, 2, 1), dotted.measureFrom());
        assertEquals(ScenarioWriter.toMap(nested), ScenarioWriter.toMap(dotted));
    }

    @Test
    void yamlBooleanSpellingsAndCaseOfChoicesAreAccepted() throws Exception {
        Scenario s = loadText("start: 2010-01-01\nend: 2010-12-31\ndna.enabled: yes\ntips: {enabled: on}\n"
                + "police.allocation: HotSpot\n");
        assertTrue(s.parameters().isDnaEnabled());
        assertTrue(s.parameters().isTipsEnabled());
        assertEquals(Allocation.HOTSPOT, s.parameters().getAllocation());
    }

    @Test
    void extendsMergesMapsPerLeafAndReplacesLists() throws Exception {
        Scenario base = ScenarioLoader.load(Path.of(DIR + "base.yaml"));
        Scenario child = ScenarioLoader.load(Path.of(DIR + "sub/child.yaml"));
        // police.budget overridden, police.allocation (a sibling leaf) inherited
        assertEquals(1.5, base.parameters().getBudget());
        assertEquals(2.5, child.parameters().getBudget());
        assertEquals(Allocation.HOTSPOT, child.parameters().getAllocation());
        // the dotted form in the base and the nested form in the child are the same key
        assertEquals(0.8, child.parameters().getChildReportProbability());
        // scalars inherited, except the name
        assertEquals(7L, child.seed());
        assertEquals("base description", child.description());
        assertEquals("child", child.name());
        assertEquals(LocalDate.of(2008, 1, 1), child.start());
        // campaigns replaced whole; the timeline inherited
        assertEquals(List.of(new Campaign("child-campaign", LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31),
                List.of(), 0.5, 90)), child.campaigns());
        assertEquals(base.timeline(), child.timeline());
    }

    @Test
    void extendsChainsAndEmptyListsReplace() throws Exception {
        Scenario g = ScenarioLoader.load(Path.of(DIR + "sub/grandchild.yaml"));
        assertEquals("grandchild", g.name());
        assertEquals(2.5, g.parameters().getBudget());
        assertEquals(Allocation.HOTSPOT, g.parameters().getAllocation());
        assertEquals(1, g.campaigns().size());
        assertTrue(g.timeline().isEmpty());
        assertEquals(LocalDate.of(2010, 12, 31), g.measureTo());
        assertEquals(LocalDate.of(2008, 1, 1), g.measureFrom());
    }

    @Test
    void problemsInABaseFileNameTheBaseFile() throws Exception {
        Path dir = tmp.resolve("x");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("base.yaml"), "start: 2010-01-01\nend: 2010-12-31\npolice.budget: 99\n");
        Files.writeString(dir.resolve("child.yaml"), "extends: base.yaml\nmeasure.from: 2009-01-01\n");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(dir.resolve("child.yaml")));
        assertEquals(List.of(
                dir.resolve("child.yaml") + ":2:1: measure.from 2009-01-01 is before start 2010-01-01; the measured "
                        + "window must lie within start..end",
                dir.resolve("base.yaml") + ":3:16: police.budget: expected a number from 0 to 10 (x baseline), "
                        + "got '99'"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void setOverridesParametersAndRunScalars() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(DIR + "sub/child.yaml"), List.of("police.budget=3",
                "police.allocation=source", "name=other", "seed=42", "start=2009-01-01", "measure.from=2010-01-01",
                "measure.to=2010-06-30", "end=2010-12-31"));
        assertEquals(3.0, s.parameters().getBudget());
        assertEquals(Allocation.SOURCE, s.parameters().getAllocation());
        assertEquals("other", s.name());
        assertEquals(42L, s.seed());
        assertEquals(LocalDate.of(2009, 1, 1), s.start());
        assertEquals(LocalDate.of(2010, 12, 31), s.end());
        assertEquals(LocalDate.of(2010, 1, 1), s.measureFrom());
        assertEquals(LocalDate.of(2010, 6, 30), s.measureTo());
    }

    @Test
    void setProblemsNameSetAndSuggest() {
        List<String> p = problemsOf("start: 2010-01-01\nend: 2010-12-31\n", "polise.budget=2", "police.budget=lots",
                "budget", "police=2", "description=x", "end=2009-12-31");
        assertEquals(List.of(
                "--set: unknown key 'polise.budget'; did you mean 'police.budget'?",
                "--set: police.budget: expected a number from 0 to 10 (x baseline), got 'lots'",
                "--set: expected key=value, like police.budget=2, got 'budget'",
                "--set: 'police' is a group of keys; set one of them: " + String.join(", ",
                        Schema.OVERRIDES.childrenOf("police")),
                "--set: unknown key 'description'; valid keys here: name, seed, start, end, measure, "
                        + ScenarioValidationTest.PARAM_GROUPS,
                "--set: end 2009-12-31 is before start 2010-01-01"), p);
    }

    @Test
    void setIsAppliedAfterExtendsButTimelineStillApplies() throws Exception {
        // china-2011 turns DNA on in 2009; --set changes the starting value only
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/china-2011.yaml"), List.of("dna.enabled=false",
                "families.child_report_probability=0.5"));
        assertFalse(s.parameters().isDnaEnabled());
        assertEquals(0.5, s.parameters().getChildReportProbability());
        assertEquals(Map.of("dna.enabled", true, "police.child_registration", 1.0, "police.inquiry_probability", 0.5),
                s.timeline().get(0).values());
    }

    @Test
    void timelineBeforeStartAppliesAtStartInDateOrder() throws Exception {
        Scenario s = loadText("""
                start: 2010-01-01
                end: 2010-12-31
                timeline:
                  - date: 2010-06-01
                    set: {police.budget: 3}
                  - date: 2009-06-01
                    set: {police.budget: 2, dna.enabled: true}
                  - date: 2008-01-01
                    set: {police.budget: 1.5, tips.enabled: true}
                  - date: 2010-01-01
                    set: {buyers.liability: 2}
                """);
        assertEquals(2.0, s.parameters().getBudget()); // 2008 then 2009: the later one wins
        assertTrue(s.parameters().isDnaEnabled());
        assertTrue(s.parameters().isTipsEnabled());
        assertEquals(List.of(
                new TimelineChange(LocalDate.of(2010, 1, 1), Map.of("buyers.liability", 2.0)),
                new TimelineChange(LocalDate.of(2010, 6, 1), Map.of("police.budget", 3.0))), s.timeline());
    }

    @Test
    void campaignsAreSortedAndProvinceListsKept() throws Exception {
        Scenario s = loadText("""
                start: 2010-01-01
                end: 2012-12-31
                campaigns:
                  - {name: later, start: 2012-01-01, end: 2012-03-31, provinces: [CN-YN, CN-GX], intensity: 2}
                  - {name: earlier, start: 2010-04-01, end: 2010-06-30, provinces: ALL, intensity: 0.5, half_life_days: 30}
                """);
        assertEquals(List.of("earlier", "later"), s.campaigns().stream().map(Campaign::name).toList());
        assertTrue(s.campaigns().get(0).provinces().isEmpty());
        assertEquals(30.0, s.campaigns().get(0).halfLifeDays());
        assertEquals(List.of("CN-YN", "CN-GX"), s.campaigns().get(1).provinces());
        assertEquals(0.0, s.campaigns().get(1).halfLifeDays());
    }

    static final String TWO_CAMPAIGNS = """
            start: 2010-01-01
            end: 2012-12-31
            campaigns:
              - {name: national.2010, start: 2010-04-01, end: 2011-03-31, provinces: all, intensity: 1, half_life_days: 90}
              - {name: border, start: 2011-06-01, end: 2011-08-31, provinces: [CN-YN], intensity: 2}
            """;

    @Test
    void setMovesANamedCampaignAndTheRunRecordsIt() throws Exception {
        // The name has a dot: the field is the key's last part.
        Scenario s = loadText(TWO_CAMPAIGNS, "campaigns.national.2010.start=2011-10-01",
                "campaigns.national.2010.end=2012-09-30", "campaigns.national.2010.intensity=0.5",
                "campaigns.border.half_life_days=30");
        assertEquals(List.of(new Campaign("border", LocalDate.of(2011, 6, 1), LocalDate.of(2011, 8, 31),
                        List.of("CN-YN"), 2, 30),
                new Campaign("national.2010", LocalDate.of(2011, 10, 1), LocalDate.of(2012, 9, 30), List.of(), 0.5, 90)),
                s.campaigns(), "overridden (the rest as the file has it), and sorted by their new starts");
        // The resolved scenario a run folder keeps loads back to the overridden campaigns.
        assertEquals(s.campaigns(), loadText(ScenarioWriter.toYaml(s)).campaigns());
    }

    @Test
    void campaignOverrideProblemsNameTheKeyAndSuggest() {
        assertEquals(List.of(
                "--set: campaigns.nationl.2010.start: unknown campaign 'nationl.2010'; did you mean 'national.2010'?",
                "--set: campaigns.south.start: unknown campaign 'south'; the scenario's campaigns are national.2010, "
                        + "border",
                "--set: campaigns.border.strat: unknown campaign field 'strat'; did you mean 'start'?",
                "--set: campaigns.border.provinces: a campaign's provinces cannot be overridden (only start, end, "
                        + "intensity, half_life_days); restate the campaigns list in a scenario that extends this one",
                "--set: campaigns.border: expected campaigns.<campaign name>.<field> with a field of start, end, "
                        + "intensity, half_life_days, like campaigns.national-2009.start=2009-01-01, got "
                        + "'campaigns.border'",
                "--set: campaigns.border.start: expected a date like 2011-01-01, got '2011-02-30'",
                "--set: campaigns.border.intensity: expected a number, got 'high'",
                "--set: campaigns: set one field of one campaign, like campaigns.national-2009.start=2009-01-01"),
                problemsOf(TWO_CAMPAIGNS, "campaigns.nationl.2010.start=2011-01-01", "campaigns.south.start=2011-01-01",
                        "campaigns.border.strat=2011-01-01", "campaigns.border.provinces=all",
                        "campaigns.border=x", "campaigns.border.start=2011-02-30", "campaigns.border.intensity=high",
                        "campaigns=[]"));
    }

    @Test
    void aMovedCampaignIsCheckedAndTheOverrideBlamed() {
        assertEquals(List.of(
                "--set: campaign 'border': end 2011-08-31 is before start 2011-09-01",
                "--set: campaign 'border' intensity: expected a number from 0 to 20 (x routine effort), got '25'"),
                problemsOf(TWO_CAMPAIGNS, "campaigns.border.start=2011-09-01", "campaigns.border.intensity=25"));
        assertEquals(List.of("--set: campaign 'border' (2013-06-01..2013-08-31) lies wholly outside the run "
                        + "(the run is 2010-01-01..2012-12-31), so it would never act; move its dates or the run's, or "
                        + "remove it"),
                problemsOf(TWO_CAMPAIGNS, "campaigns.border.start=2013-06-01", "campaigns.border.end=2013-08-31"));
        assertEquals(List.of("--set: campaigns.national-2009.start: the scenario has no campaigns to change "
                        + "(campaigns are written in the scenario file)"),
                problemsOf("start: 2010-01-01\nend: 2010-12-31\n", "campaigns.national-2009.start=2010-01-01"));
    }

    @Test
    void sharesMayAddUpToExactlyOne() throws Exception {
        Scenario s = loadText("start: 2010-01-01\nend: 2010-12-31\npolice: {patrol_share: 0.2, investigation_share: "
                + "0.6, dna_share: 0.1, buyer_share: 0.1}\n");
        assertEquals(0.2, s.parameters().getPatrolShare());
    }

    @Test
    void timelineChangeThatBreaksSharesIsReportedAtItsKey() {
        assertEquals(List.of("s.yaml:5:11: from 2010-06-01: police shares add up to 1.3 (patrol_share 0.6 + "
                        + "investigation_share 0.5 + dna_share 0.1 + buyer_share 0.1); they divide the same officers, "
                        + "so together they must not exceed 1"),
                problemsOf("""
                        start: 2010-01-01
                        end: 2010-12-31
                        timeline:
                          - date: 2010-06-01
                            set: {police.patrol_share: 0.6}
                        """));
    }

    @Test
    void emptyFileNeedsStartAndEnd() {
        assertEquals(List.of(
                "s.yaml:1:1: missing required key 'start' (first simulated day, like start: 2008-01-01)",
                "s.yaml:1:1: missing required key 'end' (last simulated day, like end: 2011-12-31)"),
                problemsOf(""));
    }

    @Test
    void topLevelMustBeAMap() {
        assertEquals(List.of("s.yaml:1:1: not a scenario file (expected a map of scenario keys, key: value lines; it "
                + "holds a list)"),
                problemsOf("- start: 2010-01-01\n"));
    }

    @Test
    void emptyValuesAreReported() {
        assertEquals(List.of(
                "s.yaml:3:15: police.budget: expected a number from 0 to 10 (x baseline), got nothing",
                "s.yaml:4:8: police: expected a map of keys (one of " + String.join(", ",
                        Schema.SCENARIO.childrenOf("police")) + "), got nothing",
                "s.yaml:5:11: campaigns: expected a list of campaigns (items starting with '- '; [] for none), "
                        + "got nothing"),
                problemsOf("start: 2010-01-01\nend: 2010-12-31\npolice.budget:\npolice:\ncampaigns:\n"));
    }

    @Test
    void nameMustBeShortAndLowerCase() {
        assertEquals(List.of("s.yaml:1:7: name: expected a short name of lower-case letters, digits, '.', '_' and "
                        + "'-', got 'China 2011'"),
                problemsOf("name: China 2011\nstart: 2010-01-01\nend: 2010-12-31\n"));
    }

    @Test
    void notUtf8IsReportedAsUnreadable() throws Exception {
        Path f = tmp.resolve("latin1.yaml");
        Files.write(f, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(List.of(f + ": cannot read: it is not UTF-8 text"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void relativePathsStayRelativeInMessages() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(Path.of("./" + DIR + "bad-enum.yaml")));
        assertTrue(e.problems().get(0).toString().startsWith("./" + DIR + "bad-enum.yaml:5:15: "),
                e.problems().get(0).toString());
        assertEquals("./" + DIR + "bad-enum.yaml", e.problems().get(0).file());
        assertEquals(5, e.problems().get(0).line());
        assertEquals(15, e.problems().get(0).col());
    }

    @Test
    void defaultNameComesFromTheFileName() {
        assertEquals("china-2011", ScenarioLoader.defaultName(Path.of("x/china-2011.yaml")));
        assertEquals("my-run", ScenarioLoader.defaultName(Path.of("My Run.yml")));
    }
}
