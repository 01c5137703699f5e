package org.crackdown.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridLayout;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.swing.JPanel;

import org.crackdown.model.Campaign;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;

/**
 * Four monthly charts in one panel: victims trafficked and rescued, gangs active, police on duty
 * and prices. Campaigns are shaded and every change made during the run is marked with a dashed
 * line, so that cause and effect are visible side by side. Swing thread only.
 */
final class ChartsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final TimeSeries trafficked = new TimeSeries("trafficked");
    private final TimeSeries rescued = new TimeSeries("rescued");
    private final TimeSeries gangs = new TimeSeries("gangs active");
    private final TimeSeries officers = new TimeSeries("officers on duty");
    private final TimeSeries boy = new TimeSeries("boy");
    private final TimeSeries girl = new TimeSeries("girl");
    private final TimeSeries woman = new TimeSeries("woman");
    private final List<JFreeChart> charts = new ArrayList<>();
    private final List<TextTitle> scaleNotes = new ArrayList<>();

    ChartsPanel() {
        super(new GridLayout(2, 2, 4, 4));
        setBackground(Color.WHITE);
        add(chart("Victims per month", "victims", new Color[] {new Color(0xD7191C), Palette.RESCUE},
                trafficked, rescued));
        add(chart("Gangs active", "gangs", new Color[] {new Color(0x555555)}, gangs));
        add(chart("Police on duty against trafficking", "officers", new Color[] {Palette.POLICE}, officers));
        add(chart("Prices paid (RMB)", "RMB", new Color[] {new Color(0x2C7BB6), new Color(0xD01C8B),
            new Color(0xFDAE61)}, boy, girl, woman));
    }

    private ChartPanel chart(String title, String unit, Color[] colours, TimeSeries... series) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (TimeSeries s : series) {
            data.addSeries(s);
        }
        JFreeChart c = ChartFactory.createTimeSeriesChart(title, null, unit, data, series.length > 1, true, false);
        c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        c.setBackgroundPaint(Color.WHITE);
        XYPlot p = c.getXYPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xDDDDDD));
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        p.getDomainAxis().setTickLabelFont(ticks);
        p.getRangeAxis().setTickLabelFont(ticks);
        p.getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        ((NumberAxis) p.getRangeAxis()).setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) p.getRenderer();
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        if (c.getLegend() != null) {
            c.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        }
        charts.add(c);
        ChartPanel panel = new ChartPanel(c);
        panel.setMouseWheelEnabled(false);
        return panel;
    }

    /** Empties the charts for a new run, sets the time axis to its period and shades its campaigns. */
    void reset(LocalDate start, LocalDate end, List<Campaign> campaigns, double scale) {
        for (TimeSeries s : List.of(trafficked, rescued, gangs, officers, boy, girl, woman)) {
            s.clear();
        }
        for (TextTitle t : scaleNotes) {
            for (JFreeChart c : charts) {
                c.removeSubtitle(t);
            }
        }
        scaleNotes.clear();
        for (JFreeChart c : charts) {
            XYPlot p = c.getXYPlot();
            p.clearDomainMarkers();
            ((DateAxis) p.getDomainAxis()).setRange(new Date((long) millis(start)), new Date((long) millis(end.plusDays(1))));
            for (Campaign k : campaigns) {
                IntervalMarker m = new IntervalMarker(millis(k.start()), millis(k.end().plusDays(1)),
                        new Color(31, 79, 191, 28));
                m.setLabel(k.name());
                m.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
                m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                p.addDomainMarker(m, Layer.BACKGROUND);
            }
            if (scale < 1) {
                TextTitle note = new TextTitle(String.format("counts at scale %s (x%.0f for all China)",
                        org.crackdown.model.ParamSpec.format(scale), 1 / scale),
                        new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                scaleNotes.add(note);
                c.addSubtitle(0, note);
            }
        }
    }

    void add(MonthlyTotals.Point pt) {
        Month m = new Month(pt.month().getMonthValue(), pt.month().getYear());
        trafficked.addOrUpdate(m, pt.trafficked());
        rescued.addOrUpdate(m, pt.rescued());
        gangs.addOrUpdate(m, pt.gangsActive());
        officers.addOrUpdate(m, pt.officers());
        addPrice(boy, m, pt.priceBoy());
        addPrice(girl, m, pt.priceGirl());
        addPrice(woman, m, pt.priceWoman());
    }

    private static void addPrice(TimeSeries s, Month m, double v) {
        // A month without sales leaves a gap rather than a drop to zero.
        s.addOrUpdate(m, Double.isNaN(v) ? null : v);
    }

    /** Marks a change made during the run on every chart. */
    void mark(GuiSession.Change change) {
        for (JFreeChart c : charts) {
            ValueMarker m = new ValueMarker(millis(change.date()), Color.BLACK,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel(shortKey(change.key()) + " \u2192 " + org.crackdown.model.ParamSpec.format(change.value()));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            c.getXYPlot().addDomainMarker(m, Layer.FOREGROUND);
        }
    }

    private static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1).replace('_', ' ');
    }

    /** Milliseconds as JFreeChart's time periods count them (in the default time zone). */
    private static double millis(LocalDate d) {
        return d.atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    List<JFreeChart> charts() {
        return charts;
    }
}
