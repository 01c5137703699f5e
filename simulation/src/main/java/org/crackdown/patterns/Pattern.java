package org.crackdown.patterns;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.crackdown.outcome.ModelOutput;

/**
 * One published figure the model is checked against (pattern-oriented modelling, Grimm et al.
 * 2005): a row of {@code scenarios/data/patterns.csv}.
 *
 * @param id                a stable snake_case name
 * @param description       what the figure is, in words
 * @param output            the model output compared with it (see {@link ModelOutput})
 * @param scope             how the output is put on the figure's footing (national totals, per year, or scale-free)
 * @param scenario          the name of the scenario that is run for it (e.g. {@code china-2011})
 * @param from              first month of the window the output is summed over
 * @param to                last month of the window
 * @param low               low end of the published value or range
 * @param high              high end (equal to {@code low} for a single figure; +infinity for "at least")
 * @param tolerance         relative tolerance around the range (0.10 = ±10%); 0 for a published range
 * @param usedInCalibration whether the figure was a calibration target (if not, it is a real test)
 * @param strength          how far the source can be trusted
 * @param source            where the figure comes from (china-facts.md section and the original source)
 * @param line              line of patterns.csv, for messages
 */
public record Pattern(String id, String description, ModelOutput output, Scope scope, String scenario, YearMonth from,
                      YearMonth to, double low, double high, double tolerance, boolean usedInCalibration,
                      Strength strength, String source, int line) {

    /** How the model's output is made comparable with a national figure. */
    public enum Scope {
        /** A total over the window for all of China: counts are divided by the run's scale. */
        NATIONAL("national"),
        /** A yearly figure for all of China: divided by the scale and by the window's length in years. */
        NATIONAL_PER_YEAR("national_per_year"),
        /** A price, share or ratio of counts: independent of scale and window length, taken as it is. */
        SCALE_FREE("scale_free"),
        /**
         * A figure a run can be held to only at scale 1, taken as it is there; at another scale the
         * pattern is not compared (rings broken up per joint operation: an operation's reach shrinks
         * with the scale, a ring's size in gangs does not, so neither the value nor the value over
         * the scale is the national one).
         */
        NATIONAL_RUN("national_run");

        private final String spelling;

        Scope(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    /** Strength of the source, as china-facts.md judges it. */
    public enum Strength {
        STRONG, WEAK;

        public String spelling() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Months in the window, both ends included. */
    public long months() {
        return ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** Low end of the accepted interval: the range widened by the tolerance. */
    public double acceptLow() {
        return low - tolerance * Math.abs(low);
    }

    /** High end of the accepted interval. */
    public double acceptHigh() {
        return Double.isInfinite(high) ? high : high + tolerance * Math.abs(high);
    }

    /** Whether a model value falls in the accepted interval (NaN never does). */
    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= acceptLow() && value <= acceptHigh();
    }

    /**
     * Puts a value of the output, as a run at {@code scale} produced it over the window, on the
     * figure's footing: per national-equivalent, and per year if the scope says so.
     */
    public double toFigureFooting(double raw, double scale) {
        return switch (scope) {
            case NATIONAL -> raw / scale;
            case NATIONAL_PER_YEAR -> raw / scale / (months() / 12.0);
            case SCALE_FREE, NATIONAL_RUN -> raw;
        };
    }

    /** Whether a run at {@code scale} can be compared with the figure (see {@link Scope#NATIONAL_RUN}). */
    public boolean comparableAt(double scale) {
        return scope != Scope.NATIONAL_RUN || scale == 1;
    }
}
