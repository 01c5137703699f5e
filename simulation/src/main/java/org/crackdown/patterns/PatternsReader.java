package org.crackdown.patterns;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.calibration.Target;
import org.crackdown.model.Metrics;
import org.crackdown.outcome.FlowShare;
import org.crackdown.outcome.ModelOutput;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.yaml.Suggest;
import org.crackdown.yaml.YamlFiles;
import org.crackdown.yaml.YamlReader;

/**
 * Reads {@code patterns.csv} strictly: every problem is reported with file and line, all at once,
 * and nothing runs until the file is right. An output column the model does not have yet is not
 * a problem (the pattern is reported as not measured); a scope that cannot fit a column the model
 * does have is.
 */
public final class PatternsReader {

    /** The columns of patterns.csv, in this order. */
    public static final List<String> HEADER = List.of("id", "description", "output", "scope", "scenario", "from",
            "to", "observed_low", "observed_high", "tolerance", "used_in_calibration", "strength", "source");

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private PatternsReader() {
    }

    public static List<Pattern> read(Path file) throws ScenarioException {
        String text;
        try {
            // The YAML files' limits and strict UTF-8: a patterns file is read by the same rules.
            text = Files.isDirectory(file) ? null : YamlFiles.readText(file);
        } catch (NoSuchFileException e) {
            throw one(file.toString(), 0, "no such file");
        } catch (IOException e) {
            throw one(file.toString(), 0, "cannot read: " + YamlFiles.reason(e));
        }
        if (text == null) {
            throw one(file.toString(), 0, "cannot read: it is a directory");
        }
        // Spreadsheets often save CSV with a byte-order mark, which is not part of the first column's name.
        return parse(file.toString(), text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Parses patterns from the text of a patterns file; {@code label} names the file in messages. */
    public static List<Pattern> parse(String label, String text) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        List<Pattern> out = new ArrayList<>();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).build();
        List<CSVRecord> records;
        try (CSVParser p = CSVParser.parse(new StringReader(text), fmt)) {
            records = p.getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw one(label, 0, "not a well-formed CSV file: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw one(label, 0, "empty; the first line must be the header " + String.join(",", HEADER));
        }
        CSVRecord head = records.get(0);
        List<String> header = head.toList().stream().map(String::strip).toList();
        if (!header.equals(HEADER)) {
            throw one(label, lineOf(text, head), "header must be " + String.join(",", HEADER) + headerHint(header));
        }
        Set<String> ids = new HashSet<>();
        Set<String> known = knownColumns();
        for (CSVRecord r : records.subList(1, records.size())) {
            int line = lineOf(text, r);
            if (r.size() != HEADER.size()) {
                problems.add(new Problem(label, line, 0, "has " + r.size() + " fields, expected " + HEADER.size()
                        + " (" + String.join(",", HEADER) + "); quote fields that contain commas"));
                continue;
            }
            Row row = new Row(label, line, r, problems);
            String id = row.text("id");
            if (id != null && !ID.matcher(id).matches()) {
                row.problem("id", "'" + id + "' must be snake_case (lower-case letters, digits, '_')");
            } else if (id != null && !ids.add(id)) {
                row.problem("id", "'" + id + "' is used twice");
            }
            String description = row.text("description");
            ModelOutput output = null;
            String o = row.text("output");
            if (o != null) {
                try {
                    output = ModelOutput.parse(o);
                } catch (IllegalArgumentException e) {
                    row.problem("output", e.getMessage());
                }
            }
            Pattern.Scope scope = row.choice("scope", Pattern.Scope.values(),
                    Pattern.Scope::spelling);
            String scenario = row.text("scenario");
            if (scenario != null && !NAME.matcher(scenario).matches()) {
                row.problem("scenario", "'" + scenario + "' is not a scenario name (the scenario file's name: key)");
            }
            YearMonth from = row.month("from");
            YearMonth to = row.month("to");
            if (from != null && to != null && to.isBefore(from)) {
                row.problem("to", to + " is before from " + from);
            }
            Double low = row.number("observed_low", false);
            Double high = row.number("observed_high", true);
            if (low != null && high != null && high < low) {
                row.problem("observed_high", high + " is below observed_low " + low);
            }
            Double tol = row.number("tolerance", false);
            if (tol != null && (tol < 0 || tol >= 1)) {
                row.problem("tolerance", tol + " must be from 0 (a published range, taken as it is) to below 1 "
                        + "(0.10 = ±10%)");
            }
            Pattern.Strength strength = row.choice("strength",
                    Pattern.Strength.values(), Pattern.Strength::spelling);
            Boolean used = row.yesNo("used_in_calibration");
            String source = row.text("source");
            if (output != null && scope != null) {
                String bad = scopeProblem(output, scope, known);
                if (bad != null) {
                    row.problem("scope", bad);
                }
            }
            if (row.ok()) {
                out.add(new Pattern(id, description, output, scope, scenario, from, to, low,
                        high, tol, used, strength, source, line));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (out.isEmpty()) {
            throw one(label, 0, "has a header but no patterns");
        }
        return List.copyOf(out);
    }

    /**
     * A scope that cannot be right for the columns the model has: a national total of a price or
     * a share, or a scale-free reading of a count (which depends on the scale of the run); a flow
     * share is scale-free.
     * Columns the model does not have yet are not judged.
     */
    static String scopeProblem(ModelOutput output, Pattern.Scope scope, Set<String> known) {
        if (output instanceof FlowShare) {
            return scope == Pattern.Scope.SCALE_FREE ? null : scope.spelling() + ", but " + output
                    + " is a share of the victims sold, free of the run's scale: use scale_free";
        }
        if (scope == Pattern.Scope.NATIONAL_RUN) {
            return null; // taken as it is, and only where the run is national: any column fits
        }
        for (String c : output.columns()) {
            if (!known.contains(c)) {
                continue;
            }
            boolean count = Target.isCount(c);
            if (scope != Pattern.Scope.SCALE_FREE && !count) {
                return scope.spelling() + " scales counts to all of China, but " + c + " is not a count "
                        + "(a price or share: use scale_free)";
            }
            if (scope == Pattern.Scope.SCALE_FREE && count && !output.isRatio()) {
                return "scale_free, but " + c + " is a count, which grows with the run's scale "
                        + "(use national or national_per_year, or a ratio of counts)";
            }
        }
        return null;
    }

    /** The columns summary.csv has today. */
    public static Set<String> knownColumns() {
        Set<String> s = new HashSet<>();
        Metrics.summaryColumns().forEach(c -> s.add(c.name()));
        return s;
    }

    /**
     * 1-based line where a record starts. The parser's position can point at comment or blank
     * lines it skipped before the record, so those are stepped over.
     */
    private static int lineOf(String text, CSVRecord r) {
        int pos = (int) Math.min(r.getCharacterPosition(), text.length());
        int line = 1;
        for (int i = 0; i < pos; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos);
            String l = (eol < 0 ? text.substring(pos) : text.substring(pos, eol)).strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                break;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
            line++;
        }
        return line;
    }

    private static String headerHint(List<String> header) {
        List<String> hints = new ArrayList<>();
        for (String h : header) {
            if (!HEADER.contains(h)) {
                List<String> close = Suggest.closest(h, HEADER, Suggest.tolerance(h.length()));
                hints.add("'" + h + "' is not a column" + (close.isEmpty() ? "" : " (did you mean " + close.get(0) + "?)"));
            }
        }
        for (String h : HEADER) {
            if (!header.contains(h)) {
                hints.add("'" + h + "' is missing");
            }
        }
        return hints.isEmpty() ? " (the columns are in another order)" : ": " + String.join("; ", hints);
    }

    private static ScenarioException one(String file, int line, String message) {
        return new ScenarioException(List.of(new Problem(file, line, 0, message)));
    }

    /** One row's fields, each checked with its column named in the message. */
    private static final class Row {
        private final String file;
        private final int line;
        private final CSVRecord r;
        private final List<Problem> problems;
        private boolean ok = true;

        Row(String file, int line, CSVRecord r, List<Problem> problems) {
            this.file = file;
            this.line = line;
            this.r = r;
            this.problems = problems;
        }

        boolean ok() {
            return ok;
        }

        void problem(String column, String message) {
            ok = false;
            problems.add(new Problem(file, line, HEADER.indexOf(column) + 1, column + ": " + message));
        }

        String raw(String column) {
            return r.get(HEADER.indexOf(column)).strip();
        }

        String text(String column) {
            String v = raw(column);
            if (v.isEmpty()) {
                problem(column, "is empty");
                return null;
            }
            return v;
        }

        Double number(String column, boolean emptyIsInfinite) {
            String v = raw(column);
            if (v.isEmpty()) {
                if (emptyIsInfinite) {
                    return Double.POSITIVE_INFINITY;
                }
                problem(column, "is empty");
                return null;
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                problem(column, "'" + v + "' is not a number (write 15458, not 15,458)");
                return null;
            }
        }

        YearMonth month(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return YearMonth.parse(v);
            } catch (DateTimeParseException e) {
                problem(column, "'" + v + "' is not a month YYYY-MM");
                return null;
            }
        }

        Boolean yesNo(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            // The one rule for true and false that the YAML files follow: yes/no, true/false, on/off.
            Boolean b = YamlReader.yamlBoolean(v);
            if (b == null) {
                problem(column, "'" + v + "' must be yes or no");
            }
            return b;
        }

        <E> E choice(String column, E[] values, java.util.function.Function<E, String> spelling) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (E e : values) {
                if (spelling.apply(e).equals(v)) {
                    return e;
                }
                names.add(spelling.apply(e));
            }
            problem(column, "'" + v + "' must be one of " + String.join(", ", names));
            return null;
        }
    }
}
