package org.crackdown.calibration;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.outcome.NationalMonths;
import org.crackdown.scenario.Problem;

/**
 * Reads the targets that are more than a summary column from one run: a sum or ratio of columns
 * over the measure window, or an output over a window of months of its own (the 2000-2007 rescues
 * of a run measured over 2011), summed from the run's national monthly totals as
 * {@code crackdown patterns} sums them. The run's summary is returned with each such target's value
 * added under the target's name, which the targets file keeps apart from summary.csv's columns.
 */
final class TargetReadings implements ReplicateRunner.Observer<Map<String, Double>> {

    private final List<Target> targets;
    /** Kept only when some target has a window of its own. */
    private final NationalMonths months;

    TargetReadings(List<Target> targets) {
        this.targets = targets;
        this.months = targets.stream().anyMatch(t -> t.from() != null) ? new NationalMonths() : null;
    }

    @Override
    public void attach(TraffickingModel model) {
        if (months != null) {
            months.attach(model);
        }
    }

    @Override
    public Map<String, Double> result(Map<String, Double> summary) {
        if (targets.stream().allMatch(Target::readsItsColumn)) {
            return summary;
        }
        Map<String, Double> out = new LinkedHashMap<>(summary);
        for (Target t : targets) {
            if (t.readsItsColumn()) {
                continue;
            }
            double v = t.from() == null ? t.output().evaluate(c -> summary.getOrDefault(c, Double.NaN))
                    : months.value(t.output(), t.from(), t.to());
            out.put(t.column(), v);
        }
        return out;
    }

    /**
     * A target's window must lie inside the run (it would read months never simulated, as zeros);
     * problems name the targets file and the target.
     */
    static List<Problem> windowProblems(List<Target> targets, Scenario s, String targetsFile) {
        YearMonth first = YearMonth.from(s.start());
        YearMonth last = YearMonth.from(s.end());
        List<Problem> out = new ArrayList<>();
        for (Target t : targets) {
            if (t.from() != null && (t.from().isBefore(first) || t.to().isAfter(last))) {
                out.add(new Problem(targetsFile, 0, 0, "targets: " + t.column() + ": its months " + t.from() + ".."
                        + t.to() + " are not all inside the run of " + s.name() + " (" + first + ".." + last
                        + "); move them or the scenario's start and end"));
            }
        }
        return out;
    }
}
