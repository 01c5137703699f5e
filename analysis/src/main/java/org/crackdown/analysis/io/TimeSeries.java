package org.crackdown.analysis.io;

import java.util.List;
import java.util.Map;

/**
 * Monthly national figures per run, and per-province totals over the measure window, read from
 * timeseries.csv. Provinces are aggregated while reading (sums for counts and stocks, means over
 * provinces with a value for prices and shares) because a sweep's file can be far larger than
 * what the figures need.
 *
 * @param months     first days of the months, ascending (ISO dates)
 * @param measures   the measure columns, in the order of the value arrays
 * @param national   run id to [month][measure]
 * @param byProvince run id to province code to [measure], summed over the measure window
 *                   (all months when the window is unknown); NaN for averaged measures
 */
public record TimeSeries(List<String> months, List<Field> measures, Map<String, double[][]> national,
        Map<String, Map<String, double[]>> byProvince) {

    public int measureIndex(String name) {
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
