package org.crackdown.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The crackdown folder this code runs from: the unzipped release (crackdown.jar beside scenarios/)
 * or the checkout (simulation/target/crackdown.jar below it), found from the jar's location.
 */
final class InstallFolder {

    private InstallFolder() {
    }

    /** The folders that hold the running jar (or classes), nearest first. */
    static List<Path> codeFolders() {
        List<Path> roots = new ArrayList<>();
        try {
            Path code = Path.of(InstallFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code.getParent(); p != null; p = p.getParent()) {
                roots.add(p);
            }
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            // No code location (an unusual class loader): there is no crackdown folder to offer.
        }
        return roots;
    }

    /**
     * A relative scenario path that does not exist here but does in the crackdown folder (so that
     * {@code crackdown-0.1.0/crackdown run scenarios/china-2011.yaml} works from the folder the zip
     * was unpacked in); otherwise null.
     */
    static Path fallbackFor(Path file) {
        if (file == null || file.isAbsolute() || Files.exists(file)) {
            return null;
        }
        for (Path root : codeFolders()) {
            if (Files.isDirectory(root.resolve("scenarios"))) {
                Path candidate = root.resolve(file);
                return Files.isRegularFile(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
