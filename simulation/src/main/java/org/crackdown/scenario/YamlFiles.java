package org.crackdown.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** What the YAML readers (scenarios, sweeps, calibration targets) say about files, said once. */
public final class YamlFiles {
    /**
     * The largest YAML file read (scenario, sweep or calibration targets file), in bytes: 1 MiB.
     * The shipped files are a few kB. SnakeYAML's scanner takes time quadratic in the length of a
     * long scalar (7 s for 4 MB, minutes for 16 MB), so the size is checked before it sees the text.
     */
    public static final int MAX_BYTES = 1 << 20;

    /**
     * The longest line, in characters. SnakeYAML's time grows with the square of a line's length
     * (a 1 MiB file of 10,000-character lines parses in a fraction of a second; one 256 kB line
     * takes seconds), so lines are checked before it sees the text.
     */
    public static final int MAX_LINE = 10_000;

    /**
     * The longest name (of a scenario, sweep, strategy or calibration), in characters. Names
     * become folder and file names, which most file systems cap at 255 bytes, with a seed and a
     * temporary suffix added.
     */
    public static final int MAX_NAME = 100;

    /** Longest piece of a user's value quoted back in a message. */
    static final int QUOTE_MAX = 60;

    private YamlFiles() {
    }

    /** A file over {@link #MAX_BYTES}; its message names the limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String size) {
            super("it is " + size + "; YAML files (scenarios, sweeps, calibration targets) may be at most 1 MiB ("
                    + MAX_BYTES + " bytes)");
        }
    }

    /**
     * The bytes of a YAML file, refusing one larger than {@link #MAX_BYTES} before reading it (by
     * its size) or while reading it (a pipe or device, whose size is not known in advance).
     */
    public static byte[] readBytes(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new TooLargeException(String.format(Locale.ROOT, "%,d bytes", size));
            }
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                throw new TooLargeException("more than " + MAX_BYTES + " bytes");
            }
            return b;
        }
    }

    /** The text of a YAML file: at most {@link #MAX_BYTES}, strict UTF-8. */
    public static String readText(Path path) throws IOException {
        return decode(readBytes(path));
    }

    /** Strict UTF-8: a file that is not text is refused rather than read with replacement characters. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** The first line of {@code text} longer than {@link #MAX_LINE}, as a problem in {@code file}; null if none. */
    public static Problem longLine(String file, String text) {
        int start = 0;
        int line = 1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                if (i - start > MAX_LINE) {
                    return new Problem(file, line, 1, String.format(Locale.ROOT, "line %d is %,d characters long; "
                            + "lines of YAML files may be at most %,d characters", line, i - start, MAX_LINE));
                }
                start = i + 1;
                line++;
            }
        }
        return null;
    }

    /**
     * Composes YAML text to SnakeYAML's node tree only (no objects are constructed, so no tags run
     * code), with its default limits on aliases and nesting and a length limit matching
     * {@link #MAX_BYTES}.
     */
    public static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        return new Yaml(options).compose(new StringReader(text));
    }

    /**
     * How to describe a whole file that is not the map of keys a {@code kind} file is, without
     * quoting it: the file may be anything (a {@code extends: /etc/shadow} must not print the
     * file's first line).
     */
    public static String notA(String kind, Node root) {
        String holds;
        if (root instanceof SequenceNode) {
            holds = "a list";
        } else if (root instanceof ScalarNode) {
            holds = "a single text value";
        } else if (root instanceof MappingNode) {
            holds = "no " + kind + " key";
        } else {
            holds = "nothing";
        }
        return "not a " + kind + " file (expected a map of " + kind + " keys, key: value lines; it holds "
                + holds + ")";
    }

    /** Why {@code name} is too long to be a name, or null if it is not. */
    public static String nameTooLong(String name) {
        return name.length() <= MAX_NAME ? null : "a name may be at most " + MAX_NAME + " characters (it names "
                + "folders and files), got " + name.length();
    }

    /** A user's value for a message: quoted, and cut to a readable length. */
    public static String quoted(String value) {
        if (value.length() <= QUOTE_MAX) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, QUOTE_MAX) + "...' (" + value.length() + " characters)";
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
        n = n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n;
        return n.isEmpty() ? fallback : n;
    }
}
