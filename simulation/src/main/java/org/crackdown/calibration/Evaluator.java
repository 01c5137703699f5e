package org.crackdown.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.scenario.Setting;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;

/**
 * The objective: runs the scenario with given values of the free parameters over the
 * replicates' seeds and scores each target. Values reach the model through the scenario loader
 * as {@code key=value} overrides, exactly as {@code crackdown run fitted.yaml} would set them,
 * so every evaluation is a run anyone can repeat.
 */
public final class Evaluator {

    private final CalibrationSpec spec;
    private final Path scenarioFile;
    private final List<String> baseSets;
    private final ReplicateRunner runner;
    private final long[] seeds;

    /**
     * @param scenarioFile the scenario to run (normally {@code spec.scenario()})
     * @param extraSets    overrides from the command line, applied after the targets file's {@code set}
     * @param replicates   runs per evaluation
     */
    public Evaluator(CalibrationSpec spec, Path scenarioFile, List<String> extraSets, ReplicateRunner runner,
                     int replicates) {
        this.spec = spec;
        this.scenarioFile = scenarioFile;
        List<String> sets = new ArrayList<>(spec.sets());
        sets.addAll(extraSets);
        this.baseSets = List.copyOf(sets);
        this.runner = runner;
        this.seeds = spec.seeds(replicates);
    }

    public long[] seeds() {
        return seeds.clone();
    }

    /** The overrides that put the free parameters at {@code values} (empty: the scenario's own values). */
    public List<String> overrides(double[] values) {
        List<String> sets = new ArrayList<>(baseSets);
        for (int i = 0; i < values.length; i++) {
            sets.add(spec.free().get(i).key() + "=" + ParamSpec.format(values[i]));
        }
        return sets;
    }

    /**
     * The scenario with the free parameters at {@code values}. Problems with the targets file's
     * {@code set} are reported at the line that gave the key.
     */
    public Scenario scenario(double[] values) throws ScenarioException {
        Scenario s;
        try {
            s = ScenarioLoader.load(scenarioFile, overrides(values));
        } catch (ScenarioException e) {
            throw relabel(e);
        }
        List<Problem> outside = TargetReadings.windowProblems(spec.targets(), s, spec.file().toString());
        if (!outside.isEmpty()) {
            throw new ScenarioException(outside);
        }
        return s;
    }

    /** Runs the replicates and scores every target. */
    public Evaluation evaluate(int index, double[] values) throws ScenarioException {
        Scenario s = scenario(values);
        return score(index, values, simulate(s, seeds), scaleOf(s));
    }

    /**
     * Runs {@code s} once per seed and returns each run's summary with, under each target's name, the
     * value of every target that reads more than its own summary column (a sum of columns, or a window
     * of months other than the measure window), in the order of {@code seeds}.
     */
    public List<Map<String, Double>> simulate(Scenario s, long[] seeds) {
        return runner.run(s, seeds, () -> new TargetReadings(spec.targets()));
    }

    /**
     * Scores summaries of runs against the targets (counts scaled to the runs' scale if the spec says
     * so; national-only targets reported but not scored away from scale 1).
     */
    public Evaluation score(int index, double[] values, List<Map<String, Double>> summaries, double scale) {
        List<TargetResult> results = new ArrayList<>();
        for (Target t : spec.targets()) {
            double[] column = new double[summaries.size()];
            for (int r = 0; r < column.length; r++) {
                Double v = summaries.get(r).get(t.column());
                column[r] = v == null ? Double.NaN : v;
            }
            Target applied = spec.scaleCounts() ? t.scaledTo(scale) : t;
            results.add(TargetResult.of(applied, column, t.comparableAt(scale)));
        }
        return new Evaluation(index, values, results, Evaluation.loss(results));
    }

    public static double scaleOf(Scenario s) {
        return s.parameters().getScale();
    }

    /** Problems the loader found in an override from the targets file are placed at its line there. */
    private ScenarioException relabel(ScenarioException e) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : e.problems()) {
            Problem placed = p;
            if (p.file().equals(Problem.SET)) {
                for (Setting s : spec.set()) {
                    if (p.message().startsWith(s.key() + ":") || p.message().contains("'" + s.key() + "'")) {
                        placed = s.at().problem("set: " + p.message());
                    }
                }
            }
            out.add(placed);
        }
        return new ScenarioException(out);
    }
}
