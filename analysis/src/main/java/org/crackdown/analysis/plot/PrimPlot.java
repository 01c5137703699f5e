package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Scenario discovery in two pictures: the draws in the plane of the box's two most restricted
 * parameters (or one parameter against the draw's difference from the baseline), coloured by
 * whether the strategy fails to beat the baseline there, with PRIM's box drawn over them; and the
 * peeling trajectory, coverage against density, with the chosen box marked.
 */
public final class PrimPlot {

    public static final Color FAILS = ChartStyle.PALETTE[1];
    public static final Color BEATS = ChartStyle.PALETTE[0];

    private PrimPlot() {
    }

    /**
     * @param x      each draw's value on the horizontal axis
     * @param y      each draw's value on the vertical axis
     * @param fails  whether the strategy fails to beat the baseline at the draw
     * @param box    xLow, xHigh, yLow, yHigh of the box (infinite: open on that side)
     */
    public static JFreeChart scatter(String title, String xLabel, String yLabel, double[] x, double[] y, boolean[] fails,
            double[] box) {
        XYSeries f = new XYSeries("fails to beat the baseline", false);
        XYSeries b = new XYSeries("beats the baseline", false);
        for (int i = 0; i < x.length; i++) {
            (fails[i] ? f : b).add(x[i], y[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(f);
        data.addSeries(b);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-4, -4, 8, 8);
        r.setSeriesShape(0, dot);
        r.setSeriesShape(1, dot);
        r.setSeriesPaint(0, FAILS);
        r.setSeriesPaint(1, BEATS);
        NumberAxis xa = new NumberAxis(xLabel);
        xa.setAutoRangeIncludesZero(false);
        NumberAxis ya = new NumberAxis(yLabel);
        ya.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xa, ya, r);
        double minX = min(x);
        double maxX = max(x);
        double minY = min(y);
        double maxY = max(y);
        // An open side of the box is drawn a little beyond the data, so it reads as open.
        double padX = 0.05 * (maxX - minX + 1e-12);
        double padY = 0.05 * (maxY - minY + 1e-12);
        double x0 = Double.isInfinite(box[0]) || box[0] <= minX ? minX - padX : box[0];
        double x1 = Double.isInfinite(box[1]) || box[1] >= maxX ? maxX + padX : box[1];
        double y0 = Double.isInfinite(box[2]) || box[2] <= minY ? minY - padY : box[2];
        double y1 = Double.isInfinite(box[3]) || box[3] >= maxY ? maxY + padY : box[3];
        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0),
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f),
                ChartStyle.TEXT, null));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }

    /** Coverage (x) against density (y) along the peeling trajectory; the chosen box is a large dot. */
    public static JFreeChart trajectory(String title, double[] coverage, double[] density, int chosen) {
        XYSeries t = new XYSeries("peeling trajectory", false);
        XYSeries c = new XYSeries("chosen box", false);
        for (int i = 0; i < coverage.length; i++) {
            t.add(coverage[i], density[i]);
        }
        c.add(coverage[chosen], density[chosen]);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(t);
        data.addSeries(c);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesShape(1, new Ellipse2D.Double(-7, -7, 14, 14));
        r.setSeriesPaint(0, ChartStyle.MUTED);
        r.setSeriesPaint(1, FAILS);
        NumberAxis xa = new NumberAxis("Coverage: share of all failing draws inside the box");
        xa.setRange(0, 1.02);
        NumberAxis ya = new NumberAxis("Density: share of the box's draws that fail");
        ya.setRange(0, 1.02);
        XYPlot plot = new XYPlot(data, xa, ya, r);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
