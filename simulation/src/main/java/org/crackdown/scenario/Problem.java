package org.crackdown.scenario;

/**
 * One thing wrong with a scenario, located where the user can fix it.
 *
 * @param file    the file as the user wrote its path, or {@code --set} for a command-line override
 * @param line    1-based line, or 0 when the problem has no line (a missing file, {@code --set})
 * @param col     1-based column, or 0 with line 0
 * @param message what is wrong and what is allowed
 */
public record Problem(String file, int line, int col, String message) {

    /** Label used for problems in {@code --set key=value} overrides. */
    public static final String SET = "--set";

    /** {@code file:line:col: message}, or {@code file: message} when there is no line. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + col + ": " + message : file + ": " + message;
    }
}
