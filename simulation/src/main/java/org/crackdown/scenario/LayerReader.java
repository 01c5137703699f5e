package org.crackdown.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one scenario file into a {@link Layer}, recording every problem instead of stopping at
 * the first. Works on SnakeYAML's node tree (not on constructed Java objects) so that every
 * problem has a line and column, and so that duplicate keys can be caught.
 */
final class LayerReader {

    private final String file;
    private final List<Problem> problems;

    private LayerReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * Reads {@code path}, shown to the user as {@code file}. {@code from} is the {@code extends}
     * line that named it (null for the file given on the command line); problems opening the file
     * are reported there. Returns null when the file could not be read or parsed at all.
     */
    static Layer read(Path path, String file, Where from, List<Problem> problems) {
        return read(path, file, from, problems, ScenarioFiles.fromDisk());
    }

    /** As {@link #read(Path, String, Where, List)}, taking the file's bytes from {@code files}. */
    static Layer read(Path path, String file, Where from, List<Problem> problems, ScenarioFiles files) {
        if (Files.isDirectory(path) && !files.holds(path)) {
            problems.add(cannotRead(file, from, "it is a directory"));
            return null;
        }
        Node root;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(files.bytes(path)),
                StandardCharsets.UTF_8.newDecoder())) {
            root = new Yaml().compose(r);
        } catch (MarkedYAMLException e) {
            problems.add(syntaxError(file, e));
            return null;
        } catch (YAMLException e) {
            String why = e.getCause() instanceof IOException io ? YamlFiles.reason(io) : e.getMessage();
            problems.add(cannotRead(file, from, why));
            return null;
        } catch (IOException e) {
            problems.add(cannotRead(file, from, YamlFiles.reason(e)));
            return null;
        }
        LayerReader reader = new LayerReader(file, problems);
        Layer layer = new Layer(path, file, root == null ? new Where(file, 1, 1) : Where.of(file, root));
        if (root == null) {
            return layer; // an empty file: valid YAML, nothing set
        }
        if (!(root instanceof MappingNode m)) {
            problems.add(Where.of(file, root).problem("expected a map of scenario keys (key: value lines), got "
                    + what(root)));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        reader.flatten(m, "", Schema.SCENARIO, entries);
        for (Entry e : entries.values()) {
            reader.convertTop(e, layer);
        }
        return layer;
    }

    private static Problem cannotRead(String file, Where from, String why) {
        if (from != null) {
            return from.problem("extends: cannot read '" + file + "': " + why);
        }
        return new Problem(file, 0, 0, "cannot read: " + why);
    }


    private static Problem syntaxError(String file, MarkedYAMLException e) {
        StringBuilder msg = new StringBuilder("YAML syntax error: ").append(e.getProblem());
        if (e.getContext() != null) {
            msg.append(" (").append(e.getContext());
            if (e.getContextMark() != null) {
                msg.append(" at line ").append(e.getContextMark().getLine() + 1);
            }
            msg.append(')');
        }
        return Where.of(file, e.getProblemMark()).problem(msg.toString());
    }

    /** One leaf key as written: its full dotted path, key node and value node. */
    private record Entry(String path, Node keyNode, Node value) {
    }

    /**
     * Walks a map, expanding nested groups and dotted keys into full dotted paths. Unknown keys,
     * duplicates (also across the nested and dotted forms) and maps written where a value
     * belongs are reported here.
     */
    private void flatten(MappingNode m, String prefix, Schema schema, Map<String, Entry> out) {
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node keyNode = t.getKeyNode();
            Node value = t.getValueNode();
            if (!(keyNode instanceof ScalarNode ks)) {
                problems.add(Where.of(file, keyNode).problem("expected a key name, got " + what(keyNode)));
                continue;
            }
            String key = ks.getValue();
            Node first = seen.putIfAbsent(key, keyNode);
            if (first != null) {
                problems.add(Where.of(file, keyNode).problem("duplicate key '" + key + "' (first given at "
                        + Where.of(file, first).describe() + ")"));
                continue;
            }
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (schema.isLeaf(path)) {
                Entry earlier = out.get(path);
                if (earlier != null) {
                    problems.add(Where.of(file, keyNode).problem("duplicate key '" + path + "' (first given at "
                            + Where.of(file, earlier.keyNode()).describe() + ")"));
                } else {
                    out.put(path, new Entry(path, keyNode, value));
                }
            } else if (schema.isGroup(path)) {
                if (value instanceof MappingNode sub) {
                    flatten(sub, path, schema, out);
                } else {
                    problems.add(Where.of(file, value).problem(path + ": expected a map of keys (one of "
                            + String.join(", ", schema.childrenOf(path)) + "), got " + what(value)));
                }
            } else {
                problems.add(Where.of(file, keyNode).problem(schema.unknownKey(path, prefix)));
            }
        }
    }

    private void convertTop(Entry e, Layer layer) {
        Where at = Where.of(file, e.keyNode());
        switch (e.path()) {
            case "campaigns" -> {
                List<CampaignDraft> list = campaigns(e);
                if (list == null) {
                    layer.broken.add(e.path());
                } else {
                    layer.values.put(e.path(), new Located<>(list, at));
                }
            }
            case "timeline" -> {
                List<TimelineDraft> list = timeline(e);
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
                    problems.add(Where.of(file, e.value()).problem("extends: expected "
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
    private Object scalar(String key, Node value) {
        if (!(value instanceof ScalarNode s)) {
            problems.add(Where.of(file, value).problem(key + ": expected " + Values.allowed(key) + ", got "
                    + what(value)));
            return null;
        }
        try {
            return Values.convert(key, raw(s, ParamRegistry.find(key)));
        } catch (IllegalArgumentException ex) {
            problems.add(Where.of(file, value).problem(key + ": " + ex.getMessage()));
            return null;
        }
    }

    /** Text of a scalar (null-valued scalars give ""), or null after reporting a non-scalar. */
    private String scalarText(String key, Node value) {
        if (value instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        problems.add(Where.of(file, value).problem(key + ": expected " + Values.allowed(key) + ", got "
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
        if (s.getTag().equals(Tag.BOOL) && spec.isPresent() && spec.get().kind() == ParamSpec.Kind.BOOLEAN) {
            return Values.yamlTrue(s.getValue());
        }
        return s.getValue();
    }

    // ------------------------------------------------------------------ campaigns

    private List<CampaignDraft> campaigns(Entry e) {
        if (!(e.value() instanceof SequenceNode seq)) {
            problems.add(Where.of(file, e.value()).problem("campaigns: expected a list of campaigns "
                    + "(items starting with '- '; [] for none), got " + what(e.value())));
            return null;
        }
        List<CampaignDraft> out = new ArrayList<>();
        int index = 0;
        for (Node item : seq.getValue()) {
            index++;
            CampaignDraft c = campaign(item, index);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private CampaignDraft campaign(Node item, int index) {
        Where where = Where.of(file, item);
        if (!(item instanceof MappingNode m)) {
            problems.add(where.problem("campaigns: each campaign must be a map of "
                    + String.join(", ", Schema.CAMPAIGN.childrenOf("")) + "; got " + what(item)));
            return null;
        }
        Map<String, Entry> fields = new LinkedHashMap<>();
        flatten(m, "", Schema.CAMPAIGN, fields);
        String label = "campaign " + index;
        Entry nameEntry = fields.get("name");
        Located<String> name = null;
        if (nameEntry != null) {
            String text = scalarText("campaign name", nameEntry.value(), "a name");
            if (text != null && !text.isBlank()) {
                name = new Located<>(text.trim(), Where.of(file, nameEntry.keyNode()));
                label = "campaign '" + name.value() + "'";
            } else if (text != null) {
                problems.add(Where.of(file, nameEntry.value()).problem(label + " name: expected a name, got nothing"));
            }
        }
        boolean ok = name != null;
        Located<LocalDate> start = campaignField(fields, "start", label, Values::date);
        Located<LocalDate> end = campaignField(fields, "end", label, Values::date);
        Located<Double> intensity = campaignField(fields, "intensity", label, Values::number);
        Located<Double> halfLife = fields.containsKey("half_life_days")
                ? campaignField(fields, "half_life_days", label, Values::number)
                : new Located<>(0.0, where);
        List<Located<String>> provinces = provinces(fields.get("provinces"), label);
        for (String required : List.of("name", "start", "end", "provinces", "intensity")) {
            if (!fields.containsKey(required)) {
                problems.add(where.problem(label + ": missing key '" + required + "'"));
                ok = false;
            }
        }
        ok &= start != null && end != null && intensity != null && halfLife != null && provinces != null;
        return ok ? new CampaignDraft(name, start, end, provinces, intensity, halfLife, where) : null;
    }

    private <T> Located<T> campaignField(Map<String, Entry> fields, String key, String label,
                                         java.util.function.Function<String, T> parse) {
        Entry e = fields.get(key);
        if (e == null) {
            return null;
        }
        String text = scalarText(label + " " + key, e.value(), key.equals("start") || key.equals("end")
                ? Values.DATE_ALLOWED : "a number");
        if (text == null) {
            return null;
        }
        try {
            return new Located<>(parse.apply(text), Where.of(file, e.keyNode()));
        } catch (IllegalArgumentException ex) {
            problems.add(Where.of(file, e.value()).problem(label + " " + key + ": " + ex.getMessage()));
            return null;
        }
    }

    /** Like {@link #scalarText(String, Node)} for keys that are not scenario keys. */
    private String scalarText(String label, Node value, String allowed) {
        if (value instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        problems.add(Where.of(file, value).problem(label + ": expected " + allowed + ", got " + what(value)));
        return null;
    }

    /** "all" gives an empty list (= every province); codes are checked by {@link ScenarioChecks}. */
    private List<Located<String>> provinces(Entry e, String label) {
        if (e == null) {
            return null;
        }
        String allowed = "'all' or a list of province codes like [CN-YN, CN-SC]";
        if (e.value() instanceof ScalarNode s && s.getValue().trim().toLowerCase(Locale.ROOT).equals("all")) {
            return List.of();
        }
        if (!(e.value() instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(Where.of(file, e.value()).problem(label + " provinces: expected " + allowed + ", got "
                    + what(e.value())));
            return null;
        }
        List<Located<String>> codes = new ArrayList<>();
        boolean ok = true;
        for (Node n : seq.getValue()) {
            if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                codes.add(new Located<>(s.getValue().trim(), Where.of(file, n)));
            } else {
                problems.add(Where.of(file, n).problem(label + " provinces: expected a province code like CN-YN, got "
                        + what(n)));
                ok = false;
            }
        }
        return ok ? codes : null;
    }

    // ------------------------------------------------------------------ timeline

    private List<TimelineDraft> timeline(Entry e) {
        if (!(e.value() instanceof SequenceNode seq)) {
            problems.add(Where.of(file, e.value()).problem("timeline: expected a list of dated changes "
                    + "(items '- date: ...' with 'set: ...'; [] for none), got " + what(e.value())));
            return null;
        }
        List<TimelineDraft> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            TimelineDraft t = timelineEntry(item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private TimelineDraft timelineEntry(Node item) {
        Where where = Where.of(file, item);
        if (!(item instanceof MappingNode m)) {
            problems.add(where.problem("timeline: each change must be a map with 'date' and 'set'; got "
                    + what(item)));
            return null;
        }
        Map<String, Entry> fields = new LinkedHashMap<>();
        flatten(m, "", Schema.TIMELINE_ENTRY, fields);
        boolean ok = true;
        Located<LocalDate> date = null;
        Entry d = fields.get("date");
        if (d == null) {
            problems.add(where.problem("timeline: missing key 'date'"));
            ok = false;
        } else {
            String text = scalarText("timeline date", d.value(), Values.DATE_ALLOWED);
            if (text == null) {
                ok = false;
            } else {
                try {
                    date = new Located<>(Values.date(text), Where.of(file, d.keyNode()));
                } catch (IllegalArgumentException ex) {
                    problems.add(Where.of(file, d.value()).problem("timeline date: " + ex.getMessage()));
                    ok = false;
                }
            }
        }
        Map<String, Located<Object>> values = new LinkedHashMap<>();
        Entry s = fields.get("set");
        if (s == null) {
            problems.add(where.problem("timeline: missing key 'set' (the parameters that change on 'date')"));
            ok = false;
        } else if (!(s.value() instanceof MappingNode sm) || sm.getValue().isEmpty()) {
            problems.add(Where.of(file, s.value()).problem("timeline set: expected a map of parameter keys to "
                    + "new values, like {dna.enabled: true}; got " + what(s.value())));
            ok = false;
        } else {
            Map<String, Entry> params = new LinkedHashMap<>();
            int before = problems.size();
            flatten(sm, "", Schema.PARAMETERS, params);
            ok &= problems.size() == before;
            for (Entry p : params.values()) {
                Object v = scalar(p.path(), p.value());
                if (v == null) {
                    ok = false;
                } else {
                    values.put(p.path(), new Located<>(v, Where.of(file, p.keyNode())));
                }
            }
        }
        return ok ? new TimelineDraft(date, values, where) : null;
    }

    /** How to describe a node the user wrote where something else was expected. */
    static String what(Node n) {
        if (n instanceof MappingNode) {
            return "a map";
        }
        if (n instanceof SequenceNode) {
            return ((SequenceNode) n).getValue().isEmpty() ? "an empty list" : "a list";
        }
        ScalarNode s = (ScalarNode) n;
        if (s.getTag().equals(Tag.NULL) && (s.getValue().isEmpty() || s.getValue().equals("~"))) {
            return "nothing";
        }
        return "'" + s.getValue() + "'";
    }
}
