package org.crackdown.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.crackdown.model.ParamRegistry;

/**
 * The keys allowed in one kind of YAML map (a whole scenario, a campaign, a timeline {@code set}).
 * Keys are dotted paths; every dotted prefix of a key is a group that may be written as a nested
 * map instead, which is how {@code police: {budget: 2}} and {@code police.budget: 2} become the
 * same thing.
 */
final class Schema {

    static final List<String> STRUCTURE = List.of("name", "description", "extends", "seed", "start", "end",
            "measure.from", "measure.to", "campaigns", "timeline", "operations");

    /** A whole scenario file: structure, then every parameter. */
    static final Schema SCENARIO = new Schema(concat(STRUCTURE, ParamRegistry.keys()));
    /** A timeline {@code set}, or {@code --set}'s parameter keys: parameters only. */
    static final Schema PARAMETERS = new Schema(ParamRegistry.keys());
    static final Schema CAMPAIGN = new Schema(List.of("name", "start", "end", "provinces", "intensity",
            "half_life_days"));
    static final Schema OPERATION = new Schema(List.of("name", "start", "provinces", "officers"));
    static final Schema TIMELINE_ENTRY = new Schema(List.of("date", "set"));
    /** What {@code --set} may override: parameters and the scalars that define the period. */
    static final Schema OVERRIDES = new Schema(concat(List.of("name", "seed", "start", "end", "measure.from",
            "measure.to"), ParamRegistry.keys()));

    private final Set<String> leaves = new LinkedHashSet<>();
    private final Set<String> groups = new LinkedHashSet<>();

    Schema(Collection<String> keys) {
        for (String k : keys) {
            leaves.add(k);
            for (int i = k.indexOf('.'); i > 0; i = k.indexOf('.', i + 1)) {
                groups.add(k.substring(0, i));
            }
        }
    }

    boolean isLeaf(String path) {
        return leaves.contains(path);
    }

    boolean isGroup(String path) {
        return groups.contains(path);
    }

    /**
     * Message for a key that is not allowed: the closest valid key written out in full (a
     * misspelling under the same group first, then the same word in another group, e.g.
     * {@code police.child_report_probability}), else the keys valid at that level.
     */
    String unknownKey(String path, String prefix) {
        String here = prefix.isEmpty() ? "" : prefix + ".";
        List<String> sameLevel = new ArrayList<>();
        for (String k : concat(groups, leaves)) {
            if (k.startsWith(here)) {
                sameLevel.add(k);
            }
        }
        String typedPart = path.substring(here.length());
        List<String> near = Suggest.closest(path, sameLevel, Suggest.tolerance(typedPart.length()));
        if (near.isEmpty()) {
            String last = lastSegment(path);
            int tol = Suggest.tolerance(last.length());
            int best = Integer.MAX_VALUE;
            for (String k : leaves) {
                int d = Suggest.distance(last, lastSegment(k));
                if (d <= tol && d < best) {
                    best = d;
                    near = new ArrayList<>();
                }
                if (d <= tol && d == best) {
                    near.add(k);
                }
            }
        }
        String msg = "unknown key '" + path + "'; ";
        if (!near.isEmpty()) {
            return msg + Suggest.didYouMean(near);
        }
        return msg + "valid keys " + (prefix.isEmpty() ? "here" : "under '" + prefix + "'") + ": "
                + String.join(", ", childrenOf(prefix));
    }

    /** The keys that may be written directly at {@code prefix} (full dotted paths). */
    List<String> childrenOf(String prefix) {
        String here = prefix.isEmpty() ? "" : prefix + ".";
        Set<String> out = new LinkedHashSet<>();
        for (String k : leaves) {
            if (k.startsWith(here)) {
                int dot = k.indexOf('.', here.length());
                out.add(dot < 0 ? k : k.substring(0, dot));
            }
        }
        return new ArrayList<>(out);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }
}
