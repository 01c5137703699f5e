package org.crackdown.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlFiles;

/**
 * Command-line {@code --set key=value} overrides, applied on top of a scenario after its
 * {@code extends} chain is merged: a parameter's starting value or one of the scalars that
 * define the run (name, seed, start, end, measure.from, measure.to).
 */
final class Overrides {

    private Overrides() {
    }

    static void apply(List<String> sets, Map<String, Located<?>> merged, Set<String> broken,
                      List<Problem> problems) {
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                problems.add(Place.SET.problem("expected key=value, like police.budget=2, got " + YamlFiles.quoted(s)));
                continue;
            }
            String key = s.substring(0, eq).trim();
            String text = s.substring(eq + 1).trim();
            if (!Schema.OVERRIDES.isLeaf(key)) {
                problems.add(Place.SET.problem(Schema.OVERRIDES.isGroup(key)
                        ? "'" + key + "' is a group of keys; set one of them: "
                                + String.join(", ", Schema.OVERRIDES.childrenOf(key))
                        : Schema.OVERRIDES.unknownKey(key, "")));
                continue;
            }
            try {
                Object v = Values.convert(key, text);
                merged.remove(key);
                merged.put(key, new Located<>(v, Place.SET));
                broken.remove(key);
            } catch (IllegalArgumentException e) {
                problems.add(Place.SET.problem(key + ": " + e.getMessage()));
                merged.remove(key);
                broken.add(key);
            }
        }
    }
}
