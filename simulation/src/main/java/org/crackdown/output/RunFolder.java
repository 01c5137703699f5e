package org.crackdown.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.crackdown.format.OutputFolders;

/**
 * The folder a run writes into. Everything goes to a hidden temporary sibling first, which is
 * renamed onto the real name only when the run has succeeded; if the run fails, is closed
 * without {@link #commit()}, or the JVM is interrupted (Ctrl-C), the temporary folder is
 * deleted. So a run folder either is complete or does not exist — never half-written.
 *
 * <p>A committed folder carries crackdown's marker ({@link OutputFolders#MARKER}) naming its
 * files; {@code --force} replaces a folder only if everything in it is crackdown's. Temporary
 * folders left by killed runs in the same parent are removed when the next run opens.
 */
public final class RunFolder implements AutoCloseable {

    /** The target exists and may not be replaced; the message says why and what to do. */
    public static final class ExistsException extends IOException {
        private static final long serialVersionUID = 1L;

        ExistsException(String message) {
            super(message);
        }
    }

    /** How long Ctrl-C waits for the run to stop writing before deleting under it. */
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final Path target;
    private final boolean replace;
    private final Path temp;
    private final OutputFolders.Writing writing;
    private final List<Path> removedStale;
    /** A parent folder this object created (e.g. runs/), removed again if the run leaves nothing in it. */
    private final Path createdParent;
    private final Thread hook;
    private final CountDownLatch released = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private boolean committed;
    private boolean closed;

    private RunFolder(Path target, boolean replace, OutputFolders.Writing writing, Path createdParent,
                      List<Path> removedStale) {
        this.target = target;
        this.replace = replace;
        this.writing = writing;
        this.temp = writing.folder();
        this.removedStale = removedStale;
        this.createdParent = createdParent;
        this.hook = new Thread(this::onShutdown, "crackdown-run-folder-cleanup");
    }

    /**
     * Checks the target and creates the temporary folder. Fails with {@link ExistsException} if
     * the target exists and {@code replace} is false, or if it holds anything crackdown did not
     * write (so {@code --force} on a mistyped path cannot delete someone's files).
     */
    public static RunFolder open(Path target, boolean replace) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new ExistsException("cannot use " + target + " as a run folder");
        }
        checkReplaceable(target, abs, replace);
        Path parent = abs.getParent();
        Path createdParent = null;
        if (!Files.isDirectory(parent)) {
            createdParent = topmostMissing(parent);
            Files.createDirectories(parent);
        }
        List<Path> stale = OutputFolders.removeStale(parent);
        RunFolder f = new RunFolder(abs, replace, OutputFolders.createTemp(abs), createdParent, stale);
        try {
            Runtime.getRuntime().addShutdownHook(f.hook);
        } catch (IllegalStateException shuttingDown) {
            f.close();
            throw new CancellationException("shutting down");
        }
        return f;
    }

    private static void checkReplaceable(Path given, Path abs, boolean replace) throws IOException {
        String refusal = OutputFolders.replaceRefusal(given, abs, replace);
        if (refusal != null) {
            throw new ExistsException(refusal);
        }
    }

    /** Temporary folders of killed runs that {@link #open} found in the parent folder and removed. */
    public List<Path> removedStale() {
        return removedStale;
    }

    private static Path topmostMissing(Path dir) {
        Path missing = dir;
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        return missing;
    }

    /** Where the run writes its files until {@link #commit()}. */
    public Path temp() {
        return temp;
    }

    /** The final folder. */
    public Path target() {
        return target;
    }

    /** True once the JVM has started shutting down: the run should stop writing. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Renames the temporary folder to the target (replacing the old one if allowed) and returns it. */
    public Path commit() throws IOException {
        synchronized (lock) {
            if (cancelled) {
                throw new CancellationException("interrupted");
            }
            if (committed || closed) {
                throw new IllegalStateException("run folder already committed or closed");
            }
            OutputFolders.claimAll(temp, "run");
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                checkReplaceable(target, target, replace); // again: files may have been added meanwhile
            }
            OutputFolders.swap(temp, target);
            writing.release(target);
            committed = true;
        }
        return target;
    }

    /** Deletes the temporary folder unless committed. Safe to call more than once. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (!committed) {
                discard();
            }
        }
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | SecurityException shuttingDown) {
            // The hook is running or about to; it will find the folder already gone.
        }
    }

    private void discard() {
        writing.close();
        try {
            deleteTree(temp);
        } catch (IOException e) {
            return; // Nothing more can be done; the caller reports the run's own failure.
        }
        if (createdParent != null) {
            // Remove the folders we created above the target, innermost first, only while empty.
            for (Path d = target.getParent(); d != null && d.startsWith(createdParent); d = d.getParent()) {
                try {
                    Files.delete(d);
                } catch (IOException notEmptyOrGone) {
                    break;
                }
            }
        }
    }

    private void onShutdown() {
        synchronized (lock) {
            if (committed || closed) {
                return;
            }
            cancelled = true;
        }
        try {
            // Let the run notice and clean up itself, so nothing writes into the folder as it goes.
            released.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (!committed) {
                discard();
            }
        }
    }

    /** Deletes a folder and everything in it (nothing if it does not exist); links are not followed. */
    public static void deleteTree(Path root) throws IOException {
        OutputFolders.deleteTree(root);
    }
}
