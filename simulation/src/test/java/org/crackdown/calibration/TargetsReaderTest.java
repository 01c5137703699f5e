package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict reading of targets files: every problem, each at its file:line:col, with suggestions. */
class TargetsReaderTest {

    static final Path DIR = Path.of("src/test/resources/calibration");

    @TempDir
    Path tmp;

    @Test
    void readsAValidFile() throws ScenarioException {
        CalibrationSpec s = TargetsReader.read(DIR.resolve("tiny-targets.yaml"));
        assertEquals("tiny", s.name());
        assertEquals(Path.of("src/test/resources/scenarios/tiny.yaml"), s.scenario());
        assertEquals(List.of("scale=0.01"), s.sets());
        assertTrue(s.scaleCounts());
        assertEquals(2, s.replicates());
        assertEquals(List.of("women_rescued", "price_woman"), s.targets().stream().map(Target::column).toList());
        assertTrue(s.targets().get(0).isPoint());
        assertEquals(0.2, s.targets().get(0).tolerance());
        assertEquals(50000, s.targets().get(1).max());
        FreeParameter bride = s.free().get(0);
        assertEquals("demand.bride_propensity", bride.key());
        assertTrue(bride.log());
        assertEquals(0.5, bride.max());
        assertEquals(0.06, bride.start());
        assertEquals(OptimizerSettings.Method.CMAES, s.optimizer().method());
        assertEquals(10, s.optimizer().maxEvaluations());
        assertEquals(List.of(1L, 2L), List.of(s.seeds(2)[0], s.seeds(2)[1]));
    }

    @Test
    void theShippedTargetsFileIsValid() throws ScenarioException {
        CalibrationSpec s = TargetsReader.read(Path.of("../scenarios/calibration/china-2011.yaml"));
        assertEquals("china-2011", s.name());
        assertEquals(9, s.targets().size());
        // An "assumption, prior: ..." parameter (no published value) may be fitted, like a "free" one.
        assertTrue(s.free().stream().anyMatch(f -> f.key().equals("gangs.reservation_income")));
        // The parameters whose sources state a prior declare it; the others get the default on
        // their bounds (log-uniform: all are fitted on a log scale), flagged as not stated.
        List<String> uniform = List.of("police.woman_registration", "police.merge_probability", "police.trace_sold_probability",
                "police.case_lead_share");
        for (int k = 0; k < s.free().size(); k++) {
            String key = s.free().get(k).key();
            boolean documented = List.of("gangs.reservation_income", "police.interception_efficiency",
                    "police.investigation_efficiency", "dna.search_efficiency", "joint.takedown_efficiency").contains(key)
                    || uniform.contains(key);
            assertEquals(documented, s.priors().get(k).stated(), key);
            assertEquals(uniform.contains(key) ? Prior.Kind.UNIFORM : Prior.Kind.LOGUNIFORM, s.priors().get(k).kind(), key);
        }
        assertEquals(100, s.abc().particles());
        // Rings broken up are scored in national runs only; every other target at any scale.
        for (Target t : s.targets()) {
            assertEquals(t.column().equals("joint_rings_broken"), t.nationalOnly(), t.column());
        }
    }

