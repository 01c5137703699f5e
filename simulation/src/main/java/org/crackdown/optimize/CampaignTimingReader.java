package org.crackdown.optimize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crackdown.scenario.CampaignKeys;
import org.crackdown.yaml.Entry;
import org.crackdown.yaml.Keys;
import org.crackdown.yaml.Place;
import org.crackdown.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** An optimize file's {@code decisions: campaigns}, read for {@link OptimizeReader}. */
final class CampaignTimingReader {

    static final List<String> TIMING_KEYS = List.of("start", "length_days");
    /** Longest campaign length a search may try: a century, beyond any run. */
    static final int LONGEST_DAYS = 36_500;

    private final YamlReader r;

    CampaignTimingReader(YamlReader r) {
        this.r = r;
    }

    /**
     * {@code campaigns: {NAME: {start: {min: DATE, max: DATE}, length_days: {min: N, max: N}}}}:
     * whether NAME is a campaign of the scenario, and whether the bounds keep it inside the run,
     * is checked when the scenario is loaded ({@link OptimizeRun#prepare}).
     */
    List<CampaignTiming> read(Node node, Map<String, Place> decided) {
        List<CampaignTiming> timings = new ArrayList<>();
        String example = "{national-2009: {start: {min: 2008-04-01, max: 2011-06-30}}}";
        MappingNode m = map(node, "decisions: campaigns", example);
        if (m == null) {
            return timings;
        }
        for (Entry e : r.unique(m, "decisions: campaigns")) {
            String name = e.path();
            String where = "decisions: campaigns: " + name;
            MappingNode cm = map(e.value(), where, "{start: {min: 2008-04-01, max: 2011-06-30}, length_days: "
                    + "{min: 90, max: 1000}}");
            if (cm == null) {
                continue;
            }
            Map<String, Entry> f = r.entries(cm, where, new Keys(TIMING_KEYS));
            if (!f.containsKey("start")) {
                r.problem(cm, where + ": missing 'start' (the range of days it may start, like {min: 2008-04-01, "
                        + "max: 2011-06-30})");
                continue;
            }
            LocalDate[] start = dateBounds(f.get("start").value(), where + ": start");
            long[] length = f.containsKey("length_days") ? dayBounds(f.get("length_days").value(),
                    where + ": length_days") : new long[] {0, 0};
            if (start == null || length == null) {
                continue;
            }
            timings.add(new CampaignTiming(name, start[0], start[1], (int) length[0], (int) length[1], r.at(e.key())));
            for (String field : List.of("start", "end", "intensity")) {
                decided.put(CampaignKeys.key(name, field), r.at(e.key()));
            }
        }
        return timings;
    }

    /** A mapping with exactly the keys min and max (values unread); null after reporting. */
    private Map<String, Entry> minAndMax(Node v, String where, String example) {
        MappingNode m = map(v, where, example);
        if (m == null) {
            return null;
        }
        Map<String, Entry> b = r.entries(m, where, new Keys(List.of("min", "max")));
        if (!b.containsKey("min") || !b.containsKey("max")) {
            r.problem(m, where + ": expected both min and max");
            return null;
        }
        return b;
    }

    /** {min, max} dates with min before max; null after reporting. */
    private LocalDate[] dateBounds(Node v, String where) {
        Map<String, Entry> b = minAndMax(v, where, "{min: 2008-04-01, max: 2011-06-30}");
        if (b == null) {
            return null;
        }
        LocalDate min = r.date(b.get("min").value(), where + ": min", "a date like 2008-04-01");
        LocalDate max = r.date(b.get("max").value(), where + ": max", "a date like 2011-06-30");
        if (min == null || max == null) {
            return null;
        }
        if (!min.isBefore(max)) {
            r.problem(b.get("max").value(), where + ": max " + max + " must be after min " + min);
            return null;
        }
        return new LocalDate[] {min, max};
    }

    /** {min, max} whole numbers of days, 1 <= min < max; null after reporting. */
    private long[] dayBounds(Node v, String where) {
        Map<String, Entry> b = minAndMax(v, where, "{min: 90, max: 1000}");
        if (b == null) {
            return null;
        }
        Long min = r.integer(b.get("min").value(), where + ": min", 1, LONGEST_DAYS);
        Long max = r.integer(b.get("max").value(), where + ": max", 1, LONGEST_DAYS);
        if (min == null || max == null) {
            return null;
        }
        if (min >= max) {
            r.problem(b.get("max").value(), where + ": max " + max + " must be above min " + min);
            return null;
        }
        return new long[] {min, max};
    }

    private MappingNode map(Node v, String label, String example) {
        if (v instanceof MappingNode m) {
            return m;
        }
        r.problem(v, label + ": expected a map like " + example + ", got " + YamlReader.what(v));
        return null;
    }
}
