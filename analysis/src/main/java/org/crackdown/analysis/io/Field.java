package org.crackdown.analysis.io;

import java.util.Locale;

import org.crackdown.format.Role;

/** One column as a data-package descriptor describes it. */
public record Field(String name, String type, Role role, String unit, String description) {

    public boolean numeric() {
        return "integer".equals(type) || "number".equals(type);
    }

    /** A readable label: {@code women_rescued} becomes {@code women rescued}. */
    public String label() {
        return label(name);
    }

    public static String label(String name) {
        return name.replace('_', ' ');
    }

    /** The unit, or empty when the descriptor gives none or only a placeholder. */
    public String unitOrEmpty() {
        return unit == null ? "" : unit;
    }

    /**
     * Whether adding this measure over provinces is meaningless (prices, shares), so national
     * figures are means over provinces with a value instead of sums.
     */
    public boolean averagedOverProvinces() {
        String u = unitOrEmpty().toLowerCase(Locale.ROOT);
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        return u.equals("rmb") || u.equals("yuan") || u.contains("fraction") || u.contains("share")
                || u.contains("probability") || u.contains("per ") || d.startsWith("mean ");
    }
}
