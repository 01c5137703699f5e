package org.crackdown.patterns;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.calibration.ReplicateRunner;
import org.crackdown.model.Metrics;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.outcome.FlowShare;
import org.crackdown.outcome.NationalMonths;
import org.crackdown.outcome.Output;
import org.crackdown.sweep.SeedPolicy;

/**
 * Runs each scenario the patterns need with replicates and reads every pattern's output from the
 * runs. A pattern whose window is the scenario's measure window reads summary.csv's columns; any
 * other window is summed from the runs' monthly national totals, which only counts have. A flow
 * share reads the run's origin-destination flows, which exist over the measure window only.
 *
 * <p>Replicate r of a scenario uses seed (scenario seed + r - 1), the sweeps' common random
 * numbers, so a check is repeatable and its results do not depend on the number of threads.
 */
public final class PatternCheck {

    /** One scenario as run: its resolved form and its replicates' seeds. */
    public record ScenarioRun(String name, String file, Scenario scenario, long[] seeds) {
        public double scale() {
            return scenario.parameters().getScale();
        }
    }

    /** The outcome: one result per pattern, in the file's order, and the scenarios run. */
    public record Outcome(List<PatternResult> results, List<ScenarioRun> runs) {
    }

    /**
     * What one replicate produced: its summary, the national total of every count measure by
     * month, and its origin-destination flows over the measure window (as flows.csv has them).
     */
    record Replicate(Map<String, Double> summary, NationalMonths months, List<Metrics.Flow> flows) {
        Replicate(Map<String, Double> summary, NationalMonths months) {
            this(summary, months, List.of());
        }
    }

    /** Told when a scenario's replicates begin. */
    public interface Progress {
        void scenario(ScenarioRun run);
    }

    private PatternCheck() {
    }

