package org.crackdown.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.yaml.Place;
import org.crackdown.yaml.Suggest;
import org.crackdown.yaml.YamlFiles;

/**
 * Command-line {@code --set key=value} overrides, applied on top of a scenario after its
 * {@code extends} chain is merged: a parameter's starting value, one of the scalars that
 * define the run (name, seed, start, end, measure.from, measure.to), or a named campaign's
 * start, end, intensity or half-life ({@link CampaignKeys}).
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
            if (CampaignKeys.isCampaignKey(key)) {
                campaign(key, text, merged, broken, problems);
                continue;
            }
            if (!Schema.OVERRIDES.isLeaf(key)) {
                problems.add(Place.SET.problem(Schema.OVERRIDES.isGroup(key)
                        ? "'" + key + "' is a group of keys; set one of them: "
                                + String.join(", ", Schema.OVERRIDES.childrenOf(key))
                        : key.equals("campaigns")
                        ? "campaigns: set one field of one campaign, like " + CampaignKeys.EXAMPLE
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

    /**
     * Replaces one field of the named campaign in the merged list. The value is placed at
     * {@code --set}, so the campaign checks that follow (end before start, intensity range, a
     * campaign outside the run) point at the override rather than at the file.
     */
    @SuppressWarnings("unchecked")
    private static void campaign(String key, String text, Map<String, Located<?>> merged, Set<String> broken,
                                 List<Problem> problems) {
        CampaignKeys.Key k;
        Object value;
        try {
            k = CampaignKeys.parse(key);
            value = CampaignKeys.value(k.field(), text);
        } catch (IllegalArgumentException e) {
            problems.add(Place.SET.problem(key + ": " + e.getMessage()));
            return;
        }
        if (broken.contains("campaigns")) {
            return; // the file's campaigns are wrong, and that is reported where they are written
        }
        Located<?> list = merged.get("campaigns");
        List<CampaignDraft> drafts = list == null ? List.of() : (List<CampaignDraft>) list.value();
        List<String> names = drafts.stream().map(c -> c.name().value()).toList();
        int i = names.indexOf(k.campaign());
        if (i < 0) {
            List<String> near = Suggest.closest(k.campaign(), names, Suggest.tolerance(k.campaign().length()));
            problems.add(Place.SET.problem(key + ": " + (names.isEmpty()
                    ? "the scenario has no campaigns to change (campaigns are written in the scenario file)"
                    : "unknown campaign " + YamlFiles.quoted(k.campaign()) + "; " + (near.isEmpty()
                    ? "the scenario's campaigns are " + String.join(", ", names) : Suggest.didYouMean(near)))));
            return;
        }
        CampaignDraft c = drafts.get(i);
        CampaignDraft changed = c.with(k.field(), value, Place.SET);
        List<CampaignDraft> out = new ArrayList<>(drafts);
        out.set(i, changed);
        merged.put("campaigns", new Located<>(out, list.where()));
    }
}
