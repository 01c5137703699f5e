package org.crackdown.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress report on stderr (results and errors are still printed). */
public final class QuietOption {

    @Option(names = "--quiet", descriptionKey = "quiet", description = "No progress report on stderr.")
    boolean quiet;
}
