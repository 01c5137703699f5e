package org.crackdown.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.crackdown.format.OutputFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path dir;

    private List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesAppearUnderTheTargetOnlyAfterCommit() throws IOException {
        Path target = dir.resolve("run-1");
        try (RunFolder f = RunFolder.open(target, false)) {
            Files.writeString(f.temp().resolve("a.csv"), "x\n");
            assertFalse(Files.exists(target));
            assertTrue(f.temp().getFileName().toString().startsWith(".run-1.tmp-"), f.temp().toString());
            assertEquals(dir, f.temp().getParent());
            f.commit();
        }
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("run-1"), names(dir), "no temporary folder left");
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws IOException {
        Path target = dir.resolve("run-1");
        try (RunFolder f = RunFolder.open(target, false)) {
            Files.writeString(f.temp().resolve("a.csv"), "x\n");
            Files.createDirectories(f.temp().resolve("sub"));
            Files.writeString(f.temp().resolve("sub/b.csv"), "y\n");
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void foldersCreatedForTheTargetAreRemovedIfTheRunFails() throws IOException {
        Path target = dir.resolve("runs/nested/run-1");
        try (RunFolder f = RunFolder.open(target, false)) {
            assertEquals(dir.resolve("runs/nested"), f.temp().getParent());
        }
        assertEquals(List.of(), names(dir));
    }

    @Test
    void existingFolderIsRefusedWithoutReplace() throws IOException {
        Path target = dir.resolve("run-1");
        Files.createDirectories(target);
        Files.writeString(target.resolve(RunManifest.FILE), "{}");
        RunFolder.ExistsException e = assertThrows(RunFolder.ExistsException.class, () -> RunFolder.open(target, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals(List.of("run-1"), names(dir), "no temporary folder created");
        assertEquals("{}", Files.readString(target.resolve(RunManifest.FILE)));
    }

    @Test
    void replaceSwapsTheOldRunFolderOnlyAtCommit() throws IOException {
        Path target = dir.resolve("run-1");
        Files.createDirectories(target);
        Files.writeString(target.resolve(RunManifest.FILE), "old");
        Files.writeString(target.resolve("stale.csv"), "old");
        OutputFolders.claimAll(target, "run");
        try (RunFolder f = RunFolder.open(target, true)) {
            Files.writeString(f.temp().resolve(RunManifest.FILE), "new");
            assertEquals("old", Files.readString(target.resolve(RunManifest.FILE)), "old run intact while running");
            f.commit();
        }
        assertEquals("new", Files.readString(target.resolve(RunManifest.FILE)));
        assertFalse(Files.exists(target.resolve("stale.csv")), "nothing of the old run mixed in");
        assertEquals(List.of("run-1"), names(dir));
    }

    @Test
    void failedReplacementKeepsTheOldRun() throws IOException {
        Path target = dir.resolve("run-1");
        Files.createDirectories(target);
        Files.writeString(target.resolve(RunManifest.FILE), "old");
        OutputFolders.claimAll(target, "run");
        try (RunFolder f = RunFolder.open(target, true)) {
            Files.writeString(f.temp().resolve(RunManifest.FILE), "new");
        }
        assertEquals("old", Files.readString(target.resolve(RunManifest.FILE)));
        assertEquals(List.of("run-1"), names(dir));
    }

    @Test
    void replaceRefusesAFolderThatIsNotARunFolder() throws IOException {
        Path target = dir.resolve("mine");
        Files.createDirectories(target);
        Files.writeString(target.resolve("thesis.tex"), "precious");
        RunFolder.ExistsException e = assertThrows(RunFolder.ExistsException.class, () -> RunFolder.open(target, true));
        assertTrue(e.getMessage().contains("did not write") && e.getMessage().contains("thesis.tex"), e.getMessage());
        assertEquals("precious", Files.readString(target.resolve("thesis.tex")));
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "x");
        assertThrows(RunFolder.ExistsException.class, () -> RunFolder.open(file, true));
    }

    /** Issue 12: a folder with a run.json was deleted whole by --force, with the user's src/ in it. */
    @Test
    void replaceRefusesARunFolderWithSomeoneElsesFilesInItAndTouchesNothing() throws IOException {
        Path target = dir.resolve("run-1");
        try (RunFolder f = RunFolder.open(target, false)) {
            Files.writeString(f.temp().resolve(RunManifest.FILE), "ours");
            f.commit();
        }
        assertTrue(Files.readString(target.resolve(OutputFolders.MARKER)).contains(RunManifest.FILE));
        Files.createDirectories(target.resolve("src"));
        Files.writeString(target.resolve("src/Main.java"), "precious");
        RunFolder.ExistsException e = assertThrows(RunFolder.ExistsException.class, () -> RunFolder.open(target, true));
        assertTrue(e.getMessage().contains("did not write") && e.getMessage().contains("Main.java"), e.getMessage());
        assertEquals("precious", Files.readString(target.resolve("src/Main.java")));
        assertEquals("ours", Files.readString(target.resolve(RunManifest.FILE)));
        assertEquals(List.of("run-1"), names(dir), "no temporary folder left");

        // An older run folder (a run.json but no marker) is not recognised as crackdown's either.
        Path old = Files.createDirectories(dir.resolve("old-run"));
        Files.writeString(old.resolve(RunManifest.FILE), "{}");
        assertThrows(RunFolder.ExistsException.class, () -> RunFolder.open(old, true));
        assertTrue(Files.exists(old.resolve(RunManifest.FILE)));
    }

    /** Issue 12: kill -9 left .NAME.tmp-UUID folders that nothing removed. */
    @Test
    void theNextRunRemovesTemporaryFoldersOfKilledRunsButNotThoseBeingWritten() throws IOException {
        OutputFolders.Writing dead = OutputFolders.createTemp(dir.resolve("run-1"));
        Path killed = dead.folder();
        Files.writeString(killed.resolve("timeseries.csv"), "half");
        // What kill -9 leaves: the folder and its lock file, the lock released by the kernel.
        dead.close();
        Path stranger = Files.createDirectories(dir.resolve(".notes.tmp-1"));
        try (OutputFolders.Writing live = OutputFolders.createTemp(dir.resolve("run-2"))) {
            try (RunFolder f = RunFolder.open(dir.resolve("run-3"), false)) {
                assertEquals(List.of(killed), f.removedStale());
                assertFalse(Files.exists(killed));
                assertTrue(Files.exists(live.folder()), "a folder being written is left alone");
                assertTrue(Files.exists(stranger), "a folder of another name pattern is left alone");
            }
        }
    }
}
