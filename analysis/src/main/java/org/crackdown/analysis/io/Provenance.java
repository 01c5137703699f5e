package org.crackdown.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crackdown.analysis.AnalysisInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads free-form provenance JSON (sweep.json, run.json) into flat key/value text for the report. */
public final class Provenance {

    /** Long lists and texts are cut so the report stays readable; the file keeps everything. */
    private static final int MAX_TEXT = 300;
    /** Lists of objects longer than this are summarised by their length. */
    private static final int MAX_LIST = 12;

    private Provenance() {
    }

    public static JsonNode readJson(Path file) throws AnalysisInputException {
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new AnalysisInputException(file + ": expected a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new AnalysisInputException(file + ": not valid JSON (" + Descriptor.firstLine(e.getMessage()) + ")");
        }
    }

    /** Nested keys joined with dots; lists of scalars joined with commas; long texts and lists cut for the report. */
    public static Map<String, String> flatten(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out, true);
        return out;
    }

    /** As {@link #flatten}, but whole: nothing cut, for comparing two files value by value. */
    public static Map<String, String> flattenWhole(JsonNode root) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", root, out, false);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out, boolean cut) {
        if (n.isObject()) {
            if (n.isEmpty() && !prefix.isEmpty()) {
                out.put(prefix, "(none)");
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out, cut);
            }
        } else if (n.isArray()) {
            boolean scalars = true;
            for (JsonNode c : n) {
                scalars &= c.isValueNode();
            }
            if (scalars) {
                List<String> parts = new ArrayList<>();
                n.forEach(c -> parts.add(c.asText()));
                String all = parts.isEmpty() ? "(none)" : String.join(", ", parts);
                out.put(prefix, cut ? cut(all) : all);
            } else if (cut && n.size() > MAX_LIST) {
                // e.g. the design points of a large sample: the report names them, the file keeps them.
                out.put(prefix, n.size() + " entries (see the file)");
            } else {
                int i = 0;
                for (JsonNode c : n) {
                    flatten(prefix + "[" + i++ + "]", c, out, cut);
                }
            }
        } else if (!n.isNull()) {
            out.put(prefix, cut ? cut(n.asText()) : n.asText());
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
    }

    /**
     * The design kind from sweep.json: {@code design} as a string, or {@code design.kind}
     * (also {@code type} or {@code method}), or a top-level {@code design_kind}; null if none.
     */
    public static String designKind(JsonNode sweep) {
        JsonNode d = sweep.get("design");
        String kind = null;
        if (d != null && d.isTextual()) {
            kind = d.asText();
        } else if (d != null && d.isObject()) {
            for (String k : new String[] {"kind", "type", "method"}) {
                if (d.hasNonNull(k)) {
                    kind = d.get(k).asText();
                    break;
                }
            }
        }
        if (kind == null && sweep.hasNonNull("design_kind")) {
            kind = sweep.get("design_kind").asText();
        }
        return kind == null || kind.isBlank() ? null : kind.trim().toLowerCase(Locale.ROOT);
    }

    /** A date at a dotted path such as {@code measure.from}, if present. */
    public static String text(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.")) {
            if (n == null) {
                return null;
            }
            n = n.get(part);
        }
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }
}
