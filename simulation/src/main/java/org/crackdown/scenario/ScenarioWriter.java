package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Campaign;
import org.crackdown.model.JointOperation;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.model.TimelineChange;

/**
 * Writes a loaded scenario back out in full: every parameter with its value, not only the ones a
 * file changed, so that a run folder records exactly what was simulated. {@link #toYaml} is
 * accepted by {@link ScenarioLoader} and loads back to an equal scenario.
 */
public final class ScenarioWriter {

    private ScenarioWriter() {
    }

    /**
     * The scenario as an ordered nested map for JSON: name, description, seed, start, end,
     * measure, every parameter under its dotted groups, campaigns, timeline. Dates are ISO
     * strings, choices lower-case, numbers and booleans stay typed.
     */
    public static Map<String, Object> toMap(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("description", s.description());
        m.put("seed", s.seed());
        m.put("start", iso(s.start()));
        m.put("end", iso(s.end()));
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("from", iso(s.measureFrom()));
        measure.put("to", iso(s.measureTo()));
        m.put("measure", measure);
        for (ParamSpec spec : ParamRegistry.all()) {
            putNested(m, spec.key(), plain(spec.get(s.parameters())));
        }
        List<Object> campaigns = new ArrayList<>();
        for (Campaign c : s.campaigns()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("name", c.name());
            cm.put("start", iso(c.start()));
            cm.put("end", iso(c.end()));
            cm.put("provinces", c.provinces().isEmpty() ? "all" : List.copyOf(c.provinces()));
            cm.put("intensity", c.intensity());
            cm.put("half_life_days", c.halfLifeDays());
            campaigns.add(cm);
        }
        m.put("campaigns", campaigns);
        List<Object> timeline = new ArrayList<>();
        for (TimelineChange t : s.timeline()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("date", iso(t.date()));
            Map<String, Object> set = new LinkedHashMap<>();
            t.values().forEach((k, v) -> set.put(k, plain(v)));
            tm.put("set", set);
            timeline.add(tm);
        }
        m.put("timeline", timeline);
        if (!s.operations().isEmpty()) {
            List<Object> ops = new ArrayList<>();
            for (JointOperation o : s.operations()) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("name", o.name());
                om.put("start", iso(o.start()));
                om.put("provinces", o.provinces().isEmpty() ? (Object) o.provinceCount() : List.copyOf(o.provinces()));
                om.put("officers", o.officers());
                ops.add(om);
            }
            m.put("operations", ops);
        }
        return m;
    }

    /** The scenario as a self-contained YAML file (no {@code extends}) in the loader's format. */
    public static String toYaml(Scenario s) {
        StringBuilder b = new StringBuilder();
        b.append("name: ").append(quote(s.name())).append('\n');
        b.append("description: ").append(quote(s.description())).append('\n');
        b.append("seed: ").append(s.seed()).append('\n');
        b.append("start: ").append(iso(s.start())).append('\n');
        b.append("end: ").append(iso(s.end())).append('\n');
        b.append("measure:\n");
        b.append("  from: ").append(iso(s.measureFrom())).append('\n');
        b.append("  to: ").append(iso(s.measureTo())).append('\n');
        // Grouped by first appearance, so a group is written once even if its keys are not
        // declared together (a repeated group would be a duplicate key).
        Map<String, List<ParamSpec>> groups = new LinkedHashMap<>();
        for (ParamSpec spec : ParamRegistry.all()) {
            int dot = spec.key().lastIndexOf('.');
            groups.computeIfAbsent(dot < 0 ? "" : spec.key().substring(0, dot), g -> new ArrayList<>()).add(spec);
        }
        for (Map.Entry<String, List<ParamSpec>> g : groups.entrySet()) {
            String indent = g.getKey().isEmpty() ? "" : "  ";
            if (!g.getKey().isEmpty()) {
                b.append(g.getKey()).append(":\n");
            }
            for (ParamSpec spec : g.getValue()) {
                b.append(indent).append(spec.key().substring(g.getKey().isEmpty() ? 0 : g.getKey().length() + 1))
                        .append(": ").append(ParamSpec.format(spec.get(s.parameters()))).append('\n');
            }
        }
        b.append(campaignsYaml(s.campaigns()));
        if (s.timeline().isEmpty()) {
            b.append("timeline: []\n");
        } else {
            b.append("timeline:\n");
            for (TimelineChange t : s.timeline()) {
                b.append("  - date: ").append(iso(t.date())).append('\n');
                b.append("    set:\n");
                t.values().forEach((k, v) ->
                        b.append("      ").append(k).append(": ").append(ParamSpec.format(v)).append('\n'));
            }
        }
        if (!s.operations().isEmpty()) {
            b.append("operations:\n");
            for (JointOperation o : s.operations()) {
                b.append("  - name: ").append(quote(o.name())).append('\n');
                b.append("    start: ").append(iso(o.start())).append('\n');
                b.append("    provinces: ").append(o.provinces().isEmpty() ? String.valueOf(o.provinceCount())
                        : "[" + String.join(", ", o.provinces()) + "]").append('\n');
                b.append("    officers: ").append(ParamSpec.format(o.officers())).append('\n');
            }
        }
        return b.toString();
    }

    /** The {@code campaigns:} list of a scenario file, in full ({@code campaigns: []} for none). */
    public static String campaignsYaml(List<Campaign> campaigns) {
        if (campaigns.isEmpty()) {
            return "campaigns: []\n";
        }
        StringBuilder b = new StringBuilder("campaigns:\n");
        for (Campaign c : campaigns) {
            b.append("  - name: ").append(quote(c.name())).append('\n');
            b.append("    start: ").append(iso(c.start())).append('\n');
            b.append("    end: ").append(iso(c.end())).append('\n');
            b.append("    provinces: ")
                    .append(c.provinces().isEmpty() ? "all" : "[" + String.join(", ", c.provinces()) + "]")
                    .append('\n');
            b.append("    intensity: ").append(ParamSpec.format(c.intensity())).append('\n');
            b.append("    half_life_days: ").append(ParamSpec.format(c.halfLifeDays())).append('\n');
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void putNested(Map<String, Object> root, String dottedKey, Object value) {
        String[] parts = dottedKey.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        m.put(parts[parts.length - 1], value);
    }

    /** JSON-friendly value: choices as their scenario spelling, everything else unchanged. */
    private static Object plain(Object v) {
        return v instanceof Enum<?> ? ParamSpec.format(v) : v;
    }

    private static String iso(LocalDate d) {
        return d.toString();
    }

    /** A YAML double-quoted scalar, so that no text can be mistaken for a number or a date. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
