package org.crackdown.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Scenario;
import org.crackdown.outcome.NationalMonths;
import org.crackdown.outcome.Output;
import org.crackdown.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A figure a run can be held to only at scale 1 (scope national_run: rings broken up per joint
 * operation): compared as it is in a national run, reported as not comparable at another scale,
 * never put on a national footing by dividing by the scale.
 */
class NationalRunPatternTest {

    static final Pattern RINGS = new Pattern("rings", "rings per operation", Output.parse("joint_rings_broken/joint_operations"),
            Pattern.Scope.NATIONAL_RUN, "tiny", YearMonth.parse("2011-01"), YearMonth.parse("2011-12"), 4, 5, 0, true,
            Pattern.Strength.STRONG, "src", 2);

    /** One replicate with 8 rings from 2 operations: 4 per operation. */
    static List<PatternCheck.Replicate> eightRingsFromTwoOperations() {
        return List.of(new PatternCheck.Replicate(Map.of("joint_rings_broken", 8.0, "joint_operations", 2.0),
                new NationalMonths()), new PatternCheck.Replicate(Map.of("joint_rings_broken", 10.0,
                "joint_operations", 2.0), new NationalMonths()));
    }

    static Scenario tinyAt(String scale) throws Exception {
        return ScenarioLoader.load(Path.of("src/test/resources/scenarios/tiny.yaml"),
                List.of("scale=" + scale, "start=2011-01-01", "end=2011-12-31", "measure.from=2011-01-01",
                        "measure.to=2011-12-31"));
    }

    @Test
    void aNationalRunIsComparedAsItIs() throws Exception {
        assertTrue(RINGS.comparableAt(1));
        assertEquals(4.5, RINGS.toFigureFooting(4.5, 1));
        PatternResult r = PatternCheck.evaluate(RINGS, tinyAt("1"), eightRingsFromTwoOperations());
        assertEquals(PatternResult.Status.MEASURED, r.status());
        assertEquals(4.5, r.sample().mean(), 1e-12);
        assertEquals("pass", r.verdict());
    }

    @Test
    void aSmallerRunIsNotComparedAtAll() throws Exception {
        assertFalse(RINGS.comparableAt(0.1));
        PatternResult r = PatternCheck.evaluate(RINGS, tinyAt("0.1"), eightRingsFromTwoOperations());
        assertEquals(PatternResult.Status.NOT_COMPARABLE, r.status());
        assertNull(r.inRange());
        assertEquals("not comparable at this scale", r.verdict());
        assertTrue(r.detail().contains("ran at scale 0.1"), r.detail());
        // Counted apart from passes and fails.
        assertEquals("Calibration targets: 0 pass, 0 fail, 1 not measured or not run (of 1). Patterns not used in "
                + "calibration (the real test): 0 pass, 0 fail (of 0).", PatternsReport.tally(List.of(r)));
    }

    @Test
    void theShippedRingsPatternIsNationalRun() throws Exception {
        Pattern rings = PatternsReader.read(Path.of("../scenarios/data/patterns.csv")).stream()
                .filter(p -> p.id().equals("joint_op_rings_2011")).findFirst().orElseThrow();
        assertEquals(Pattern.Scope.NATIONAL_RUN, rings.scope());
    }
}
