package org.crackdown.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.Problem;
import org.crackdown.yaml.Place;

/**
 * The design of a sweep over a Bayesian posterior ({@code parameters: {posterior: FILE, draws: N}}):
 * the particles of a posterior.csv written by {@code crackdown calibrate --method abc}, and
 * {@code draws} of them picked by weight. Each draw is one design point; its values are the
 * particle's, exactly as posterior.csv gives them (so runs.csv shows the values that were run).
 *
 * <p>Draws are multinomial (independent, with replacement, probability proportional to weight): the
 * draws are then a sample from the weighted posterior, and a particle of large weight may be drawn
 * more than once. They come from one Well19937c seeded from {@code seed}, in draw order, so the same
 * file and seed give the same draws in every process (shards, resume, Slurm tasks).
 *
 * @param file      the posterior file, resolved against the sweep file's folder
 * @param bytes     its content as read (part of the sweep's fingerprint)
 * @param keys      the parameter columns, in file order (the runs.csv columns)
 * @param particles each particle's id (the {@code particle} column)
 * @param values    each particle's parameter values, parsed by the parameter's rules
 * @param weights   each particle's weight (not necessarily normalised)
 * @param picked    the particle index (0-based) of each draw
 * @param at        where the sweep file says {@code parameters:}
 */
public record PosteriorDraws(Path file, byte[] bytes, List<ParamSpec> keys, List<String> particles,
                             List<List<Object>> values, double[] weights, long seed, int[] picked, Place at) {

    /** Columns of posterior.csv that are not parameters (after the parameters, in this order). */
    static final String PARTICLE = "particle";
    static final String WEIGHT = "weight";

    public int draws() {
        return picked.length;
    }

    /** The design points: one list of values (in {@link #keys()} order) per draw. */
    public List<List<Object>> points() {
        List<List<Object>> out = new ArrayList<>(picked.length);
        for (int i : picked) {
            out.add(values.get(i));
        }
        return out;
    }

    /** The particle id of draw {@code d} (0-based). */
    public String particleOf(int d) {
        return particles.get(picked[d]);
    }

    /** Smallest and largest value of key {@code j} among the particles (for sweep.json and --dry-run). */
    public double[] range(int j) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<Object> v : values) {
            double x = v.get(j) instanceof Number n ? n.doubleValue() : Double.NaN;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new double[] {lo, hi};
    }

    /**
     * Reads {@code file}: a header {@code particle, KEY..., weight, ...} and one row per particle.
     * Every problem is added to {@code problems} with its line; returns null if there was any.
     *
     * @param shown the file as the sweep file wrote it, for messages
     */
    public static PosteriorDraws read(Path file, byte[] bytes, String shown, int draws, long seed, Place at,
                               List<Problem> problems) {
        int before = problems.size();
        List<CSVRecord> records;
        try (Reader in = new StringReader(new String(bytes, StandardCharsets.UTF_8));
             CSVParser p = CSVFormat.DEFAULT.parse(in)) {
            records = p.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            problems.add(new Problem(shown, 0, 0, "not a CSV file: " + e.getMessage()));
            return null;
        }
        if (records.isEmpty()) {
            problems.add(new Problem(shown, 1, 1, "empty file; expected posterior.csv as written by crackdown "
                    + "calibrate --method abc (header particle, the parameters, weight, ...)"));
            return null;
        }
        List<String> header = records.get(0).toList();
        int weightCol = header.indexOf(WEIGHT);
        if (header.isEmpty() || !header.get(0).equals(PARTICLE) || weightCol < 2) {
            problems.add(new Problem(shown, 1, 1, "expected the header of a posterior.csv written by crackdown "
                    + "calibrate --method abc: particle, then the parameters, then weight (got "
                    + String.join(",", header.subList(0, Math.min(header.size(), 6))) + (header.size() > 6 ? ",..." : "")
                    + ")"));
            return null;
        }
        List<ParamSpec> keys = new ArrayList<>();
        for (int c = 1; c < weightCol; c++) {
            String k = header.get(c);
            var spec = ParamRegistry.find(k);
            if (spec.isEmpty()) {
                problems.add(new Problem(shown, 1, c + 1, "column '" + k + "' is not a parameter key (crackdown params "
                        + "lists them)"));
            } else if (keys.contains(spec.get())) {
                problems.add(new Problem(shown, 1, c + 1, "column '" + k + "' appears twice"));
            } else {
                keys.add(spec.get());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        List<List<Object>> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            CSVRecord rec = records.get(r);
            long line = rec.getRecordNumber();
            if (rec.size() != header.size()) {
                problems.add(new Problem(shown, (int) line, 1, "expected " + header.size() + " cells like the header, got "
                        + rec.size()));
                continue;
            }
            List<Object> v = new ArrayList<>();
            for (int c = 1; c < weightCol; c++) {
                ParamSpec spec = keys.get(c - 1);
                try {
                    v.add(spec.parse(rec.get(c).trim()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(shown, (int) line, c + 1, spec.key() + ": " + e.getMessage()));
                }
            }
            double w;
            try {
                w = Double.parseDouble(rec.get(weightCol).trim());
            } catch (NumberFormatException e) {
                w = Double.NaN;
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                problems.add(new Problem(shown, (int) line, weightCol + 1, "weight: expected a number >= 0, got '"
                        + rec.get(weightCol) + "'"));
            }
            ids.add(rec.get(0).trim());
            values.add(List.copyOf(v));
            weights.add(w);
        }
        if (problems.size() > before) {
            return null;
        }
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        if (w.length == 0 || !(Arrays.stream(w).sum() > 0)) {
            problems.add(new Problem(shown, 2, 1, w.length == 0 ? "no particles (only a header)"
                    : "every weight is 0: there is nothing to draw from"));
            return null;
        }
        return new PosteriorDraws(file, bytes, List.copyOf(keys), List.copyOf(ids), List.copyOf(values), w, seed,
                pick(w, draws, seed), at);
    }

    /**
     * {@code n} multinomial draws: particle i with probability weights[i] / sum. Inverse CDF over the
     * cumulative weights, one uniform per draw from a generator seeded by (seed, a constant naming
     * this use), so the draws do not share a stream with the model runs' seeds.
     */
    static int[] pick(double[] weights, int n, long seed) {
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        RandomGenerator rng = new Well19937c(SeedPolicy.mix(seed ^ SeedPolicy.fnv("posterior draws")));
        int[] out = new int[n];
        for (int d = 0; d < n; d++) {
            double u = rng.nextDouble() * total;
            int i = Arrays.binarySearch(cumulative, u);
            i = i >= 0 ? i + 1 : -i - 1;
            // Skip zero-weight particles that share a cumulative value with their predecessor.
            while (i < weights.length - 1 && weights[i] == 0) {
                i++;
            }
            out[d] = Math.min(i, weights.length - 1);
        }
        return out;
    }
}
