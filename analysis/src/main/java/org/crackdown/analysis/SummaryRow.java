package org.crackdown.analysis;

import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.stats.Sample;

/**
 * A measure of one strategy at one design point (or {@link Design#ALL}) over its replications.
 *
 * @param runs    runs of this strategy at this point
 * @param failed  of which failed (excluded)
 * @param missing successful runs with no value for this measure (excluded)
 */
public record SummaryRow(String pointId, String strategy, Field measure, int runs, int failed, int missing,
        Sample sample) {
}
