package org.crackdown.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.yaml.YamlFiles;
import org.crackdown.yaml.YamlReader;

/**
 * Turns what a user wrote for a scalar key (YAML scalar or {@code --set} text) into its typed
 * value. Failures throw IllegalArgumentException("expected ..., got '...'"); callers add the key
 * and the place.
 */
final class Values {

    static final Pattern NAME = Pattern.compile("[a-z0-9._-]+");
    static final String DATE_ALLOWED = "a date like 2011-01-01";
    static final String NAME_ALLOWED = "a short name of lower-case letters, digits, '.', '_' and '-'";

    private Values() {
    }

    /** What a valid value of a scalar scenario key looks like, in words. */
    static String allowed(String key) {
        Optional<ParamSpec> spec = ParamRegistry.find(key);
        if (spec.isPresent()) {
            return spec.get().allowed();
        }
        return switch (key) {
            case "name" -> NAME_ALLOWED;
            case "description" -> "one line of text";
            case "extends" -> "the path of another scenario file, relative to this one";
            case "seed" -> "a whole number";
            case "start", "end", "measure.from", "measure.to", "date" -> DATE_ALLOWED;
            default -> throw new IllegalArgumentException("not a scalar key: " + key);
        };
    }

    /**
     * Converts a value for a scalar key of {@link Schema#SCENARIO} (but not extends, campaigns,
     * timeline). {@code raw} is text, or a Boolean for a YAML boolean; null means "nothing written".
     */
    static Object convert(String key, Object raw) {
        Optional<ParamSpec> spec = ParamRegistry.find(key);
        if (raw == null) {
            throw new IllegalArgumentException("expected " + allowed(key) + ", got nothing");
        }
        if (spec.isPresent()) {
            if (spec.get().kind() == ParamSpec.Kind.BOOLEAN && raw instanceof String t
                    && YamlReader.yamlBoolean(t) != null) {
                return spec.get().parse(YamlReader.yamlBoolean(t)); // one rule for yes/on/true, also on --set
            }
            return spec.get().parse(raw);
        }
        String text = raw.toString().trim();
        return switch (key) {
            case "name" -> name(text);
            case "description" -> raw.toString();
            case "seed" -> seed(text);
            case "start", "end", "measure.from", "measure.to" -> date(text);
            default -> throw new IllegalArgumentException("not a scalar key: " + key);
        };
    }

    static String name(String text) {
        String tooLong = YamlFiles.nameTooLong(text);
        if (tooLong != null) {
            throw new IllegalArgumentException(tooLong);
        }
        if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("expected " + NAME_ALLOWED + ", got " + YamlFiles.quoted(text));
        }
        return text;
    }

    static long seed(String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got " + YamlFiles.quoted(text));
        }
    }

    /**
     * Dates a scenario may use: the People's Republic's years, to the end of the century. Beyond
     * them the inputs (sex ratio history, provinces) mean nothing, and a far date makes a run
     * that never ends.
     */
    static final LocalDate FIRST_DATE = LocalDate.of(1949, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2100, 12, 31);

    static LocalDate date(String text) {
        LocalDate d;
        try {
            d = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + DATE_ALLOWED + ", got " + YamlFiles.quoted(text));
        }
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new IllegalArgumentException("expected a date from " + FIRST_DATE + " to " + LAST_DATE + ", got '"
                    + d + "'");
        }
        return d;
    }

    /** A plain number (campaign fields); ranges are checked by {@link ScenarioChecks}. */
    static double number(String text) {
        try {
            double v = Double.parseDouble(text.trim().replace("_", ""));
            if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("expected a number, got " + YamlFiles.quoted(text));
    }
}
