package org.crackdown.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.Suggest;

/**
 * Rules that involve more than one key, run after every value has been parsed on its own (in
 * the manner of MATSim's config consistency checkers). Each problem points at the key that
 * breaks the rule: the one written last, or the one a timeline change sets.
 */
final class ScenarioChecks {

    /** Police shares of the same officers; together they may not exceed everyone. */
    static final List<String> POLICE_SHARES = List.of("police.patrol_share", "police.investigation_share",
            "police.dna_share", "police.buyer_share");
    static final double INTENSITY_MAX = 20;
    private static final double SHARE_TOLERANCE = 1e-9;

    private final List<Problem> problems = new ArrayList<>();
    private final Place fallback;

    private ScenarioChecks(Place fallback) {
        this.fallback = fallback;
    }

    /**
     * Checks a merged scenario. {@code merged} maps dotted keys to values in the order they were
     * last written (files of the extends chain from the base, then --set); missing keys, or keys
     * whose values were invalid, are skipped. {@code fallback} is used when a rule is broken by
     * default values alone.
     */
    static List<Problem> check(Map<String, Located<?>> merged, Place fallback) {
        ScenarioChecks c = new ScenarioChecks(fallback);
        c.window(merged);
        c.parameters(merged);
        c.campaigns(merged);
        c.operations(merged);
        c.insideTheRun(merged);
        return c.problems;
    }

    // ------------------------------------------------------------------ simulated and measured period

    private void window(Map<String, Located<?>> m) {
        Located<LocalDate> start = date(m, "start");
        Located<LocalDate> end = date(m, "end");
        Located<LocalDate> from = date(m, "measure.from");
        Located<LocalDate> to = date(m, "measure.to");
        if (start != null && end != null && end.value().isBefore(start.value())) {
            problems.add(end.where().problem("end " + end.value() + " is before start " + start.value()));
        }
        String inside = "; the measured window must lie within start..end";
        if (from != null && start != null && from.value().isBefore(start.value())) {
            problems.add(from.where().problem("measure.from " + from.value() + " is before start " + start.value()
                    + inside));
        }
        if (to != null && end != null && to.value().isAfter(end.value())) {
            problems.add(to.where().problem("measure.to " + to.value() + " is after end " + end.value() + inside));
        }
        LocalDate effectiveFrom = from != null ? from.value() : start != null ? start.value() : null;
        LocalDate effectiveTo = to != null ? to.value() : end != null ? end.value() : null;
        if ((from != null || to != null) && effectiveFrom != null && effectiveTo != null
                && effectiveTo.isBefore(effectiveFrom)) {
            Place w = to != null ? to.where() : from.where();
            problems.add(w.problem("measure.to " + effectiveTo + " is before measure.from " + effectiveFrom));
        }
    }

    @SuppressWarnings("unchecked")
    private static Located<LocalDate> date(Map<String, Located<?>> m, String key) {
        return (Located<LocalDate>) m.get(key);
    }

    // ------------------------------------------------------------------ parameters, over time

