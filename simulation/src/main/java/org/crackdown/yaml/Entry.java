package org.crackdown.yaml;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One key of a map as written: its full dotted path (nested groups and dotted keys spelled out),
 * its key node (where messages about the key point) and its value node.
 */
public record Entry(String path, Node key, Node value) {
}
