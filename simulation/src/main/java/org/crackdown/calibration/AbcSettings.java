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
 * @param sampler       how each generation is made ({@link Sampler})
 */
public record AbcSettings(int particles, int generations, double quantile, double minAcceptance, long seed,
                          int predictiveDraws, Sampler sampler) {

    /** How each generation after the prior one is made. Both target the same ABC posterior. */
    public enum Sampler {
        /**
         * Population Monte Carlo (Beaumont, Cornuet, Marin and Robert 2009): every particle is
         * proposed afresh from the previous population through a Gaussian kernel and weighted by
         * prior over proposal density. Fewest simulations per generation, but in a dozen
         * dimensions the weights thin out (the session-23 posterior: ESS 13 of 60 particles).
         */
        PMC("pmc"),
        /**
         * Replenishment (Drovandi and Pettitt 2011, Biometrics 67:225): the worse share of the
         * particles is dropped and refilled by copies of the kept ones moved by ABC-MCMC steps at
         * the new tolerance. Particles weigh the same, so the weights cannot thin out; copies
         * that did not move are counted once in the effective sample size.
         */
        REPLENISHMENT("replenishment");

        private final String spelling;

        Sampler(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }

        /** The sampler spelt {@code name} (as in a targets file), or null. */
        public static Sampler named(String name) {
            for (Sampler x : values()) {
                if (x.spelling.equals(name)) {
                    return x;
                }
            }
            return null;
        }

        /** Every spelling, in declaration order, for messages. */
        public static String spellings() {
            return java.util.Arrays.stream(values()).map(Sampler::spelling)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    public static final AbcSettings DEFAULT = new AbcSettings(100, 4, 0.5, 0.02, 1, 100, Sampler.REPLENISHMENT);

    /** Without a predictive check (the sampler alone), with the default kernel. */
    public AbcSettings(int particles, int generations, double quantile, double minAcceptance, long seed) {
        this(particles, generations, quantile, minAcceptance, seed, 0, DEFAULT.sampler());
    }

    public AbcSettings withParticles(int n) {
        return new AbcSettings(n, generations, quantile, minAcceptance, seed, predictiveDraws, sampler);
    }

    public AbcSettings withGenerations(int n) {
        return new AbcSettings(particles, n, quantile, minAcceptance, seed, predictiveDraws, sampler);
    }

    public AbcSettings withSampler(Sampler k) {
        return new AbcSettings(particles, generations, quantile, minAcceptance, seed, predictiveDraws, k);
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
