package org.crackdown.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a field of {@link Parameters} as a scenario key. Everything a user can learn about a
 * key (YAML name, unit, range, meaning, source) lives here, so that validation, {@code crackdown
 * params}, docs/parameters.md and the GUI inspector are generated from one place and cannot drift.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Param {
    /** Dotted key as written in YAML, e.g. {@code police.budget} is {@code police: {budget: ..}}. */
    String key();

    /** Unit in words (e.g. "RMB", "per year", "fraction"), empty for dimensionless switches. */
    String unit() default "";

    /** Smallest allowed value (numbers only). */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value (numbers only). */
    double max() default Double.POSITIVE_INFINITY;

    /** What the key means, in one or two sentences. */
    String doc();

    /**
     * Where the default comes from: a published source (see scenarios/data/facts.csv), or
     * "free" for a behavioural parameter that is set by calibration, not by a published figure.
     */
    String source() default "free";
}
