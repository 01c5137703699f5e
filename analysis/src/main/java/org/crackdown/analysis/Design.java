package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;

/**
 * How the design points were chosen, which decides how strategies are compared: a few chosen
 * points (a grid, or one scenario) are compared point by point; sampled points (Latin hypercube,
 * Sobol, or any ten or more points varying numeric parameters) are pooled, because each point has
 * too few runs for its own comparison, and the points themselves feed a sensitivity analysis.
 */
public final class Design {

    /** The point id of results pooled over all design points. */
    public static final String ALL = "all";
    static final int SAMPLED_MIN_POINTS = 10;

    /** sweep.json's design type of a sweep over posterior draws. */
    public static final String POSTERIOR = "posterior";

    private final boolean sampled;
    private final boolean draws;
    private final boolean posterior;
    private final List<Field> numericVaried;

    private Design(boolean sampled, boolean draws, boolean posterior, List<Field> numericVaried) {
        this.sampled = sampled;
        this.draws = draws;
        this.posterior = posterior;
        this.numericVaried = numericVaried;
    }

    public static Design of(Experiment e) {
        List<Field> varied = numericVaried(e);
        String kind = e.designKind();
        boolean sampledKind = kind != null && (kind.equals("lhs") || kind.equals("sobol") || kind.contains("latin")
                || kind.equals("random") || kind.equals("monte-carlo") || kind.equals("montecarlo"));
        boolean posterior = POSTERIOR.equals(kind);
        boolean many = e.points().size() >= SAMPLED_MIN_POINTS && !varied.isEmpty();
        return new Design(sampledKind || posterior || many, sampledKind || posterior, posterior, varied);
    }

    /** Numeric parameters that take more than one value across the design points. */
    private static List<Field> numericVaried(Experiment e) {
        List<Field> out = new ArrayList<>();
        Map<String, Map<String, String>> pp = e.pointParameters();
        for (Field p : e.parameters()) {
            if (!p.numeric()) {
                continue;
            }
            Set<String> values = new HashSet<>();
            pp.values().forEach(m -> {
                String v = m.get(p.name());
                if (v != null && !v.isEmpty()) {
                    values.add(v);
                }
            });
            if (values.size() > 1) {
                out.add(p);
            }
        }
        return out;
    }

    public boolean sampled() {
        return sampled;
    }

    /**
     * Whether the points are random draws of the parameters (a posterior, or a sampled design
     * over the ranges), so that results over them describe parameter uncertainty: then the robust
     * comparison and scenario discovery apply. A grid is a choice, not a draw.
     */
    public boolean draws() {
        return draws;
    }

    /** Whether the points are draws from a calibrated posterior. */
    public boolean posterior() {
        return posterior;
    }

    /** Inputs of the sensitivity analysis. */
    public List<Field> numericVaried() {
        return numericVaried;
    }

    /** The groups strategies are compared in: each point, or all points pooled. */
    public List<String> comparisonGroups(Experiment e) {
        return sampled ? List.of(ALL) : e.points();
    }

    public boolean inGroup(String group, String point) {
        return group.equals(ALL) || group.equals(point);
    }
}
