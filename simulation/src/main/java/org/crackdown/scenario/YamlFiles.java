package org.crackdown.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** What the YAML readers (scenarios, sweeps, calibration targets) say about files, said once. */
public final class YamlFiles {
    private YamlFiles() {
    }

    /** Why a file could not be read, in words for an error message. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The file name without .yaml, as a name of lower-case letters, digits, '.', '_' and '-'. */
    public static String defaultName(Path file, String fallback) {
        Path fn = file.getFileName();
        String n = fn == null ? "" : fn.toString();
        n = n.replaceFirst("\\.(yaml|yml)$", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return n.isEmpty() ? fallback : n;
    }
}
