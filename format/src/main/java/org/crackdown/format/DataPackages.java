package org.crackdown.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the Frictionless Tabular Data Package ({@value FolderFiles#DATAPACKAGE}) that run,
 * sweep and analysis folders carry: the package's head, each CSV resource and each column, with
 * their keys in one order. What goes in them (which columns, roles, constraints) stays with each
 * producer; the analysis reads them back with analysis.io.Descriptor.
 */
public final class DataPackages {

    private DataPackages() {
    }

    /** The head of a package: profile, name, title, and the description unless it is blank. */
    public static Map<String, Object> head(String name, String title, String description) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", name);
        pkg.put("title", title);
        if (description != null && !description.isBlank()) {
            pkg.put("description", description);
        }
        return pkg;
    }

    /**
     * One column (a mutable map: a producer may add {@code constraints}).
     *
     * @param type Frictionless type: string, integer, number, boolean
     * @param role id, parameter or measure (how the analysis treats the column); null to leave it out
     */
    public static Map<String, Object> field(String name, String type, String unit, String description, String role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("description", description);
        m.put("unit", unit);
        if (role != null) {
            m.put("role", role);
        }
        return m;
    }

    /**
     * One CSV file of the package.
     *
     * @param primaryKey the columns that identify a row; null to leave it out
     */
    public static Map<String, Object> resource(String name, String path, String description, List<?> fields,
                                               List<String> primaryKey) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("path", path);
        r.put("profile", "tabular-data-resource");
        r.put("description", description);
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("missingValues", List.of(""));
        if (primaryKey != null) {
            schema.put("primaryKey", primaryKey);
        }
        r.put("schema", schema);
        return r;
    }
}