    /**
     * @param patterns  the patterns, in file order
     * @param scenarios scenarios by name, each with its file as given (for the report)
     * @param files     the file each scenario came from, by name
     */
    public static Outcome run(List<Pattern> patterns, Map<String, Scenario> scenarios, Map<String, String> files,
                              int replicates, ReplicateRunner runner, Progress progress) {
        Map<String, List<Replicate>> byScenario = new LinkedHashMap<>();
        List<ScenarioRun> runs = new ArrayList<>();
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            if (patterns.stream().noneMatch(p -> p.scenario().equals(e.getKey()))) {
                continue;
            }
            Scenario s = e.getValue();
            long[] seeds = new long[replicates];
            for (int r = 1; r <= replicates; r++) {
                seeds[r - 1] = SeedPolicy.COMMON.seed(s.seed(), 0, "", r);
            }
            ScenarioRun run = new ScenarioRun(e.getKey(), files.get(e.getKey()), s, seeds);
            runs.add(run);
            progress.scenario(run);
            byScenario.put(e.getKey(), runner.run(s, seeds, MonthlyNational::new));
        }
        List<PatternResult> results = new ArrayList<>();
        for (Pattern p : patterns) {
            List<Replicate> reps = byScenario.get(p.scenario());
            Scenario s = scenarios.get(p.scenario());
            results.add(reps == null ? PatternResult.missing(p, PatternResult.Status.NOT_RUN,
                    "scenario " + p.scenario() + " was not run") : evaluate(p, s, reps));
        }
        return new Outcome(List.copyOf(results), List.copyOf(runs));
    }

    /** Reads one pattern from a scenario's replicates. */
    static PatternResult evaluate(Pattern p, Scenario s, List<Replicate> reps) {
        Map<String, Double> first = reps.get(0).summary();
        List<String> absent = p.output().columns().stream().filter(c -> !first.containsKey(c)).toList();
        if (!absent.isEmpty()) {
            return PatternResult.missing(p, PatternResult.Status.NOT_MEASURED,
                    "summary.csv has no column " + String.join(", ", absent));
        }
        String scopeProblem = PatternsReader.scopeProblem(p.output(), p.scope(), first.keySet());
        if (scopeProblem != null) {
            return PatternResult.missing(p, PatternResult.Status.NOT_MEASURED, "scope: " + scopeProblem);
        }
        YearMonth runFrom = YearMonth.from(s.start());
        YearMonth runTo = YearMonth.from(s.end());
        if (p.from().isBefore(runFrom) || p.to().isAfter(runTo)) {
            return PatternResult.missing(p, PatternResult.Status.NOT_MEASURED, "window " + p.from() + ".." + p.to()
                    + " is outside the run of " + s.name() + " (" + runFrom + ".." + runTo + ")");
        }
        boolean summaryWindow = s.measureFrom().equals(p.from().atDay(1)) && s.measureTo().equals(p.to().atEndOfMonth());
        if (!summaryWindow && p.output() instanceof FlowShare) {
            return PatternResult.missing(p, PatternResult.Status.NOT_MEASURED, "flows are counted only over the "
                    + "scenario's measure window (" + s.measureFrom() + ".." + s.measureTo() + "), not by month");
        }
        if (!summaryWindow) {
            List<String> notMonthly = p.output().columns().stream()
                    .filter(c -> !NationalMonths.byMonth(c)).toList();
            if (!notMonthly.isEmpty()) {
                return PatternResult.missing(p, PatternResult.Status.NOT_MEASURED, String.join(", ", notMonthly)
                        + " is measured only over the scenario's measure window (" + s.measureFrom() + ".."
                        + s.measureTo() + "), not by month");
            }
        }
        double scale = s.parameters().getScale();
        if (!p.comparableAt(scale)) {
            return PatternResult.missing(p, PatternResult.Status.NOT_COMPARABLE, "its scope is "
                    + p.scope().spelling() + ": comparable only in a national run, and " + s.name()
                    + " ran at scale " + org.crackdown.output.CsvNumbers.format(scale));
        }
        if (p.output() instanceof FlowShare f && f.places().size() > 1) {
            return PatternResult.measured(p, values(p, reps, scale, summaryWindow), placeByPlace(f, reps));
        }
        return PatternResult.measured(p, values(p, reps, scale, summaryWindow));
    }

    /** Each replicate's value of the pattern's output, on the figure's footing (NaN where none). */
    private static double[] values(Pattern p, List<Replicate> reps, double scale, boolean summaryWindow) {
        double[] values = new double[reps.size()];
        for (int r = 0; r < values.length; r++) {
            Replicate rep = reps.get(r);
            double raw = p.output() instanceof FlowShare f ? f.evaluate(rep.flows())
                    : summaryWindow ? ((Output) p.output()).evaluate(c -> rep.summary().get(c))
                    : rep.months().value((Output) p.output(), p.from(), p.to());
            values[r] = Double.isNaN(raw) ? Double.NaN : p.toFigureFooting(raw, scale);
        }
        return values;
    }

    /**
     * A flow share's places one by one, each the mean over the replicates that sold victims of its
     * types: "by place: CN-YN 0.61, CN-GZ 3.98".
     */
    static String placeByPlace(FlowShare f, List<Replicate> reps) {
        Map<String, double[]> each = new LinkedHashMap<>();
        for (int r = 0; r < reps.size(); r++) {
            int rep = r;
            f.byPlace(reps.get(r).flows()).forEach((place, v) -> each.computeIfAbsent(place,
                    k -> new double[reps.size()])[rep] = v);
        }
        List<String> parts = new ArrayList<>();
        each.forEach((place, v) -> parts.add(place + " " + PatternsReport.human(
                org.crackdown.analysis.stats.Sample.of(v).mean())));
        return "by place: " + String.join(", ", parts);
    }

    /** Keeps each month's national totals (all provinces summed) of a run, and its flows. */
    static final class MonthlyNational implements ReplicateRunner.Observer<Replicate> {
        private final NationalMonths months = new NationalMonths();
        /** Until the run ends (then let go: replicates are kept, models are not). */
        private TraffickingModel model;

        @Override
        public void attach(TraffickingModel model) {
            this.model = model;
            months.attach(model);
        }

        @Override
        public Replicate result(Map<String, Double> summary) {
            List<Metrics.Flow> flows = model.metrics().flows();
            model = null;
            return new Replicate(summary, months, flows);
        }
    }
}
