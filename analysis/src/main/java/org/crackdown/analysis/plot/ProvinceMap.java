package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.TextAnchor;

/**
 * A map of China's provinces: their outlines ({@link Outlines}, the GUI's too) as background,
 * each province's symbol at its capital (longitude, latitude, equirectangular), with circles whose area is proportional to victims by origin and
 * by destination, or arrows for the largest origin-to-destination flows. Sizes use one scale for
 * all maps of a report, so strategies can be compared by eye.
 */
public final class ProvinceMap {

    /** A place on the map: province capital, or a neighbouring country's capital for cross-border origins. */
    public record MapPoint(String code, String label, double lat, double lon) {
    }

    /** An arrow from one place to another carrying {@code value} victims. */
    public record Arrow(MapPoint from, MapPoint to, double value) {
    }

    /**
     * Chart sizes giving roughly equal distances per pixel east-west and north-south around 35°N
     * (equirectangular with standard parallel 35°: one degree of longitude is cos 35° ≈ 0.82 of
     * one of latitude): one map panel, and two panels side by side.
     */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 780;
    public static final int PAIR_WIDTH = 1200;
    public static final int PAIR_HEIGHT = 640;
    static final double LON_MIN = 72;
    static final double LON_MAX = 136;
    static final double LAT_MIN = 16;
    static final double LAT_MAX = 54;
    static final double MAX_RADIUS = 30;

    static final Color ORIGIN = ChartStyle.PALETTE[1];
    static final Color DESTINATION = ChartStyle.PALETTE[0];

    private ProvinceMap() {
    }

