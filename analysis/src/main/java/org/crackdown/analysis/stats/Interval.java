package org.crackdown.analysis.stats;

/** A two-sided confidence interval; NaN bounds when it cannot be computed (fewer than two values). */
public record Interval(double low, double high) {

    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
