package org.crackdown.format;

import java.util.Locale;
import java.util.Map;

/**
 * One column of an output table as every producer declares it: name, Table Schema type, role,
 * unit and meaning. The CSV header and the descriptor's field both come from it, so they cannot
 * disagree.
 */
public record Column(String name, Type type, Role role, String unit, String description) {

    /** Frictionless Table Schema field types crackdown writes. */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, DATE;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A column that identifies or describes the row (run, seed, month, province, scale...). */
    public static Column id(String name, Type type, String unit, String description) {
        return new Column(name, type, Role.ID, unit, description);
    }

    /** A column holding a result. */
    public static Column measure(String name, Type type, String unit, String description) {
        return new Column(name, type, Role.MEASURE, unit, description);
    }

    /** The column's field in the data package (a mutable map: a producer may add constraints). */
    public Map<String, Object> field() {
        return DataPackages.field(name, type.json(), unit, description, role.json());
    }
}
