package org.crackdown.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names of runs and their canonical order: point, then strategy (file order), then replicate.
 * Shared by the sweep (which computes seeds too) and by merge (which knows a sweep only from its
 * sweep.json), so both name and order runs the same way.
 */
public record RunIds(int points, List<String> strategies, int replicates) {

    public RunIds {
        strategies = List.copyOf(strategies);
    }

    public int count() {
        return points * strategies.size() * replicates;
    }

    public int point(int index) {
        return index / replicates / strategies.size();
    }

    public int strategy(int index) {
        return index / replicates % strategies.size();
    }

    /** 1-based. */
    public int replicate(int index) {
        return index % replicates + 1;
    }

    /** {@code p0001} for the first point: 1-based, zero-padded so ids sort in canonical order. */
    public String pointId(int point) {
        return String.format(Locale.ROOT, "p%0" + Math.max(4, Integer.toString(points).length()) + "d", point + 1);
    }

    public String runId(int index) {
        return pointId(point(index)) + "-" + strategies.get(strategy(index)) + "-"
                + String.format(Locale.ROOT, "r%0" + Math.max(2, Integer.toString(replicates).length()) + "d",
                replicate(index));
    }

    /** run_id to canonical index, for checking rows read back from files. */
    public Map<String, Integer> lookup() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < count(); i++) {
            m.put(runId(i), i);
        }
        return m;
    }

    /** The canonical index of a run id, or -1 if this sweep has no such run. */
    public int indexOf(String runId) {
        int first = runId.indexOf('-');
        int last = runId.lastIndexOf('-');
        if (first <= 1 || last <= first + 1 || runId.charAt(0) != 'p' || runId.charAt(last + 1) != 'r') {
            return -1;
        }
        try {
            int p = Integer.parseInt(runId.substring(1, first)) - 1;
            int r = Integer.parseInt(runId.substring(last + 2));
            int s = strategies.indexOf(runId.substring(first + 1, last));
            if (p < 0 || p >= points || s < 0 || r < 1 || r > replicates) {
                return -1;
            }
            int index = (p * strategies.size() + s) * replicates + (r - 1);
            return runId(index).equals(runId) ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
