package org.crackdown.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlReader;
import org.crackdown.yaml.YamlFiles;

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
    private void flatten(MappingNode m, Keys keys, Map<String, Entry> out) {
        new YamlReader(file, problems).flatten(m, "", keys, "", out, k -> null);
    }

    private void convertTop(Entry e, Layer layer) {
        Place at = Place.of(file, e.key());
        switch (e.path()) {
            case "campaigns" -> {
                List<CampaignDraft> list = campaigns(e);
                if (list == null) {
                    layer.broken.add(e.path());
                } else {
                    layer.values.put(e.path(), new Located<>(list, at));
                }
            }
            case "operations" -> {
                List<OperationDraft> list = operations(e);
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
    private Object scalar(String key, Node value) {
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

    // ------------------------------------------------------------------ campaigns

    private List<CampaignDraft> campaigns(Entry e) {
        if (!(e.value() instanceof SequenceNode seq)) {
            problems.add(Place.of(file, e.value()).problem("campaigns: expected a list of campaigns "
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
        Place where = Place.of(file, item);
        if (!(item instanceof MappingNode m)) {
            problems.add(where.problem("campaigns: each campaign must be a map of "
                    + String.join(", ", Schema.CAMPAIGN.childrenOf("")) + "; got " + what(item)));
            return null;
        }
        Map<String, Entry> fields = new LinkedHashMap<>();
        flatten(m, Schema.CAMPAIGN, fields);
        String label = "campaign " + index;
        Entry nameEntry = fields.get("name");
        Located<String> name = null;
        if (nameEntry != null) {
            String text = scalarText("campaign name", nameEntry.value(), "a name");
            if (text != null && !text.isBlank()) {
                name = new Located<>(text.trim(), Place.of(file, nameEntry.key()));
                label = "campaign '" + name.value() + "'";
            } else if (text != null) {
                problems.add(Place.of(file, nameEntry.value()).problem(label + " name: expected a name, got nothing"));
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
            return new Located<>(parse.apply(text), Place.of(file, e.key()));
        } catch (IllegalArgumentException ex) {
            problems.add(Place.of(file, e.value()).problem(label + " " + key + ": " + ex.getMessage()));
            return null;
        }
    }

    /** Like {@link #scalarText(String, Node)} for keys that are not scenario keys. */
    private String scalarText(String label, Node value, String allowed) {
        if (value instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        problems.add(Place.of(file, value).problem(label + ": expected " + allowed + ", got " + what(value)));
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
            problems.add(Place.of(file, e.value()).problem(label + " provinces: expected " + allowed + ", got "
                    + what(e.value())));
            return null;
        }
        List<Located<String>> codes = new ArrayList<>();
        boolean ok = true;
        for (Node n : seq.getValue()) {
            if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                codes.add(new Located<>(s.getValue().trim(), Place.of(file, n)));
            } else {
                problems.add(Place.of(file, n).problem(label + " provinces: expected a province code like CN-YN, got "
                        + what(n)));
                ok = false;
            }
        }
        return ok ? codes : null;
    }

    // ------------------------------------------------------------------ joint operations

    private List<OperationDraft> operations(Entry e) {
        if (!(e.value() instanceof SequenceNode seq)) {
            problems.add(Place.of(file, e.value()).problem("operations: expected a list of joint operations "
                    + "(items starting with '- '; [] for none), got " + what(e.value())));
            return null;
        }
        List<OperationDraft> out = new ArrayList<>();
        int index = 0;
        for (Node item : seq.getValue()) {
            index++;
            OperationDraft o = operation(item, index);
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    private OperationDraft operation(Node item, int index) {
        Place where = Place.of(file, item);
        if (!(item instanceof MappingNode m)) {
            problems.add(where.problem("operations: each joint operation must be a map of "
                    + String.join(", ", Schema.OPERATION.childrenOf("")) + "; got " + what(item)));
            return null;
        }
        Map<String, Entry> fields = new LinkedHashMap<>();
        flatten(m, Schema.OPERATION, fields);
        String label = "operation " + index;
        Entry nameEntry = fields.get("name");
        Located<String> name = null;
        if (nameEntry != null) {
            String text = scalarText("operation name", nameEntry.value(), "a name");
            if (text != null && !text.isBlank()) {
                name = new Located<>(text.trim(), Place.of(file, nameEntry.key()));
                label = "operation '" + name.value() + "'";
            } else if (text != null) {
                problems.add(Place.of(file, nameEntry.value()).problem(label + " name: expected a name, got nothing"));
            }
        }
        boolean ok = name != null;
        Located<LocalDate> start = campaignField(fields, "start", label, Values::date);
        Located<Double> officers = fields.containsKey("officers")
                ? campaignField(fields, "officers", label, Values::number) : null;
        ok &= !fields.containsKey("officers") || officers != null;
        List<Located<String>> codes = List.of();
        Located<Integer> count = null;
        Entry prov = fields.get("provinces");
        if (prov != null && prov.value() instanceof ScalarNode) {
            Located<Double> n = campaignField(fields, "provinces", label, Values::number);
            if (n != null && (n.value() != Math.rint(n.value()) || n.value() < 1 || n.value() > 31)) {
                problems.add(Place.of(file, prov.value()).problem(label + " provinces: expected a list of province "
                        + "codes like [CN-YN, CN-SC] or a whole number of provinces from 1 to 31, got '"
                        + ParamSpec.format(n.value()) + "'"));
                n = null;
            }
            count = n == null ? null : new Located<>(n.value().intValue(), n.where());
        } else if (prov != null) {
            codes = provinces(prov, label);
            count = codes == null ? null : new Located<>(codes.size(), Place.of(file, prov.key()));
        }
        for (String required : List.of("name", "start", "provinces")) {
            if (!fields.containsKey(required)) {
                problems.add(where.problem(label + ": missing key '" + required + "'"));
                ok = false;
            }
        }
        ok &= start != null && codes != null && count != null;
        return ok ? new OperationDraft(name, start, codes, count, officers, where) : null;
    }

    // ------------------------------------------------------------------ timeline

    private List<TimelineDraft> timeline(Entry e) {
        if (!(e.value() instanceof SequenceNode seq)) {
            problems.add(Place.of(file, e.value()).problem("timeline: expected a list of dated changes "
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
        Place where = Place.of(file, item);
        if (!(item instanceof MappingNode m)) {
            problems.add(where.problem("timeline: each change must be a map with 'date' and 'set'; got "
                    + what(item)));
            return null;
        }
        Map<String, Entry> fields = new LinkedHashMap<>();
        flatten(m, Schema.TIMELINE_ENTRY, fields);
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
                    date = new Located<>(Values.date(text), Place.of(file, d.key()));
                } catch (IllegalArgumentException ex) {
                    problems.add(Place.of(file, d.value()).problem("timeline date: " + ex.getMessage()));
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
            problems.add(Place.of(file, s.value()).problem("timeline set: expected a map of parameter keys to "
                    + "new values, like {dna.enabled: true}; got " + what(s.value())));
            ok = false;
        } else {
            Map<String, Entry> params = new LinkedHashMap<>();
            int before = problems.size();
            flatten(sm, Schema.PARAMETERS, params);
            ok &= problems.size() == before;
            for (Entry p : params.values()) {
                Object v = scalar(p.path(), p.value());
                if (v == null) {
                    ok = false;
                } else {
                    values.put(p.path(), new Located<>(v, Place.of(file, p.key())));
                }
            }
        }
        return ok ? new TimelineDraft(date, values, where) : null;
    }

    static String what(Node n) {
        return YamlReader.what(n);
    }

}
