package org.crackdown.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixture folders in src/test/resources (made from real model runs by
 * src/test/fixtures/make_fixtures.py) and helpers to copy and damage them.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path resource(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private copy of a fixture folder, to modify. */
    public static Path copy(String name, Path tmp) {
        Path src = resource(name);
        Path dst = tmp.resolve(src.getFileName());
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dst;
    }

    /** Replaces the first occurrence of {@code from} in a file. */
    public static void edit(Path file, String from, String to) {
        try {
            String s = Files.readString(file);
            if (!s.contains(from)) {
                throw new IllegalStateException(file + " does not contain " + from);
            }
            Files.writeString(file, s.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of a file split on commas (fixture CSVs have no quoted commas except in empty cells). */
    public static List<String[]> csv(Path file) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int column(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }
}
