package org.crackdown.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.format.FolderFiles;
import org.crackdown.format.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A folder's datapackage.json (Frictionless Tabular Data Package): which CSV has which columns,
 * their types, units and roles. The analysis learns everything about a folder's columns here, so
 * new measures need no code change.
 */
public final class Descriptor {

    /**
     * Columns that identify rows in crackdown's own outputs, used when a descriptor gives a column
     * no role: run folders written before they recorded roles, or packages from other tools.
     */
    static final Set<String> ID_COLUMNS = Set.of("run_id", "point_id", "strategy", "replicate", "seed", "status",
            "error", "scenario", "scale", "measure_from", "measure_to", "date", "province", "origin", "destination",
            "victim_type");

    public static final String FILE = FolderFiles.DATAPACKAGE;

    /** One CSV of the package and its columns. */
    public record Resource(String name, String path, List<Field> fields) {

        public Optional<Field> field(String column) {
            return fields.stream().filter(f -> f.name().equals(column)).findFirst();
        }

        public List<Field> withRole(Role role) {
            return fields.stream().filter(f -> f.role() == role).toList();
        }
    }

    private final Path file;
    private final List<Resource> resources;

    private Descriptor(Path file, List<Resource> resources) {
        this.file = file;
        this.resources = resources;
    }

    public static Descriptor read(Path dir) throws AnalysisInputException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new AnalysisInputException(file + ": missing; every crackdown output folder has a "
                    + FILE + " describing its columns");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AnalysisInputException(file + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        JsonNode res = root == null ? null : root.get("resources");
        if (res == null || !res.isArray()) {
            throw new AnalysisInputException(file + ": no 'resources' list");
        }
        List<Resource> resources = new ArrayList<>();
        int i = 0;
        for (JsonNode r : res) {
            resources.add(resource(file, i++, r));
        }
        return new Descriptor(file, resources);
    }

    private static Resource resource(Path file, int index, JsonNode r) throws AnalysisInputException {
        String where = file + ": resources[" + index + "]";
        String path = text(r, "path");
        if (path == null) {
            throw new AnalysisInputException(where + ": no 'path'");
        }
        String name = text(r, "name");
        JsonNode fields = r.path("schema").path("fields");
        if (!fields.isArray()) {
            throw new AnalysisInputException(where + " (" + path + "): no 'schema.fields' list");
        }
        List<Field> out = new ArrayList<>();
        int j = 0;
        for (JsonNode f : fields) {
            String fname = text(f, "name");
            if (fname == null) {
                throw new AnalysisInputException(where + " (" + path + "): field " + j + " has no 'name'");
            }
            String type = text(f, "type");
            if (type == null) {
                type = "string";
            }
            String roleText = text(f, "role");
            Role role;
            if (roleText == null) {
                role = ID_COLUMNS.contains(fname) ? Role.ID
                        : ("integer".equals(type) || "number".equals(type)) ? Role.MEASURE : Role.ID;
            } else {
                role = Role.parse(roleText);
                if (role == null) {
                    throw new AnalysisInputException(where + " (" + path + "): field '" + fname + "' has role '"
                            + roleText + "'; allowed: id, parameter, measure");
                }
            }
            out.add(new Field(fname, type, role, text(f, "unit"), text(f, "description")));
            j++;
        }
        return new Resource(name == null ? path : name, path, List.copyOf(out));
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Path file() {
        return file;
    }

    /** The resource whose path is the given file name, if described. */
    public Optional<Resource> resource(String path) {
        return resources.stream().filter(r -> r.path().equals(path)).findFirst();
    }

    /** The resource for a CSV that must be described. */
    public Resource require(String path) throws AnalysisInputException {
        return resource(path).orElseThrow(() -> new AnalysisInputException(file + ": describes no resource with path '"
                + path + "'"));
    }
}
