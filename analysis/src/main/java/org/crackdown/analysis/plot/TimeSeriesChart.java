package org.crackdown.analysis.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.ui.Layer;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;

/**
 * National monthly figures of one measure, one line per strategy with a shaded 95% confidence
 * band over replications; the measure window is marked, since only it counts in the summaries.
 */
public final class TimeSeriesChart {

    private TimeSeriesChart() {
    }

    static long millis(String isoDate) {
        return LocalDate.parse(isoDate.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * @param yLabel     value axis label with unit
     * @param windowFrom measure window start (ISO date) or null
     * @param windowTo   measure window end or null
     */
    public static JFreeChart create(String title, String yLabel, List<SeriesBand> bands, String windowFrom,
            String windowTo) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (SeriesBand b : bands) {
            YIntervalSeries s = new YIntervalSeries(b.strategy() + " (n=" + b.runs() + ")", false, true);
            for (int t = 0; t < b.months().size(); t++) {
                if (Double.isNaN(b.mean()[t])) {
                    continue;
                }
                double lo = Double.isNaN(b.low()[t]) ? b.mean()[t] : b.low()[t];
                double hi = Double.isNaN(b.high()[t]) ? b.mean()[t] : b.high()[t];
                s.add(millis(b.months().get(t)), b.mean()[t], lo, hi);
            }
            data.addSeries(s);
        }
        DateAxis x = new DateAxis("Month");
        x.setTimeZone(TimeZone.getTimeZone("UTC"));
        SimpleDateFormat fmt = new SimpleDateFormat("MMM yyyy", Locale.ENGLISH);
        fmt.setTimeZone(TimeZone.getTimeZone("UTC"));
        x.setDateFormatOverride(fmt);
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        // Every monthly measure is a count, a stock, a price or a share: none is below zero. With
        // few replicates a t interval can reach below it; the axis still starts at zero.
        y.setRangeType(org.jfree.data.RangeType.POSITIVE);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.18f);
        for (int i = 0; i < bands.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
            r.setSeriesFillPaint(i, ChartStyle.color(i));
            r.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        if (windowFrom != null && windowTo != null) {
            IntervalMarker m = new IntervalMarker(millis(windowFrom), millis(windowTo) + 86_400_000L);
            m.setPaint(new Color(0xF2, 0xF2, 0xF2));
            m.setLabel("measured");
            m.setLabelFont(ChartStyle.SMALL);
            m.setLabelPaint(new Color(0x66, 0x66, 0x66));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, bands.size() > 0);
        ChartStyle.apply(chart);
        return chart;
    }
}
