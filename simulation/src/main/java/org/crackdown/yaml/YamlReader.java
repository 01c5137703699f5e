package org.crackdown.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.crackdown.scenario.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The typed reading every YAML reader shares, over SnakeYAML's node tree of one file: each read
 * either returns a value or records a problem at the node ({@code file:line:col: label: expected
 * ..., got ...}) and returns null, so a reader reports every problem of a file at once. Readers
 * keep only their schema: which keys, which ranges, which contradictions.
 *
 * <p>Labels name what is read, as the user wrote it ({@code "replicates"}, {@code "targets:
 * women_rescued: source"}); an empty label is the file's top level.
 */
public final class YamlReader {

    private final String file;
    private final List<Problem> problems;

    public YamlReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public String file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Place at(Node n) {
        return Place.of(file, n);
    }

    /** Records a problem at {@code n}. */
    public void problem(Node n, String message) {
        problems.add(at(n).problem(message));
    }

    // ------------------------------------------------------------------ maps

    /**
     * The entries of a map whose keys are written as they are, each a leaf of {@code keys}
     * (dotted keys allowed, nested groups not). Duplicates and unknown keys are reported;
     * {@code hint} may replace the unknown-key message for a key (null: the usual one).
     */
    public Map<String, Entry> entries(MappingNode m, String label, Keys keys, Function<String, String> hint) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : unique(m, label)) {
            if (keys.isLeaf(e.path())) {
                out.put(e.path(), e);
            } else {
                unknown(e, label, keys, "", hint);
            }
        }
        return out;
    }

    /** {@link #entries(MappingNode, String, Keys, Function)} with the usual unknown-key message. */
    public Map<String, Entry> entries(MappingNode m, String label, Keys keys) {
        return entries(m, label, keys, k -> null);
    }

    /**
     * Walks a map, expanding nested groups and dotted keys of {@code keys} into full dotted paths
     * ({@code police: {budget: 2}} and {@code police.budget: 2} are the same entry). Unknown keys,
     * duplicates (also across the nested and dotted forms) and a group given something other than
     * a map are reported.
     */
    public void flatten(MappingNode m, String prefix, Keys keys, String label, Map<String, Entry> out,
                        Function<String, String> hint) {
        for (Entry e : unique(m, label)) {
            String path = prefix.isEmpty() ? e.path() : prefix + "." + e.path();
            Entry earlier = out.get(path);
            if (earlier != null) {
                problem(e.key(), prefixed(label) + "duplicate key '" + path + "' (first given at "
                        + at(earlier.key()).describe() + ")");
            } else if (keys.isLeaf(path)) {
                out.put(path, new Entry(path, e.key(), e.value()));
            } else if (keys.isGroup(path) && e.value() instanceof MappingNode sub) {
                flatten(sub, path, keys, label, out, hint);
            } else if (keys.isGroup(path)) {
                problem(e.value(), prefixed(label) + path + ": expected a map of keys (one of "
                        + String.join(", ", keys.childrenOf(path)) + "), got " + what(e.value()));
            } else {
                unknown(new Entry(path, e.key(), e.value()), label, keys, prefix, hint);
            }
        }
    }

    /** {@link #flatten(MappingNode, String, Keys, String, Map, Function)} from the top, into a new map. */
    public Map<String, Entry> flatten(MappingNode m, Keys keys, String label) {
        Map<String, Entry> out = new LinkedHashMap<>();
        flatten(m, "", keys, label, out, k -> null);
        return out;
    }

    /** A map with at least one entry; null after reporting anything else. */
    public MappingNode nonEmptyMap(Node v, String label, String expected) {
        if (v instanceof MappingNode m && !m.getValue().isEmpty()) {
            return m;
        }
        problem(v, label + ": expected " + expected + ", got " + what(v));
        return null;
    }

    private void unknown(Entry e, String label, Keys keys, String prefix, Function<String, String> hint) {
        String special = hint.apply(e.path());
        problem(e.key(), prefixed(label) + (special != null ? special : keys.unknownKey(e.path(), prefix)));
    }

    /** The map's entries with text keys, in order, duplicates reported and dropped. */
    public List<Entry> unique(MappingNode m, String label) {
        Map<String, Node> seen = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode ks)) {
                problem(t.getKeyNode(), prefixed(label) + "expected a key name, got " + what(t.getKeyNode()));
                continue;
            }
            Node first = seen.putIfAbsent(ks.getValue(), ks);
            if (first != null) {
                problem(ks, prefixed(label) + "duplicate key '" + ks.getValue() + "' (first given at "
                        + at(first).describe() + ")");
                continue;
            }
            out.add(new Entry(ks.getValue(), ks, t.getValueNode()));
        }
        return out;
    }

    private static String prefixed(String label) {
        return label.isEmpty() ? "" : label + ": ";
    }

    // ------------------------------------------------------------------ scalars

    /** True if {@code n} is an empty value ({@code key:}, {@code ~} or {@code null}). */
    public static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /** The text of a scalar, "" for an empty value; null after reporting a map or a list. */
    public String text(Node v, String label, String expected) {
        if (v instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        problem(v, label + ": expected " + expected + ", got " + what(v));
        return null;
    }

    /** Text that must be given: an empty value is reported as a map or a list is; null after reporting. */
    public String requiredText(Node v, String label, String expected) {
        if (isNull(v)) {
            problem(v, label + ": expected " + expected + ", got nothing");
            return null;
        }
        return text(v, label, expected);
    }

    /** A finite number (YAML's {@code 1_000} allowed); null after reporting anything else. */
    public Double number(Node v, String label) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getTag().equals(Tag.BOOL)) {
            try {
                double d = Double.parseDouble(s.getValue().trim().replace("_", ""));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problem(v, label + ": expected a number, got " + what(v));
        return null;
    }

    /** A whole number from {@code min} to {@code max}; null after reporting anything else. */
    public Long integer(Node v, String label, long min, long max) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL) && !s.getTag().equals(Tag.BOOL)) {
            try {
                long n = Long.parseLong(s.getValue().trim().replace("_", ""));
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        String range = max == Long.MAX_VALUE ? "a whole number from " + min
                : "a whole number from " + min + " to " + max;
        problem(v, label + ": expected " + range + ", got " + what(v));
        return null;
    }

    /** A boolean by {@link #yamlBoolean}; null after reporting anything else. */
    public Boolean bool(Node v, String label) {
        if (v instanceof ScalarNode s) {
            Boolean b = yamlBoolean(s.getValue());
            if (b != null) {
                return b;
            }
        }
        problem(v, label + ": expected true or false, got " + what(v));
        return null;
    }

    /**
     * The one rule for true and false in every file crackdown reads, YAML 1.1's as SnakeYAML
     * resolves it: true, yes, on and false, no, off, in any case. Null for anything else.
     */
    public static Boolean yamlBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * One of {@code choices} by its spelling (case ignored), with the nearest spelling suggested;
     * null after reporting anything else.
     */
    public <E> E choice(Node v, String label, Map<String, E> choices) {
        String names = String.join(", ", choices.keySet());
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            String t = s.getValue().trim().toLowerCase(Locale.ROOT);
            E found = choices.get(t);
            if (found != null) {
                return found;
            }
            List<String> near = Suggest.closest(t, choices.keySet(), Suggest.tolerance(t.length()));
            problem(v, label + ": expected one of " + names + ", got " + what(v)
                    + (near.isEmpty() ? "" : "; " + Suggest.didYouMean(near)));
            return null;
        }
        problem(v, label + ": expected one of " + names + ", got " + what(v));
        return null;
    }

    /** The constants of an enum by their lower-case names, for {@link #choice}. */
    public static <E extends Enum<E>> Map<String, E> choices(Class<E> type) {
        Map<String, E> out = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            out.put(e.name().toLowerCase(Locale.ROOT), e);
        }
        return out;
    }

    /** A date like 2011-01-01; null after reporting anything else ({@code expected} names the allowed forms). */
    public LocalDate date(Node v, String label, String expected) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            try {
                return LocalDate.parse(s.getValue().trim());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problem(v, label + ": expected " + expected + ", got " + what(v));
        return null;
    }

    /** How to describe a node the user wrote where something else was expected. */
    public static String what(Node n) {
        if (n instanceof MappingNode) {
            return "a map";
        }
        if (n instanceof SequenceNode q) {
            return q.getValue().isEmpty() ? "an empty list" : "a list";
        }
        ScalarNode s = (ScalarNode) n;
        if (s.getTag().equals(Tag.NULL) && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
            return "nothing";
        }
        return YamlFiles.quoted(s.getValue());
    }
}
