package org.crackdown.gui;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classes the map colours provinces by, taken from the data shown rather than fixed: a fixed
 * scale fits one calibration only (with the refitted model most provinces fell in its top band).
 * Provinces where at least one victim a month was taken are split into fifths by the quantiles of
 * their values, each limit rounded to two significant digits; below one victim a month is a class
 * of its own. A limit tied with the one below moves up to the next larger value, and where there
 * are fewer distinct values than classes (small runs count in whole victims) there are fewer classes.
 *
 * <p>The limits are set on the first day shown of each month and kept for the rest of it, so that a
 * province changes colour within a month only because its own count changed, and a crackdown that
 * lowers every province shows as lighter colours until the next month's classes. During the first
 * month of a run, while the counts build up from nothing, they are set every day.
 */
final class PressureBands {

    /** Classes of provinces with victims taken (plus one for "under one a month"). */
    static final int CLASSES = 5;
    /** Below this many victims a month (all China equivalent) a province is in the "none" class. */
    static final double NONE_BELOW = 1;
    /** Days at the start of a run during which the limits follow the data daily. */
    static final int BUILD_UP_DAYS = 31;

    /** Light to dark: none, then the classes (a subset, spread, when there are fewer). */
    private static final Color NONE = new Color(0xFBF8EF);
    private static final Color[] COLOURS = {
        new Color(0xFEE391), new Color(0xFEC44F), new Color(0xFE9929), new Color(0xE34A1F), new Color(0x99000D)};

    private double[] limits = new double[0];
    private boolean anyTaken;
    private YearMonth setFor;
    private LocalDate setOn;

    /** Forgets the previous run. */
    void reset() {
        limits = new double[0];
        anyTaken = false;
        setFor = null;
        setOn = null;
    }

    /** Today's values (one per province); sets the limits from them when due (see the class comment). */
    void update(double[] values, LocalDate today, int dayOfRun) {
        YearMonth month = YearMonth.from(today);
        if (setFor != null && setFor.equals(month) && dayOfRun >= BUILD_UP_DAYS && limits.length > 0) {
            return;
        }
        double[] taken = Arrays.stream(values).filter(v -> v >= NONE_BELOW).sorted().toArray();
        List<Double> l = new ArrayList<>();
        for (int k = 1; k < CLASSES && taken.length > 0; k++) {
            // The k-th quantile; on a tie with the class below (or the smallest value, which would
            // leave a class empty), the next larger value instead.
            double below = l.isEmpty() ? taken[0] : l.get(l.size() - 1);
            for (int j = k * taken.length / CLASSES; j < taken.length; j++) {
                double q = round(taken[j]);
                if (q > below) {
                    l.add(q);
                    break;
                }
            }
        }
        limits = l.stream().mapToDouble(Double::doubleValue).toArray();
        anyTaken = taken.length > 0;
        setFor = month;
        setOn = today;
    }

    /** Two significant digits (1,234 -> 1,200; 47.6 -> 48; 3.14 -> 3.1). */
    static double round(double v) {
        return new BigDecimal(v).round(new MathContext(2)).doubleValue();
    }

    /** Lower limits of the classes above the first (victims a month), increasing. */
    double[] limits() {
        return limits.clone();
    }

    /** The day the limits were set, or null before any data. */
    LocalDate setOn() {
        return setOn;
    }

    /** Number of classes with victims taken (0 before anyone was taken). */
    int classes() {
        return anyTaken ? limits.length + 1 : 0;
    }

    /** 0 for "under one a month", else 1 to {@link #classes()}. */
    int classOf(double perMonth) {
        if (Double.isNaN(perMonth) || perMonth < NONE_BELOW) {
            return 0;
        }
        int c = 1;
        while (c - 1 < limits.length && perMonth >= limits[c - 1]) {
            c++;
        }
        return c;
    }

    /** Fill colour of a class (0 = none). */
    Color colour(int cls) {
        if (cls <= 0) {
            return NONE;
        }
        int n = Math.max(1, classes());
        // With fewer classes than colours, spread them from light to dark, the top always darkest.
        int i = n == 1 ? COLOURS.length - 1 : (int) Math.round((cls - 1) * (COLOURS.length - 1) / (double) (n - 1));
        return COLOURS[Math.min(COLOURS.length - 1, i)];
    }

    Color colourOf(double perMonth) {
        return colour(classOf(perMonth));
    }

    /** A limit as the legend prints it. */
    static String label(double v) {
        return new BigDecimal(v).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
