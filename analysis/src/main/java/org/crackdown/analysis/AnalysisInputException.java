package org.crackdown.analysis;

/**
 * The input folders or options cannot be analysed. The message is complete and meant for the
 * user: it names the file, line or column and what was expected (the command exits with 2).
 */
public final class AnalysisInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public AnalysisInputException(String message) {
        super(message);
    }

    public AnalysisInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
