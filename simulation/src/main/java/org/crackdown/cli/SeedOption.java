package org.crackdown.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed N}: the seed of the model's one random number generator. Each command says in
 * Options.properties what it falls back on when the option is not given.
 */
public final class SeedOption {

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "seed",
            description = "Seed of the random number generator (default: the scenario's seed).")
    Long seed;

    /** The seed given, or null. */
    Long value() {
        return seed;
    }

    /** Whether --seed was given. */
    boolean given() {
        return seed != null;
    }

    /** The seed given, or {@code fallback} (the scenario's, or the command's own). */
    long orElse(long fallback) {
        return seed != null ? seed : fallback;
    }
}
