package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.crackdown.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The synthetic check of the Bayesian calibration: data made by the model itself at a known
 * value of demand.bride_propensity (0.1), then ABC-SMC from a log-uniform prior on [0.02, 0.5]
 * with woman_report_probability free as a nuisance. The statistic is the number of legal
 * marriages of surplus men's families (bride seekers who marry legally), which moves one for one
 * with the bride propensity, so that parameter is identifiable: its 90% credible interval must
 * cover the truth and be narrower than half the prior's, and the posterior predictive 95% interval
 * must hold the observed figure. One observed data set and a fixed seed: a 90% interval misses
 * the truth one time in ten by design, so a failure here is evidence, not proof, of a fault.
 *
 * <p>Until session 11 the statistic was the number of victims trafficked, which moved strongly
 * with the bride propensity when this test was written (about 380, 710 and 1310 at 0.03, 0.1 and
 * 0.3). In the models of sessions 10 and 11 it no longer does on this tiny scenario (437-450 at
 * 0.1): the trade there is bound by what gangs supply, not by buyers, and the check failed on
 * width (log-width of the 90% interval 2.20 with the session-10 model, 2.15 with session 11's,
 * against at most 1.45), while covering the truth. Buyers entered, tried next, failed too (1.97:
 * child seekers and commercial buyers dilute the bride seekers). Legal marriages gave 0.065-0.145
 * (log-width 0.80). This is a check of the sampler on an identifiable pair, and the finding that
 * the trade alone no longer identifies bride demand is itself reported (docs/uncertainty.md).
 *
 * <p>About 400 half-year runs at 1% scale (about a minute on two cores), so it runs only on request:
 * {@code mvn -B -o -pl simulation -am test -Dtest=AbcSyntheticCheckTest -Dcrackdown.slow=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "crackdown.slow", matches = "true")
class AbcSyntheticCheckTest {

    static final double TRUTH = 0.1;
    /** The tiny scenario's own period (2010, measured July to December), where the signal was measured. */
    static final String PERIOD = "scale: 0.01";

    @Test
    void theNinetyPercentIntervalCoversTheTrueValue(@TempDir Path tmp) throws Exception {
        Path scenario = Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath();
        // The "observed" figure: one run of the model at the true value, with a seed the sampler never uses.
        Path truthFile = tmp.resolve("truth.yaml");
        Files.writeString(truthFile, "scenario: " + scenario + "\nset: {" + PERIOD + "}\nscale_counts: false\n"
                + "targets:\n  legal_marriages: {value: 1, tolerance: 1, source: \"-\"}\n"
                + "free:\n  demand.bride_propensity: {min: 0.02, max: 0.5, log: true}\n");
        CalibrationSpec truthSpec = TargetsReader.read(truthFile);
        double observed;
        try (ReplicateRunner runner = new ReplicateRunner(1, () -> false)) {
            Evaluator ev = new Evaluator(truthSpec, truthSpec.scenario(), List.of(), runner, 1);
            List<Map<String, Double>> s = runner.run(ev.scenario(new double[] {TRUTH}), new long[] {99_991});
            observed = s.get(0).get("legal_marriages");
        }
        Path targets = tmp.resolve("synthetic.yaml");
        Files.writeString(targets, "name: synthetic\nscenario: " + scenario + "\nset: {" + PERIOD + "}\n"
                + "scale_counts: false\nreplicates: 1\n"
                + "targets:\n  legal_marriages: {value: " + observed + ", tolerance: 0.1, "
                + "source: \"the model at demand.bride_propensity = 0.1, seed 99991\"}\n"
                + "free:\n  demand.bride_propensity: {min: 0.02, max: 0.5, log: true}\n"
                + "  families.woman_report_probability: {min: 0.05, max: 0.95}\n"
                + "abc: {particles: 40, generations: 3, quantile: 0.5, min_acceptance: 0.05, seed: 11, "
                + "predictive_draws: 40}\n");
        Path out = tmp.resolve("out");
        CalibrateCommandTest.Outcome o = CalibrateCommandTest.crackdown("calibrate", targets.toString(), "--method",
                "abc", "--out", out.toString(), "--threads", "2");
        assertEquals(Main.OK, o.code(), o::err);
        System.out.println("observed legal_marriages " + observed + "\n" + o.out() + o.err());
        JsonNode p = new ObjectMapper().readTree(out.resolve("posterior.json").toFile())
                .at("/parameters/demand.bride_propensity/posterior");
        double lo = p.get("q05").asDouble();
        double hi = p.get("q95").asDouble();
        assertTrue(lo <= TRUTH && TRUTH <= hi, "90% interval [" + lo + ", " + hi + "] vs truth " + TRUTH);
        // The prior's 90% interval on log scale spans 0.9 of log(0.5/0.02); the data must narrow it.
        double priorWidth = 0.9 * Math.log(0.5 / 0.02);
        assertTrue(Math.log(hi / lo) < 0.5 * priorWidth, "posterior width " + Math.log(hi / lo) + " vs prior "
                + priorWidth);
        // Posterior draws run again with fresh seeds predict the observed figure within their 95% interval.
        String predictive = Files.readString(out.resolve("predictive.csv"));
        assertTrue(predictive.lines().skip(1).allMatch(l -> l.contains(",true,")), predictive);
    }
}
