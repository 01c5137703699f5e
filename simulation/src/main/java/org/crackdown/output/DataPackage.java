package org.crackdown.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes datapackage.json: a Frictionless Tabular Data Package describing each CSV of the run
 * folder (columns, types, units, meanings), so any tool can read the folder without this code.
 */
public final class DataPackage {

    public static final String FILE = "datapackage.json";

    private DataPackage() {
    }

    public static void write(Path dir, String runId, String scenarioName, String scenarioDescription, Instant created)
            throws IOException {
        Json.write(dir.resolve(FILE), describe(runId, scenarioName, scenarioDescription, created));
    }

    static Map<String, Object> describe(String runId, String scenarioName, String scenarioDescription, Instant created) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", packageName(runId));
        pkg.put("title", "crackdown run " + runId + " (scenario " + scenarioName + ")");
        if (scenarioDescription != null && !scenarioDescription.isBlank()) {
            pkg.put("description", scenarioDescription);
        }
        pkg.put("created", created.toString());
        List<Object> resources = new ArrayList<>();
        for (Table t : Table.all()) {
            resources.add(resource(t));
        }
        pkg.put("resources", resources);
        return pkg;
    }

    private static Map<String, Object> resource(Table t) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", t.name());
        r.put("path", t.fileName());
        r.put("profile", "tabular-data-resource");
        r.put("description", t.description());
        r.put("format", "csv");
        r.put("mediatype", "text/csv");
        r.put("encoding", "utf-8");
        Map<String, Object> schema = new LinkedHashMap<>();
        List<Object> fields = new ArrayList<>();
        for (Table.Field f : t.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("type", f.type().json());
            m.put("description", f.description());
            m.put("unit", f.unit());
            fields.add(m);
        }
        schema.put("fields", fields);
        schema.put("missingValues", List.of(""));
        schema.put("primaryKey", t.primaryKey());
        r.put("schema", schema);
        return r;
    }

    /** Package names allow only lower-case letters, digits and {@code -._/}. */
    static String packageName(String runId) {
        return "crackdown-run-" + runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
