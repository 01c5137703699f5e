package org.crackdown.optimize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.crackdown.calibration.SimulationJournal;
import org.crackdown.format.CodeVersion;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Parameters;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioFiles;
import org.crackdown.scenario.ScenarioLoader;
import org.crackdown.scenario.ScenarioWriter;
import org.crackdown.sweep.Shard;
import org.crackdown.sweep.Strategy;

/**
 * An optimize file made ready to run: its base scenario loaded, the decisions resolved against it,
 * and every scenario the search and the comparison will build loaded once, so that bad input is
 * reported (exit 2) before any folder is opened or any run started.
 */
public final class OptimizeRun {

    private final OptimizeSpec spec;
    private final List<String> extraSets;
    private final ScenarioFiles files;
    private final Scenario base;
    private final Decisions decisions;
    private final List<String> sets;

    private OptimizeRun(OptimizeSpec spec, List<String> extraSets, ScenarioFiles files, Scenario base,
                        Decisions decisions, List<String> sets) {
        this.spec = spec;
        this.extraSets = List.copyOf(extraSets);
        this.files = files;
        this.base = base;
        this.decisions = decisions;
        this.sets = sets;
    }

    /**
     * Loads the base scenario (with the file's and the command line's overrides), resolves the
     * decisions against it and checks that the cube's corners, the starting point and every named
     * strategy give valid scenarios.
     *
     * @throws ScenarioException with the problems found
     */
    public static OptimizeRun prepare(OptimizeSpec spec, List<String> extraSets, ScenarioFiles files)
            throws ScenarioException {
        ModelRuns probe = new ModelRuns(spec, extraSets, files, null, () -> false);
        Scenario base = ScenarioLoader.load(spec.scenario(), probe.sets(), files);
        if (spec.from() != null && (spec.from().isBefore(base.start()) || spec.from().isAfter(base.end()))) {
            throw new ScenarioException(List.of(new org.crackdown.scenario.Problem(spec.file().toString(), 0, 0,
                    "decisions: from: " + spec.from() + " is outside the scenario's run, " + base.start() + " to "
                            + base.end() + " (with the file's set and --set); the decisions would never act")));
        }
        Parameters decided = inForce(base, spec.from());
        double total = 0;
        for (String k : spec.tasks()) {
            total += ((Number) ParamRegistry.find(k).orElseThrow().get(decided)).doubleValue();
        }
        Decisions d = new Decisions(spec.tasks(), total, spec.rules(), spec.ranges(), CampaignTiming.resolve(spec.campaigns(), base));
        double[] low = new double[d.dimension()];
        double[] high = new double[d.dimension()];
        Arrays.fill(high, 1);
        for (double[] u : List.of(low, high, d.start(decided))) {
            List<String> o = d.overrides(u);
            Strategy dated = probe.dated(o);
            probe.scenario(0, dated == null ? o : List.of(), dated);
        }
        for (Strategy s : spec.compare().strategies()) {
            probe.scenario(0, ModelRuns.overrides(s), s.from() == null ? null : s);
        }
        return new OptimizeRun(spec, extraSets, files, base, d, probe.sets());
    }

    public OptimizeSpec spec() {
        return spec;
    }

    /**
     * The parameters in force on {@code from}: the scenario's, with its timeline's changes up to
     * that day (the base's own when {@code from} is null). The decided tasks share what these give
     * them, and the search starts from their strategy.
     */
    private static Parameters inForce(Scenario s, java.time.LocalDate from) {
        if (from == null) {
            return s.parameters();
        }
        Parameters p = s.parameters().copy();
        for (org.crackdown.model.TimelineChange t : s.timeline()) {
            if (!t.date().isAfter(from)) {
                t.values().forEach((k, v) -> ParamRegistry.find(k).orElseThrow().set(p, v));
            }
        }
        return p;
    }

    /** The parameters the decisions replace: those in force on decisions: from (the base's without it). */
    public Parameters decidedParameters() {
        return inForce(base, spec.from());
    }

    /** The base scenario with the overrides (the scenario's own parameters, not a posterior draw). */
    public Scenario base() {
        return base;
    }

    public Decisions decisions() {
        return decisions;
    }

    /** The file's and the command line's overrides, in order. */
    public List<String> sets() {
        return sets;
    }

    /** The summary columns the journal keeps from each run. */
    public List<String> columns() {
        return ModelRuns.columns(spec);
    }

    /**
     * What the runs' results depend on besides the strategy and the seeds: the optimize file, the
     * resolved base scenario, the overrides and the code. A journal with another is refused.
     */
    public String fingerprint() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(java.nio.file.Files.readAllBytes(spec.file()));
            if (spec.posterior() != null) {
                d.update(spec.posterior().bytes());
            }
            d.update(("\n" + ScenarioWriter.toYaml(base) + "\n" + extraSets + "\n" + CodeVersion.version() + " "
                    + CodeVersion.commit()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The search over the model, its runs journaled. */
    public Optimization optimization(SimulationJournal journal, BooleanSupplier cancelled, int threads) {
        return optimization(journal, cancelled, threads, Shard.ALL, null);
    }

    /**
     * The search as shard {@code shard} of several processes: it runs its share of each
     * generation and takes the rest from the other shards' journals.
     */
    public Optimization optimization(SimulationJournal journal, BooleanSupplier cancelled, int threads, Shard shard,
                                     org.crackdown.calibration.ShardWait shards) {
        ModelRuns runs = new ModelRuns(spec, extraSets, files, journal, cancelled, shards);
        return new Optimization(decisions, spec.objective(), spec.search(), spec.draws(), runs.evaluator(decisions),
                threads, shard);
    }

    /** The comparison's runs of strategy {@code i} that shard {@code owner} records (see ShardWait). */
    public Optimization.Runs awaitComparisonRuns(SimulationJournal journal, BooleanSupplier cancelled,
                                                 org.crackdown.calibration.ShardWait shards, int owner, int i,
                                                 double[] best) {
        return new ModelRuns(spec, extraSets, files, journal, cancelled, shards)
                .await(owner, spec.compare().seedBase(), comparisonId(i, best));
    }

    /** The journal key of strategy i of the comparison: -(i + 1), then the optimum's point (one coordinate more than any candidate's). */
    private static double[] comparisonId(int i, double[] best) {
        double[] id = new double[best.length + 1];
        id[0] = -(i + 1);
        System.arraycopy(best, 0, id, 1, best.length);
        return id;
    }

    /**
     * The comparison's runs of strategy {@code i}: 0 is the optimum at {@code best}, then the named
     * strategies in file order; all on the comparison's seeds.
     */
    public Optimization.Runs comparisonRuns(SimulationJournal journal, BooleanSupplier cancelled, int i, double[] best) {
        ModelRuns runs = new ModelRuns(spec, extraSets, files, journal, cancelled);
        double[] id = comparisonId(i, best);
        int reps = spec.compare().replicates();
        long seeds = spec.compare().seedBase();
        if (i == 0) {
            return runs.decided(decisions, best, seeds, reps, id);
        }
        Strategy s = spec.compare().strategies().get(i - 1);
        return runs.runs(ModelRuns.overrides(s), s.from() == null ? null : s, seeds, reps, id);
    }

    /** The names compared, the optimum first. */
    public List<String> comparisonNames() {
        List<String> names = new ArrayList<>(List.of(Optimization.OPTIMUM));
        spec.compare().strategies().forEach(s -> names.add(s.name()));
        return names;
    }
}
