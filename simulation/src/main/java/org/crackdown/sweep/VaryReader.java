package org.crackdown.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.scenario.Problem;
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
 * The {@code vary:} section of a sweep file: for each parameter a list of values or a
 * {@code {from, to, step}} range (design grid), or {@code {min, max}} bounds (designs lhs and
 * sobol), each level checked against the parameter's rules. Problems go to the sweep reader's
 * list, each at its place.
 */
final class VaryReader {

    private final YamlReader r;
    private final List<Problem> problems;

    VaryReader(YamlReader r) {
        this.r = r;
        this.problems = r.problems();
    }

    List<Dimension> vary(Node node, DesignMethod design) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(at(node).problem("vary: expected a map of parameter keys to lists of values"
                    + " or ranges, got " + what(node)));
            return List.of();
        }
        Map<String, Entry> leaves = new LinkedHashMap<>();
        // A map under a parameter key is its range; a map under a group is more keys.
        r.flatten(m, "", new Keys(ParamRegistry.keys()), "vary", leaves, path ->
                SweepFileReader.PERIOD.contains(path) || path.equals("seed") || path.startsWith("measure")
                        ? "'" + path + "' cannot be varied: only parameters can (dates go under set; seeds come "
                        + "from replicates and seeds:)" : null);
        List<Dimension> out = new ArrayList<>();
        leaves.forEach((key, e) -> {
            Dimension d = dimension(ParamRegistry.find(key).orElseThrow(), e.key(), e.value(), design);
            if (d != null) {
                out.add(d);
            }
        });
        return out;
    }

    private Dimension dimension(ParamSpec spec, Node keyNode, Node v, DesignMethod design) {
        String key = spec.key();
        Place place = at(keyNode);
        if (v instanceof SequenceNode seq) {
            if (design != DesignMethod.GRID) {
                problems.add(at(v).problem("vary: " + key + ": design " + design.spelling() + " samples between "
                        + "bounds: write {min: ..., max: ...}; lists are for design: grid"));
                return null;
            }
            return listed(spec, seq, place);
        }
        if (v instanceof MappingNode mm) {
            Map<String, Entry> fields = new LinkedHashMap<>();
            r.unique(mm, "vary: " + key).forEach(e -> fields.put(e.path(), e));
            boolean bounds = fields.containsKey("min") || fields.containsKey("max");
            List<String> allowed = bounds ? List.of("min", "max") : List.of("from", "to", "step");
            boolean ok = true;
            for (Entry f : fields.values()) {
                if (!allowed.contains(f.path())) {
                    problems.add(at(f.key()).problem("vary: " + key + ": " + new Keys(allowed).unknownKey(f.path(), "")
                            + " (in a " + (bounds ? "{min, max} bound" : "{from, to, step} range") + ")"));
                    ok = false;
                }
            }
            for (String required : allowed) {
                if (!fields.containsKey(required)) {
                    problems.add(at(v).problem("vary: " + key + ": missing '" + required + "' (a range is {from, to, "
                            + "step} for design grid, bounds are {min, max} for design lhs or sobol)"));
                    ok = false;
                }
            }
            if (spec.kind() == ParamSpec.Kind.BOOLEAN || spec.kind() == ParamSpec.Kind.CHOICE) {
                problems.add(at(v).problem("vary: " + key + ": is " + spec.allowed() + ", not a number: list its "
                        + "values, like [" + String.join(", ", spec.kind() == ParamSpec.Kind.BOOLEAN
                        ? List.of("true", "false") : spec.choices()) + "] (design grid)"));
                return null;
            }
            if (!ok) {
                return null;
            }
            if (bounds) {
                if (design == DesignMethod.GRID) {
                    problems.add(at(v).problem("vary: " + key + ": {min, max} bounds are for design lhs or sobol; "
                            + "a grid needs a list of values or a {from, to, step} range"));
                    return null;
                }
                return bounded(spec, fields.get("min").value(), fields.get("max").value(), place);
            }
            if (design != DesignMethod.GRID) {
                problems.add(at(v).problem("vary: " + key + ": design " + design.spelling() + " samples between "
                        + "bounds: write {min: ..., max: ...}; {from, to, step} ranges are for design: grid"));
                return null;
            }
            return range(spec, fields, place);
        }
        problems.add(at(v).problem("vary: " + key + ": a single value does not vary: put it under set:, or list "
                + "the values to compare, like [1, 1.5, 2]"));
        return null;
    }

    private Dimension listed(ParamSpec spec, SequenceNode seq, Place place) {
        List<Object> values = new ArrayList<>();
        Map<Object, Node> seen = new HashMap<>();
        boolean ok = true;
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
                problems.add(at(item).problem("vary: " + spec.key() + ": expected " + spec.allowed() + ", got "
                        + what(item)));
                ok = false;
                continue;
            }
            try {
                Object v = spec.parse(raw(s, spec));
                Node first = seen.putIfAbsent(v, item);
                if (first != null) {
                    problems.add(at(item).problem("vary: " + spec.key() + ": value " + ParamSpec.format(v)
                            + " is listed twice (first at line " + at(first).line() + ")"));
                    ok = false;
                } else {
                    values.add(v);
                }
            } catch (IllegalArgumentException e) {
                problems.add(at(item).problem("vary: " + spec.key() + ": " + e.getMessage()));
                ok = false;
            }
        }
        if (seq.getValue().isEmpty()) {
            problems.add(at(seq).problem("vary: " + spec.key() + ": the list is empty; list at least one value"));
            ok = false;
        }
        return ok ? Dimension.listed(spec, Dimension.Form.LIST, values, place) : null;
    }

    /**
     * {@code {from, to, step}}, both ends included. Decimal arithmetic, so {@code 0.1} steps give
     * 0.3, not 0.30000000000000004, and the last level is not lost to rounding.
     */
    private Dimension range(ParamSpec spec, Map<String, Entry> fields, Place place) {
        String key = spec.key();
        BigDecimal from = decimal(fields.get("from").value(), key + " from");
        BigDecimal to = decimal(fields.get("to").value(), key + " to");
        Node stepNode = fields.get("step").value();
        BigDecimal step = decimal(stepNode, key + " step");
        if (from == null || to == null || step == null) {
            return null;
        }
        boolean ok = inRange(spec, from, fields.get("from").value())
                & inRange(spec, to, fields.get("to").value());
        if (step.signum() == 0) {
            problems.add(at(stepNode).problem("vary: " + key + ": step must not be 0"));
            return null;
        }
        int direction = to.compareTo(from);
        if (direction != 0 && direction != step.signum()) {
            problems.add(at(stepNode).problem("vary: " + key + ": step " + step.toPlainString() + " goes "
                    + (step.signum() > 0 ? "up" : "down") + " but to (" + to.toPlainString() + ") is "
                    + (direction > 0 ? "above" : "below") + " from (" + from.toPlainString() + "); use step "
                    + step.negate().toPlainString()));
            return null;
        }
        if (spec.kind() == ParamSpec.Kind.INTEGER) {
            for (Map.Entry<String, BigDecimal> e : Map.of("from", from, "to", to, "step", step).entrySet()) {
                if (e.getValue().stripTrailingZeros().scale() > 0) {
                    problems.add(at(fields.get(e.getKey()).value()).problem("vary: " + key + ": " + e.getKey()
                            + " must be a whole number (" + key + " is " + spec.allowed() + ")"));
                    ok = false;
                }
            }
        }
        if (!ok) {
            return null;
        }
        BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(SweepFileReader.MAX_LEVELS)) > 0) {
            problems.add(at(stepNode).problem("vary: " + key + ": this range has " + count.toPlainString()
                    + " values; at most " + SweepFileReader.MAX_LEVELS + " (use a larger step)"));
            return null;
        }
        List<Object> levels = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            BigDecimal v = from.add(step.multiply(BigDecimal.valueOf(i)));
            levels.add(spec.kind() == ParamSpec.Kind.INTEGER ? (Object) v.intValueExact() : (Object) v.doubleValue());
        }
        return Dimension.listed(spec, Dimension.Form.RANGE, levels, place);
    }

    private boolean inRange(ParamSpec spec, BigDecimal v, Node node) {
        try {
            spec.parse(spec.kind() == ParamSpec.Kind.INTEGER && v.stripTrailingZeros().scale() <= 0
                    ? (Object) v.longValueExact() : (Object) v.doubleValue());
            return true;
        } catch (IllegalArgumentException | ArithmeticException e) {
            problems.add(at(node).problem("vary: " + spec.key() + ": expected " + spec.allowed() + ", got '"
                    + v.toPlainString() + "'"));
            return false;
        }
    }

    private Dimension bounded(ParamSpec spec, Node minNode, Node maxNode, Place place) {
        BigDecimal min = decimal(minNode, spec.key() + " min");
        BigDecimal max = decimal(maxNode, spec.key() + " max");
        if (min == null || max == null) {
            return null;
        }
        boolean ok = inRange(spec, min, minNode) & inRange(spec, max, maxNode);
        if (ok && min.compareTo(max) >= 0) {
            problems.add(at(maxNode).problem("vary: " + spec.key() + ": max (" + max.toPlainString()
                    + ") must be above min (" + min.toPlainString() + ")"));
            ok = false;
        }
        return ok ? Dimension.bounded(spec, min.doubleValue(), max.doubleValue(), place) : null;
    }

    private BigDecimal decimal(Node v, String what) {
        if (v instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            try {
                return new BigDecimal(s.getValue().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(at(v).problem("vary: " + what + ": expected a number, got " + what(v)));
        return null;
    }

    private Place at(Node n) {
        return r.at(n);
    }

    private static String what(Node n) {
        return YamlReader.what(n);
    }

    private static Object raw(ScalarNode s, ParamSpec spec) {
        return OverridesReader.raw(s, spec);
    }
}
