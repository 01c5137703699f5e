package org.crackdown.calibration;

import java.util.Locale;

/**
 * How the search runs.
 *
 * @param method         the commons-math3 optimiser
 * @param maxEvaluations evaluations of the objective (each = {@code replicates} runs) the search may spend
 * @param seed           seed of the optimiser's own generator (CMA-ES samples candidates at random)
 * @param sigma          initial step in the normalised [0, 1] space (CMA-ES sigma, BOBYQA trust
 *                       radius, Nelder-Mead simplex size)
 */
public record OptimizerSettings(Method method, int maxEvaluations, long seed, double sigma) {

    public static final double DEFAULT_SIGMA = 0.2;

    public enum Method {
        CMAES, BOBYQA, NELDER_MEAD;

        /** As written in targets files: cmaes, bobyqa, nelder-mead. */
        public String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public OptimizerSettings withMaxEvaluations(int n) {
        return new OptimizerSettings(method, n, seed, sigma);
    }
}