    /**
     * Two panels side by side, sharing the latitude axis: victims by province of origin (left)
     * and by province of destination (right), circle area proportional to victims.
     *
     * @param scaleMax the value drawn at the largest radius (shared across maps)
     */
    public static JFreeChart circles(String title, String subtitle, List<MapPoint> places, Map<String, Double> byOrigin,
            Map<String, Double> byDestination, double scaleMax) {
        NumberAxis lat = latitude();
        lat.setVisible(Outlines.bundled().isEmpty());
        org.jfree.chart.plot.CombinedRangeXYPlot combined = new org.jfree.chart.plot.CombinedRangeXYPlot(lat);
        combined.setGap(18);
        combined.add(panel("By province of origin", "victims by province of origin", ORIGIN, places, byOrigin, scaleMax));
        combined.add(panel("By province of destination", "victims by province of destination", DESTINATION, places,
                byDestination, scaleMax));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, combined, true);
        ChartStyle.apply(chart);
        ChartStyle.subtitle(chart, subtitle);
        return chart;
    }

    private static XYPlot panel(String heading, String series, Color color, List<MapPoint> places, Map<String, Double> values,
            double scaleMax) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<double[]> radii = new ArrayList<>();
        addSeries(data, radii, series, places, values, scaleMax);
        Bubbles bubbles = new Bubbles(radii, new Color[] {color});
        XYPlot plot = new XYPlot(data, longitude(), null, bubbles);
        outlines(bubbles);
        labels(plot, places);
        XYTextAnnotation h = new XYTextAnnotation(heading, LON_MIN + 1.5, LAT_MAX - 1);
        h.setFont(ChartStyle.SUBTITLE.deriveFont(java.awt.Font.BOLD));
        h.setPaint(ChartStyle.TEXT);
        h.setTextAnchor(TextAnchor.TOP_LEFT);
        plot.addAnnotation(h);
        grid(plot);
        return plot;
    }

    /**
     * The provinces' outlines behind the symbols. Where they are drawn, latitude and longitude
     * axes and grid say nothing a reader needs, so they are hidden.
     */
    private static void outlines(XYLineAndShapeRenderer renderer) {
        Outlines.bundled().ifPresent(o -> renderer.addAnnotation(new OutlineLayer(o),
                org.jfree.ui.Layer.BACKGROUND));
    }

    private static void grid(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (Outlines.bundled().isPresent()) {
            plot.setRangeGridlinesVisible(false);
            plot.setDomainGridlinesVisible(false);
            plot.getDomainAxis().setVisible(false);
            if (plot.getRangeAxis() != null) {
                plot.getRangeAxis().setVisible(false);
            }
            return;
        }
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(new Color(0xEE, 0xEE, 0xEE));
        plot.setRangeGridlinePaint(new Color(0xEE, 0xEE, 0xEE));
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    }

    static NumberAxis longitude() {
        NumberAxis x = new NumberAxis("Longitude (°E)");
        x.setRange(LON_MIN, LON_MAX);
        x.setTickUnit(new NumberTickUnit(10));
        style(x);
        return x;
    }

    static NumberAxis latitude() {
        NumberAxis y = new NumberAxis("Latitude (°N)");
        y.setRange(LAT_MIN, LAT_MAX);
        y.setTickUnit(new NumberTickUnit(10));
        style(y);
        return y;
    }

    private static void style(NumberAxis a) {
        a.setLabelFont(ChartStyle.AXIS_LABEL);
        a.setTickLabelFont(ChartStyle.TICK);
        a.setAxisLinePaint(ChartStyle.MUTED);
        a.setTickMarkPaint(ChartStyle.MUTED);
    }

    /** Arrows for flows, over circles for victims by destination. */
    public static JFreeChart arrows(String title, String subtitle, List<MapPoint> places, List<Arrow> arrows,
            Map<String, Double> byDestination, double circleMax, double arrowMax) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<double[]> radii = new ArrayList<>();
        addSeries(data, radii, "victims by province of destination", places, byDestination, circleMax);
        XYPlot plot = basePlot(data, new Bubbles(radii, new Color[] {DESTINATION}));
        for (Arrow a : arrows) {
            plot.addAnnotation(new FlowArrow(a, arrowMax));
        }
        labels(plot, places);
        return finish(title, subtitle, plot, true);
    }

    private static void addSeries(XYSeriesCollection data, List<double[]> radii, String name, List<MapPoint> places,
            Map<String, Double> values, double scaleMax) {
        XYSeries s = new XYSeries(name, false, true);
        List<Double> r = new ArrayList<>();
        for (MapPoint p : places) {
            Double v = values.get(p.code());
            if (v == null || v.isNaN() || v <= 0) {
                continue;
            }
            s.add(p.lon(), p.lat());
            // Area, not radius, proportional to the value: the eye reads area.
            r.add(scaleMax > 0 ? MAX_RADIUS * Math.sqrt(Math.min(1, v / scaleMax)) : 0);
        }
        data.addSeries(s);
        radii.add(r.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static XYPlot basePlot(XYSeriesCollection data, XYLineAndShapeRenderer renderer) {
        outlines(renderer);
        return new XYPlot(data, longitude(), latitude(), renderer);
    }

    private static void labels(XYPlot plot, List<MapPoint> places) {
        for (MapPoint p : places) {
            XYTextAnnotation a = new XYTextAnnotation(p.label(), p.lon(), p.lat() - 0.55);
            a.setFont(ChartStyle.SMALL);
            a.setPaint(new Color(0x33, 0x33, 0x33));
            a.setTextAnchor(TextAnchor.TOP_CENTER);
            plot.addAnnotation(a);
        }
    }

    private static JFreeChart finish(String title, String subtitle, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, legend);
        ChartStyle.apply(chart);
        ChartStyle.subtitle(chart, subtitle);
        grid(plot);
        return chart;
    }

    /** Province outlines: light fill, grey borders; Taiwan, Hong Kong and Macao lighter (context, no data). */
    static final class OutlineLayer extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private static final java.util.Set<String> CONTEXT = java.util.Set.of("CN-TW", "CN-HK", "CN-MO");
        private final transient Outlines outlines;

        OutlineLayer(Outlines outlines) {
            this.outlines = outlines;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range, int index,
                PlotRenderingInfo info) {
            RectangleEdge xe = plot.getDomainAxisEdge();
            RectangleEdge ye = plot.getRangeAxisEdge();
            g2.setStroke(new BasicStroke(0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            outlines.rings().forEach((code, rings) -> {
                for (double[][] ring : rings) {
                    java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
                    for (int i = 0; i < ring.length; i++) {
                        double x = domain.valueToJava2D(ring[i][0], area, xe);
                        double y = range.valueToJava2D(ring[i][1], area, ye);
                        if (i == 0) {
                            path.moveTo(x, y);
                        } else {
                            path.lineTo(x, y);
                        }
                    }
                    path.closePath();
                    boolean context = CONTEXT.contains(code);
                    g2.setPaint(context ? new Color(0xFA, 0xFA, 0xFA) : new Color(0xF1, 0xF1, 0xEE));
                    g2.fill(path);
                    g2.setPaint(context ? new Color(0xCC, 0xCC, 0xCC) : new Color(0xA8, 0xA8, 0xA8));
                    g2.draw(path);
                }
            });
        }
    }

    /** Circles whose pixel radius is given per item, so they stay round whatever the axis scales. */
    static final class Bubbles extends XYLineAndShapeRenderer {
        private static final long serialVersionUID = 1L;
        private final List<double[]> radii;

        Bubbles(List<double[]> radii, Color[] colors) {
            super(false, true);
            this.radii = radii;
            setUseFillPaint(true);
            setDrawOutlines(true);
            setUseOutlinePaint(true);
            for (int i = 0; i < colors.length; i++) {
                Color c = colors[i];
                setSeriesPaint(i, c);
                setSeriesFillPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
                setSeriesOutlinePaint(i, c);
                setSeriesOutlineStroke(i, new BasicStroke(1.2f));
                setSeriesShape(i, new Ellipse2D.Double(-7, -7, 14, 14));
            }
        }

        @Override
        public Shape getItemShape(int series, int item) {
            double r = radii.get(series)[item];
            return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
        }
    }

    /** A curved arrow, bent to the right of its direction so flows A→B and B→A do not overlap. */
    static final class FlowArrow extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final Arrow arrow;
        private final double max;

        FlowArrow(Arrow arrow, double max) {
            this.arrow = arrow;
            this.max = max;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range, int index,
                PlotRenderingInfo info) {
            RectangleEdge xe = plot.getDomainAxisEdge();
            RectangleEdge ye = plot.getRangeAxisEdge();
            Point2D a = new Point2D.Double(domain.valueToJava2D(arrow.from().lon(), area, xe),
                    range.valueToJava2D(arrow.from().lat(), area, ye));
            Point2D b = new Point2D.Double(domain.valueToJava2D(arrow.to().lon(), area, xe),
                    range.valueToJava2D(arrow.to().lat(), area, ye));
            double dx = b.getX() - a.getX();
            double dy = b.getY() - a.getY();
            double len = Math.hypot(dx, dy);
            if (len < 1) {
                return;
            }
            Point2D c = new Point2D.Double((a.getX() + b.getX()) / 2 - 0.15 * dy, (a.getY() + b.getY()) / 2 + 0.15 * dx);
            float w = (float) (0.8 + 5.2 * Math.min(1, arrow.value() / max));
            Color col = ProvinceMap.ORIGIN;
            g2.setPaint(new Color(col.getRed(), col.getGreen(), col.getBlue(), 150));
            g2.setStroke(new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            double head = 5 + 1.6 * w;
            // Stop the shaft short of the tip so the head ends sharp.
            double tx = b.getX() - c.getX();
            double ty = b.getY() - c.getY();
            double tl = Math.hypot(tx, ty);
            tx /= tl;
            ty /= tl;
            Point2D shaftEnd = new Point2D.Double(b.getX() - tx * head * 0.8, b.getY() - ty * head * 0.8);
            g2.draw(new QuadCurve2D.Double(a.getX(), a.getY(), c.getX(), c.getY(), shaftEnd.getX(), shaftEnd.getY()));
            GeneralPath tip = new GeneralPath();
            tip.moveTo(b.getX(), b.getY());
            tip.lineTo(b.getX() - tx * head - ty * head * 0.5, b.getY() - ty * head + tx * head * 0.5);
            tip.lineTo(b.getX() - tx * head + ty * head * 0.5, b.getY() - ty * head - tx * head * 0.5);
            tip.closePath();
            g2.fill(tip);
        }
    }

    /** Short label of a province code: CN-YN becomes YN. */
    public static String shortLabel(String code) {
        return code.toUpperCase(Locale.ROOT).startsWith("CN-") ? code.substring(3) : code;
    }
}
