package org.crackdown.scenario;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.crackdown.yaml.Place;

/**
 * What one scenario file says, flattened to dotted keys with typed values, before it is merged
 * with the files it extends. Keys whose values were invalid are listed in {@code broken} so that
 * they hide an inherited value instead of silently falling back to it.
 */
final class Layer {
    final Path path;
    final String file;
    final Place root;
    final Map<String, Located<?>> values = new LinkedHashMap<>();
    final Set<String> broken = new HashSet<>();
    Located<String> extendsRef;

    Layer(Path path, String file, Place root) {
        this.path = path;
        this.file = file;
        this.root = root;
    }
}
