package org.crackdown.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one scenario file into a {@link Layer}, recording every problem instead of stopping at
 * the first. Works on SnakeYAML's node tree (not on constructed Java objects) so that every
 * problem has a line and column, and so that duplicate keys can be caught.
 */
final class LayerReader {

    private final String file;
    private final List<Problem> problems;
    private final DatedSections dated;

    private LayerReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
        this.dated = new DatedSections(this, file, problems);
    }

    /**
     * Reads {@code path}, shown to the user as {@code file}. {@code from} is the {@code extends}
     * line that named it (null for the file given on the command line); problems opening the file
     * are reported there. Returns null when the file could not be read or parsed at all.
     */
    static Layer read(Path path, String file, Place from, List<Problem> problems) {
        return read(path, file, from, problems, ScenarioFiles.fromDisk());
    }

    /** As {@link #read(Path, String, Place, List)}, taking the file's bytes from {@code files}. */
    static Layer read(Path path, String file, Place from, List<Problem> problems, ScenarioFiles files) {
        if (Files.isDirectory(path) && !files.holds(path)) {
            problems.add(cannotRead(file, from, "it is a directory"));
            return null;
        }
        YamlFiles.Loaded loaded;
        try {
            loaded = YamlFiles.parse(file, files.bytes(path));
        } catch (IOException e) {
            problems.add(cannotRead(file, from, YamlFiles.reason(e)));
            return null;
        }
        if (loaded.failed()) {
            // Syntax errors and limits point into the file that has them, even one reached by extends.
            problems.add(loaded.unreadable() != null ? cannotRead(file, from, loaded.unreadable()) : loaded.problem());
            return null;
        }
        Node root = loaded.root();
        LayerReader reader = new LayerReader(file, problems);
        Layer layer = new Layer(path, file, root == null ? new Place(file, 1, 1) : Place.of(file, root));
        if (root == null) {
            return layer; // an empty file: valid YAML, nothing set
        }
        if (!(root instanceof MappingNode m) || !hasScenarioKey(m)) {
            problems.add(notAScenario(file, from, root));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        reader.flatten(m, Schema.SCENARIO, entries);
        for (Entry e : entries.values()) {
            reader.convertTop(e, layer);
        }
        return layer;
    }

    /**
     * A file that is not a scenario at all (another kind of file, reached by mistake or on
     * purpose through extends, a sweep's base or a targets file's scenario) gets one message with
     * its path only: quoting it could print a secret, and a list of its keys helps nobody.
     */
    private static Problem notAScenario(String file, Place from, Node root) {
        String why = YamlFiles.notA("scenario", root);
        if (from != null) {
            return from.problem("extends: '" + file + "' is " + why);
        }
        return Place.of(file, root).problem(why);
    }

    /** True if some top-level key is a scenario key, a group of them, or a likely misspelling of one. */
    private static boolean hasScenarioKey(MappingNode m) {
        if (m.getValue().isEmpty()) {
            return true; // {}: an empty scenario, like an empty file
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (Schema.SCENARIO.knows(k.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Problem cannotRead(String file, Place from, String why) {
        if (from != null) {
            return from.problem("extends: cannot read '" + file + "': " + why);
        }
        return new Problem(file, 0, 0, "cannot read: " + why);
    }


    /** Walks a map of {@code keys} into full dotted paths, reporting what {@link YamlReader} reports. */
    void flatten(MappingNode m, Keys keys, Map<String, Entry> out) {
        new YamlReader(file, problems).flatten(m, "", keys, "", out, k -> null);
    }

    private void convertTop(Entry e, Layer layer) {
        Place at = Place.of(file, e.key());
        switch (e.path()) {
            case "campaigns" -> {
                List<CampaignDraft> list = dated.campaigns(e);
                if (list == null) {
                    layer.broken.add(e.path());
                } else {
                    layer.values.put(e.path(), new Located<>(list, at));
                }
            }
            case "operations" -> {
                List<OperationDraft> list = dated.operations(e);
                if (list == null) {
                    layer.broken.add(e.path());
                } else {
                    layer.values.put(e.path(), new Located<>(list, at));
                }
            }
            case "timeline" -> {
                List<TimelineDraft> list = dated.timeline(e);
                if (list == null) {
                    layer.broken.add(e.path());
                } else {
                    layer.values.put(e.path(), new Located<>(list, at));
                }
            }
            case "extends" -> {
                String text = scalarText(e.path(), e.value());
                if (text != null && !text.isBlank()) {
                    layer.extendsRef = new Located<>(text.trim(), at);
                } else if (text != null) {
                    problems.add(Place.of(file, e.value()).problem("extends: expected "
                            + Values.allowed("extends") + ", got nothing"));
                }
            }
            default -> {
                Object v = scalar(e.path(), e.value());
                if (v == null) {
                    layer.broken.add(e.path());
                } else {
                    layer.values.put(e.path(), new Located<>(v, at));
                }
            }
        }
    }

    /** Converts a scalar key's value, or reports why not and returns null. */
    Object scalar(String key, Node value) {
        if (!(value instanceof ScalarNode s)) {
            problems.add(Place.of(file, value).problem(key + ": expected " + Values.allowed(key) + ", got "
                    + what(value)));
            return null;
        }
        try {
            return Values.convert(key, raw(s, ParamRegistry.find(key)));
        } catch (IllegalArgumentException ex) {
            problems.add(Place.of(file, value).problem(key + ": " + ex.getMessage()));
            return null;
        }
    }

    /** Text of a scalar (null-valued scalars give ""), or null after reporting a non-scalar. */
    private String scalarText(String key, Node value) {
        if (value instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        problems.add(Place.of(file, value).problem(key + ": expected " + Values.allowed(key) + ", got "
                + what(value)));
        return null;
    }

    /**
     * What to hand to the parser: the text as written, except YAML booleans (yes/on/true...) for
     * a boolean key, and null for an empty value.
     */
    private static Object raw(ScalarNode s, Optional<ParamSpec> spec) {
        if (s.getTag().equals(Tag.NULL)) {
            return s.getValue().isEmpty() || s.getValue().equals("~") ? null : s.getValue();
        }
        if (spec.isPresent() && spec.get().kind() == ParamSpec.Kind.BOOLEAN) {
            Boolean b = YamlReader.yamlBoolean(s.getValue());
            return b == null ? s.getValue() : b;
        }
        return s.getValue();
    }

    /** How to describe a node the user wrote where something else was expected. */
    static String what(Node n) {
        return YamlReader.what(n);
    }

}
