package org.crackdown.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code's version and git commit, recorded at build time by the git-commit-id plugin, for
 * provenance (run.json, sweep.json, calibration and bench files, --version) and checkpoints: a
 * model saved by other code may not mean the same thing when read back (fields added, processes
 * reordered), so a checkpoint is only read by the code that wrote it ({@link #current()}).
 */
public final class CodeVersion {

    private static final Properties GIT = new Properties();

    static {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/crackdown-git.properties")) {
            if (in != null) {
                GIT.load(in);
            }
        } catch (IOException e) {
            // Leave empty: version() and commit() then say "unknown".
        }
    }

    private CodeVersion() {
    }

    /** The build's version, e.g. 0.1.0-SNAPSHOT. */
    public static String version() {
        return GIT.getProperty("git.build.version", "unknown");
    }

    /** Full commit hash, with "-dirty" when the tree had uncommitted changes at build time. */
    public static String commit() {
        String id = GIT.getProperty("git.commit.id", "unknown");
        return "true".equals(GIT.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    /** Version and commit in one string, as checkpoints record them. */
    public static String current() {
        return version() + " (commit " + commit() + ")";
    }
}
