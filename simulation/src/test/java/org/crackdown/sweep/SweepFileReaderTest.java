package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crackdown.scenario.Setting;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files are as strict as scenario files: every problem, each at file:line:col. */
class SweepFileReaderTest {

    @TempDir
    Path dir;

    private List<Problem> problems(String body) throws Exception {
        Path f = SweepFiles.write(dir, "bad", body);
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepPlan.load(f));
        return e.problems();
    }

    /** The single problem, as printed: file:line:col: message. */
    private String only(String body) throws Exception {
        List<Problem> ps = problems(body);
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0).toString();
    }

    private String file() {
        return dir.resolve("bad.yaml").toString();
    }

    @Test
    void readsEverything() throws Exception {
        Path f = SweepFiles.write(dir, "ok", "description: two budgets\nset: {police: {patrol_share: 0.3}, scale: 0.01}\n"
                + "replicates: 4\nseeds: {policy: independent, base: 7}\nvary:\n  police:\n    budget: [1, 2]\n"
                + "strategies:\n  baseline:\n  tips: {tips.enabled: yes}\nkeep_timeseries: true\n");
        SweepSpec s = SweepFileReader.read(f);
        assertEquals("ok", s.name());
        assertEquals("two budgets", s.description());
        assertEquals(List.of("police.patrol_share=0.3", "scale=0.01"), s.set().stream().map(Setting::asSet).toList());
        assertEquals(4, s.replicates());
        assertEquals(SeedPolicy.INDEPENDENT, s.seedPolicy());
        assertEquals(7, s.seedBase());
        assertEquals(List.of("police.budget"), s.varyKeys());
        assertEquals(List.of("baseline", "tips"), s.strategies().stream().map(Strategy::name).toList());
        assertEquals(List.of("tips.enabled=true"), s.strategies().get(1).settings().stream().map(Setting::asSet).toList());
        assertTrue(s.keepTimeseries());
        assertEquals(DesignMethod.GRID, s.design());
    }

    @Test
    void defaultsToOneStrategyNamedBaseAndCommonSeeds() throws Exception {
        SweepSpec s = SweepFileReader.read(SweepFiles.write(dir, "d", ""));
        assertEquals(List.of("base"), s.strategies().stream().map(Strategy::name).toList());
        assertEquals(SeedPolicy.COMMON, s.seedPolicy());
        assertEquals(1, s.seedBase());
        assertEquals(1, s.replicates());
    }

    /** A sweep file over tiny.yaml with a campaign (national-2010, February to April 2010). */
    private Path withCampaign(String name, String body) throws Exception {
        Path scenario = dir.resolve("campaign.yaml");
        Files.writeString(scenario, "extends: " + SweepFiles.TINY + "\ncampaigns:\n  - {name: national-2010, "
                + "start: 2010-02-01, end: 2010-04-30, provinces: all, intensity: 1}\n");
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, "name: " + name + "\nbase: campaign.yaml\n" + SweepFiles.FAST_SET + body);
        return f;
    }

    @Test
    void campaignTimingIsSetNestedOrDottedAndEveryStrategyLoads() throws Exception {
        SweepPlan plan = SweepPlan.load(withCampaign("timing", "strategies:\n  baseline: {}\n"
                + "  early: {campaigns.national-2010.start: 2010-01-15}\n"
                + "  strong: {campaigns: {national-2010: {intensity: 2, end: 2010-03-31}}}\n"));
        List<Strategy> st = plan.spec().strategies();
        assertEquals(List.of("campaigns.national-2010.start=2010-01-15"),
                st.get(1).settings().stream().map(Setting::asSet).toList());
        assertEquals(List.of("campaigns.national-2010.intensity=2", "campaigns.national-2010.end=2010-03-31"),
                st.get(2).settings().stream().map(Setting::asSet).toList());
    }

    @Test
    void campaignKeyProblemsArePlacedInTheSweepFile() throws Exception {
        Path f = withCampaign("bad", "strategies:\n  baseline: {}\n"
                + "  early: {campaigns.national-2011.start: 2010-01-15}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepPlan.load(f));
        assertEquals(List.of(f + ":6:11: strategy 'early': campaigns.national-2011.start: unknown campaign "
                + "'national-2011'; did you mean 'national-2010'?"), e.problems().stream().map(Problem::toString).toList());
        Path g = withCampaign("worse", "strategies:\n"
                + "  a: {campaigns: {national-2010: {strat: 2010-01-15}}}\n"
                + "  b: {campaigns.national-2010.start: 2010-02-30}\n"
                + "  c: {from: 2010-02-01, campaigns.national-2010.intensity: 2}\n"
                + "  d: {campaigns: 2}\n");
        ScenarioException w = assertThrows(ScenarioException.class, () -> SweepPlan.load(g));
        assertEquals(List.of(
                g + ":5:35: strategy 'a': campaigns.national-2010.strat: unknown campaign field 'strat'; did you mean "
                        + "'start'?",
                g + ":6:38: strategy 'b': campaigns.national-2010.start: expected a date like 2011-01-01, got "
                        + "'2010-02-30'",
                g + ":7:25: strategy 'c': campaigns.national-2010.intensity cannot be dated with from: (a campaign has "
                        + "its own dates); give it in a strategy without from:",
                g + ":8:18: strategy 'd': campaigns: expected a map of campaign names to the fields to change, like "
                        + "{national-2009: {start: 2009-01-01}}, got '2'"),
                w.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearestWithItsPlace() throws Exception {
        assertEquals(file() + ":3:1: unknown key 'replicate'; did you mean 'replicates'?", only("replicate: 3\n"));
    }

    @Test
    void parameterKeyAtTopLevelSaysWhereItBelongs() throws Exception {
        String p = only("police.budget: 2\n");
        assertTrue(p.startsWith(file() + ":3:1: unknown key 'police.budget'"), p);
        assertTrue(p.contains("set:"), p);
    }

    @Test
    void unknownParameterUnderVarySuggestsTheKey() throws Exception {
        assertEquals(file() + ":4:3: vary: unknown key 'police.budgte'; did you mean 'police.budget'?",
                only("vary:\n  police.budgte: [1, 2]\n"));
        assertEquals(file() + ":5:5: strategy 'x': unknown key 'police.budgt'; did you mean 'police.budget'?",
                only("strategies:\n  x:\n    police.budgt: 2\n"));
    }

    @Test
    void outOfRangeValueIsPlacedOnTheValue() throws Exception {
        String p = only("vary:\n  police.budget: [1, 2, 11]\n");
        assertTrue(p.startsWith(file() + ":4:25: vary: police.budget: expected a number from 0 to 10"), p);
        assertTrue(p.endsWith("got '11'"), p);
    }

    @Test
    void stepGoingTheWrongWayIsRefused() throws Exception {
        String p = only("vary:\n  police.budget: {from: 2, to: 1, step: 0.5}\n");
        assertTrue(p.startsWith(file() + ":4:"), p);
        assertTrue(p.contains("use step -0.5"), p);
        assertTrue(only("vary:\n  police.budget: {from: 1, to: 2, step: 0}\n").contains("step must not be 0"));
    }

    @Test
    void designAndValueFormsMustAgree() throws Exception {
        assertTrue(only("design: lhs\nsamples: 8\nvary:\n  police.budget: [1, 2]\n")
                .contains("lists are for design: grid"));
        assertTrue(only("vary:\n  police.budget: {min: 1, max: 2}\n").contains("{min, max} bounds are for design lhs"));
        assertTrue(only("design: sobol\nvary:\n  police.budget: {min: 1, max: 2}\n").contains("needs 'samples'"));
        assertTrue(only("samples: 8\n").contains("only design lhs or sobol"));
        assertTrue(only("design: lhs\nsamples: 4\nvary:\n  police.allocation: {min: 1, max: 2}\n")
                .contains("list its values"));
        assertTrue(only("design: lhs\nsamples: 4\nvary:\n  police.budget: {min: 2, max: 1}\n")
                .contains("must be above min"));
        assertTrue(only("design: latin\n").contains("expected one of grid, lhs, sobol"));
    }

    @Test
    void aKeyIsVariedOrFixedNotBoth() throws Exception {
        String p = only("set: {police.budget: 1}\nvary:\n  police.budget: [1, 2]\n");
        assertTrue(p.startsWith(file() + ":3:"), p);
        assertTrue(p.contains("also varied"), p);
        String q = only("vary:\n  police.budget: [1, 2]\nstrategies:\n  more: {police.budget: 3}\n");
        assertTrue(q.startsWith(file() + ":6:10: strategy 'more': police.budget is also varied (line 4)"), q);
    }

    @Test
    void reportsEveryProblemAtOnce() throws Exception {
        List<Problem> ps = problems("replicates: 0\nseeds: {policy: shared}\nvary:\n  police.budget: [1, 1]\n"
                + "strategies:\n  Bad Name: {}\n");
        assertEquals(4, ps.size(), ps.toString());
        assertEquals(3, ps.get(0).line());
        assertTrue(ps.get(1).message().contains("seeds.policy: expected one of common, independent"), ps.toString());
        assertTrue(ps.get(2).message().contains("listed twice"), ps.toString());
        assertTrue(ps.get(3).message().contains("'Bad Name'"), ps.toString());
    }

    @Test
    void duplicateKeysAndMissingBaseAreReported() throws Exception {
        assertTrue(only("replicates: 2\nreplicates: 3\n").contains("duplicate key 'replicates'"));
        Path f = dir.resolve("nobase.yaml");
        Files.writeString(f, "replicates: 2\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepPlan.load(f));
        assertTrue(e.getMessage().contains("missing required key 'base'"), e.getMessage());
        Files.writeString(f, "base: nowhere.yaml\n");
        e = assertThrows(ScenarioException.class, () -> SweepPlan.load(f));
        assertTrue(e.getMessage().startsWith(f + ":1:7: base: no such scenario file 'nowhere.yaml'"), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorsHaveAPlace() throws Exception {
        List<Problem> ps = problems("vary: [1, 2\n");
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).line() > 0 && ps.get(0).message().startsWith("YAML syntax error"), ps.toString());
    }
}
