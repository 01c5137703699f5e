package org.crackdown.yaml;

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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.crackdown.scenario.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reading a YAML file (scenario, sweep or calibration targets) up to SnakeYAML's node tree: strict
 * UTF-8 and the limits that keep a hostile file from costing minutes or gigabytes, each checked
 * before the text reaches the step it protects, with a message naming the limit.
 */
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

    /**
     * The deepest nesting of maps and lists. The shipped files nest at most five levels (a
     * timeline change's {@code set} with a group); every reader walks the tree recursively.
     */
    public static final int MAX_DEPTH = 20;

    /**
     * The most values a file may hold counting every copy an alias makes. Aliases share nodes,
     * but the readers walk the tree as written out, so ten lists of ten aliases of the list
     * above (a "billion laughs") would cost 10^9 steps; the shipped files use no aliases.
     */
    public static final int MAX_VALUES = 100_000;

    /** Longest piece of a user's value quoted back in a message. */
    public static final int QUOTE_MAX = 60;

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
     * code). SnakeYAML's own limits stay as a backstop behind {@link #checkLimits}.
     */
    public static Node compose(String text) {
        return new Yaml(options()).compose(new StringReader(text));
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        options.setMaxAliasesForCollections(MAX_VALUES);
        return options;
    }

    /**
     * The first place where {@code text} nests deeper than {@link #MAX_DEPTH} or grows, through
     * aliases, past {@link #MAX_VALUES} values; null if it does neither. Runs over the parser's
     * events, which cost time linear in the text, so it is safe on any text within the size
     * limits. Syntax errors are thrown as by {@link #compose}.
     */
    public static Problem checkLimits(String file, String text) {
        Map<String, Long> anchored = new HashMap<>();
        Deque<long[]> open = new ArrayDeque<>(); // values inside each open collection so far
        Deque<String> anchors = new ArrayDeque<>();
        long total = 0;
        for (Event e : new Yaml(options()).parse(new StringReader(text))) {
            long added = 0;
            if (e instanceof CollectionStartEvent c) {
                if (open.size() >= MAX_DEPTH) {
                    return Place.of(file, c.getStartMark()).problem("nested more than " + MAX_DEPTH
                            + " levels deep; YAML files may nest maps and lists at most " + MAX_DEPTH + " levels");
                }
                open.push(new long[] {1});
                total++;
                anchors.push(c.getAnchor() == null ? "" : c.getAnchor());
                continue;
            } else if (e instanceof CollectionEndEvent) {
                long size = open.pop()[0];
                String anchor = anchors.pop();
                if (!anchor.isEmpty()) {
                    anchored.put(anchor, size);
                }
                if (!open.isEmpty()) {
                    open.peek()[0] += size;
                }
                continue;
            } else if (e instanceof ScalarEvent sc) {
                added = 1;
                if (sc.getAnchor() != null) {
                    anchored.put(sc.getAnchor(), 1L);
                }
            } else if (e instanceof AliasEvent a) {
                added = anchored.getOrDefault(a.getAnchor(), 1L);
            }
            if (added > 0) {
                if (!open.isEmpty()) {
                    open.peek()[0] += added;
                }
                total += added;
                if (total > MAX_VALUES) {
                    return Place.of(file, e.getStartMark()).problem(String.format(Locale.ROOT, "aliases make "
                            + "this file hold more than %,d values (counting every copy an alias makes); "
                            + "YAML files may hold at most %,d", MAX_VALUES, MAX_VALUES));
                }
            }
        }
        return null;
    }

    /**
     * A YAML file read as far as its node tree. {@code root} is null for an empty file or when
     * reading failed; then {@code problem} says why, and {@code unreadable} is the reason for a
     * file that could not be read at all (missing, a directory, not UTF-8, too large), which a
     * reader may phrase its own way (a scenario's {@code extends} names the line that led there).
     */
    public record Loaded(Node root, Problem problem, String unreadable) {
        public boolean failed() {
            return problem != null;
        }
    }

    /** Reads {@code path}, shown to the user as {@code file}: size, UTF-8, lines, syntax, nesting, aliases. */
    public static Loaded load(Path path, String file) {
        if (Files.isDirectory(path)) {
            return unreadable(file, "it is a directory");
        }
        try {
            return parse(file, readBytes(path));
        } catch (IOException e) {
            return unreadable(file, reason(e));
        }
    }

    /**
     * Reads a file whose top level must be a map naming at least one of its known keys (a targets
     * or optimize file): the map, or null with the problem added. {@code keysWord} names the keys
     * in the message ("calibration", "optimize"), {@code kind} the file ({@link #notA}).
     */
    public static MappingNode topMap(Path path, String file, java.util.List<Problem> problems, Keys top,
                                     java.util.List<String> topNames, String keysWord, String kind) {
        Loaded loaded = load(path, file);
        if (loaded.failed()) {
            problems.add(loaded.problem());
            return null;
        }
        Node root = loaded.root();
        if (root instanceof MappingNode map && map.getValue().stream()
                .anyMatch(t -> t.getKeyNode() instanceof ScalarNode k && top.knows(k.getValue()))) {
            return map;
        }
        problems.add(new Place(file, 1, 1).problem(root == null
                ? "expected a map of " + keysWord + " keys (" + String.join(", ", topNames) + "), got an empty file"
                : notA(kind, root)));
        return null;
    }

    /** Parses the bytes of a YAML file as {@link #load} does. */
    public static Loaded parse(String file, byte[] bytes) {
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            return unreadable(file, reason(e));
        }
        Problem tooLong = longLine(file, text);
        if (tooLong != null) {
            return new Loaded(null, tooLong, null);
        }
        try {
            Problem limit = checkLimits(file, text);
            if (limit != null) {
                return new Loaded(null, limit, null);
            }
            return new Loaded(compose(text), null, null);
        } catch (MarkedYAMLException e) {
            return new Loaded(null, syntaxError(file, e), null);
        } catch (YAMLException e) {
            return unreadable(file, e.getCause() instanceof IOException io ? reason(io) : e.getMessage());
        }
    }

    private static Loaded unreadable(String file, String why) {
        return new Loaded(null, new Problem(file, 0, 0, "cannot read: " + why), why);
    }

    private static Problem syntaxError(String file, MarkedYAMLException e) {
        StringBuilder msg = new StringBuilder("YAML syntax error: ").append(e.getProblem());
        if (e.getContext() != null) {
            msg.append(" (").append(e.getContext());
            if (e.getContextMark() != null) {
                msg.append(" at line ").append(e.getContextMark().getLine() + 1);
            }
            msg.append(')');
        }
        return Place.of(file, e.getProblemMark()).problem(msg.toString());
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

    /**
     * The top-level keys of a YAML file that is a map, in order; empty for anything else (a file
     * that cannot be read or parsed, a list, a text). Lets a command tell what kind of file it
     * was given before the reader of that kind reports its problems.
     */
    public static java.util.List<String> topLevelKeys(Path path) {
        Loaded loaded = load(path, path.toString());
        if (!(loaded.root() instanceof MappingNode m)) {
            return java.util.List.of();
        }
        return m.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode)
                .map(t -> ((ScalarNode) t.getKeyNode()).getValue()).toList();
    }
}
