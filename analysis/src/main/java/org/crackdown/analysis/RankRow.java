package org.crackdown.analysis;

import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.stats.Sample;

/**
 * A strategy's place when ranked by one criterion at one design point (or {@link Design#ALL}).
 *
 * @param vsBaseline its paired comparison with the baseline on this criterion, or null (the
 *                   baseline itself, or a criterion not among the compared measures)
 */
public record RankRow(String pointId, Field criterion, boolean lowerIsBetter, int rank, String strategy, Sample sample,
        DifferenceRow vsBaseline) {
}
