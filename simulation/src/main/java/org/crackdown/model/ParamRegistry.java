package org.crackdown.model;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All scenario keys of {@link Parameters}, in declaration order, read once by reflection. */
public final class ParamRegistry {

    private static final Map<String, ParamSpec> SPECS;

    static {
        Parameters defaults = new Parameters();
        Map<String, ParamSpec> m = new LinkedHashMap<>();
        for (Field f : Parameters.class.getDeclaredFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p == null) {
                continue;
            }
            f.setAccessible(true);
            Object def;
            try {
                def = f.get(defaults);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (m.put(p.key(), new ParamSpec(f, p, def)) != null) {
                throw new IllegalStateException("duplicate parameter key " + p.key());
            }
        }
        SPECS = Collections.unmodifiableMap(m);
    }

    private ParamRegistry() {
    }

    public static List<ParamSpec> all() {
        return new ArrayList<>(SPECS.values());
    }

    public static Optional<ParamSpec> find(String key) {
        return Optional.ofNullable(SPECS.get(key));
    }

    public static List<String> keys() {
        return new ArrayList<>(SPECS.keySet());
    }

    /** Every key with its value in {@code p}, in declaration order, formatted as in YAML. */
    public static Map<String, String> describe(Parameters p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ParamSpec s : SPECS.values()) {
            out.put(s.key(), ParamSpec.format(s.get(p)));
        }
        return out;
    }
}
