package org.crackdown.sweep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;
import org.crackdown.scenario.Setting;
import org.crackdown.yaml.Place;

/**
 * A named set of overrides compared against the others at every design point.
 *
 * @param from the day its overrides take effect (a dated change, applied after the scenario's own
 *             changes of that day); null: from the start, as parameters of the scenario
 */
public record Strategy(String name, List<Setting> settings, Place at, LocalDate from) {

    public Strategy {
        settings = List.copyOf(settings);
    }

    public Strategy(String name, List<Setting> settings, Place at) {
        this(name, settings, at, null);
    }

    /**
     * A dated strategy's scenario: {@code s} with this strategy's overrides as a timeline change on
     * its date, after the scenario's own changes of that day. (An undated strategy's overrides are
     * passed to the scenario loader instead.)
     */
    public Scenario dated(Scenario s) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting x : settings) {
            values.put(x.key(), ParamRegistry.find(x.key()).orElseThrow().parse(x.text()));
        }
        List<TimelineChange> timeline = new ArrayList<>(s.timeline());
        int i = 0;
        while (i < timeline.size() && !timeline.get(i).date().isAfter(from)) {
            i++;
        }
        timeline.add(i, new TimelineChange(from, values));
        return new Scenario(s.name(), s.description(), s.seed(), s.start(), s.end(), s.measureFrom(), s.measureTo(),
                s.parameters(), s.campaigns(), timeline, s.operations());
    }

    /** Whether it changes anything from the first simulated day (and so cannot share a burn-in). */
    public boolean changesFromStart() {
        return from == null && !settings.isEmpty();
    }
}
