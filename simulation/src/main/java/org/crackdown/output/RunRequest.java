package org.crackdown.output;

import java.util.List;

import org.crackdown.model.Scenario;

/**
 * What to run and how to label it.
 *
 * @param scenario     the fully resolved scenario (overrides applied)
 * @param seed         seed of the random number generator
 * @param runId        written into every CSV row; by default the run folder's name
 * @param scenarioFile the scenario file as the user named it, for run.json
 * @param overrides    the {@code key=value} overrides given, for run.json
 */
public record RunRequest(Scenario scenario, long seed, String runId, String scenarioFile, List<String> overrides) {

    public RunRequest {
        overrides = List.copyOf(overrides);
    }
}
