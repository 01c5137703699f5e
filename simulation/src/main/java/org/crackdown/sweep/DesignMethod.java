package org.crackdown.sweep;

import java.util.Locale;

/** How design points are chosen from the varied keys. */
public enum DesignMethod {
    /** Every combination of every key's levels (Cartesian product). */
    GRID,
    /** Latin hypercube: {@code samples} points, one in each of {@code samples} strata per key. */
    LHS,
    /** The first {@code samples} points of a Sobol low-discrepancy sequence (nothing skipped). */
    SOBOL,
    /** Draws from a posterior.csv by weight ({@code parameters: {posterior: FILE, draws: N}}). */
    POSTERIOR;

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
