package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.scenario.Setting;
import org.crackdown.yaml.Place;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The calibrated baseline reproduces what police reported for 2011 (china-facts.md s1), the
 * market facts (s4), DNA identifications and the joint-operation templates (s2):
 * scenarios/china-2011.yaml as shipped, its free parameters at the fitted defaults of
 * Parameters.java and nothing else overridden, at national scale (the scale of record), with seeds
 * 3 and 4 (the refit used 1 and 2, so these are runs the fit never saw), meets every target of
 * scenarios/calibration/china-2011.yaml for the mean of the two runs. Two national runs in
 * parallel: a few minutes, so it runs only on request ({@code -Dcrackdown.slow=true}).
 *
 * <p>Extra tolerance, from the observed spread: a target is met if the mean lies within its
 * tolerance (or range) widened by two standard errors of the mean, SE = SD / sqrt(2), estimated
 * from these very runs. Without it the test would fail by chance whenever a fitted value sits near
 * the edge of its band. docs/calibration.md has the check over ten seeds, which needs no
 * allowance.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "crackdown.slow", matches = "true")
class CalibrationTargetsTest {

    static final Path TARGETS = Path.of("../scenarios/calibration/china-2011.yaml");
    static final Path SCENARIO = Path.of("../scenarios/china-2011.yaml");
    static final int REPLICATES = 2;
    static final long FIRST_SEED = 3;
    static final double SCALE = 1;

    @Test
    void theCalibratedBaselineMeetsEveryTarget() throws Exception {
        CalibrationSpec fit = TargetsReader.read(TARGETS);
        // The shipped scenario with nothing but the scale changed: no fitted values from the targets file.
        CalibrationSpec spec = new CalibrationSpec(fit.name(), fit.file(), SCENARIO,
                List.of(new Setting("scale", Double.toString(SCALE), new Place("test", 0, 0))), true, REPLICATES, FIRST_SEED,
                fit.targets(), List.of(), fit.optimizer());
        Evaluation e;
        try (ReplicateRunner runner = new ReplicateRunner(2, () -> false)) {
            e = new Evaluator(spec, SCENARIO, List.of(), runner, REPLICATES).evaluate(1, new double[0]);
        }
        assertEquals(9, e.results().size());
        List<String> missed = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (TargetResult r : e.results()) {
            Target t = r.target();
            double allowance = 2 * r.sd() / Math.sqrt(r.n());
            boolean ok = r.n() == REPLICATES && (t.isPoint()
                    ? Math.abs(r.mean() - t.value()) <= t.tolerance() * t.value() + allowance
                    : r.mean() >= t.min() - allowance && r.mean() <= t.max() + allowance);
            table.append(String.format("%n  %-20s mean %.4g ± %.2g (n=%d), wanted %s, allowance %.2g: %s", t.column(),
                    r.mean(), r.sd(), r.n(), t.describe(), allowance, ok ? "ok" : "MISSED"));
            if (!ok) {
                missed.add(t.column());
            }
        }
        assertTrue(missed.isEmpty(), "targets missed: " + missed + table);
    }
}
