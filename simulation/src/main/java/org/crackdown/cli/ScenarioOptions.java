package org.crackdown.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Scenario;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;

import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE} (repeatable): overrides of scenario keys, applied after the file's own values. */
public final class ScenarioOptions {

    @Option(names = "--set", paramLabel = "KEY=VALUE", descriptionKey = "set",
            description = "Override a scenario key, e.g. --set scale=0.1 (repeatable).")
    List<String> sets = new ArrayList<>();

    /** The overrides as given, in order. */
    List<String> sets() {
        return sets;
    }

    /** {@code file} with the overrides applied. */
    Scenario load(Path file) throws ScenarioException {
        return ScenarioLoader.load(file, sets);
    }
}
