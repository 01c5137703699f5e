package org.crackdown.analysis.plot;

import java.util.List;

/**
 * One strategy's monthly means with their 95% confidence interval over replications.
 *
 * @param months first days of the months (ISO dates)
 */
public record SeriesBand(String strategy, int runs, List<String> months, double[] mean, double[] low, double[] high) {
}
