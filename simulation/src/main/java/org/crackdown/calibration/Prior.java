package org.crackdown.calibration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What is believed about a free parameter before the targets are seen, for the Bayesian
 * calibration ({@link AbcSmc}). Always restricted to the free parameter's bounds: a normal prior
 * is truncated there, a uniform or log-uniform one must lie inside them.
 *
 * @param kind   the family
 * @param a      uniform and log-uniform: lowest value; normal: mean
 * @param b      uniform and log-uniform: highest value; normal: standard deviation
 * @param lo     the free parameter's lower bound (support of the prior)
 * @param hi     the free parameter's upper bound
 * @param source where the prior comes from, or why it is what it is
 * @param stated whether the targets file declared it (false: the default on the bounds)
 */
public record Prior(Kind kind, double a, double b, double lo, double hi, String source, boolean stated) {

    public enum Kind {
        UNIFORM, LOGUNIFORM, NORMAL;

        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The prior of a free parameter whose targets file declares none: flat on its bounds, on its scale. */
    public static Prior defaultFor(FreeParameter f) {
        return f.log()
                ? new Prior(Kind.LOGUNIFORM, f.min(), f.max(), f.min(), f.max(),
                "no prior declared: log-uniform on the free parameter's bounds", false)
                : new Prior(Kind.UNIFORM, f.min(), f.max(), f.min(), f.max(),
                "no prior declared: uniform on the free parameter's bounds", false);
    }

    /** A draw from the prior (a truncated normal by inversion, so one uniform per draw). */
    public double sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        double x = switch (kind) {
            case UNIFORM -> a + u * (b - a);
            case LOGUNIFORM -> Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a)));
            case NORMAL -> {
                NormalDistribution n = new NormalDistribution(null, a, b);
                double pl = n.cumulativeProbability(lo);
                double ph = n.cumulativeProbability(hi);
                yield n.inverseCumulativeProbability(pl + u * (ph - pl));
            }
        };
        return Math.max(lo, Math.min(hi, x));
    }

    /**
     * Log of the prior density at {@code x} up to a constant (the same for every particle, so it
     * cancels when the weights are normalised); minus infinity outside the support.
     */
    public double logDensity(double x) {
        double l = kind == Kind.NORMAL ? lo : a;
        double h = kind == Kind.NORMAL ? hi : b;
        if (!(x >= l && x <= h)) {
            return Double.NEGATIVE_INFINITY;
        }
        return switch (kind) {
            case UNIFORM -> 0;
            case LOGUNIFORM -> -Math.log(x);
            case NORMAL -> -0.5 * ((x - a) / b) * ((x - a) / b);
        };
    }

    /** As posterior.json states it. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", kind.spelling());
        if (kind == Kind.NORMAL) {
            m.put("mean", a);
            m.put("sd", b);
            m.put("truncated_to", java.util.List.of(lo, hi));
        } else {
            m.put("min", a);
            m.put("max", b);
        }
        m.put("source", source);
        m.put("declared", stated);
        return m;
    }
}
