package org.crackdown.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crackdown.format.Column;
import org.crackdown.format.DataPackages;
import org.crackdown.format.FolderFiles;
import org.crackdown.format.Json;

/**
 * Writes datapackage.json: a Frictionless Tabular Data Package describing each CSV of the run
 * folder (columns, types, units, meanings), so any tool can read the folder without this code.
 */
public final class DataPackage {

    public static final String FILE = FolderFiles.DATAPACKAGE;

    private DataPackage() {
    }

    public static void write(Path dir, String runId, String scenarioName, String scenarioDescription, Instant created)
            throws IOException {
        Json.write(dir.resolve(FILE), describe(runId, scenarioName, scenarioDescription, created));
    }

    static Map<String, Object> describe(String runId, String scenarioName, String scenarioDescription, Instant created) {
        Map<String, Object> pkg = DataPackages.head(packageName(runId),
                "crackdown run " + runId + " (scenario " + scenarioName + ")", scenarioDescription);
        pkg.put("created", created.toString());
        List<Object> resources = new ArrayList<>();
        for (Table t : Table.all()) {
            resources.add(resource(t));
        }
        pkg.put("resources", resources);
        return pkg;
    }

    /** A run table, each column with its role (id or measure), as sweeps and analyses write them. */
    private static Map<String, Object> resource(Table t) {
        List<Object> fields = new ArrayList<>();
        for (Column f : t.fields()) {
            fields.add(f.field());
        }
        return DataPackages.resource(t.name(), t.fileName(), t.description(), fields, t.primaryKey());
    }

    /** Package names allow only lower-case letters, digits and {@code -._/}. */
    static String packageName(String runId) {
        return "crackdown-run-" + runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
