package org.crackdown.analysis.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

class TimeSeriesChartTest {

    /** Issue 14: a count axis went to -10 because a 95% band of two replicates reached below zero. */
    @Test
    void aCountAxisStartsAtZeroEvenWhenTheBandReachesBelowIt() {
        List<String> months = List.of("2011-01-01", "2011-02-01", "2011-03-01");
        SeriesBand b = new SeriesBand("baseline", 2, months, new double[] {3, 5, 4}, new double[] {-10, -4, -6},
                new double[] {16, 14, 14});
        JFreeChart c = TimeSeriesChart.create("t", "victims", List.of(b), null, null);
        ValueAxis y = c.getXYPlot().getRangeAxis();
        assertEquals(0, y.getLowerBound(), 0);
        assertTrue(y.getUpperBound() >= 16, "the band's top is still shown: " + y.getUpperBound());
    }
}
