package org.crackdown.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Whether two scenarios describe the same run up to a date: the condition for continuing a
 * model saved under one scenario (a shared burn-in) under the other. They must agree on the
 * period, the measure window, the parameters at the start, the campaigns and joint operations,
 * and every timeline change dated before the date; they may differ in timeline changes dated on
 * or after it.
 */
public final class ScenarioPrefix {

    private ScenarioPrefix() {
    }

    /** Null if {@code a} and {@code b} agree before {@code day}; otherwise the first difference, in words. */
    public static String difference(Scenario a, Scenario b, LocalDate day) {
        if (!a.start().equals(b.start()) || !a.end().equals(b.end())) {
            return "the simulated period differs (" + a.start() + " to " + a.end() + " against " + b.start()
                    + " to " + b.end() + ")";
        }
        if (!a.measureFrom().equals(b.measureFrom()) || !a.measureTo().equals(b.measureTo())) {
            return "the measure window differs";
        }
        var pa = ParamRegistry.describe(a.parameters());
        var pb = ParamRegistry.describe(b.parameters());
        for (String key : pa.keySet()) {
            if (!Objects.equals(pa.get(key), pb.get(key))) {
                return key + " differs from the start (" + pa.get(key) + " against " + pb.get(key) + ")";
            }
        }
        if (!a.campaigns().equals(b.campaigns())) {
            return "the campaigns differ";
        }
        if (!a.operations().equals(b.operations())) {
            return "the joint operations differ";
        }
        List<TimelineChange> ta = before(a.timeline(), day);
        List<TimelineChange> tb = before(b.timeline(), day);
        if (!ta.equals(tb)) {
            return "the timeline differs before " + day;
        }
        return null;
    }

    private static List<TimelineChange> before(List<TimelineChange> timeline, LocalDate day) {
        return timeline.stream().filter(c -> c.date().isBefore(day)).toList();
    }
}
