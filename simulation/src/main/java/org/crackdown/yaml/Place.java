package org.crackdown.yaml;

import org.crackdown.scenario.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A place in a YAML file (or the command line) that a problem can point at: 1-based line and
 * column, or line 0 for the file as a whole.
 */
public record Place(String file, int line, int col) {

    /** The command line's {@code --set} overrides: no line. */
    public static final Place SET = new Place(Problem.SET, 0, 0);

    public static Place of(String file, Mark mark) {
        return mark == null ? new Place(file, 0, 0) : new Place(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public static Place of(String file, Node node) {
        return of(file, node.getStartMark());
    }

    public Problem problem(String message) {
        return new Problem(file, line, col, message);
    }

    /** "line 12" for cross references in messages; the file (e.g. "--set") when there is no line. */
    public String describe() {
        return line > 0 ? "line " + line : file;
    }
}
