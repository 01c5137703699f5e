package org.crackdown.calibration;

import org.crackdown.scenario.Problem;

/**
 * A parameter the calibration may move, within bounds. The optimiser works on a normalised
 * coordinate u in [0, 1] for every parameter, so that parameters of very different sizes (a
 * probability and a sum in RMB) get comparable steps; on a log scale when {@code log} is set,
 * for parameters whose plausible values span orders of magnitude.
 *
 * @param key   scenario key of the parameter
 * @param min   lowest value tried
 * @param max   highest value tried
 * @param log   whether u is linear in log(value)
 * @param start value to start from, or NaN for the scenario's own value (clamped to the bounds)
 * @param at    where the targets file names it (message empty), for problems found later
 */
public record FreeParameter(String key, double min, double max, boolean log, double start, Problem at) {

    public FreeParameter(String key, double min, double max, boolean log) {
        this(key, min, max, log, Double.NaN, new Problem("-", 0, 0, ""));
    }

    /** A problem about this parameter, placed where the targets file names it. */
    public Problem problem(String message) {
        return new Problem(at.file(), at.line(), at.col(), message);
    }

    /** Value to normalised coordinate (clamped to [0, 1]). */
    public double toUnit(double x) {
        double u = log ? (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (x - min) / (max - min);
        return Math.max(0, Math.min(1, u));
    }

    /** Normalised coordinate (clamped to [0, 1]) to value, always inside [min, max]. */
    public double fromUnit(double u) {
        double c = Math.max(0, Math.min(1, u));
        double x = log ? Math.exp(Math.log(min) + c * (Math.log(max) - Math.log(min))) : min + c * (max - min);
        return Math.max(min, Math.min(max, x));
    }

    /** The value rounded to a few significant digits (what fitted.yaml states), kept inside the bounds. */
    public double rounded(double x, int digits) {
        if (x == 0 || !Double.isFinite(x)) {
            return x;
        }
        double r = new java.math.BigDecimal(x).round(new java.math.MathContext(digits)).doubleValue();
        return Math.max(min, Math.min(max, r));
    }
}
