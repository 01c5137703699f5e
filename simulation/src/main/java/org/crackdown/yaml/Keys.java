package org.crackdown.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys allowed in one kind of YAML map (a whole scenario, a campaign, a sweep file's top
 * level, a targets file's {@code targets}). Keys are dotted paths; every dotted prefix of a key
 * is a group that may be written as a nested map instead, which is how
 * {@code police: {budget: 2}} and {@code police.budget: 2} become the same thing.
 */
public final class Keys {

    private final Set<String> leaves = new LinkedHashSet<>();
    private final Set<String> groups = new LinkedHashSet<>();
    private final String noun;

    /** Keys named "key" in messages. */
    public Keys(Collection<String> keys) {
        this(keys, "key");
    }

    /** Keys named {@code noun} in messages ("unknown summary column 'x'"). */
    public Keys(Collection<String> keys, String noun) {
        this.noun = noun;
        for (String k : keys) {
            leaves.add(k);
            for (int i = k.indexOf('.'); i > 0; i = k.indexOf('.', i + 1)) {
                groups.add(k.substring(0, i));
            }
        }
    }

    /** These keys and {@code more}, named as these are. */
    public Keys plus(Collection<String> more) {
        return new Keys(concat(leaves, more), noun);
    }

    /** The same keys, named {@code noun} in messages. */
    public Keys named(String noun) {
        return new Keys(leaves, noun);
    }

    public boolean isLeaf(String path) {
        return leaves.contains(path);
    }

    public boolean isGroup(String path) {
        return groups.contains(path);
    }

    public List<String> leaves() {
        return List.copyOf(leaves);
    }

    /**
     * Message for a key that is not allowed: the closest valid key written out in full (a
     * misspelling under the same group first, then the same word in another group, e.g.
     * {@code police.child_report_probability}), else the keys valid at that level.
     */
    public String unknownKey(String path, String prefix) {
        List<String> near = nearest(path, prefix);
        String msg = "unknown " + noun + " " + YamlFiles.quoted(path) + "; ";
        if (!near.isEmpty()) {
            return msg + Suggest.didYouMean(near);
        }
        return msg + "valid " + noun + "s " + (prefix.isEmpty() ? "here" : "under '" + prefix + "'") + ": "
                + String.join(", ", childrenOf(prefix));
    }

    /** True if a top-level key is one of these keys, a group of them, or a likely misspelling of one. */
    public boolean knows(String key) {
        int dot = key.indexOf('.');
        String top = dot < 0 ? key : key.substring(0, dot);
        return isLeaf(key) || isGroup(key) || isLeaf(top) || isGroup(top) || !nearest(key, "").isEmpty();
    }

    /** The valid keys closest to a key that is not valid at {@code prefix}; empty if none is close. */
    private List<String> nearest(String path, String prefix) {
        String here = prefix.isEmpty() ? "" : prefix + ".";
        List<String> sameLevel = new ArrayList<>();
        for (String k : concat(groups, leaves)) {
            if (k.startsWith(here)) {
                sameLevel.add(k);
            }
        }
        String typedPart = path.startsWith(here) ? path.substring(here.length()) : path;
        List<String> near = Suggest.closest(path, sameLevel, Suggest.tolerance(typedPart.length()));
        if (near.isEmpty()) {
            String last = lastSegment(path);
            int tol = Suggest.tolerance(last.length());
            int best = Integer.MAX_VALUE;
            for (String k : leaves) {
                int d = Math.abs(last.length() - lastSegment(k).length()) > tol ? Integer.MAX_VALUE
                        : Suggest.distance(last, lastSegment(k));
                if (d <= tol && d < best) {
                    best = d;
                    near = new ArrayList<>();
                }
                if (d <= tol && d == best) {
                    near.add(k);
                }
            }
        }
        return near;
    }

    /** The keys that may be written directly at {@code prefix} (full dotted paths). */
    public List<String> childrenOf(String prefix) {
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
