package org.crackdown.scenario;

import java.util.List;

import org.crackdown.model.ParamRegistry;
import org.crackdown.yaml.Keys;

/** The keys of the maps in a scenario file (a whole scenario, a campaign, a timeline {@code set}). */
final class Schema {

    static final List<String> STRUCTURE = List.of("name", "description", "extends", "seed", "start", "end",
            "measure.from", "measure.to", "campaigns", "timeline", "operations");

    /** A whole scenario file: structure, then every parameter. */
    static final Keys SCENARIO = new Keys(STRUCTURE).plus(ParamRegistry.keys());
    /** A timeline {@code set}, or {@code --set}'s parameter keys: parameters only. */
    static final Keys PARAMETERS = new Keys(ParamRegistry.keys());
    static final Keys CAMPAIGN = new Keys(List.of("name", "start", "end", "provinces", "intensity",
            "half_life_days"));
    static final Keys OPERATION = new Keys(List.of("name", "start", "provinces", "officers"));
    static final Keys TIMELINE_ENTRY = new Keys(List.of("date", "set"));
    /** What {@code --set} may override: parameters and the scalars that define the period. */
    static final Keys OVERRIDES = new Keys(List.of("name", "seed", "start", "end", "measure.from",
            "measure.to")).plus(ParamRegistry.keys());

    private Schema() {
    }
}
