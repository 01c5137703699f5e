package org.crackdown.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/** Code version and git commit, recorded at build time by the git-commit-id plugin. */
public final class BuildInfo {

    private static final Properties GIT = new Properties();

    static {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/crackdown-git.properties")) {
            if (in != null) {
                GIT.load(in);
            }
        } catch (IOException e) {
            // Leave empty: version() and commit() then say "unknown".
        }
    }

    private BuildInfo() {
    }

    public static String version() {
        return GIT.getProperty("git.build.version", "unknown");
    }

    /** Full commit hash, with "-dirty" when the tree had uncommitted changes at build time. */
    public static String commit() {
        String id = GIT.getProperty("git.commit.id", "unknown");
        return "true".equals(GIT.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    /** For picocli's --version. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"crackdown " + version() + " (commit " + commit() + ")",
                    "Java " + System.getProperty("java.version")};
        }
    }
}
