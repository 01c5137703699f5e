package org.crackdown.sweep;

import org.crackdown.scenario.Problem;
import org.yaml.snakeyaml.nodes.Node;

/** A place in a sweep file that a problem can point at (line 0: the file as a whole). */
public record Place(String file, int line, int col) {

    static Place of(String file, Node node) {
        return node.getStartMark() == null ? new Place(file, 0, 0)
                : new Place(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    public Problem problem(String message) {
        return new Problem(file, line, col, message);
    }
}
