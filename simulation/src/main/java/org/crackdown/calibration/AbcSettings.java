package org.crackdown.calibration;

/**
 * How the Bayesian calibration runs ({@code abc:} in a targets file, {@code --particles} and
 * {@code --generations} on the command line).
 *
 * @param particles     population size (the posterior is this many weighted particles)
 * @param generations   populations after the prior one; the tolerance shrinks at each
 * @param quantile      each generation's tolerance is this quantile of the previous population's
 *                      distances (0.5: the median, as in Beaumont et al. 2009's adaptive variants)
 * @param minAcceptance stop after a generation that accepted fewer than this share of its proposals
 *                      (further generations would cost more runs than they sharpen)
 * @param seed          seeds every proposal and every model run, through (seed, generation, particle)
 * @param predictiveDraws posterior draws run again for the posterior predictive check (0: none)
 */
public record AbcSettings(int particles, int generations, double quantile, double minAcceptance, long seed,
                          int predictiveDraws) {

    public static final AbcSettings DEFAULT = new AbcSettings(100, 4, 0.5, 0.02, 1, 100);

    /** Without a predictive check (the sampler alone). */
    public AbcSettings(int particles, int generations, double quantile, double minAcceptance, long seed) {
        this(particles, generations, quantile, minAcceptance, seed, 0);
    }

    public AbcSettings withParticles(int n) {
        return new AbcSettings(n, generations, quantile, minAcceptance, seed, predictiveDraws);
    }

    public AbcSettings withGenerations(int n) {
        return new AbcSettings(particles, n, quantile, minAcceptance, seed, predictiveDraws);
    }

    /**
     * Proposals one particle may make before the generation is given up. At the lowest accepted
     * rate a particle needs 1/minAcceptance proposals on average; 20 times that is exceeded with
     * probability e^-20 when the rate really is that high, so hitting it means the rate is far lower.
     */
    public int maxProposalsPerParticle() {
        return (int) Math.min(1_000_000, Math.ceil(20 / minAcceptance));
    }
}
