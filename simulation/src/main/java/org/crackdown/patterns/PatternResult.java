package org.crackdown.patterns;

import org.crackdown.analysis.stats.Sample;

/**
 * How the model did on one pattern: its replicated values, on the figure's footing, summarised
 * by mean and 95% confidence interval; or why there is no value.
 *
 * @param pattern the pattern
 * @param status  whether it was measured, and if not why
 * @param detail  for a pattern not measured: what is missing, in words; for a measured one, what
 *                the mean is made of where that says more (a flow share's places one by one), else empty
 * @param sample  replicate values (NaN for runs that gave none) summarised; n = 0 if not measured
 */
public record PatternResult(Pattern pattern, Status status, String detail, Sample sample) {

    /** What became of a pattern. */
    public enum Status {
        MEASURED("measured"),
        /** The model has no such output (yet): an honest gap, not a failure. */
        NOT_MEASURED("not measured by the model"),
        /** The output exists but no replicate produced a value (a price with no sale, a ratio over zero). */
        NO_VALUE("no value in any replicate"),
        /** The scenario the pattern needs was not among those run. */
        NOT_RUN("scenario not run"),
        /** The figure can be met only in a national run and this one ran at another scale. */
        NOT_COMPARABLE("not comparable at this scale");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public static PatternResult measured(Pattern p, double[] values) {
        return measured(p, values, "");
    }

    /** Measured, with a word on what the mean is made of (see {@code detail}). */
    public static PatternResult measured(Pattern p, double[] values, String detail) {
        Sample s = Sample.of(values);
        return s.n() == 0 ? new PatternResult(p, Status.NO_VALUE, "every replicate gave no value for " + p.output(), s)
                : new PatternResult(p, Status.MEASURED, detail, s);
    }

    public static PatternResult missing(Pattern p, Status status, String detail) {
        return new PatternResult(p, status, detail, Sample.of(new double[0]));
    }

    /** Whether the replicated mean lies in the accepted range; null when there is no mean. */
    public Boolean inRange() {
        return status == Status.MEASURED ? pattern.accepts(sample.mean()) : null;
    }

    /**
     * Whether the 95% confidence interval of the mean overlaps the accepted range: a mean just
     * outside the range with an interval reaching into it is a miss the replicates cannot
     * distinguish from a hit. Null without an interval (fewer than two values).
     */
    public Boolean ciOverlaps() {
        if (status != Status.MEASURED || Double.isNaN(sample.ci().low())) {
            return null;
        }
        return sample.ci().high() >= pattern.acceptLow() && sample.ci().low() <= pattern.acceptHigh();
    }

    /** "pass", "fail", or the status in words. */
    public String verdict() {
        Boolean in = inRange();
        return in == null ? status.words() : in ? "pass" : "fail";
    }
}
