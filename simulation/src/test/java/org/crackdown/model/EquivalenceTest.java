package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.crackdown.format.CodeVersion;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.crackdown.scenario.ScenarioLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Same model, faster: speed work (issue 9) must not change what the model does. The 2011 baseline
 * ({@code scenarios/china-2011.yaml}) at scale {@value #SCALE} is run over seeds 1..{@value #SEEDS};
 * every summary measure's mean must lie within the 99% confidence interval of the committed
 * reference mean ({@code src/test/resources/equivalence/china-2011.csv}), using the spread across
 * seeds of both the reference and the current runs (Welch: SE = sqrt(SE_ref^2 + SE_now^2), t
 * quantile with Welch-Satterthwaite degrees of freedom).
 *
 * <p>Where a change keeps the order of random draws, the runs are byte-identical and every mean
 * matches exactly; the test prints whether the 20 summaries' digest equals the reference's. Where
 * the order of draws changes (a different but equivalent sequence), this statistical comparison is
 * the guarantee. With ~40 measures each tested at 99%, an equivalent model that draws differently
 * fails on at least one measure with a chance of up to roughly a third (less, as the measures are
 * correlated): a failure says "look at this measure", and the fix is never to widen the interval.
 *
 * <p>The reference belongs to the model as it was when generated (the commit is in the file's
 * header). When the model is MEANT to change, regenerate it on purpose (one line):
 * <pre>
 * mvn -B -o test -pl simulation -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=EquivalenceTest -Dcrackdown.updateEquivalence=true
 * </pre>
 * The test then rewrites the file and fails, saying so; commit it with the change that explains it.
 * Run it without the flag to check the model against it. Tagged "slow" (and "equivalence"):
 * {@code mvn test} leaves it out, {@code mvn -B verify} runs it after the quick tests.
 */
@Tag("equivalence")
@Tag("slow")
class EquivalenceTest {

    static final double SCALE = 0.05;
    static final int SEEDS = 20;
    static final Path SCENARIO = Path.of("..", "scenarios", "china-2011.yaml");
    static final Path REFERENCE = Path.of("src/test/resources/equivalence/china-2011.csv");
    static final String REGENERATE = "mvn -B -o test -pl simulation -am -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dtest=EquivalenceTest -Dcrackdown.updateEquivalence=true";

    /** Per-measure mean, SD and count of finite values over the seeds. */
    record Stat(String measure, int n, double mean, double sd) {
        double se() {
            return n > 0 ? sd / Math.sqrt(n) : Double.NaN;
        }
    }

    @Test
    void sameSeedsGiveTheReferenceMeansWithinTheir99PercentIntervals() throws Exception {
        List<Map<String, Double>> runs = runAll(SCALE, SEEDS);
        Map<String, Stat> now = stats(runs);
        String digest = digest(runs);
        if (Boolean.getBoolean("crackdown.updateEquivalence")) {
            write(REFERENCE, "Equivalence reference for EquivalenceTest: scenarios/china-2011.yaml, scale=" + SCALE
                    + ", seeds 1.." + SEEDS, REGENERATE, now, digest);
            fail("equivalence reference rewritten: " + REFERENCE.toAbsolutePath()
                    + "; review it with git diff, commit it, then rerun without -Dcrackdown.updateEquivalence");
        }
        if (!Files.exists(REFERENCE)) {
            fail("missing " + REFERENCE + "; generate it with: " + REGENERATE);
        }
        Reference ref = read(REFERENCE);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        // The measure nearest its interval's edge, printed so a passing run shows its margin.
        double closest = 0;
        String closestMeasure = "none";
        for (Stat r : ref.stats.values()) {
            Stat c = now.get(r.measure());
            if (c == null) {
                failures.add(r.measure() + ": in the reference but no longer in the summary");
                continue;
            }
            if (r.n() < 2 || c.n() < 2) {
                if (r.n() != c.n()) {
                    failures.add(r.measure() + ": finite in " + r.n() + " reference runs, " + c.n() + " now");
                }
                continue;
            }
            compared++;
            double ser = r.se();
            double sec = c.se();
            double se = Math.sqrt(ser * ser + sec * sec);
            double diff = Math.abs(c.mean() - r.mean());
            if (se == 0) {
                // No spread at all (e.g. a measure fixed by the scenario): it must not move.
                if (diff > 1e-9 * Math.max(1, Math.abs(r.mean()))) {
                    failures.add(String.format(Locale.ROOT, "%s: constant %.6g in the reference, now %.6g",
                            r.measure(), r.mean(), c.mean()));
                }
                continue;
            }
            double df = Math.pow(se * se, 2)
                    / (Math.pow(ser * ser, 2) / (r.n() - 1) + Math.pow(sec * sec, 2) / (c.n() - 1));
            double t = new TDistribution(df).inverseCumulativeProbability(0.995);
            if (diff / (t * se) > closest) {
                closest = diff / (t * se);
                closestMeasure = r.measure();
            }
            if (diff > t * se) {
                failures.add(String.format(Locale.ROOT, "%s: mean %.6g now vs %.6g reference, |diff| %.3g > %.3g"
                        + " (99%% CI, SE %.3g)", r.measure(), c.mean(), r.mean(), diff, t * se, se));
            }
        }
        System.out.println("EquivalenceTest: " + compared + " measures compared; summaries "
                + (digest.equals(ref.digest) ? "byte-identical to" : "differ from") + " the reference ("
                + ref.commit + "); largest |difference| " + String.format(Locale.ROOT, "%.2f", closest)
                + " of its 99% half-width (" + closestMeasure + ")");
        assertTrue(compared > 10, "too few measures compared (" + compared + "): is the reference empty?");
        if (!failures.isEmpty()) {
            fail(failures.size() + " measure(s) outside their 99% interval:\n  " + String.join("\n  ", failures)
                    + "\nIf the model was changed on purpose, regenerate with: " + REGENERATE);
        }
    }

    /**
     * The shipped 2011 scenario at {@code scale} over seeds 1..{@code seeds}, two runs at a time
     * (each run has its own generator, so results do not depend on the order): their summaries.
     */
    static List<Map<String, Double>> runAll(double scale, int seeds) throws Exception {
        Scenario s = ScenarioLoader.load(SCENARIO, List.of("scale=" + scale));
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Map<String, Double>>> fs = new ArrayList<>();
            for (long seed = 1; seed <= seeds; seed++) {
                long sd = seed;
                fs.add(pool.submit(() -> TestScenarios.summary(s, sd)));
            }
            List<Map<String, Double>> out = new ArrayList<>();
            for (Future<Map<String, Double>> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Stat> stats(List<Map<String, Double>> runs) {
        Map<String, Stat> out = new LinkedHashMap<>();
        for (String m : runs.get(0).keySet()) {
            SummaryStatistics st = new SummaryStatistics();
            for (Map<String, Double> r : runs) {
                double v = r.get(m);
                if (Double.isFinite(v)) {
                    st.addValue(v);
                }
            }
            out.put(m, new Stat(m, (int) st.getN(), st.getMean(), st.getStandardDeviation()));
        }
        return out;
    }

    /** SHA-256 over every run's summary, exact doubles, seed order. */
    static String digest(List<Map<String, Double>> runs) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Map<String, Double> r : runs) {
            r.forEach((k, v) -> md.update((k + "=" + Double.doubleToLongBits(v) + ";").getBytes(StandardCharsets.UTF_8)));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    record Reference(String commit, String digest, Map<String, Stat> stats) {
    }

    /** Writes a reference file: what it is, the commit, the runs' digest, how to regenerate it, then a Stat per line. */
    static void write(Path file, String what, String regenerate, Map<String, Stat> now, String digest) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(what).append('\n');
        b.append("# commit: ").append(CodeVersion.commit()).append('\n');
        b.append("# digest: ").append(digest).append('\n');
        b.append("# regenerate (only when the model is meant to change): ").append(regenerate).append('\n');
        b.append("measure,n,mean,sd,se\n");
        for (Stat s : now.values()) {
            b.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%s%n", s.measure(), s.n(), Double.toString(s.mean()),
                    Double.toString(s.sd()), Double.toString(s.se())));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, b.toString());
    }

    static Reference read(Path file) throws IOException {
        String commit = "unknown commit";
        String digest = "";
        Map<String, Stat> stats = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("# commit: ")) {
                commit = "commit " + line.substring(10).trim();
            } else if (line.startsWith("# digest: ")) {
                digest = line.substring(10).trim();
            } else if (!line.startsWith("#") && !line.startsWith("measure,") && !line.isBlank()) {
                String[] f = line.split(",");
                stats.put(f[0], new Stat(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
        }
        return new Reference(commit, digest, stats);
    }
}
