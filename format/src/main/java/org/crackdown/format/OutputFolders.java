package org.crackdown.format;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one rule for what crackdown may delete or overwrite: only what it wrote itself. Every
 * output folder it writes (run folders, sweep folders, analysis folders, merged sweeps) holds a
 * marker file, {@value #MARKER}, naming the files and folders crackdown put there. Replacing a
 * folder ({@code --force}) is allowed only if everything in it is named by its marker (or is a
 * folder holding only such things, like the {@code shards/} of a sweep); anything else stops
 * the command, and nothing is touched.
 */
public final class OutputFolders {

    /** The marker: first line {@code crackdown KIND}, then one name per line. */
    public static final String MARKER = ".crackdown";
    /** Held (locked) inside a temporary folder while a process is writing it. */
    static final String WRITING = ".crackdown-writing";
    private static final String MAGIC = "crackdown ";
    /** {@code .NAME.tmp-UUID}, as {@link #createTemp} names them. */
    private static final Pattern TEMP = Pattern.compile(
            "\\..+\\.tmp-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private OutputFolders() {
    }

    /**
     * Writes (atomically) the marker of {@code dir}: {@code names} are crackdown's. Names are of
     * entries directly in {@code dir}; a folder's name covers everything in it.
     */
    public static void claim(Path dir, String kind, Collection<String> names) throws IOException {
        Set<String> all = new LinkedHashSet<>(names);
        all.remove(MARKER);
        all.remove(WRITING);
        StringBuilder b = new StringBuilder(MAGIC).append(kind).append('\n');
        for (String n : all) {
            if (n.contains("/") || n.contains("\n") || n.isEmpty()) {
                throw new IllegalArgumentException("not a plain file name: " + n);
            }
            b.append(n).append('\n');
        }
        Path tmp = dir.resolve(MARKER + ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            move(tmp, dir.resolve(MARKER));
        } catch (IOException e) {
            Files.deleteIfExists(tmp); // e.g. disk full: leave no half-written file
            throw e;
        }
    }

    /** Claims everything now in {@code dir}: for folders written whole into a temporary folder. */
    public static void claimAll(Path dir, String kind) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        claim(dir, kind, names);
    }

    /** The kind recorded in {@code dir}'s marker, or null if it has none (or not one of ours). */
    public static String kind(Path dir) {
        List<String> lines = markerLines(dir);
        return lines == null ? null : lines.get(0).substring(MAGIC.length());
    }

    /** The names {@code dir}'s marker claims (empty if there is no marker). */
    public static Set<String> claimed(Path dir) {
        List<String> lines = markerLines(dir);
        return lines == null ? Set.of() : new LinkedHashSet<>(lines.subList(1, lines.size()));
    }

    private static List<String> markerLines(Path dir) {
        Path m = dir.resolve(MARKER);
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(m, StandardCharsets.UTF_8);
            return lines.isEmpty() || !lines.get(0).startsWith(MAGIC) ? null : lines;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What in {@code dir} crackdown did not write: entries its marker does not name, except
     * (non-empty) folders that hold only crackdown's files themselves, checked the same way all
     * the way down. Empty means the whole folder may be deleted. {@code dir} must exist.
     */
    public static List<Path> foreign(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        collectForeign(dir, out);
        return out;
    }

    private static void collectForeign(Path dir, List<Path> out) throws IOException {
        Set<String> ours = claimed(dir);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.equals(MARKER) || ours.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !isEmpty(p)) {
                    collectForeign(p, out); // e.g. shards/, which holds only sweep folders
                } else {
                    out.add(p);
                }
            }
        }
    }

    /**
     * Why an output folder may not be written at {@code target}, or null if it may: it exists and
     * {@code replace} ({@code --force}) was not given, it is not a folder, or it holds files
     * crackdown did not write. The rule for every folder written in one go (run, calibration,
     * patterns, analysis); a sweep, which resumes, has its own (sweep.SweepFolder).
     *
     * @param shown the folder as the user named it, for the message
     */
    public static String replaceRefusal(Path shown, Path target, boolean replace) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!replace) {
            return "output folder " + shown + " already exists; use --force to replace it, "
                    + "or --out to choose another folder";
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return "cannot replace " + shown + ": it is not a folder";
        }
        List<Path> foreign = foreign(target);
        if (!foreign.isEmpty()) {
            return "refusing to replace " + shown + ": " + notOurs(foreign)
                    + "; move those files away, or choose another folder with --out";
        }
        return null;
    }

    /**
     * Why a folder may not be replaced, naming a few of the foreign files: for error messages
     * ("refusing to replace X: " + this + what to do).
     */
    public static String notOurs(List<Path> foreign) {
        StringBuilder b = new StringBuilder("it holds files crackdown did not write (");
        for (int i = 0; i < Math.min(3, foreign.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(foreign.get(i));
        }
        if (foreign.size() > 3) {
            b.append(" and ").append(foreign.size() - 3).append(" more");
        }
        return b.append("), and crackdown deletes only what it wrote").toString();
    }

    /** Whether {@code dir} is a folder with nothing in it. */
    public static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** A temporary folder is being written: the lock on its {@value #WRITING} file says so to others. */
    public static final class Writing implements AutoCloseable {
        private final Path folder;
        private final FileChannel channel;
        private final FileLock lock;

        private Writing(Path folder, FileChannel channel, FileLock lock) {
            this.folder = folder;
            this.channel = channel;
            this.lock = lock;
        }

        /** Releases the lock and removes the lock file from {@code now} (where the folder is now). */
        public void release(Path now) {
            close();
            try {
                Files.deleteIfExists(now.resolve(WRITING));
            } catch (IOException e) {
                // an empty hidden file; harmless
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException | RuntimeException e) {
                // closing the channel releases it anyway
            }
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do
            }
        }

        public Path folder() {
            return folder;
        }
    }

    /**
     * Creates the hidden temporary sibling {@code .NAME.tmp-UUID} of {@code target} and marks it
     * as being written, so that {@link #removeStale} in another process leaves it alone.
     */
    public static Writing createTemp(Path target) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(temp);
        FileChannel ch = FileChannel.open(temp.resolve(WRITING), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            throw new IOException("cannot lock " + temp.resolve(WRITING));
        }
        return new Writing(temp, ch, lock);
    }

    /**
     * Removes the temporary folders that killed crackdown processes left in {@code parent}
     * ({@code .NAME.tmp-UUID} whose {@value #WRITING} file nobody holds). Folders still being
     * written, and those without the lock file (left by an older version), are left alone.
     *
     * @return the folders removed
     */
    public static List<Path> removeStale(Path parent) {
        List<Path> removed = new ArrayList<>();
        if (parent == null || !Files.isDirectory(parent)) {
            return removed;
        }
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
            for (Path p : s) {
                if (TEMP.matcher(p.getFileName().toString()).matches()
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.isRegularFile(p.resolve(WRITING), LinkOption.NOFOLLOW_LINKS)) {
                    candidates.add(p);
                }
            }
        } catch (IOException e) {
            return removed;
        }
        for (Path p : candidates) {
            try (FileChannel ch = FileChannel.open(p.resolve(WRITING), StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException inThisJvm) {
                    continue;
                }
                if (lock == null) {
                    continue; // a live process is writing it
                }
                try {
                    deleteTree(p);
                    removed.add(p);
                } finally {
                    if (lock.isValid()) {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                // cannot check or remove (read-only, gone meanwhile): leave it
            }
        }
        return removed;
    }

    /**
     * Puts the complete folder {@code fresh} (a sibling) in place of {@code target}: the old
     * target is renamed aside, the new one renamed in, then the old one deleted. Until the
     * rename the old results are untouched; if the rename fails they are put back.
     */
    public static void swap(Path fresh, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    /** Renames a file onto another, atomically where the file system allows. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it (nothing if it does not exist); links are not followed. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
