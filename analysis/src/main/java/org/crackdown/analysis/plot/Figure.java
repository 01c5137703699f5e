package org.crackdown.analysis.plot;

import org.jfree.chart.JFreeChart;

/**
 * A chart with the file name it is saved under, its size in points, and a caption for the
 * report that says what is shown and how to read it.
 */
public record Figure(String name, String section, String caption, JFreeChart chart, int width, int height) {
}
