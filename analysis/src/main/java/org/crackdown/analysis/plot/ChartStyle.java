package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;

/**
 * One look for every figure, meant for print: white background, no plot outline or gradients,
 * light grid lines only along the value axis, fonts large enough to read at column width, and
 * the Okabe-Ito palette, which stays distinguishable for colour-blind readers and in greyscale
 * print.
 */
public final class ChartStyle {

    /** Okabe & Ito (2008), "Color Universal Design": blue, vermillion, bluish green, orange, ... */
    public static final Color[] PALETTE = {
            new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
            new Color(0xE6, 0x9F, 0x00), new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9),
            new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)};
    public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    public static final Color MUTED = new Color(0x99, 0x99, 0x99);
    public static final Color TEXT = new Color(0x22, 0x22, 0x22);

    public static final String FAMILY = "SansSerif";
    public static final Font TITLE = new Font(FAMILY, Font.BOLD, 17);
    public static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 13);
    public static final Font AXIS_LABEL = new Font(FAMILY, Font.PLAIN, 14);
    public static final Font TICK = new Font(FAMILY, Font.PLAIN, 12);
    public static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 13);
    public static final Font SMALL = new Font(FAMILY, Font.PLAIN, 10);

    private ChartStyle() {
    }

    public static Paint color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    public static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 14));
        TextTitle t = chart.getTitle();
        if (t != null) {
            t.setFont(TITLE);
            t.setPaint(TEXT);
            t.setHorizontalAlignment(org.jfree.ui.HorizontalAlignment.LEFT);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(6, 4, 4, 8));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinesVisible(false);
            xy.setRangeGridlinePaint(GRID);
            xy.setRangeGridlineStroke(new BasicStroke(0.8f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot cp) {
            cp.setDomainGridlinesVisible(false);
            cp.setRangeGridlinePaint(GRID);
            cp.setRangeGridlineStroke(new BasicStroke(0.8f));
            cp.setAxisOffset(RectangleInsets.ZERO_INSETS);
            axis(cp.getDomainAxis());
            axis(cp.getRangeAxis());
        }
    }

    public static void subtitle(JFreeChart chart, String text) {
        TextTitle st = new TextTitle(text, SUBTITLE);
        st.setPaint(new Color(0x55, 0x55, 0x55));
        st.setHorizontalAlignment(org.jfree.ui.HorizontalAlignment.LEFT);
        st.setPadding(new RectangleInsets(0, 0, 6, 0));
        chart.addSubtitle(st);
    }

    private static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(AXIS_LABEL);
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(TICK);
        a.setTickLabelPaint(TEXT);
        a.setAxisLinePaint(MUTED);
        a.setTickMarkPaint(MUTED);
    }
}
