package org.crackdown.cli;

import org.crackdown.format.CodeVersion;

import picocli.CommandLine;

/** picocli's --version: the code version and git commit ({@link CodeVersion}) and the Java version. */
public final class BuildInfo implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"crackdown " + CodeVersion.current(),
                "Java " + System.getProperty("java.version")};
    }
}
