package org.crackdown.calibration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioException;

/**
 * The fit: searches the free parameters' box for the values whose replicated runs come closest
 * to the targets, then states the best values to {@link #DIGITS} significant digits and
 * evaluates exactly those, since those are the values fitted.yaml and the docs will quote.
 */
public final class Calibration {

    /** Significant digits of the fitted values as published. */
    public static final int DIGITS = 4;

    /** Told about every evaluation as it completes. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (e, best, budget, last) -> { };

        /**
         * @param budget evaluations the search may spend (the final evaluation of the rounded
         *               values comes on top)
         * @param last   whether this is the final evaluation, of the rounded best values
         */
        void evaluated(Evaluation e, Evaluation best, int budget, boolean last);
    }

    /**
     * @param evaluations every evaluation in order, the final one included
     * @param best        the best evaluation of the search
     * @param fitted      the evaluation of the best values rounded to {@link #DIGITS} digits
     */
    public record Outcome(List<Evaluation> evaluations, Evaluation best, Evaluation fitted) {
    }

    private final CalibrationSpec spec;
    private final Evaluator evaluator;
    private final Listener listener;
    private final List<Evaluation> log = new ArrayList<>();
    /** The search may ask for the same point twice (CMA-ES repairs candidates onto a bound). */
    private final Map<List<Double>, Evaluation> seen = new HashMap<>();
    private Evaluation best;
    private boolean last;

    private Calibration(CalibrationSpec spec, Evaluator evaluator, Listener listener) {
        this.spec = spec;
        this.evaluator = evaluator;
        this.listener = listener;
    }

    /**
     * Runs the search.
     *
     * @param base the scenario with the targets file's overrides, whose values are the starting point
     *             of parameters without a {@code start}
     */
    public static Outcome fit(CalibrationSpec spec, Evaluator evaluator, Scenario base, Listener listener)
            throws ScenarioException {
        Calibration c = new Calibration(spec, evaluator, listener);
        List<FreeParameter> free = spec.free();
        double[] start = startValues(spec, base);
        double[] startUnit = new double[free.size()];
        for (int i = 0; i < startUnit.length; i++) {
            startUnit[i] = free.get(i).toUnit(start[i]);
        }
        try {
            Search.minimise(spec.optimizer(), startUnit, unit -> c.evaluate(c.values(unit)).loss());
        } catch (Unchecked e) {
            throw e.problem;
        }
        double[] rounded = c.best.values();
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = free.get(i).rounded(rounded[i], DIGITS);
        }
        Evaluation fitted;
        c.last = true;
        try {
            fitted = c.evaluate(rounded);
        } catch (Unchecked e) {
            throw e.problem;
        }
        return new Outcome(List.copyOf(c.log), c.best, fitted);
    }

    /** Where the search starts: each parameter's {@code start}, else its value in the scenario, inside its bounds. */
    public static double[] startValues(CalibrationSpec spec, Scenario base) {
        List<FreeParameter> free = spec.free();
        double[] v = new double[free.size()];
        for (int i = 0; i < v.length; i++) {
            FreeParameter f = free.get(i);
            double x = Double.isNaN(f.start())
                    ? ((Number) ParamRegistry.find(f.key()).orElseThrow().get(base.parameters())).doubleValue()
                    : f.start();
            v[i] = Math.max(f.min(), Math.min(f.max(), x));
        }
        return v;
    }

    private double[] values(double[] unit) {
        double[] v = new double[unit.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = spec.free().get(i).fromUnit(unit[i]);
        }
        return v;
    }

    private Evaluation evaluate(double[] values) {
        int index = log.size() + 1;
        List<Double> key = new ArrayList<>();
        for (double x : values) {
            key.add(x);
        }
        Evaluation e = seen.get(key);
        if (e != null) {
            e = e.renumbered(index);
        } else {
            try {
                e = evaluator.evaluate(index, values);
            } catch (ScenarioException problem) {
                throw new Unchecked(problem);
            }
            seen.put(key, e);
        }
        log.add(e);
        // Ties keep the earlier point, so the result does not depend on evaluation order details.
        if (best == null || e.loss() < best.loss()) {
            best = e;
        }
        listener.evaluated(e, best, spec.optimizer().maxEvaluations(), last);
        return e;
    }

    /** Carries a scenario problem out through the optimiser, which only lets unchecked exceptions pass. */
    private static final class Unchecked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ScenarioException problem;

        Unchecked(ScenarioException problem) {
            super(problem.getMessage(), problem, false, false);
            this.problem = problem;
        }
    }
}
