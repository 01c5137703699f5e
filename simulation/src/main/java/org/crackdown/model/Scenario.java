package org.crackdown.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything that defines a run apart from the seed's randomness: the period simulated, the
 * period measured, parameters at the start, campaigns and dated changes. Built by the scenario
 * loader from YAML; the model only reads it.
 *
 * @param name        short name, used for default output folders
 * @param description one line for humans
 * @param seed        default seed when the command line gives none
 * @param start       first simulated day (burn-in starts here)
 * @param end         last simulated day (inclusive)
 * @param measureFrom first day the summary and flows count
 * @param measureTo   last day (inclusive) the summary and flows count
 * @param parameters  values at the start (before any timeline change dated on or after start)
 * @param campaigns   crackdowns in date order
 * @param timeline    dated changes in date order
 * @param operations  dated joint operations in date order
 */
public record Scenario(String name, String description, long seed, LocalDate start, LocalDate end,
                       LocalDate measureFrom, LocalDate measureTo, Parameters parameters,
                       List<Campaign> campaigns, List<TimelineChange> timeline, List<JointOperation> operations) implements java.io.Serializable {

    public Scenario {
        campaigns = List.copyOf(campaigns);
        timeline = List.copyOf(timeline);
        operations = List.copyOf(operations);
    }

    /** A scenario without dated joint operations. */
    public Scenario(String name, String description, long seed, LocalDate start, LocalDate end,
                    LocalDate measureFrom, LocalDate measureTo, Parameters parameters,
                    List<Campaign> campaigns, List<TimelineChange> timeline) {
        this(name, description, seed, start, end, measureFrom, measureTo, parameters, campaigns, timeline, List.of());
    }

    /** Number of simulated days, start and end included. */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1;
    }
}
