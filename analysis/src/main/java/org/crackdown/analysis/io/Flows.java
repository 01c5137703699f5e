package org.crackdown.analysis.io;

import java.util.Map;

/** Victims moved from origin to destination over the measure window, per run (all victim types). */
public record Flows(Map<String, Map<Route, Double>> byRun) {

    /** An origin-destination pair (ISO codes, or a country name for cross-border origins). */
    public record Route(String origin, String destination) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            int c = origin.compareTo(o.origin);
            return c != 0 ? c : destination.compareTo(o.destination);
        }
    }
}