    /**
     * Cross-parameter rules must hold at the start and after every timeline date, since a
     * timeline change can break a rule that the starting values satisfy.
     */
    @SuppressWarnings("unchecked")
    private void parameters(Map<String, Located<?>> m) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Place> where = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (ParamSpec s : ParamRegistry.all()) {
            values.put(s.key(), s.defaultValue());
        }
        int n = 0;
        for (Map.Entry<String, Located<?>> e : m.entrySet()) {
            if (values.containsKey(e.getKey())) {
                values.put(e.getKey(), e.getValue().value());
                where.put(e.getKey(), e.getValue().where());
                order.put(e.getKey(), n++);
            }
        }
        crossRules(values, where, order, null, "");
        Located<?> timeline = m.get("timeline");
        if (timeline == null) {
            return;
        }
        List<TimelineDraft> changes = new ArrayList<>((List<TimelineDraft>) timeline.value());
        changes.sort(Comparator.comparing(t -> t.date().value()));
        for (int i = 0; i < changes.size(); ) {
            LocalDate day = changes.get(i).date().value();
            Set<String> changed = new HashSet<>();
            for (; i < changes.size() && changes.get(i).date().value().equals(day); i++) {
                for (Map.Entry<String, Located<Object>> e : changes.get(i).values().entrySet()) {
                    values.put(e.getKey(), e.getValue().value());
                    where.put(e.getKey(), e.getValue().where());
                    order.put(e.getKey(), n++);
                    changed.add(e.getKey());
                }
            }
            crossRules(values, where, order, changed, "from " + day + ": ");
        }
    }

    /** Reports broken rules that involve a key in {@code changed} (all rules when it is null). */
    private void crossRules(Map<String, Object> values, Map<String, Place> where, Map<String, Integer> order,
                            Set<String> changed, String when) {
        if (changed == null || POLICE_SHARES.stream().anyMatch(changed::contains)) {
            double sum = 0;
            StringBuilder terms = new StringBuilder();
            for (String k : POLICE_SHARES) {
                double v = (Double) values.get(k);
                sum += v;
                terms.append(terms.length() == 0 ? "" : " + ").append(k.substring("police.".length())).append(' ')
                        .append(ParamSpec.format(v));
            }
            if (sum > 1 + SHARE_TOLERANCE) {
                problems.add(blame(POLICE_SHARES, where, order, changed).problem(when + "police shares add up to "
                        + ParamSpec.format(Math.round(sum * 1e9) / 1e9) + " (" + terms + "); they divide the same "
                        + "officers, so together they must not exceed 1"));
            }
        }
    }

    /** The key to point at: the one changed (or written) most recently among {@code keys}. */
    private Place blame(List<String> keys, Map<String, Place> where, Map<String, Integer> order,
                        Set<String> changed) {
        String best = null;
        for (String k : keys) {
            if (where.containsKey(k) && (changed == null || changed.contains(k))
                    && (best == null || order.get(k) > order.get(best))) {
                best = k;
            }
        }
        return best == null ? fallback : where.get(best);
    }

    // ------------------------------------------------------------------ dated inputs the run never reaches

    /**
     * A campaign that ends before the run starts or starts after it ends, and a timeline change
     * dated after the last day, would silently do nothing: they are errors, with a hint, since
     * they are usually a typo in a date or a shortened run ({@code --set end=...}). Timeline
     * changes dated before the start are not: they apply at the start, which is documented.
     */
    @SuppressWarnings("unchecked")
    private void insideTheRun(Map<String, Located<?>> m) {
        Located<LocalDate> start = date(m, "start");
        Located<LocalDate> end = date(m, "end");
        if (start == null || end == null || end.value().isBefore(start.value())) {
            return;
        }
        String run = " (the run is " + start.value() + ".." + end.value() + ")";
        Located<?> campaigns = m.get("campaigns");
        if (campaigns != null) {
            for (CampaignDraft c : (List<CampaignDraft>) campaigns.value()) {
                if (c.end().value().isBefore(start.value()) || c.start().value().isAfter(end.value())) {
                    Place at = c.start().where().equals(Place.SET) ? c.start().where()
                            : c.end().where().equals(Place.SET) ? c.end().where() : c.name().where();
                    problems.add(at.problem("campaign '" + c.name().value() + "' (" + c.start().value()
                            + ".." + c.end().value() + ") lies wholly outside the run" + run + ", so it would never "
                            + "act; move its dates or the run's, or remove it"));
                }
            }
        }
        Located<?> timeline = m.get("timeline");
        if (timeline != null) {
            for (TimelineDraft t : (List<TimelineDraft>) timeline.value()) {
                if (t.date().value().isAfter(end.value())) {
                    problems.add(t.date().where().problem("timeline change dated " + t.date().value()
                            + " is after the run's last day" + run + ", so it would never apply; move its date or the "
                            + "run's end, or remove it"));
                }
            }
        }
    }

    // ------------------------------------------------------------------ campaigns

    @SuppressWarnings("unchecked")
    private void campaigns(Map<String, Located<?>> m) {
        Located<?> list = m.get("campaigns");
        if (list == null) {
            return;
        }
        List<String> codes = ProvinceNetwork.china().codes();
        Map<String, Place> names = new LinkedHashMap<>();
        for (CampaignDraft c : (List<CampaignDraft>) list.value()) {
            String label = "campaign '" + c.name().value() + "'";
            Place first = names.putIfAbsent(c.name().value(), c.name().where());
            if (first != null) {
                problems.add(c.name().where().problem(label + ": name already used at " + first.describe()
                        + "; campaign names label outputs, so they must differ"));
            }
            if (c.end().value().isBefore(c.start().value())) {
                // Blame the override that moved one date past the other, not the file's date.
                Place at = c.start().where().equals(Place.SET) && !c.end().where().equals(Place.SET)
                        ? c.start().where() : c.end().where();
                problems.add(at.problem(label + ": end " + c.end().value() + " is before start "
                        + c.start().value()));
            }
            double intensity = c.intensity().value();
            if (intensity < 0 || intensity > INTENSITY_MAX) {
                problems.add(c.intensity().where().problem(label + " intensity: expected a number from 0 to "
                        + ParamSpec.format(INTENSITY_MAX) + " (x routine effort), got '"
                        + ParamSpec.format(intensity) + "'"));
            }
            double halfLife = c.halfLifeDays().value();
            if (halfLife < 0) {
                problems.add(c.halfLifeDays().where().problem(label + " half_life_days: expected a number of days"
                        + " from 0 (0 = no decay), got '" + ParamSpec.format(halfLife) + "'"));
            }
            provinceCodes(c.provinces(), label, codes);
        }
    }

    @SuppressWarnings("unchecked")
    private void operations(Map<String, Located<?>> m) {
        Located<?> list = m.get("operations");
        if (list == null) {
            return;
        }
        List<String> codes = ProvinceNetwork.china().codes();
        Map<String, Place> names = new LinkedHashMap<>();
        for (OperationDraft o : (List<OperationDraft>) list.value()) {
            String label = "operation '" + o.name().value() + "'";
            Place first = names.putIfAbsent(o.name().value(), o.name().where());
            if (first != null) {
                problems.add(o.name().where().problem(label + ": name already used at " + first.describe()
                        + "; operation names label outputs, so they must differ"));
            }
            if (o.officers() != null && (o.officers().value() < 0 || o.officers().value() > 1e6)) {
                problems.add(o.officers().where().problem(label + " officers: expected a number from 0 to 1000000"
                        + " (police mobilised at scale 1; 0 = joint.officers), got '"
                        + ParamSpec.format(o.officers().value()) + "'"));
            }
            provinceCodes(o.codes(), label, codes);
        }
    }

    private void provinceCodes(List<Located<String>> given, String label, List<String> codes) {
        {
            Set<String> seen = new HashSet<>();
            for (Located<String> code : given) {
                if (!codes.contains(code.value())) {
                    List<String> near = Suggest.closest(code.value(), codes, 2);
                    problems.add(code.where().problem(label + ": unknown province code '" + code.value() + "'; "
                            + (near.isEmpty() ? "codes are ISO 3166-2:CN codes like CN-YN (Yunnan); see "
                            + "scenarios/data/provinces.csv" : Suggest.didYouMean(near))));
                } else if (!seen.add(code.value())) {
                    problems.add(code.where().problem(label + ": province '" + code.value() + "' listed twice"));
                }
            }
        }
    }
}
