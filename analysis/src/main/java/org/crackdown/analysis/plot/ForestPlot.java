package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Paired differences from the baseline as a forest plot: one row per strategy and measure, a dot
 * at the mean difference (in % of the baseline mean, so measures with different units share one
 * axis) and a bar for its 95% CI. Rows significant after Holm correction are dark, others grey.
 */
public final class ForestPlot {

    /** One row: label, relative mean difference and CI bounds (fractions), significant or not. */
    public record Row(String label, double relative, double low, double high, boolean significant) {
    }

    public static final Color SIGNIFICANT = ChartStyle.PALETTE[0];

    private ForestPlot() {
    }

    public static int height(int rows) {
        return 150 + 30 * rows;
    }

    public static JFreeChart create(String title, String baseline, List<Row> rows) {
        XYIntervalSeries sig = new XYIntervalSeries("significant (Holm p < 0.05)");
        XYIntervalSeries not = new XYIntervalSeries("not significant");
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            labels[i] = r.label();
            if (Double.isNaN(r.relative())) {
                continue;
            }
            double lo = Double.isNaN(r.low()) ? r.relative() : r.low();
            double hi = Double.isNaN(r.high()) ? r.relative() : r.high();
            (r.significant() ? sig : not).add(100 * r.relative(), 100 * lo, 100 * hi, i, i, i);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(sig);
        data.addSeries(not);
        NumberAxis x = new NumberAxis("Difference from " + baseline + " (% of " + baseline + " mean), 95% CI");
        x.setAutoRangeIncludesZero(true);
        x.setNumberFormatOverride(new java.text.DecimalFormat("+#,##0.#;-#,##0.#",
                java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setLowerMargin(0);
        y.setRange(-0.7, rows.size() - 0.3);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(true);
        r.setDrawYError(false);
        r.setBaseLinesVisible(false);
        r.setCapLength(7);
        r.setErrorStroke(new BasicStroke(2f));
        Ellipse2D dot = new Ellipse2D.Double(-5, -5, 10, 10);
        r.setSeriesShape(0, dot);
        r.setSeriesShape(1, dot);
        r.setSeriesPaint(0, SIGNIFICANT);
        r.setSeriesPaint(1, ChartStyle.MUTED);
        r.setErrorPaint(null);
        XYPlot plot = new XYPlot(data, x, y, r);
        ValueMarker zero = new ValueMarker(0, new Color(0x44, 0x44, 0x44), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
        plot.addDomainMarker(zero);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(ChartStyle.GRID);
        return chart;
    }
}
