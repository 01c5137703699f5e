package org.crackdown.calibration;

import java.util.Locale;

import org.crackdown.model.Measure;

/**
 * One figure the model should reproduce: a summary column whose replicated mean should be near a
 * published value (a point target, with a relative tolerance) or inside a published range.
 *
 * @param column    a column of summary.csv
 * @param value     the published value (point target), or NaN for a range
 * @param tolerance accepted relative error of a point target (0.10 = within 10%), or NaN
 * @param min       low end of a range target, or NaN
 * @param max       high end of a range target, or NaN
 * @param source    where the figure comes from
 * @param nationalOnly the model's value is comparable with the figure only in a national run (scale
 *                  1): it neither stays the same nor shrinks in proportion when fewer agents stand
 *                  for the country (rings broken up by joint operations: a ring's size in gangs
 *                  does not shrink with the scale, the operation's reach does). In a run at another
 *                  scale such a target is reported but not scored (see {@link #comparableAt}).
 */
public record Target(String column, double value, double tolerance, double min, double max, String source,
                     boolean nationalOnly) {

    public static Target point(String column, double value, double tolerance, String source) {
        return new Target(column, value, tolerance, Double.NaN, Double.NaN, source, false);
    }

    public static Target range(String column, double min, double max, String source) {
        return new Target(column, Double.NaN, Double.NaN, min, max, source, false);
    }

    /** The same target, comparable only in national runs (targets file: {@code national_only: true}). */
    public Target nationalOnly(boolean only) {
        return new Target(column, value, tolerance, min, max, source, only);
    }

    /**
     * Whether a run at {@code scale} can be scored against this target: always, unless the target
     * is national-only and the run is not national. (Scoring a scale-0.1 run's rings as a tenth of
     * the national figure made that one target's integer noise most of the ABC distance: session 22.)
     */
    public boolean comparableAt(double scale) {
        return !nationalOnly || scale == 1;
    }

    public boolean isPoint() {
        return !Double.isNaN(value);
    }

    /**
     * Whether the column counts events over the measure window, so that a run at {@code scale}
     * should produce {@code scale} times the national figure. Prices, shares and rates do not
     * scale.
     */
    public static boolean isCount(String column) {
        switch (column) {
            case "victims_trafficked", "officer_years" -> {
                return true;
            }
            case "parents_sale_share", "rescues_per_officer_year" -> {
                return false;
            }
            default -> {
                try {
                    return Measure.valueOf(column.toUpperCase(Locale.ROOT)).kind() == Measure.Kind.COUNT;
                } catch (IllegalArgumentException notAMeasure) {
                    return false;
                }
            }
        }
    }

    /** This target as it applies to a run at {@code scale}, when counts are scaled. */
    public Target scaledTo(double scale) {
        if (!isCount(column) || scale == 1) {
            return this;
        }
        return new Target(column, value * scale, tolerance, min * scale, max * scale, source, nationalOnly);
    }

    /** Whether a replicated mean meets the target (inside the tolerance or the range). */
    public boolean accepts(double mean) {
        if (Double.isNaN(mean)) {
            return false;
        }
        return isPoint() ? Math.abs(mean - value) <= tolerance * Math.abs(value) : mean >= min && mean <= max;
    }

    /**
     * This target's term of the loss: for a point target the error in units of the tolerance,
     * squared (1 = exactly at the edge of the tolerance); for a range the distance outside it in
     * units of the range's width, squared (0 inside). A column missing from every replicate
     * (a price with no sale) costs {@link #MISSING}.
     */
    public double loss(double mean) {
        if (Double.isNaN(mean)) {
            return MISSING;
        }
        if (isPoint()) {
            double z = (mean - value) / (tolerance * Math.abs(value));
            return z * z;
        }
        double outside = mean < min ? min - mean : mean > max ? mean - max : 0;
        double z = outside / (max - min);
        return z * z;
    }

    /** Loss term of a target with no value at all: as bad as missing a point target by 10 tolerances. */
    public static final double MISSING = 100;

    /** "15458 ± 10%" or "0.35..0.4", for tables. */
    public String describe() {
        return isPoint() ? fmt(value) + " ± " + fmt(tolerance * 100) + "%" : fmt(min) + "–" + fmt(max);
    }

    private static String fmt(double v) {
        return org.crackdown.output.CsvNumbers.format(v);
    }
}