    /** abc: sampler names one of the two samplers; a misspelling is reported at its place. */
    @Test
    void theAbcSamplerIsChosenByName() throws Exception {
        String head = "scenario: " + tinyScenario() + "\nfree: {demand.bride_propensity: {min: 0.01, max: 0.5}}\n"
                + "targets: {women_rescued: {value: 100, tolerance: 0.1, source: x}}\n";
        assertEquals(AbcSettings.Sampler.REPLENISHMENT, TargetsReader.read(write(head)).abc().sampler());
        assertEquals(AbcSettings.Sampler.PMC, TargetsReader.read(write(head + "abc: {sampler: pmc}\n")).abc().sampler());
        Path bad = write(head + "abc: {sampler: replenish}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(bad));
        assertHas(e.getMessage(), bad + ":4:16: abc: sampler: expected one of pmc, replenishment, got 'replenish'");
    }

    /** national_only is a YAML boolean of one target; anything else is reported at its place. */
    @Test
    void aTargetCanBeScoredInNationalRunsOnly() throws Exception {
        String head = "scenario: " + tinyScenario() + "\nfree: {demand.bride_propensity: {min: 0.01, max: 0.5}}\n";
        CalibrationSpec s = TargetsReader.read(write(head + "targets:\n"
                + "  women_rescued: {value: 100, tolerance: 0.1, source: x}\n"
                + "  joint_rings_broken: {min: 8, max: 10, national_only: yes, source: x}\n"));
        assertFalse(s.targets().get(0).nationalOnly());
        assertTrue(s.targets().get(1).nationalOnly());
        Path bad = write(head + "targets:\n"
                + "  joint_rings_broken: {min: 8, max: 10, national_only: sometimes, source: x}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(bad));
        assertHas(e.getMessage(), bad + ":4:56: targets: joint_rings_broken: national_only: expected true or false, got 'sometimes'");
    }

    @Test
    void reportsEveryProblemAtItsLineWithSuggestions() {
        String f = DIR.resolve("bad-targets.yaml").toString();
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(Path.of(f)));
        List<String> msgs = e.problems().stream().map(Problem::toString).toList();
        String all = String.join("\n", msgs);
        assertHas(all, f + ":1:7: name: expected lower-case letters");
        assertHas(all, f + ":3:20: set: unknown scenario key 'police.budgett'; did you mean 'police.budget'?");
        assertHas(all, f + ":4:13: replicates: expected a whole number from 1 to 1000, got '0'");
        assertHas(all, f + ":6:3: targets: unknown summary column 'women_rescue'; did you mean 'women_rescued'?");
        assertHas(all, f + ":7:3: targets: children_rescued: give either value and tolerance");
        assertHas(all, f + ":8:3: targets: gangs_busted: missing 'source'");
        assertHas(all, f + ":9:32: targets: price_boy: max must be above min");
        assertHas(all, f + ":11:3: free: unknown parameter 'demand.brid_propensity'; did you mean 'demand.bride_propensity'?");
        assertHas(all, f + ":12:3: free: police.per_10k: has a published source");
        assertHas(all, f + ":13:3: free: gangs.capacity: only continuous parameters can be fitted");
        assertHas(all, f + ":14:44: free: police.bust_probability: max: outside what the parameter allows");
        assertHas(all, f + ":15:32: free: demand.son_propensity: min: a log-scale parameter needs min above 0");
        assertHas(all, f + ":16:21: optimizer: method: expected one of cmaes, bobyqa, nelder-mead, got 'cmaess'; "
                + "did you mean 'cmaes'?");
        // Every problem is located, none is a bare message.
        for (Problem p : e.problems()) {
            assertTrue(p.line() > 0, p::toString);
        }
    }

    @Test
    void aFreeParameterCannotAlsoBeSet() throws IOException {
        Path f = write("scenario: " + tinyScenario() + "\n"
                + "set: {demand.bride_propensity: 0.1}\n"
                + "targets: {women_rescued: {value: 100, tolerance: 0.1, source: x}}\n"
                + "free: {demand.bride_propensity: {min: 0.01, max: 0.5}}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(f));
        assertEquals(f + ":2:7: set: demand.bride_propensity is also a free parameter; a fitted parameter cannot be "
                + "fixed too (remove one)", e.problems().get(0).toString());
    }

    @Test
    void requiredKeysAndTheScenarioFileAreChecked() throws IOException {
        Path f = write("scenario: no-such.yaml\noptimizer: {method: bobyqa}\n"
                + "free: {demand.bride_propensity: {min: 0.01, max: 0.5}}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(f));
        String all = e.getMessage();
        assertHas(all, f + ":1:11: scenario: cannot read 'no-such.yaml'");
        assertHas(all, f + ":1:1: missing required key 'targets'");
        assertHas(all, f + ":2:21: optimizer: method: bobyqa needs at least 2 free parameters");
    }

    @Test
    void syntaxErrorsAndMissingFilesAreReportedWithoutAStackTrace() throws IOException {
        Path f = write("targets: {women_rescued: [1, 2\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(f));
        assertHas(e.getMessage(), f + ":2:1: YAML syntax error");
        ScenarioException missing = assertThrows(ScenarioException.class,
                () -> TargetsReader.read(tmp.resolve("absent.yaml")));
        assertHas(missing.getMessage(), "absent.yaml: cannot read: no such file");
    }

    /**
     * scale_counts follows YAML's booleans like every other key: {@code yes} used to be read with
     * Boolean.parseBoolean and silently became false, so count targets were not scaled.
     */
    @Test
    void scaleCountsReadsYamlBooleans() throws Exception {
        String tiny = Files.readString(DIR.resolve("tiny-targets.yaml"))
                .replace("../scenarios/tiny.yaml", tinyScenario());
        for (String word : List.of("yes", "on", "True", "'yes'")) {
            assertTrue(TargetsReader.read(write(tiny.replace("scale_counts: true", "scale_counts: " + word)))
                    .scaleCounts(), word);
        }
        for (String word : List.of("no", "off", "false")) {
            assertTrue(!TargetsReader.read(write(tiny.replace("scale_counts: true", "scale_counts: " + word)))
                    .scaleCounts(), word);
        }
    }

    private String tinyScenario() {
        return Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath().toString();
    }

    private Path write(String text) throws IOException {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, text);
        return f;
    }

    static void assertHas(String all, String expected) {
        assertTrue(all.contains(expected), () -> "expected a problem\n  " + expected + "\namong\n" + all);
    }
}
