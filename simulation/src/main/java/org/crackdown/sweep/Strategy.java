package org.crackdown.sweep;

import java.time.LocalDate;
import java.util.List;

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

    /** Whether it changes anything from the first simulated day (and so cannot share a burn-in). */
    public boolean changesFromStart() {
        return from == null && !settings.isEmpty();
    }
}
