package org.crackdown.analysis.io;

import java.util.Locale;
import java.util.Set;

/** What a column is for: identifying a row, a varied model parameter, or a measured result. */
public enum Role {
    ID, PARAMETER, MEASURE;

    /**
     * Columns that identify rows in crackdown's own outputs, used when a descriptor gives a column
     * no role: run folders written before they recorded roles, or packages from other tools.
     */
    static final Set<String> ID_COLUMNS = Set.of("run_id", "point_id", "strategy", "replicate", "seed", "status",
            "error", "scenario", "scale", "measure_from", "measure_to", "date", "province", "origin", "destination",
            "victim_type");

    static Role parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "id" -> ID;
            case "parameter" -> PARAMETER;
            case "measure" -> MEASURE;
            default -> null;
        };
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
