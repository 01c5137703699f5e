package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

import org.crackdown.calibration.ReplicateRunner;
import org.crackdown.format.CodeVersion;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Scenario;
import org.crackdown.output.RunFolder;
import org.crackdown.patterns.Pattern;
import org.crackdown.patterns.PatternCheck;
import org.crackdown.patterns.PatternResult;
import org.crackdown.patterns.PatternsReader;
import org.crackdown.patterns.PatternsReport;
import org.crackdown.scenario.ScenarioException;
import org.crackdown.scenario.ScenarioLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown patterns}: the standing validation report against every published figure. */
@Command(name = "patterns", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the model against the published figures in a patterns file "
                + "(scenarios/data/patterns.csv; docs/patterns.md): runs the scenarios the patterns name with "
                + "replicates and writes a folder with patterns.csv (each pattern: observed range, model mean and 95%% "
                + "CI per national-equivalent, in range or not, used in calibration or not) and patterns.html.",
                "A pattern whose output the model does not produce is reported as not measured. The folder "
                        + "appears only when every run has finished; results do not depend on --threads.",
                "With --markdown FILE, also writes the table as Markdown: into FILE between its "
                        + "'<!-- patterns:begin' and '<!-- patterns:end -->' lines if FILE exists (docs/ODD.md), "
                        + "else as a new file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the check ran (the report says which patterns pass and which fail)",
                "1:a run failed or was interrupted", "2:bad input (patterns file, scenario, options, existing folder)"})
