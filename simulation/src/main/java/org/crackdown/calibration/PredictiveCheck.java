package org.crackdown.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.crackdown.output.CsvNumbers;

/**
 * The posterior predictive check: parameter sets drawn from the posterior by weight, each run
 * again with a fresh seed, and for every target the 95% interval of what the model then
 * predicts, against the published figure. The accepted particles cannot serve for this (they
 * are within the tolerance by construction); fresh runs show what the posterior model produces.
 * Draw m uses a generator and a model seed derived from (seed, m) only, so the check is the same
 * whatever the thread count.
 */
public final class PredictiveCheck {

    public static final String CSV = "predictive.csv";

    /**
     * One target's check.
     *
     * @param target  the target as it applies to the runs (counts scaled)
     * @param values  what the draws predicted (replicated means; draws without a value left out)
     * @param low     2.5% quantile of the predictions
     * @param median  50% quantile
     * @param high    97.5% quantile
     * @param scored  whether the draws could be judged against the target (not a national-only
     *                target in runs at another scale, {@link Target#comparableAt})
     */
    public record Row(Target target, double[] values, double low, double median, double high, boolean scored) {

        /** "yes", "NO", or "not scored" for a national-only target away from scale 1. */
        public String verdict() {
            return !scored ? "not scored (national_only)" : covers() ? "yes" : "NO";
        }

        /** Whether the 95% interval holds the published figure (a point) or meets the published range. */
        public boolean covers() {
            if (values.length == 0) {
                return false;
            }
            return target.isPoint() ? low <= target.value() && target.value() <= high
                    : high >= target.min() && low <= target.max();
        }
    }

    private PredictiveCheck() {
    }

    /** Runs {@code draws} posterior draws through {@code simulator} and summarises each target. */
    public static List<Row> run(AbcSmc.Generation posterior, AbcSmc.Simulator simulator, int draws, long seed,
                                int threads) {
        return run(posterior, simulator, draws, seed, threads, m -> true);
    }

    /** As {@link #run(AbcSmc.Generation, AbcSmc.Simulator, int, long, int)}, the draws {@code first} selects started first. */
    public static List<Row> run(AbcSmc.Generation posterior, AbcSmc.Simulator simulator, int draws, long seed,
                                int threads, java.util.function.IntPredicate first) {
        List<AbcSmc.Particle> ps = posterior.particles();
        double[] cumulative = new double[ps.size()];
        double sum = 0;
        for (int j = 0; j < cumulative.length; j++) {
            sum += ps.get(j).weight();
            cumulative[j] = sum;
        }
        double total = sum;
        List<Evaluation> runs = AbcSmc.fill(threads, draws, m -> {
            long h = AbcSmc.mix(AbcSmc.mix(AbcSmc.mix(seed) ^ 3) ^ m);
            RandomGenerator rng = new Well19937c(h);
            int j = ParticleWeights.pick(cumulative, rng.nextDouble() * total);
            return simulator.simulate(m + 1, ps.get(j).values(), AbcSmc.mix(h ^ 4) >>> 24);
        }, first);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < runs.get(0).results().size(); k++) {
            int index = k;
            double[] v = runs.stream().mapToDouble(e -> e.results().get(index).mean()).filter(x -> !Double.isNaN(x))
                    .toArray();
            Target t = runs.get(0).results().get(k).target();
            boolean scored = runs.get(0).results().get(k).scored();
            rows.add(v.length == 0 ? new Row(t, v, Double.NaN, Double.NaN, Double.NaN, scored)
                    : new Row(t, v, AbcSmc.quantile(v, 0.025), AbcSmc.quantile(v, 0.5), AbcSmc.quantile(v, 0.975),
                    scored));
        }
        return rows;
    }

    /** predictive.csv: one row per target. */
    public static void write(Path dir, List<Row> rows, int draws) throws IOException {
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord("target", "wanted", "draws", "draws_with_value", "predicted_q025", "predicted_median",
                    "predicted_q975", "covered", "source");
            for (Row r : rows) {
                p.printRecord(r.target().column(), r.target().describe(), draws, r.values().length,
                        CsvNumbers.format(r.low()), CsvNumbers.format(r.median()), CsvNumbers.format(r.high()),
                        r.scored() ? Boolean.toString(r.covers()) : "not scored", r.target().source());
            }
        }
    }
}
