package org.crackdown.scenario;

import java.util.List;

/** A scenario that cannot be run, with every problem found (not only the first). */
public final class ScenarioException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * What a file reader produced, if it found no problem; otherwise this exception with every
     * problem, or with {@code notA} (e.g. "not a targets file") when it found none but read nothing.
     */
    public static <T> T unlessProblems(T read, List<Problem> problems, String file, String notA)
            throws ScenarioException {
        if (!problems.isEmpty() || read == null) {
            throw new ScenarioException(problems.isEmpty() ? List.of(new Problem(file, 0, 0, notA)) : problems);
        }
        return read;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(p);
        }
        return b.toString();
    }
}
