package org.crackdown.analysis;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * The analysis output folder, written as a hidden temporary sibling and renamed into place only
 * when complete, so a failed analysis leaves nothing half-written and never damages the previous
 * result. {@code --force} replaces only a folder that is an earlier analysis (or empty), so a
 * mistyped {@code --out} cannot delete someone's data.
 */
final class OutputFolder implements AutoCloseable {

    static final String MARKER = "report.html";

    private final Path target;
    private final Path temp;
    private boolean committed;

    private OutputFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks that {@code target} may be written (before any work is done). */
    static void check(Path target, boolean force) throws AnalysisInputException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!force) {
            throw new AnalysisInputException("output folder " + target + " already exists; use --force to replace it, "
                    + "or --out to choose another folder");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new AnalysisInputException("cannot replace " + target + ": it is not a folder");
        }
        if (!Files.exists(target.resolve(MARKER)) && !isEmpty(target)) {
            throw new AnalysisInputException("refusing to replace " + target + ": it is not an analysis folder (no "
                    + MARKER + "); choose another folder with --out");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    static OutputFolder open(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path temp = abs.getParent().resolve("." + abs.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createDirectory(temp);
        return new OutputFolder(abs, temp);
    }

    Path temp() {
        return temp;
    }

    Path commit(boolean force) throws IOException, AnalysisInputException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            check(target, force);
            Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            deleteTree(old);
        } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
        return target;
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(temp);
            } catch (IOException ignored) {
                // Best effort: a leftover hidden temp folder is harmless and named as such.
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
