package org.crackdown.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --set KEY=VALUE} (repeatable): overrides of scenario keys, applied after the file's own values. */
public final class ScenarioOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE", descriptionKey = "set",
            description = "Override a scenario key, e.g. --set scale=0.1 (repeatable).")
    List<String> sets = new ArrayList<>();

    /** The overrides as given, in order. */
    List<String> sets() {
        return sets;
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * {@code file} with the overrides applied. A relative path missing from the current folder is
     * read from the crackdown folder if it is there (say, scenarios/china-2011.yaml after unzipping
     * the release elsewhere), with a note on stderr naming the file read.
     */
    Scenario load(Path file) throws ScenarioException {
        Path there = InstallFolder.fallbackFor(file);
        if (there != null) {
            if (command != null) {
                command.commandLine().getErr().println("note: " + file + " is not in the current folder; reading "
                        + there + " from the crackdown folder");
            }
            return ScenarioLoader.load(there, sets);
        }
        return ScenarioLoader.load(file, sets);
    }
}
