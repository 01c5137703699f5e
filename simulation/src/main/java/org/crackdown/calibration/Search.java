package org.crackdown.calibration;

import java.util.Arrays;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Minimises a function over the unit cube [0, 1]^n with one of commons-math3's derivative-free
 * optimisers, spending at most a fixed number of evaluations. Deterministic: CMA-ES draws its
 * candidates from a Mersenne Twister seeded from the settings, and the function itself is
 * deterministic (common random numbers), so the same settings visit the same points.
 *
 * <p>The caller keeps the best point itself (the function sees every evaluation); this class only
 * drives the search, and a search that runs out of budget is not an error.
 */
final class Search {

    /** The function to minimise, on normalised coordinates. */
    @FunctionalInterface
    interface Function {
        double value(double[] unit);
    }

    /** Penalty slope for Nelder-Mead steps outside the cube, which it cannot be told about. */
    private static final double OUTSIDE_PENALTY = 1e3;

    private Search() {
    }

    static void minimise(OptimizerSettings o, double[] start, Function f) {
        int n = start.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(upper, 1.0);
        MaxEval budget = new MaxEval(o.maxEvaluations());
        try {
            switch (o.method()) {
                case CMAES -> {
                    double[] sigma = new double[n];
                    Arrays.fill(sigma, o.sigma());
                    // The usual population 4 + 3 ln n (Hansen); at least 5 so a 1-parameter search still samples around.
                    int lambda = Math.max(5, 4 + (int) Math.floor(3 * Math.log(n)));
                    CMAESOptimizer cmaes = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0,
                            new MersenneTwister(o.seed()), false, null);
                    cmaes.optimize(budget, new MaxIter(Integer.MAX_VALUE), new ObjectiveFunction(f::value),
                            GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper),
                            new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
                }
                case BOBYQA -> {
                    double radius = bobyqaRadius(start, o.sigma());
                    BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(2 * n + 1, radius, Math.min(1e-4, radius / 10));
                    bobyqa.optimize(budget, new ObjectiveFunction(f::value), GoalType.MINIMIZE,
                            new InitialGuess(start), new SimpleBounds(lower, upper));
                }
                case NELDER_MEAD -> {
                    SimplexOptimizer simplex = new SimplexOptimizer(new SimpleValueChecker(1e-8, 1e-10));
                    simplex.optimize(budget, new MaxIter(Integer.MAX_VALUE), new ObjectiveFunction(Search.bounded(f)),
                            GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(n, o.sigma()));
                }
                default -> throw new AssertionError(o.method());
            }
        } catch (TooManyEvaluationsException budgetSpent) {
            // The normal end of a calibration: the evaluations allowed have been used.
        }
    }

    /**
     * Nelder-Mead knows no bounds: a point outside the cube is evaluated at its projection onto
     * the cube, plus a penalty growing with the distance, which pushes the simplex back inside.
     */
    static org.apache.commons.math3.analysis.MultivariateFunction bounded(Function f) {
        return x -> {
            double[] inside = new double[x.length];
            double outside = 0;
            for (int i = 0; i < x.length; i++) {
                inside[i] = Math.max(0, Math.min(1, x[i]));
                outside += Math.abs(x[i] - inside[i]);
            }
            return f.value(inside) + OUTSIDE_PENALTY * outside;
        };
    }

    /**
     * BOBYQA moves a starting point that lies closer to a bound than its initial trust radius
     * (onto the bound or one radius inside), so it would not start where it was told. The radius
     * is therefore shrunk to the start's distance from the nearest bound it does not sit on (but
     * not below {@link #MIN_RADIUS}).
     */
    static double bobyqaRadius(double[] start, double sigma) {
        double r = sigma;
        for (double u : start) {
            for (double gap : new double[] {u, 1 - u}) {
                if (gap > 0 && gap < r) {
                    r = gap;
                }
            }
        }
        return Math.max(MIN_RADIUS, r);
    }

    /** Smallest initial trust radius BOBYQA is given, in the normalised space. */
    static final double MIN_RADIUS = 1e-3;
}
