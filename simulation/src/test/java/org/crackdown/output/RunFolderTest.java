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
        assertTrue(e.getMessage().contains("not a run folder"), e.getMessage());
        assertEquals("precious", Files.readString(target.resolve("thesis.tex")));
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "x");
        assertThrows(RunFolder.ExistsException.class, () -> RunFolder.open(file, true));
    }
}
