package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Tornado chart: one horizontal bar per varied parameter, longest (most influential) at the top,
 * showing its partial rank correlation with the measure; one colour per strategy.
 */
public final class TornadoChart {

    private TornadoChart() {
    }

    public static int height(int parameters, int strategies) {
        return 170 + parameters * Math.max(34, 18 * strategies);
    }

    /**
     * @param parameters parameter names, already sorted by influence (largest first)
     * @param prcc       strategy to parameter to PRCC
     */
    public static JFreeChart create(String title, String xLabel, List<String> parameters, Map<String, Map<String, Double>> prcc) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Map<String, Double>> s : prcc.entrySet()) {
            for (String p : parameters) {
                Double v = s.getValue().get(p);
                data.addValue(v == null || v.isNaN() ? null : v, s.getKey(), p);
            }
        }
        CategoryAxis cat = new CategoryAxis(null);
        cat.setCategoryMargin(0.25);
        cat.setLowerMargin(0.03);
        cat.setUpperMargin(0.03);
        NumberAxis val = new NumberAxis(xLabel);
        val.setRange(-1.0, 1.0);
        val.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.25));
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.05);
        for (int i = 0; i < prcc.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
        }
        CategoryPlot plot = new CategoryPlot(data, cat, val, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        plot.addRangeMarker(new ValueMarker(0, new Color(0x44, 0x44, 0x44), new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, prcc.size() > 1);
        ChartStyle.apply(chart);
        return chart;
    }
}
