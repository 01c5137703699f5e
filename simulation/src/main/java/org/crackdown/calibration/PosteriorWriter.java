package org.crackdown.calibration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.crackdown.format.CodeVersion;
import org.crackdown.format.Json;
import org.crackdown.model.ParamSpec;
import org.crackdown.output.CsvNumbers;

/**
 * The files of a Bayesian calibration ({@code crackdown calibrate --method abc}): posterior.csv
 * (the final population, one row per particle) and posterior.json (how the sampler ran, the
 * priors, and a summary of each parameter's posterior). Neither holds a clock time or the thread
 * count, so both are byte-identical whenever the same targets file is run with the same seed;
 * those go in run.json.
 */
public final class PosteriorWriter {

    public static final String CSV = "posterior.csv";
    public static final String JSON = "posterior.json";
    /** What "method" says in posterior.json, by sampler. */
    static String method(AbcSettings.Sampler sampler) {
        return switch (sampler) {
            case PMC -> "abc-smc: population Monte Carlo ABC (Beaumont, Cornuet, Marin & Robert 2009, Biometrika "
                    + "96:983) with an adaptive tolerance (a quantile of the previous population's distances) and a "
                    + "Gaussian kernel of twice the weighted covariance, on log(value) for log-scale parameters";
            case REPLENISHMENT -> "abc-smc: replenishment ABC (Drovandi & Pettitt 2011, Biometrics 67:225): each "
                    + "generation keeps the particles within a quantile of the previous distances, which sets the "
                    + "tolerance, and refills the others with copies of kept ones moved by ABC-MCMC steps (Gaussian "
                    + "random walk with the kept particles' covariance, on log(value) for log-scale parameters), as "
                    + "many steps as leave a copy unmoved with probability 0.01 at the last step acceptance; equal "
                    + "weights";
        };
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private PosteriorWriter() {
    }

    public static void write(Path dir, CalibrationSpec spec, AbcSmc.Outcome outcome)
            throws IOException {
        AbcSmc.Generation g = outcome.posterior();
        try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8),
                FORMAT)) {
            List<String> header = new ArrayList<>(List.of("particle"));
            spec.free().forEach(f -> header.add(f.key()));
            header.add("weight");
            header.add("distance");
            for (Target t : spec.targets()) {
                header.add(t.column());
            }
            header.add("model_seed");
            p.printRecord(header);
            int i = 0;
            for (AbcSmc.Particle particle : g.particles()) {
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(++i));
                for (double v : particle.values()) {
                    row.add(ParamSpec.format(v)); // in full: the value the runs were given
                }
                row.add(CsvNumbers.format(particle.weight()));
                row.add(CsvNumbers.format(particle.distance()));
                for (TargetResult r : particle.result().results()) {
                    row.add(CsvNumbers.format(r.mean()));
                }
                row.add(Long.toString(particle.modelSeed()));
                p.printRecord(row);
            }
        }
        Json.write(dir.resolve(JSON), json(spec, outcome));
    }

    /**
     * figures/posterior-pairs.png and .svg: each parameter's marginal on its prior range and every
     * pair (analysis module, {@link org.crackdown.analysis.plot.PosteriorPlots}).
     */
    public static void writeFigures(Path dir, CalibrationSpec spec, AbcSmc.Outcome outcome) throws IOException {
        List<org.crackdown.analysis.plot.PosteriorPlots.Parameter> params = new ArrayList<>();
        spec.free().forEach(f -> params.add(new org.crackdown.analysis.plot.PosteriorPlots.Parameter(f.key(), f.min(),
                f.max(), f.log())));
        List<AbcSmc.Particle> ps = outcome.posterior().particles();
        double[][] values = new double[ps.size()][];
        double[] weights = new double[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            values[i] = ps.get(i).values();
            weights[i] = ps.get(i).weight();
        }
        Path figures = Files.createDirectories(dir.resolve(FIGURES));
        org.crackdown.analysis.plot.PosteriorPlots.write(figures, params, values, weights);
    }

    public static final String FIGURES = "figures";

    static Map<String, Object> json(CalibrationSpec spec, AbcSmc.Outcome outcome) {
        AbcSettings s = spec.abc();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("method", method(s.sampler()));
        m.put("distance", "the calibration loss: sum over targets of the squared error of the replicated mean in "
                + "units of the tolerance (point targets) or of the range's width outside the range (docs/calibration.md)");
        m.put("particles", s.particles());
        m.put("generations_asked", s.generations());
        m.put("quantile", s.quantile());
        m.put("min_acceptance", s.minAcceptance());
        m.put("sampler", s.sampler().spelling());
        m.put("replicates_per_simulation", spec.replicates());
        m.put("predictive_draws", s.predictiveDraws());
        m.put("seed", s.seed());
        m.put("seeds", "particle i of generation t draws from a generator seeded by (seed, t, i); its k-th proposal "
                + "runs the model with seed model_seed + r for replicate r = 0.." + (spec.replicates() - 1)
                + ", model_seed derived from (seed, t, i, k) and given in posterior.csv");
        m.put("code_version", CodeVersion.version());
        m.put("git_commit", CodeVersion.commit());
        m.put("stop_reason", outcome.stopReason());
        List<Object> gens = new ArrayList<>();
        int total = 0;
        for (AbcSmc.Generation g : outcome.generations()) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("generation", g.number());
            gm.put("tolerance", Double.isInfinite(g.tolerance()) ? null : g.tolerance());
            gm.put("simulations", g.simulations());
            gm.put("acceptance_rate", g.acceptanceRate());
            gm.put("ess", g.ess());
            gm.put("distance_median", AbcSmc.quantile(distances(g), 0.5));
            gens.add(gm);
            total += g.simulations();
        }
        m.put("generations", gens);
        m.put("simulations", total);
        m.put("model_runs", (long) total * spec.replicates());
        Map<String, Object> params = new LinkedHashMap<>();
        AbcSmc.Generation post = outcome.posterior();
        for (int k = 0; k < spec.free().size(); k++) {
            FreeParameter f = spec.free().get(k);
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("min", f.min());
            pm.put("max", f.max());
            pm.put("log", f.log());
            pm.put("prior", spec.priors().get(k).describe());
            pm.put("posterior", summary(post, k));
            params.put(f.key(), pm);
        }
        m.put("parameters", params);
        Map<String, Object> targets = new LinkedHashMap<>();
        for (int k = 0; k < spec.targets().size(); k++) {
            Target t = spec.targets().get(k);
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("target", t.describe());
            if (!t.readsItsColumn()) {
                tm.put("reads", t.readingText());
            }
            tm.put("source", t.source());
            // Whether it entered the distance: a national-only target does only in national runs.
            tm.put("scored", post.particles().isEmpty()
                    || post.particles().get(0).result().results().get(k).scored());
            // The posterior particles' simulated values (replicated means), for a first predictive look.
            tm.put("particles", outputSummary(post, k));
            targets.put(t.column(), tm);
        }
        m.put("targets", targets);
        return m;
    }

    private static double[] distances(AbcSmc.Generation g) {
        return g.particles().stream().mapToDouble(AbcSmc.Particle::distance).toArray();
    }

    /** Weighted mean, SD and 5/50/95% quantiles of parameter k over the particles. */
    static Map<String, Object> summary(AbcSmc.Generation g, int k) {
        double[] x = g.particles().stream().mapToDouble(p -> p.values()[k]).toArray();
        double[] w = g.particles().stream().mapToDouble(AbcSmc.Particle::weight).toArray();
        return weightedSummary(x, w);
    }

    private static Map<String, Object> outputSummary(AbcSmc.Generation g, int k) {
        List<Double> xs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (AbcSmc.Particle p : g.particles()) {
            double v = p.result().results().get(k).mean();
            if (!Double.isNaN(v)) {
                xs.add(v);
                ws.add(p.weight());
            }
        }
        if (xs.isEmpty()) {
            return null;
        }
        return weightedSummary(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ws.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Map<String, Object> weightedSummary(double[] x, double[] w) {
        double sw = Arrays.stream(w).sum();
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            mean += w[i] * x[i] / sw;
        }
        double var = 0;
        for (int i = 0; i < x.length; i++) {
            var += w[i] * (x[i] - mean) * (x[i] - mean) / sw;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("sd", Math.sqrt(var));
        m.put("q05", weightedQuantile(x, w, 0.05));
        m.put("q50", weightedQuantile(x, w, 0.50));
        m.put("q95", weightedQuantile(x, w, 0.95));
        return m;
    }

    /** The smallest x whose cumulative weight reaches q of the total (ties in x broken by index). */
    public static double weightedQuantile(double[] x, double[] w, double q) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : x[a] != x[b] ? Double.compare(x[a], x[b]) : a - b);
        double total = Arrays.stream(w).sum();
        double c = 0;
        for (int i : order) {
            c += w[i];
            if (c >= q * total) {
                return x[i];
            }
        }
        return x[order[order.length - 1]];
    }

    /** run.json: provenance, with the clock times and thread count that posterior.* leave out. */
    public static void writeManifest(Path dir, CalibrationSpec spec, String scenarioName, int threads,
                                     List<String> overrides, AbcSmc.Outcome outcome, java.time.Instant started,
                                     java.time.Instant finished) throws IOException {
        Map<String, Object> m = CalibrationWriter.manifestHead("calibration-abc", spec, scenarioName, overrides);
        m.put("generations_completed", outcome.generations().size() - 1);
        m.put("threads", threads);
        org.crackdown.output.RunManifest.putProvenance(m, started, finished);
        Json.write(dir.resolve(org.crackdown.output.RunManifest.FILE), m);
    }
}
