package org.crackdown.scenario;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** A place in a scenario file (or the command line) that a problem can point at. */
record Where(String file, int line, int col) {

    static final Where SET = new Where(Problem.SET, 0, 0);

    static Where of(String file, Mark mark) {
        return mark == null ? new Where(file, 0, 0) : new Where(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    static Where of(String file, Node node) {
        return of(file, node.getStartMark());
    }

    Problem problem(String message) {
        return new Problem(file, line, col, message);
    }

    /** "line 12" for cross references in messages; "--set" for the command line. */
    String describe() {
        return line > 0 ? "line " + line : file;
    }
}
