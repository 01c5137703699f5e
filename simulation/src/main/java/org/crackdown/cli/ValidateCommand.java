package org.crackdown.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crackdown.calibration.CalibrationSpec;
import org.crackdown.calibration.TargetsReader;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.optimize.OptimizeReader;
import org.crackdown.optimize.OptimizeRun;
import org.crackdown.optimize.OptimizeSpec;
import org.crackdown.scenario.Problem;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;
import org.crackdown.sweep.SweepPlan;
import org.crackdown.yaml.YamlFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crackdown validate FILE...}: checks scenario, sweep, targets and optimize files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario, sweep, calibration targets and optimize files without running them.",
                "The kind of each file is told from its keys: an optimize file has objective, decisions, search or "
                        + "compare; a targets file has targets, free, scenario, "
                        + "scale_counts or optimizer; a sweep file has base, vary, strategies, replicates or another "
                        + "sweep key; anything else is read as a scenario.",
                "Prints one 'ok' line per valid file; for invalid files, every problem as FILE:LINE:COL: message.",
                "Exit code 0 if all files are valid, 2 otherwise."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario, sweep, targets or optimize files (YAML).")
    List<String> files = new ArrayList<>();

    @Mixin
    ScenarioOptions scenarioOptions;

    /** What a file is, told from its top-level keys. */
    enum Kind { SCENARIO, SWEEP, TARGETS, OPTIMIZE }

    /** Keys only an optimize file has (it shares scenario, set, replicates and seeds with others). */
    private static final List<String> OPTIMIZE_ONLY = List.of("objective", "decisions", "search", "compare");

    /** Keys only a targets file has (it shares replicates and seeds with sweep files). */
    private static final List<String> TARGETS_ONLY = List.of("scenario", "scale_counts", "targets", "free",
            "optimizer");
    /** Keys only a sweep file has. */
    private static final List<String> SWEEP_ONLY = List.of("base", "replicates", "seeds", "design", "samples",
            "design_seed", "vary", "parameters", "strategies", "keep_timeseries", "fork_at");

    static Kind kind(Path file) {
        List<String> keys = YamlFiles.topLevelKeys(file);
        if (keys.stream().anyMatch(OPTIMIZE_ONLY::contains)) {
            return Kind.OPTIMIZE;
        }
        if (keys.stream().anyMatch(TARGETS_ONLY::contains)) {
            return Kind.TARGETS;
        }
        if (keys.stream().anyMatch(SWEEP_ONLY::contains)) {
            return Kind.SWEEP;
        }
        return Kind.SCENARIO;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (String file : files) {
            try {
                out.println("ok  " + file + " (" + check(Path.of(file)) + ")");
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

    /** Checks one file as what it is; a description of it for the "ok" line. */
    private String check(Path file) throws ScenarioException {
        Kind kind = kind(file);
        if (kind != Kind.SCENARIO && !scenarioOptions.sets().isEmpty()) {
            throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "--set applies to scenario files; "
                    + "this is a " + (kind == Kind.SWEEP ? "sweep file (fix values under its set:)"
                    : kind == Kind.OPTIMIZE ? "optimize file (fix values under its set:)"
                    : "calibration targets file (fix values under its set:)"))));
        }
        if (kind == Kind.SWEEP) {
            SweepPlan p = SweepPlan.load(file);
            return "sweep " + p.spec().name() + ": " + count(p.runCount(), "run") + ", "
                    + count(p.spec().strategies().size(), "strategy") + ", base " + p.spec().base();
        }
        if (kind == Kind.OPTIMIZE) {
            OptimizeSpec o = OptimizeReader.read(file);
            OptimizeRun run = OptimizeRun.prepare(o, List.of(), org.crackdown.scenario.ScenarioFiles.fromDisk());
            return "optimize " + o.name() + ": " + count(run.decisions().dimension(), "decision coordinate") + ", "
                    + o.objective().criterion() + " of " + o.objective().measure() + ", "
                    + count(o.compare().strategies().size(), "named strategy") + ", scenario " + o.scenario();
        }
        if (kind == Kind.TARGETS) {
            CalibrationSpec c = TargetsReader.read(file);
            ScenarioLoader.load(c.scenario(), c.sets());
            return "calibration targets " + c.name() + ": " + count(c.targets().size(), "target") + ", "
                    + count(c.free().size(), "free parameter") + ", scenario " + c.scenario();
        }
        Scenario s = scenarioOptions.load(file);
        return s.name() + ", " + s.start() + ".." + s.end() + ", " + count(s.campaigns().size(), "campaign")
                + campaigns(s) + ", " + count(s.timeline().size(), "timeline change");
    }

    /** Each campaign's dates and strength, so that a --set campaigns.NAME.FIELD can be seen to act. */
    private static String campaigns(Scenario s) {
        if (s.campaigns().isEmpty()) {
            return "";
        }
        List<String> each = new ArrayList<>();
        for (org.crackdown.model.Campaign c : s.campaigns()) {
            each.add(c.name() + " " + c.start() + ".." + c.end() + " x" + ParamSpec.format(c.intensity())
                    + (c.halfLifeDays() > 0 ? " half-life " + ParamSpec.format(c.halfLifeDays()) + " days" : ""));
        }
        return " [" + String.join("; ", each) + "]";
    }

    private static String count(int n, String what) {
        return n + " " + (n == 1 ? what : what.endsWith("y") ? what.substring(0, what.length() - 1) + "ies"
                : what + "s");
    }
}
