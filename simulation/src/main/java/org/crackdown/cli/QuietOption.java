package org.crackdown.cli;

import java.io.PrintWriter;

import org.crackdown.output.ProgressLine;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress report on stderr (results and errors are still printed). */
public final class QuietOption {

    @Option(names = "--quiet", descriptionKey = "quiet", description = "No progress report on stderr.")
    boolean quiet;

    /** The progress line on {@code err}, or null with --quiet. */
    ProgressLine progressLine(PrintWriter err) {
        return quiet ? null : new ProgressLine(err, System.console() != null, System::nanoTime);
    }
}
