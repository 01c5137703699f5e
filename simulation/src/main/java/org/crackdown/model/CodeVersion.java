package org.crackdown.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code a checkpoint was written by: a model saved by other code may not mean the same thing
 * when read back (fields added, processes reordered), so a checkpoint is only read by the code
 * that wrote it. Read from the git properties the build records (version, commit, dirty flag).
 */
public final class CodeVersion {

    private static final String CURRENT;

    static {
        Properties git = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream("/crackdown-git.properties")) {
            if (in != null) {
                git.load(in);
            }
        } catch (IOException e) {
            // "unknown" below
        }
        String commit = git.getProperty("git.commit.id", "unknown");
        CURRENT = git.getProperty("git.build.version", "unknown") + " (commit " + commit
                + ("true".equals(git.getProperty("git.dirty")) ? "-dirty" : "") + ")";
    }

    private CodeVersion() {
    }

    public static String current() {
        return CURRENT;
    }
}
