package org.crackdown.optimize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.crackdown.calibration.ReplicateRunner;
import org.crackdown.calibration.SimulationJournal;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioFiles;
import org.crackdown.scenario.ScenarioLoader;
import org.crackdown.scenario.Setting;
import org.crackdown.sweep.Strategy;

/**
 * The model behind {@code crackdown optimize}: the runs of a strategy over the posterior draws
 * (or the scenario's own parameters) and the replicates, with the seeds common to every strategy.
 * Run k of draw d has seed {@code base + d x replicates + k}; the search and the comparison use
 * different bases, so the comparison's figures are not the ones the optimum was picked on.
 *
 * <p>Every strategy's runs are recorded in a {@link SimulationJournal} (keyed by the first seed
 * and a vector naming the strategy) before the search goes on, and taken from it when the same
 * runs are asked for again after {@code --resume}.
 */
final class ModelRuns {

    private final OptimizeSpec spec;
    private final List<String> sets;
    private final ScenarioFiles files;
    private final SimulationJournal journal;
    private final BooleanSupplier cancelled;
    /** How a shard gets the runs another shard records; null for a single process. */
    private final org.crackdown.calibration.ShardWait shards;

    /**
     * @param extraSets overrides from the command line, after the file's {@code set}
     * @param files     the scenario files as read when the command started
     */
    ModelRuns(OptimizeSpec spec, List<String> extraSets, ScenarioFiles files, SimulationJournal journal,
              BooleanSupplier cancelled) {
        this(spec, extraSets, files, journal, cancelled, null);
    }

    /** @param shards how the shards of a search run with {@code --shard} get each other's runs */
    ModelRuns(OptimizeSpec spec, List<String> extraSets, ScenarioFiles files, SimulationJournal journal,
              BooleanSupplier cancelled, org.crackdown.calibration.ShardWait shards) {
        this.shards = shards;
        this.spec = spec;
        List<String> s = new ArrayList<>(spec.set().stream().map(Setting::asSet).toList());
        s.addAll(extraSets);
        this.sets = List.copyOf(s);
        this.files = files;
        this.journal = journal;
        this.cancelled = cancelled;
    }

    /** The summary columns kept from each run. */
    static List<String> columns(OptimizeSpec spec) {
        List<String> c = new ArrayList<>(spec.objective().columns());
        if (!c.contains("officer_years")) {
            c.add("officer_years");
        }
        return c;
    }

    /** The file's and the command line's overrides, in the order they are applied. */
    List<String> sets() {
        return sets;
    }

    /**
     * The scenario of draw {@code d} with the overrides {@code extra} (a candidate's decisions or
     * an undated strategy's), then a dated strategy's change if {@code dated} is not null.
     */
    Scenario scenario(int d, List<String> extra, Strategy dated) throws ScenarioException {
        List<String> o = new ArrayList<>(sets);
        if (spec.posterior() != null) {
            List<Object> values = spec.posterior().points().get(d);
            for (int j = 0; j < values.size(); j++) {
                o.add(spec.posterior().keys().get(j).key() + "=" + ParamSpec.format(values.get(j)));
            }
        }
        o.addAll(extra);
        Scenario s = ScenarioLoader.load(spec.scenario(), o, files);
        return dated == null ? s : dated.dated(s);
    }

    /** A named strategy's overrides for the loader (none for a dated one: see {@link #scenario}). */
    static List<String> overrides(Strategy s) {
        return s.from() == null ? s.settings().stream().map(Setting::asSet).toList() : List.of();
    }

    /**
     * The measure and officer-years of every run of a strategy: draw by draw, {@code replicates}
     * runs each with seeds from {@code seedBase}.
     *
     * @param id identifies the strategy in the journal (with {@code seedBase})
     */
    Optimization.Runs runs(List<String> extra, Strategy dated, long seedBase, int replicates, double[] id) {
        List<Map<String, Double>> summaries = journal.lookup(seedBase, id);
        if (summaries == null) {
            summaries = new ArrayList<>();
            try (ReplicateRunner runner = new ReplicateRunner(1, cancelled)) {
                for (int d = 0; d < spec.draws(); d++) {
                    long[] seeds = new long[replicates];
                    for (int k = 0; k < replicates; k++) {
                        seeds[k] = seedBase + (long) d * replicates + k;
                    }
                    summaries.addAll(runner.run(scenario(d, extra, dated), seeds));
                }
            } catch (ScenarioException e) {
                // Every strategy was loaded once before the search began: this is a bug, not input.
                throw new IllegalStateException("the scenario did not load with " + extra + ": " + e.getMessage(), e);
            }
            try {
                journal.record(seedBase, id, summaries);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        double[] measure = new double[summaries.size()];
        double[] officerYears = new double[summaries.size()];
        for (int i = 0; i < measure.length; i++) {
            measure[i] = spec.objective().of(summaries.get(i));
            Double oy = summaries.get(i).get("officer_years");
            officerYears[i] = oy == null ? Double.NaN : oy;
        }
        return new Optimization.Runs(measure, officerYears);
    }

    /**
     * The runs shard {@code owner} records under {@code id}: from its journal (or this one's, after
     * a resume), as {@link org.crackdown.calibration.ShardWait} says.
     */
    Optimization.Runs await(int owner, long seedBase, double[] id) {
        try {
            shards.await(journal, owner, seedBase, id, cancelled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs(List.of(), null, seedBase, 0, id);
    }

    /**
     * The runs of the decision at {@code unit}: its overrides from the first day, or, with
     * {@code decisions: from}, as a dated change on that day (after the scenario's own changes of
     * that day), so that before it every candidate runs the scenario's own strategy.
     */
    Optimization.Runs decided(Decisions decisions, double[] unit, long seedBase, int replicates, double[] id) {
        List<String> overrides = decisions.overrides(unit);
        Strategy dated = dated(overrides);
        return runs(dated == null ? overrides : List.of(), dated, seedBase, replicates, id);
    }

    /** A decision's overrides as a change on {@code decisions: from}, or null without one. */
    Strategy dated(List<String> overrides) {
        if (spec.from() == null) {
            return null;
        }
        List<Setting> settings = new ArrayList<>();
        for (String o : overrides) {
            int eq = o.indexOf('=');
            settings.add(new Setting(o.substring(0, eq), o.substring(eq + 1), null));
        }
        return new Strategy(Optimization.OPTIMUM, settings, null, spec.from());
    }

    /** The search's evaluator: a candidate's decisions (see {@link #decided}), the search's seeds. */
    Optimization.Evaluator evaluator(Decisions decisions) {
        return new Optimization.Evaluator() {
            @Override
            public Optimization.Runs evaluate(double[] unit) {
                return decided(decisions, unit, spec.seedBase(), spec.replicates(), unit);
            }

            @Override
            public Optimization.Runs await(int owner, double[] unit) {
                return ModelRuns.this.await(owner, spec.seedBase(), unit);
            }
        };
    }
}
