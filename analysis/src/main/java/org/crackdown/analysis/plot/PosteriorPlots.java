package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Figures of an ABC posterior: the marginal of every parameter (a weighted histogram over its
 * prior's range, so a posterior as wide as the axis says the targets did not inform it) and every
 * pair of parameters (the particles, dot area proportional to weight, which shows trade-offs: two
 * parameters that fit equally well in combination lie along a ridge). One matrix: marginals on the
 * diagonal, pairs below it. Written as PNG (twice the size) and SVG, like the analysis figures.
 */
public final class PosteriorPlots {

    public static final String NAME = "posterior-pairs";
    static final int CELL = 190;
    static final int BINS = 15;

    /**
     * One parameter: its name, its prior's range and whether it is sampled on a log scale.
     */
    public record Parameter(String key, double min, double max, boolean log) {
    }

    private PosteriorPlots() {
    }

    /**
     * Writes {@code dir/posterior-pairs.png} and {@code .svg}.
     *
     * @param values  particles × parameters
     * @param weights each particle's weight (any positive scale)
     */
    public static void write(Path dir, List<Parameter> params, double[][] values, double[] weights) throws IOException {
        int p = params.size();
        List<JFreeChart[]> grid = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            JFreeChart[] row = new JFreeChart[p];
            for (int j = 0; j <= i; j++) {
                row[j] = i == j ? marginal(params.get(i), column(values, i), weights)
                        : pair(params.get(j), params.get(i), column(values, j), column(values, i), weights);
            }
            grid.add(row);
        }
        int size = CELL * p;
        BufferedImage img = new BufferedImage(size * 2, size * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size * 2, size * 2);
            g.scale(2, 2);
            draw(g, grid);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", dir.resolve(NAME + ".png").toFile());
        SVGGraphics2D svg = new SVGGraphics2D(size, size);
        svg.setDefsKeyPrefix(NAME + "-");
        svg.setColor(Color.WHITE);
        svg.fillRect(0, 0, size, size);
        draw(svg, grid);
        Files.writeString(dir.resolve(NAME + ".svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
    }

    private static void draw(Graphics2D g, List<JFreeChart[]> grid) {
        for (int i = 0; i < grid.size(); i++) {
            for (int j = 0; j < grid.size(); j++) {
                JFreeChart c = grid.get(i)[j];
                if (c != null) {
                    c.draw(g, new Rectangle2D.Double(j * CELL, i * CELL, CELL, CELL));
                }
            }
        }
    }

    static double[] column(double[][] values, int j) {
        double[] c = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i][j];
        }
        return c;
    }

    /** Weighted histogram on BINS equal bins of the prior range (equal in log for a log-scale parameter). */
    static double[] histogram(Parameter p, double[] x, double[] w) {
        double[] h = new double[BINS];
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double lo = scale(p, p.min());
        double hi = scale(p, p.max());
        for (int i = 0; i < x.length; i++) {
            int b = (int) Math.floor((scale(p, x[i]) - lo) / (hi - lo) * BINS);
            h[Math.max(0, Math.min(BINS - 1, b))] += w[i] / total;
        }
        return h;
    }

    private static double scale(Parameter p, double v) {
        return p.log() ? Math.log(v) : v;
    }

    private static double unscale(Parameter p, double v) {
        return p.log() ? Math.exp(v) : v;
    }

    private static JFreeChart marginal(Parameter p, double[] x, double[] w) {
        double[] h = histogram(p, x, w);
        XYIntervalSeries s = new XYIntervalSeries("weight");
        double lo = scale(p, p.min());
        double width = (scale(p, p.max()) - lo) / BINS;
        for (int b = 0; b < BINS; b++) {
            double a = unscale(p, lo + b * width);
            double c = unscale(p, lo + (b + 1) * width);
            s.add((a + c) / 2, a, c, h[b], 0, h[b]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        NumberAxis y = new NumberAxis(null);
        y.setTickLabelsVisible(false);
        y.setTickMarksVisible(false);
        XYPlot plot = new XYPlot(data, axis(p, p.key()), y, r);
        return styled(plot);
    }

    private static JFreeChart pair(Parameter px, Parameter py, double[] x, double[] y, double[] w) {
        double max = 0;
        for (double v : w) {
            max = Math.max(max, v);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        // Dot area in proportion to weight: one series per particle, so each has its own size.
        for (int i = 0; i < x.length; i++) {
            XYSeries s = new XYSeries(i, false);
            s.add(x[i], y[i]);
            data.addSeries(s);
            double d = 2 + 7 * Math.sqrt(w[i] / max);
            r.setSeriesShape(i, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
            r.setSeriesPaint(i, new Color(0x00, 0x72, 0xB2, 150));
        }
        XYPlot plot = new XYPlot(data, axis(px, px.key()), axis(py, py.key()), r);
        return styled(plot);
    }

    private static ValueAxis axis(Parameter p, String label) {
        ValueAxis a;
        if (p.log()) {
            LogAxis l = new LogAxis(label);
            l.setSmallestValue(p.min());
            // One tick per decade, written 1E-3: the axis of a cell is too short for more.
            l.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            l.setAutoTickUnitSelection(false);
            l.setNumberFormatOverride(new java.text.DecimalFormat("0E0",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ENGLISH)));
            a = l;
        } else {
            a = new NumberAxis(label);
        }
        a.setRange(p.min(), p.max());
        a.setLabelFont(ChartStyle.SMALL);
        a.setTickLabelFont(ChartStyle.SMALL);
        return a;
    }

    private static JFreeChart styled(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(true);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart c = new JFreeChart(null, ChartStyle.SMALL, plot, false);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        return c;
    }
}
