package org.crackdown.model;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One scenario key: its declaration ({@link Param}), its Java type and default, and how to turn a
 * value written by a user (YAML scalar or {@code --set} text) into a valid typed value. The
 * messages thrown by {@link #parse} say what is allowed, so callers only add the file and line.
 */
public final class ParamSpec {

    /** Kinds of value a key can hold. */
    public enum Kind { NUMBER, INTEGER, BOOLEAN, CHOICE }

    private final Field field;
    private final Param param;
    private final Kind kind;
    private final Object defaultValue;

    ParamSpec(Field field, Param param, Object defaultValue) {
        this.field = field;
        this.param = param;
        this.defaultValue = defaultValue;
        Class<?> t = field.getType();
        if (t == double.class) {
            kind = Kind.NUMBER;
        } else if (t == int.class) {
            kind = Kind.INTEGER;
        } else if (t == boolean.class) {
            kind = Kind.BOOLEAN;
        } else if (t.isEnum()) {
            kind = Kind.CHOICE;
        } else {
            throw new IllegalStateException("unsupported parameter type " + t + " for " + param.key());
        }
        field.setAccessible(true);
    }

    public String key() { return param.key(); }
    public String unit() { return param.unit(); }
    public String doc() { return param.doc(); }
    public String source() { return param.source(); }
    public Kind kind() { return kind; }
    public double min() { return param.min(); }
    public double max() { return param.max(); }
    public Object defaultValue() { return defaultValue; }

    /** Allowed choices, in scenario spelling (CHOICE keys only; empty otherwise). */
    public List<String> choices() {
        if (kind != Kind.CHOICE) {
            return List.of();
        }
        return Arrays.stream(field.getType().getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
    }

    /** What a valid value looks like, in words, e.g. "a number from 0 to 1 (probability)". */
    public String allowed() {
        String u = unit().isEmpty() ? "" : " (" + unit() + ")";
        return switch (kind) {
            case NUMBER -> "a number from " + fmt(min()) + " to " + fmt(max()) + u;
            case INTEGER -> "a whole number from " + fmt(min()) + " to " + fmt(max()) + u;
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices());
        };
    }

    /**
     * Converts a user-written value (a YAML scalar already typed by the YAML parser, or raw text
     * from the command line) into this key's type, checking the range.
     *
     * @throws IllegalArgumentException with a message of the form "expected ..., got ..."
     */
    public Object parse(Object raw) {
        String text = String.valueOf(raw).trim();
        switch (kind) {
            case NUMBER -> {
                double v;
                if (raw instanceof Number n) {
                    v = n.doubleValue();
                } else {
                    try {
                        v = Double.parseDouble(text.replace("_", ""));
                    } catch (NumberFormatException e) {
                        throw bad(text);
                    }
                }
                if (Double.isNaN(v) || v < min() || v > max()) {
                    throw bad(text);
                }
                return v;
            }
            case INTEGER -> {
                long v;
                if (raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger) {
                    v = ((Number) raw).longValue();
                } else {
                    try {
                        v = Long.parseLong(text.replace("_", ""));
                    } catch (NumberFormatException e) {
                        throw bad(text);
                    }
                }
                if (v < min() || v > max()) {
                    throw bad(text);
                }
                return (int) v;
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (text.equalsIgnoreCase("true")) {
                    return true;
                }
                if (text.equalsIgnoreCase("false")) {
                    return false;
                }
                throw bad(text);
            }
            case CHOICE -> {
                for (Object c : field.getType().getEnumConstants()) {
                    if (((Enum<?>) c).name().equalsIgnoreCase(text.replace('-', '_'))) {
                        return c;
                    }
                }
                throw bad(text);
            }
            default -> throw new AssertionError(kind);
        }
    }

    private IllegalArgumentException bad(String got) {
        // A value can be anything a file holds: quote a readable piece of it.
        String shown = got.length() <= 60 ? "'" + got + "'"
                : "'" + got.substring(0, 60) + "...' (" + got.length() + " characters)";
        return new IllegalArgumentException("expected " + allowed() + ", got " + shown);
    }

    /** Current value of this key in {@code p}. */
    public Object get(Parameters p) {
        try {
            return field.get(p);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets an already parsed value (from {@link #parse}) on {@code p}. */
    public void set(Parameters p, Object value) {
        try {
            field.set(p, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value as written in scenario files and CSV headers: lower-case choices, plain numbers. */
    public static String format(Object v) {
        if (v instanceof Double d) {
            return fmt(d);
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(v);
    }

    static String fmt(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
