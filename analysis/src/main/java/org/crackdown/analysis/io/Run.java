package org.crackdown.analysis.io;

import java.util.Map;

/**
 * One simulation run: where it sits in the design (point, strategy, replicate), whether it
 * succeeded, its varied parameter values and its summary measures (indexed like
 * {@link Experiment#measures()}; NaN = missing).
 *
 * <p>{@code replicate} is the pairing key within a design point: under common random numbers
 * replicate r has the same seed under every strategy. {@code scale} is the share of China the run
 * simulated (its counts are that share of national figures); NaN when the input does not say.
 */
public record Run(String runId, String pointId, String strategy, String replicate, String seed, boolean ok,
        String error, Map<String, String> parameters, double[] values, double scale) {

    /** A copy under another strategy name (runs of one strategy at different scales are told apart). */
    public Run withStrategy(String name) {
        return new Run(runId, pointId, name, replicate, seed, ok, error, parameters, values, scale);
    }

    public double value(int measure) {
        return values[measure];
    }
}
