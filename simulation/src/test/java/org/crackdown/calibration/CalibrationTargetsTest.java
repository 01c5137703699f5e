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
 * The calibrated baseline reproduces what police reported for 2011 (china-facts.md s1) and the
 * market facts (s4): scenarios/china-2011.yaml as shipped, its free parameters at the fitted
 * defaults of Parameters.java and nothing else overridden but the scale, run at 0.3 (the scale of
 * the calibration's last stage) with seeds 3 and 4 (the fit used 1 and 2, so these are runs the
 * fit never saw), meets every target of scenarios/calibration/china-2011.yaml for the mean
 * of the two runs, counts scaled by 0.3. Two runs in parallel, about 30 s on two free cores; a
 * smaller scale would be faster but the parents' share is not scale-free (docs/calibration.md).
 *
 * <p>Extra tolerance, from the observed spread: at 0.3 of China one run's count differs from the
 * next seed's by 1-5% (SDs in the fit's evaluations.csv and in a four-seed check: women 3%,
 * children 4%, gangs 2%, cases 3%, parents' share 0.015), so the mean of two has a sampling error
 * of a few per cent. A target is therefore met if the mean lies within its tolerance (or range)
 * widened by two standard errors of the mean, SE = SD / sqrt(2), estimated from these very runs.
 * Without it the test would fail by chance whenever a fitted value sits near the edge of its band
 * (the parents' share does). docs/calibration.md has the full-scale check over ten seeds, which
 * needs no allowance.
 *
 * <p><b>It fails today</b> and therefore runs only on request ({@code -Dcrackdown.slow=true}): the
 * defaults were fitted to the model before the trade responded (issue 10), and the responsive model
 * with them registers about three times the 2011 cases and rescues too few women
 * (docs/calibration.md, "Where the model stands", scale 0.05). Measured by the lead at scale 0.3,
 * seeds 3-4, after issue 10 parts 3-5 but against the previous targets: gangs_busted 1126 (wanted
 * 958.5 +-10%) and parents_sale_share 0.437 (wanted 0.35-0.4) missed, the rest met. Make it a
 * default test again once a refit meets the targets.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "crackdown.slow", matches = "true")
class CalibrationTargetsTest {

    static final Path TARGETS = Path.of("../scenarios/calibration/china-2011.yaml");
    static final Path SCENARIO = Path.of("../scenarios/china-2011.yaml");
    static final int REPLICATES = 2;
    static final long FIRST_SEED = 3;
    static final double SCALE = 0.3;

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
        assertEquals(6, e.results().size());
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
