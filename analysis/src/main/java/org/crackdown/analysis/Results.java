package org.crackdown.analysis;

import java.util.List;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;

/** Everything computed from an experiment, ready to be written and shown. */
public record Results(Experiment experiment, Design design, String baseline, List<Field> metrics, Field rankBy,
        boolean lowerIsBetter, double precision, List<SummaryRow> summaries, List<DifferenceRow> differences,
        List<RankRow> rankings, List<SensitivityRow> sensitivity, List<String> notes, java.util.Map<String, Double> costs,
        Robustness.Result robust) {

    /** How the comparisons were paired, for text: within each design point, or pooled. */
    public String baselineLabel() {
        int groups = design.comparisonGroups(experiment).size();
        String how = design.sampled() && experiment.points().size() > 1 ? "pooled over all design points"
                : groups > 1 ? "within each design point" : "";
        return "strategy minus " + baseline + " over runs paired by seed" + (how.isEmpty() ? "" : ", " + how);
    }
}
