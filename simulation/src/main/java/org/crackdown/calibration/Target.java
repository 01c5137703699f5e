package org.crackdown.calibration;

import java.time.YearMonth;
import java.util.Locale;

import org.crackdown.model.Measure;
import org.crackdown.outcome.Output;

/**
 * One figure the model should reproduce: a summary column whose replicated mean should be near a
 * published value (a point target, with a relative tolerance) or inside a published range.
 *
 * @param column    the target's name: a column of summary.csv, or any name when {@code output} says
 *                  what is read
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
 * @param output    what is read from a run: the column itself, or a sum or ratio of columns
 *                  (targets file: {@code output: women_rescued+children_rescued})
 * @param from      first month the output is read over, or null for the scenario's measure window
 *                  (targets file: {@code from: 2000-01}); {@code to} is its last month
 */
public record Target(String column, double value, double tolerance, double min, double max, String source,
                     boolean nationalOnly, Output output, YearMonth from, YearMonth to) {

    public static Target point(String column, double value, double tolerance, String source) {
        return new Target(column, value, tolerance, Double.NaN, Double.NaN, source, false, Output.parse(column),
                null, null);
    }

    public static Target range(String column, double min, double max, String source) {
        return new Target(column, Double.NaN, Double.NaN, min, max, source, false, Output.parse(column), null, null);
    }

    /** The same target, comparable only in national runs (targets file: {@code national_only: true}). */
    public Target nationalOnly(boolean only) {
        return new Target(column, value, tolerance, min, max, source, only, output, from, to);
    }

    /**
     * The same target read as {@code output} over the months {@code from}..{@code to} (both null: the
     * scenario's measure window) instead of as its own summary column.
     */
    public Target reading(Output output, YearMonth from, YearMonth to) {
        if ((from == null) != (to == null) || from != null && from.isAfter(to)) {
            throw new IllegalArgumentException("a window needs both ends, the first not after the last: " + from + ".."
                    + to);
        }
        return new Target(column, value, tolerance, min, max, source, nationalOnly, output, from, to);
    }

    /** Whether the value is read straight from summary.csv's column of the same name. */
    public boolean readsItsColumn() {
        return from == null && !output.isRatio() && output.columns().size() == 1
                && output.toString().equals(column);
    }

    /**
     * Whether what is read counts events, so that a run at {@code scale} should produce {@code scale}
     * times the national figure: a count column or a sum of them, not a ratio, price or share.
     */
    public boolean counts() {
        return !output.isRatio() && output.columns().stream().allMatch(Target::isCount);
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
        if (!counts() || scale == 1) {
            return this;
        }
        return new Target(column, value * scale, tolerance, min * scale, max * scale, source, nationalOnly, output,
                from, to);
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

    /** "women_rescued+children_rescued over 2000-01..2007-12", or "" when the target reads its own column. */
    public String readingText() {
        if (readsItsColumn()) {
            return "";
        }
        return output + (from == null ? "" : " over " + from + ".." + to);
    }

    /** "15458 ± 10%" or "0.35..0.4", for tables. */
    public String describe() {
        return isPoint() ? fmt(value) + " ± " + fmt(tolerance * 100) + "%" : fmt(min) + "–" + fmt(max);
    }

    private static String fmt(double v) {
        return org.crackdown.output.CsvNumbers.format(v);
    }
}
