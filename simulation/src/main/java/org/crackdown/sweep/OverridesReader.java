package org.crackdown.sweep;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.CampaignKeys;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.Setting;
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
 * The overrides of a sweep file: {@code set:} (for every run) and {@code strategies:} (named sets
 * of overrides, each optionally dated {@code from:}), each value checked against its key's rules
 * and kept in canonical form, and the keys a sweep gives in two places ({@link #conflicts}).
 * Problems go to the reader's list, each at its place. Also reads crackdown optimize's
 * {@code set:} and {@code compare:} strategies.
 */
public final class OverridesReader {

    /** The key inside a strategy that dates its overrides (not a scenario key). */
    static final String FROM = "from";

    private final YamlReader r;
    private final List<Problem> problems;

    public OverridesReader(YamlReader r) {
        this.r = r;
        this.problems = r.problems();
    }

    /**
     * A map of scenario keys to single values, nested ({@code police: {budget: 2}}) or dotted,
     * as in scenario files. {@code period}: whether start/end/measure.* are allowed too.
     */
    public List<Setting> settings(Node node, String what, boolean period) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem(what + ": expected a map of scenario keys to values (like "
                    + "{police.budget: 2}), got " + what(node)));
            return List.of();
        }
        List<String> allowed = new ArrayList<>(ParamRegistry.keys());
        if (period) {
            allowed.addAll(SweepFileReader.PERIOD);
        }
        // Campaign keys name a campaign of the scenario, which this reader does not know: they
        // are taken aside, checked for their form here and for the name by the scenario loader.
        List<NodeTuple> parameters = new ArrayList<>();
        List<Setting> campaigns = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && (k.getValue().equals("campaigns")
                    || CampaignKeys.isCampaignKey(k.getValue()))) {
                campaignLeaves(k.getValue(), k, t.getValueNode(), what, campaigns);
            } else {
                parameters.add(t);
            }
        }
        Map<String, Entry> leaves = new LinkedHashMap<>();
        r.flatten(new MappingNode(m.getTag(), true, parameters, m.getStartMark(), m.getEndMark(), m.getFlowStyle()),
                "", new Keys(allowed), what, leaves, k -> null);
        List<Setting> out = new ArrayList<>();
        leaves.forEach((key, e) -> {
            String text = canonical(key, e.value(), what);
            if (text != null) {
                out.add(new Setting(key, text, at(e.key())));
            }
        });
        out.addAll(campaigns);
        return out;
    }

    /**
     * The campaign overrides under {@code path}, nested ({@code campaigns: {national-2009: {start:
     * 2009-01-01}}}) or dotted ({@code campaigns.national-2009.start: 2009-01-01}), as in --set.
     */
    private void campaignLeaves(String path, Node keyNode, Node value, String what, List<Setting> out) {
        if (value instanceof MappingNode sub) {
            for (Entry e : r.unique(sub, what)) {
                campaignLeaves(path + "." + e.path(), e.key(), e.value(), what, out);
            }
            return;
        }
        if (path.equals("campaigns")) {
            problems.add(at(value).problem(what + ": campaigns: expected a map of campaign names to the fields to "
                    + "change, like {national-2009: {start: 2009-01-01}}, got " + what(value)));
            return;
        }
        CampaignKeys.Key k;
        try {
            k = CampaignKeys.parse(path);
        } catch (IllegalArgumentException e) {
            problems.add(at(keyNode).problem(what + ": " + path + ": " + e.getMessage()));
            return;
        }
        String allowed = k.isDate() ? "a date like 2011-01-01" : "a number";
        if (!(value instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            problems.add(at(value).problem(what + ": " + path + ": expected " + allowed + ", got " + what(value)));
            return;
        }
        if (out.stream().anyMatch(x -> x.key().equals(k.key()))) {
            problems.add(at(keyNode).problem(what + ": duplicate key '" + k.key() + "'"));
            return;
        }
        try {
            out.add(new Setting(k.key(), CampaignKeys.canonical(k.field(), s.getValue()), at(keyNode)));
        } catch (IllegalArgumentException e) {
            problems.add(at(value).problem(what + ": " + path + ": " + e.getMessage()));
        }
    }

    /** The value of one override in the form the scenario loader reads back to the same value. */
    private String canonical(String key, Node v, String what) {
        if (!(v instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            problems.add(at(v).problem(what + ": " + key + ": expected " + allowed(key) + ", got " + what(v)));
            return null;
        }
        if (SweepFileReader.PERIOD.contains(key)) {
            try {
                return LocalDate.parse(s.getValue().trim()).toString();
            } catch (DateTimeParseException e) {
                problems.add(at(v).problem(what + ": " + key + ": expected " + allowed(key) + ", got '"
                        + s.getValue() + "'"));
                return null;
            }
        }
        ParamSpec spec = ParamRegistry.find(key).orElseThrow();
        try {
            return ParamSpec.format(spec.parse(raw(s, spec)));
        } catch (IllegalArgumentException e) {
            problems.add(at(v).problem(what + ": " + key + ": " + e.getMessage()));
            return null;
        }
    }

    private static String allowed(String key) {
        return SweepFileReader.PERIOD.contains(key) ? "a date like 2011-01-01"
                : ParamRegistry.find(key).map(ParamSpec::allowed).orElse("a value");
    }

    /** True or false by the one YAML rule for a boolean key; otherwise the text as written. */
    static Object raw(ScalarNode s, ParamSpec spec) {
        Boolean b = spec.kind() == ParamSpec.Kind.BOOLEAN ? YamlReader.yamlBoolean(s.getValue()) : null;
        return b == null ? s.getValue() : b;
    }

    public List<Strategy> strategies(Node node) {
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("strategies: expected a map of strategy names to overrides, like "
                    + "{baseline: {}, double-police: {police.budget: 2}}, got " + what(node)));
            return List.of();
        }
        List<Strategy> out = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple tuple : m.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode nameNode)) {
                problems.add(at(tuple.getKeyNode()).problem("strategies: expected a strategy name, got "
                        + what(tuple.getKeyNode())));
                continue;
            }
            Entry t = new Entry(nameNode.getValue(), nameNode, tuple.getValueNode());
            String name = t.path();
            Node first = seen.putIfAbsent(name, t.key());
            if (first != null) {
                problems.add(at(t.key()).problem("strategies: duplicate strategy " + YamlFiles.quoted(name)
                        + " (first given at line " + at(first).line() + ")"));
                continue;
            }
            if (YamlFiles.nameTooLong(name) != null || !name.matches(SweepFileReader.NAME_PATTERN)) {
                problems.add(at(t.key()).problem("strategies: name " + YamlFiles.quoted(name) + ": "
                        + (YamlFiles.nameTooLong(name) != null ? YamlFiles.nameTooLong(name)
                        : "expected lower-case letters, digits, '.', '_' or '-' (it is part of every run id)")));
                continue;
            }
            Node body = t.value();
            LocalDate from = null;
            if (body instanceof MappingNode sm) {
                List<NodeTuple> rest = new ArrayList<>();
                for (NodeTuple st : sm.getValue()) {
                    if (st.getKeyNode() instanceof ScalarNode k && k.getValue().equals(FROM)) {
                        if (from != null) {
                            problems.add(at(k).problem("strategy '" + name + "': duplicate key 'from'"));
                        }
                        from = r.date(st.getValueNode(), "strategy '" + name + "': from", "a date like 2011-01-01");
                    } else {
                        rest.add(st);
                    }
                }
                body = new MappingNode(sm.getTag(), true, rest, sm.getStartMark(), sm.getEndMark(), sm.getFlowStyle());
            }
            List<Setting> settings = settings(body, "strategy '" + name + "'", false);
            if (from != null) {
                // A dated strategy is a timeline change of parameters; a campaign has dates of its own.
                settings.stream().filter(x -> CampaignKeys.isCampaignKey(x.key())).findFirst().ifPresent(x ->
                        problems.add(x.at().problem("strategy '" + name + "': " + x.key() + " cannot be dated with "
                                + "from: (a campaign has its own dates); give it in a strategy without from:")));
            }
            out.add(new Strategy(name, settings, at(t.key()), from));
        }
        if (m.getValue().isEmpty()) {
            problems.add(at(node).problem("strategies: the map is empty; name at least one strategy (baseline: {}),"
                    + " or leave strategies out for a single one"));
        }
        return out;
    }

    /**
     * A key fixed under set and varied, or varied and overridden by a strategy, would make the
     * runs.csv columns lie about what was run: refuse rather than pick a winner silently.
     */
    void conflicts(List<Setting> set, List<Dimension> vary, List<Strategy> strategies) {
        Map<String, Place> varied = new HashMap<>();
        vary.forEach(d -> varied.put(d.key(), d.at()));
        Map<String, Place> fixed = new HashMap<>();
        set.forEach(s -> fixed.put(s.key(), s.at()));
        BiConsumer<Setting, String> check = (s, who) -> {
            if (varied.containsKey(s.key())) {
                problems.add(s.at().problem(who + ": " + s.key() + " is also varied (line " + varied.get(s.key()).line()
                        + "); a key is either varied or " + (who.equals("set") ? "fixed" : "set by strategies")));
            } else if (!who.equals("set") && fixed.containsKey(s.key())) {
                problems.add(s.at().problem(who + ": " + s.key() + " is also fixed under set (line "
                        + fixed.get(s.key()).line() + "); give it in one place"));
            }
        };
        set.forEach(s -> check.accept(s, "set"));
        strategies.forEach(st -> st.settings().forEach(s -> check.accept(s, "strategy '" + st.name() + "'")));
    }

    private Place at(Node n) {
        return r.at(n);
    }

    private static String what(Node n) {
        return YamlReader.what(n);
    }
}
