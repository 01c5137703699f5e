package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The calibration targets per national equivalent (count / scale) must not depend on the run's
 * scale (issue 10 part 7): at a small and a larger scale, over the same seeds, the means agree
 * within 5% of the larger-scale mean plus three standard errors of the difference (the sampling
 * spread of two means of few replicates, which a fixed 5% cannot absorb at small scale).
 *
 * <p>Too slow for CI (a 2008–2011 run at scale 0.2 takes minutes), so it runs only on request:
 * <pre>
 * mvn -B -o test -pl simulation -am -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=ScaleInvarianceTest -Dcrackdown.slow=true [-Dcrackdown.scales=0.05,0.2 -Dcrackdown.seeds=4]
 * </pre>
 * The issue's own check (scale 0.1 and 0.3 against 1) is the same test with
 * {@code -Dcrackdown.scales=0.1,1}; it needs a long job.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "crackdown.slow", matches = "true")
class ScaleInvarianceTest {

    private static final List<String> TARGETS = List.of("women_rescued", "children_rescued", "gangs_busted", "cases_solved",
            "cases_registered");
    private static final double RELATIVE = 0.05;

    @Test
    void calibrationTargetsPerNationalEquivalentDoNotDependOnScale() {
        String[] scales = System.getProperty("crackdown.scales", "0.05,0.2").split(",");
        double small = Double.parseDouble(scales[0].trim());
        double large = Double.parseDouble(scales[1].trim());
        int seeds = Integer.getInteger("crackdown.seeds", 4);
        List<Replicates> lo = new ArrayList<>();
        List<Replicates> hi = new ArrayList<>();
        for (int k = 0; k < TARGETS.size(); k++) {
            lo.add(new Replicates());
            hi.add(new Replicates());
        }
        for (long seed = 1; seed <= seeds; seed++) {
            var a = TestScenarios.summary(TestScenarios.china2011(small, p -> { }), seed);
            var b = TestScenarios.summary(TestScenarios.china2011(large, p -> { }), seed);
            for (int k = 0; k < TARGETS.size(); k++) {
                lo.get(k).add(a.get(TARGETS.get(k)) / small);
                hi.get(k).add(b.get(TARGETS.get(k)) / large);
            }
        }
        StringBuilder report = new StringBuilder("per national equivalent, scale " + small + " vs " + large
                + ", seeds 1-" + seeds + ":\n");
        List<String> failed = new ArrayList<>();
        for (int k = 0; k < TARGETS.size(); k++) {
            Replicates a = lo.get(k);
            Replicates b = hi.get(k);
            double diff = a.mean() - b.mean();
            double se = Math.hypot(a.standardError(), b.standardError());
            double allowed = RELATIVE * Math.abs(b.mean()) + 3 * se;
            report.append(String.format("  %-17s %s vs %s: %+.1f%% (allowed ±%.1f%%)%n", TARGETS.get(k), a, b,
                    100 * diff / b.mean(), 100 * allowed / Math.abs(b.mean())));
            if (Math.abs(diff) > allowed) {
                failed.add(TARGETS.get(k));
            }
        }
        System.out.print(report);
        assertTrue(failed.isEmpty(), "scale-dependent: " + failed + "\n" + report);
    }
}
