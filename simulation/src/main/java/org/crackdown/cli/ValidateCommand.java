package org.crackdown.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crackdown.model.Scenario;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crackdown validate FILE...}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files without running them.",
                "Prints one 'ok' line per valid file; for invalid files, every problem as FILE:LINE:COL: message.",
                "Exit code 0 if all files are valid, 2 otherwise."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
    List<String> files = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key before validating (as for run); repeatable.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (String file : files) {
            try {
                Scenario s = ScenarioLoader.load(Path.of(file), sets);
                out.println("ok  " + file + " (" + s.name() + ", " + s.start() + ".." + s.end() + ", "
                        + count(s.campaigns().size(), "campaign") + ", "
                        + count(s.timeline().size(), "timeline change") + ")");
            } catch (ScenarioException e) {
                allValid = false;
                for (Problem p : e.problems()) {
                    err.println(p);
                }
            } catch (java.nio.file.InvalidPathException e) {
                allValid = false;
                err.println(file + ": not a valid file path");
            }
        }
        out.flush();
        err.flush();
        return allValid ? Main.OK : Main.BAD_INPUT;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
