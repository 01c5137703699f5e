package org.crackdown.format;

import java.util.Locale;

/**
 * What a column of an output table is for, as its {@code role} in {@value FolderFiles#DATAPACKAGE}
 * says: identifying a row, a varied model parameter, or a measured result. Every producer writes
 * it, so the analysis tells inputs from outputs without knowing the model.
 */
public enum Role {
    ID, PARAMETER, MEASURE;

    /** The role written as {@code text} (any case), or null if it names none. */
    public static Role parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "id" -> ID;
            case "parameter" -> PARAMETER;
            case "measure" -> MEASURE;
            default -> null;
        };
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
