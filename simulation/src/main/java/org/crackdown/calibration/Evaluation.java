package org.crackdown.calibration;

import java.util.List;

/**
 * One evaluation of the objective: the free parameters' values, each target's replicated result
 * and the loss (the sum of the targets' terms).
 *
 * @param index  1-based, in the order the search asked for them
 * @param values free parameters' values, in the targets file's order
 */
public record Evaluation(int index, double[] values, List<TargetResult> results, double loss) {

    public Evaluation {
        values = values.clone();
        results = List.copyOf(results);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public static double loss(List<TargetResult> results) {
        double sum = 0;
        for (TargetResult r : results) {
            sum += r.loss();
        }
        return sum;
    }

    /** The same results under another index (a point the search asked for again). */
    Evaluation renumbered(int newIndex) {
        return new Evaluation(newIndex, values, results, loss);
    }

    public boolean allWithin() {
        return results.stream().allMatch(TargetResult::within);
    }
}
