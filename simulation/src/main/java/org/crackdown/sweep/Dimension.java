package org.crackdown.sweep;

import org.crackdown.yaml.Place;
import java.util.List;

import org.crackdown.model.ParamSpec;

/**
 * One varied parameter. A grid takes its {@code levels} (a list as written, or a
 * {@code {from, to, step}} range already expanded); LHS and Sobol designs sample between
 * {@code min} and {@code max}.
 */
public record Dimension(ParamSpec spec, Form form, List<Object> levels, double min, double max, Place at) {

    /** How the sweep file wrote the values. */
    public enum Form { LIST, RANGE, BOUNDS, POSTERIOR }

    public Dimension {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public String key() {
        return spec.key();
    }

    static Dimension listed(ParamSpec spec, Form form, List<Object> levels, Place at) {
        return new Dimension(spec, form, levels, Double.NaN, Double.NaN, at);
    }

    /** A parameter column of a posterior.csv: its values come from the draws. */
    static Dimension posterior(ParamSpec spec, double min, double max, Place at) {
        return new Dimension(spec, Form.POSTERIOR, List.of(), min, max, at);
    }

    static Dimension bounded(ParamSpec spec, double min, double max, Place at) {
        return new Dimension(spec, Form.BOUNDS, List.of(), min, max, at);
    }
}