public final class PatternsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "0..*",
            description = "Scenario files to run; each serves the patterns whose scenario column is its name, or "
                    + "NAME=FILE: FILE serves the patterns of scenario NAME (e.g. china-2011=runs/cal/fitted.yaml). "
                    + "Default: <name>.yaml in the folder above the patterns file, for every name it uses.")
    List<String> scenarioFiles = new ArrayList<>();

    @Option(names = "--patterns", paramLabel = "FILE", description = "Patterns file (default: ${DEFAULT-VALUE}).")
    Path patternsFile = Path.of("scenarios", "data", "patterns.csv");

    @Option(names = "--replicates", paramLabel = "N", converter = ReplicatesConverter.class,
            description = "Runs per scenario (default: ${DEFAULT-VALUE}).")
    int replicates = 10;

    @Option(names = "--scale", paramLabel = "S",
            description = "Scale of every run (default: ${DEFAULT-VALUE}); results are per national-equivalent.")
    double scale = 0.1;

    @Mixin
    ScenarioOptions scenarioOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also write the table as Markdown (e.g. docs/ODD.md, between its markers).")
    Path markdown;

    @Mixin
    ThreadsOption threads;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() throws ScenarioException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), usage);
        }
        List<Pattern> patterns = PatternsReader.read(patternsFile);
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        loadScenarios(patterns, scenarios, files, stderr);
        if (markdown != null && Files.exists(markdown)) {
            // Checked now so that a bad file is refused before the runs; read again at the end,
            // so edits made to it while the runs go on are kept.
            try {
                PatternsReport.replaceSection(Files.readString(markdown, StandardCharsets.UTF_8), "");
            } catch (IOException e) {
                stderr.println("error: cannot read " + markdown + ": " + RunCommand.reason(e));
                return Main.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                stderr.println("error: --markdown " + markdown + ": " + e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        Path target = output.folder(Path.of("runs", "patterns"));
        RunFolder folder = output.open(target, "patterns");
        int nThreads = threads.threads();
        String command = commandLine();
        PatternCheck.Outcome outcome;
        try (folder; ReplicateRunner runner = new ReplicateRunner(nThreads, folder::cancelled)) {
            long t0 = System.nanoTime();
            if (!quiet.quiet) {
                int[] done = {0};
                runner.onRunFinished(seed -> {
                    synchronized (done) {
                        done[0]++;
                        stderr.printf("run done (seed %d, %.0f s)%n", seed, (System.nanoTime() - t0) / 1e9);
                        stderr.flush();
                    }
                });
            }
            outcome = PatternCheck.run(patterns, scenarios, files, replicates, runner, run -> {
                stdout.printf("running %s (%s): scale %s, %d replicates, %d thread(s)%n", run.name(), run.file(),
                        ParamSpec.format(run.scale()), replicates, nThreads);
                stdout.flush();
            });
            Files.writeString(folder.temp().resolve("patterns.csv"), PatternsReport.csv(outcome), StandardCharsets.UTF_8);
            Files.writeString(folder.temp().resolve("patterns.html"),
                    PatternsReport.html(outcome, command, "crackdown " + CodeVersion.current()), StandardCharsets.UTF_8);
            folder.commit();
        } catch (CancellationException e) {
            stderr.println("interrupted: no patterns folder written");
            return Main.FAILED;
        } catch (IOException e) {
            stderr.println("error: cannot write the patterns folder " + target + ": " + RunCommand.reason(e));
            return Main.FAILED;
        } catch (ReplicateRunner.RunFailed e) {
            stderr.println("error: " + e.getMessage());
            stderr.println("(no patterns folder written; rerun with -Dcrackdown.debug=true for details)");
            if (Boolean.getBoolean("crackdown.debug")) {
                e.printStackTrace(stderr);
            }
            return Main.FAILED;
        }
        if (markdown != null) {
            String section = PatternsReport.markdown(outcome, command);
            try {
                writeAtomically(markdown, Files.exists(markdown)
                        ? PatternsReport.replaceSection(Files.readString(markdown, StandardCharsets.UTF_8), section)
                        : section);
            } catch (IOException e) {
                stderr.println("error: cannot write " + markdown + ": " + RunCommand.reason(e));
                return Main.FAILED;
            } catch (IllegalArgumentException e) {
                stderr.println("error: --markdown " + markdown + " changed during the runs: " + e.getMessage()
                        + " (the results are in " + target + ")");
                return Main.FAILED;
            }
        }
        print(stdout, target, outcome);
        return Main.OK;
    }

    private String usageProblem() {
        if (!(scale > 0 && scale <= 10)) {
            return "--scale must be above 0 and at most 10, got " + ParamSpec.format(scale);
        }
        return null;
    }

    /**
     * Loads the scenarios given (or the default file for every scenario name the patterns use),
     * with --scale and --set applied, keyed by scenario name.
     */
    private void loadScenarios(List<Pattern> patterns, Map<String, Scenario> scenarios, Map<String, String> files,
                               PrintWriter stderr) throws ScenarioException {
        Set<String> needed = new LinkedHashSet<>();
        patterns.forEach(p -> needed.add(p.scenario()));
        List<Map.Entry<Path, String>> paths = new ArrayList<>();
        for (String arg : scenarioFiles) {
            int eq = arg.indexOf('=');
            boolean named = eq > 0 && !arg.substring(0, eq).contains("/") && !arg.substring(0, eq).contains("\\");
            paths.add(new java.util.AbstractMap.SimpleEntry<>(Path.of(named ? arg.substring(eq + 1) : arg),
                    named ? arg.substring(0, eq) : null));
        }
        if (paths.isEmpty()) {
            Path dir = patternsFile.getParent() == null ? Path.of(".") : patternsFile.getParent();
            for (String name : needed) {
                Path f = dir.resolve("..").resolve(name + ".yaml").normalize();
                if (!Files.exists(f)) {
                    throw new ScenarioException(List.of(new org.crackdown.scenario.Problem(patternsFile.toString(), 0, 0,
                            "patterns need scenario " + name + ", but there is no " + f
                                    + "; give its file on the command line")));
                }
                paths.add(new java.util.AbstractMap.SimpleEntry<>(f, null));
            }
        }
        List<String> overrides = new ArrayList<>();
        overrides.add("scale=" + ParamSpec.format(scale));
        overrides.addAll(scenarioOptions.sets());
        for (Map.Entry<Path, String> e : paths) {
            Path f = e.getKey();
            Scenario s = ScenarioLoader.load(f, overrides);
            String name = e.getValue() != null ? e.getValue() : s.name();
            if (scenarios.containsKey(name)) {
                throw new ScenarioException(List.of(new org.crackdown.scenario.Problem(f.toString(), 0, 0,
                        "it would serve the patterns of scenario " + name + ", as " + files.get(name)
                                + " does; give one file per scenario name")));
            }
            scenarios.put(name, s);
            files.put(name, f.toString());
            if (!needed.contains(name)) {
                stderr.println("warning: no pattern in " + patternsFile + " uses scenario " + name + " (" + f
                        + "); it is not run. The patterns use: " + String.join(", ", needed)
                        + " (NAME=FILE runs a file for the patterns of NAME)");
            }
        }
    }

    /** The command that reproduces the results (leaving out what does not change them: folder, threads). */
    private String commandLine() {
        List<String> words = new ArrayList<>(List.of("./crackdown", "patterns"));
        words.addAll(scenarioFiles);
        if (!patternsFile.equals(Path.of("scenarios", "data", "patterns.csv"))) {
            words.addAll(List.of("--patterns", patternsFile.toString()));
        }
        words.addAll(List.of("--replicates", Integer.toString(replicates), "--scale", ParamSpec.format(scale)));
        scenarioOptions.sets().forEach(x -> words.addAll(List.of("--set", x)));
        if (markdown != null) {
            words.addAll(List.of("--markdown", markdown.toString()));
        }
        return String.join(" ", words);
    }

    /** Writes through a temporary sibling, so a failure leaves the old file as it was. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void print(PrintWriter out, Path folder, PatternCheck.Outcome o) {
        out.println("patterns folder: " + folder);
        // The first column as wide as the longest id, so that the table stays a table.
        int width = "pattern".length();
        for (PatternResult r : o.results()) {
            width = Math.max(width, r.pattern().id().length());
        }
        String row = "%-" + width + "s %-24s %-30s %s%s%n";
        out.printf(row, "pattern", "observed (accepted)", "model mean [95% CI]", "verdict", "");
        for (PatternResult r : o.results()) {
            Pattern p = r.pattern();
            String obs = PatternsReport.human(p.acceptLow()) + ".."
                    + (Double.isInfinite(p.acceptHigh()) ? "" : PatternsReport.human(p.acceptHigh()));
            String model = r.status() != PatternResult.Status.MEASURED ? "-"
                    : PatternsReport.mean(r) + (Double.isNaN(r.sample().ci().low()) ? ""
                    : " [" + PatternsReport.human(r.sample().ci().low()) + ", "
                    + PatternsReport.human(r.sample().ci().high()) + "]");
            out.printf(row, p.id(), obs, model, r.verdict(),
                    p.usedInCalibration() ? " (calibration target)" : "");
        }
        out.println(PatternsReport.tally(o.results()));
        out.flush();
    }
}
