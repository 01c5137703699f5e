package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.crackdown.model.ParamSpec;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The dated lists of a scenario file: {@code campaigns}, joint {@code operations} and the
 * {@code timeline} of parameter changes. Each item is read into a draft with its place; the
 * checks that need the whole scenario (dates within the run, province codes) are
 * {@link ScenarioChecks}'.
 */
final class DatedSections {

    private final LayerReader owner;
    private final String file;
    private final List<Problem> problems;

    DatedSections(LayerReader owner, String file, List<Problem> problems) {
        this.owner = owner;
        this.file = file;
        this.problems = problems;
    }

    /** The item's name, or null (after reporting an empty one). */
    private Located<String> name(Map<String, Entry> fields, String kind, int index) {
        Entry nameEntry = fields.get("name");
        if (nameEntry == null) {
            return null;
        }
        String text = scalarText(kind + " name", nameEntry.value(), "a name");
        if (text != null && !text.isBlank()) {
            return new Located<>(text.trim(), Place.of(file, nameEntry.key()));
        }
        if (text != null) {
            problems.add(Place.of(file, nameEntry.value()).problem(kind + " " + index
                    + " name: expected a name, got nothing"));
        }
        return null;
    }

    /** The items of a list section, each read given its 1-based position; null if the section is not a list. */
    private <T> List<T> items(Entry e, String expected, BiFunction<Node, Integer, T> read) {
        if (!(e.value() instanceof SequenceNode seq)) {
            problems.add(Place.of(file, e.value()).problem(e.path() + ": expected " + expected + ", got "
                    + what(e.value())));
            return null;
        }
        List<T> out = new ArrayList<>();
        int index = 0;
        for (Node item : seq.getValue()) {
            T t = read.apply(item, ++index);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** An item's fields by full key; null after reporting an item that is not a map. */
    private Map<String, Entry> fields(Node item, Keys keys, String notAMap) {
        if (!(item instanceof MappingNode m)) {
            problems.add(Place.of(file, item).problem(notAMap + "; got " + what(item)));
            return null;
        }
        Map<String, Entry> fields = new LinkedHashMap<>();
        owner.flatten(m, keys, fields);
        return fields;
    }

    /** How messages name an item: by its name, else by its position ("campaign 2"). */
    private static String label(String kind, int index, Located<String> name) {
        return name == null ? kind + " " + index : kind + " '" + name.value() + "'";
    }

    List<CampaignDraft> campaigns(Entry e) {
        return items(e, "a list of campaigns (items starting with '- '; [] for none)", this::campaign);
    }

    private CampaignDraft campaign(Node item, int index) {
        Place where = Place.of(file, item);
        Map<String, Entry> fields = fields(item, Schema.CAMPAIGN, "campaigns: each campaign must be a map of "
                + String.join(", ", Schema.CAMPAIGN.childrenOf("")));
        if (fields == null) {
            return null;
        }
        Located<String> name = name(fields, "campaign", index);
        String label = label("campaign", index, name);
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

    List<OperationDraft> operations(Entry e) {
        return items(e, "a list of joint operations (items starting with '- '; [] for none)", this::operation);
    }

    private OperationDraft operation(Node item, int index) {
        Place where = Place.of(file, item);
        Map<String, Entry> fields = fields(item, Schema.OPERATION, "operations: each joint operation must be a map "
                + "of " + String.join(", ", Schema.OPERATION.childrenOf("")));
        if (fields == null) {
            return null;
        }
        Located<String> name = name(fields, "operation", index);
        String label = label("operation", index, name);
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

    List<TimelineDraft> timeline(Entry e) {
        return items(e, "a list of dated changes (items '- date: ...' with 'set: ...'; [] for none)",
                (item, index) -> timelineEntry(item));
    }

    private TimelineDraft timelineEntry(Node item) {
        Place where = Place.of(file, item);
        Map<String, Entry> fields = fields(item, Schema.TIMELINE_ENTRY,
                "timeline: each change must be a map with 'date' and 'set'");
        if (fields == null) {
            return null;
        }
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
            owner.flatten(sm, Schema.PARAMETERS, params);
            ok &= problems.size() == before;
            for (Entry p : params.values()) {
                Object v = owner.scalar(p.path(), p.value());
                if (v == null) {
                    ok = false;
                } else {
                    values.put(p.path(), new Located<>(v, Place.of(file, p.key())));
                }
            }
        }
        return ok ? new TimelineDraft(date, values, where) : null;
    }

    private static String what(Node n) {
        return YamlReader.what(n);
    }
}
