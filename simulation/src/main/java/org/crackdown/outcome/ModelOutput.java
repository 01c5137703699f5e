package org.crackdown.outcome;

import java.util.Set;

/**
 * What a pattern compares with a published figure: either an expression over summary.csv's
 * columns ({@link Output}) or a geographic share of the origin-destination flows
 * ({@link FlowShare}). Written in patterns.csv's output column as its {@link #toString()}.
 */
public interface ModelOutput {

    /** The summary.csv columns it reads (none for a reading of the flows). */
    Set<String> columns();

    /** Whether it is a ratio, and so free of the run's scale and window length. */
    boolean isRatio();

    /**
     * Parses patterns.csv's output column: a flow share when it is written as one
     * ({@code origin_share(...)}, {@code destination_quotient(...)}, ...), else columns.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    static ModelOutput parse(String text) {
        return FlowShare.looksLikeOne(text) ? FlowShare.parse(text) : Output.parse(text);
    }
}
