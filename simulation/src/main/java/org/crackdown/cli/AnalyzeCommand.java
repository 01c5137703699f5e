package org.crackdown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.analysis.AnalysisRequest;
import org.crackdown.analysis.Analyzer;
import org.crackdown.analysis.io.Scales;
import org.crackdown.format.CodeVersion;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crackdown analyze}: options only; the work is the analysis library's. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares strategies over a sweep folder, or over run folders (each scenario a strategy, "
                + "each seed a replicate), and writes tables (CSV + datapackage.json), figures (PNG, SVG) and a "
                + "self-contained report.html.",
                "Runs with the same design point and seed are paired (common random numbers): differences from "
                + "the baseline get 95%% CIs, paired t-tests and Holm-corrected p-values."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysis written", "1:failed while writing", "2:bad input (folders, options, existing output)"})
public final class AnalyzeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR",
            description = "A sweep folder (runs.csv), or run folders (summary.csv), or folders holding run folders.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "STRATEGY",
            description = "Strategy the others are compared with (default: the first strategy).")
    String baseline;

    @Option(names = "--metric", paramLabel = "M", split = ",",
            description = "Measure to compare and plot (repeatable or comma-separated; default: rescues, women_rescued, "
                    + "children_rescued, gangs_busted, suspects_arrested, cases_solved, victims_trafficked, "
                    + "buyers_prosecuted, rescues_per_officer_year, those present).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--precision", paramLabel = "P", defaultValue = "0.05",
            description = "Wanted 95%% CI half-width as a fraction of |baseline mean|, for the replications needed "
                    + "(default: ${DEFAULT-VALUE}).")
    double precision;

    @Option(names = "--rank-by", paramLabel = "M",
            description = "Measure to rank strategies by (default: rescues = women_rescued + children_rescued).")
    String rankBy;

    @Option(names = "--lower-is-better", description = "Rank the --rank-by measure lowest first (e.g. victims_trafficked).")
    boolean lowerIsBetter;

    @Option(names = "--pool-by", paramLabel = "KEY", split = ",",
            description = "Run folders of one scenario name are replicates of one strategy only if their resolved "
                    + "scenarios (run.json) agree; a run with another --set is refused, naming the keys that differ. "
                    + "Pool them anyway over these keys (repeatable or comma-separated, e.g. police.budget). Scale "
                    + "is never pooled: each scale is its own group.")
    List<String> poolBy = new ArrayList<>();

    @Mixin
    OutputOptions output;

    @Option(names = "--cost", paramLabel = "NAME=YUAN", description = "Price of one unit, for cost in yuan and "
            + "rescues and victims spared per million yuan (repeatable): officer_year (required for any cost in "
            + "yuan), buyer_prosecution, trafficker_prosecution, dna_rescue, joint_operation (default 0 = not "
            + "costed). No price has a published source: see docs/analysis.md.")
    java.util.Map<String, Double> costs = new java.util.LinkedHashMap<>();

    @Option(names = "--provinces", paramLabel = "FILE",
            description = "provinces.csv for the maps (columns code, name_en, capital_lat, capital_lon; default: the "
                    + "copy inside crackdown).")
    Path provinces;

    @Option(names = "--no-figures", description = "Tables and report only, no figures (faster).")
    boolean noFigures;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        AnalysisRequest req = new AnalysisRequest(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, output.out, output.force,
                provinces, !noFigures, costs, poolBy);
        try {
            PrintWriter progress = quiet.quiet ? new PrintWriter(java.io.Writer.nullWriter()) : stderr;
            Analyzer.Outcome o = Analyzer.run(req, "crackdown " + CodeVersion.current(), progress);
            stdout.println("analysis written to " + o.folder() + ": report.html, tables, " + o.figures() + " figures");
            stdout.println("baseline: " + o.results().baseline());
            stdout.println("simulated at " + Scales.inWords(o.results().experiment()));
            o.results().experiment().notes().forEach(n -> stdout.println("note: " + n));
            stdout.println("significant differences (Holm p < 0.05): " + o.findings().significant().size() + " of "
                    + o.results().differences().size());
            o.findings().significant().forEach(s -> stdout.println("  " + s));
            o.findings().rankings().forEach(s -> stdout.println(s));
            if (!o.findings().robust().isEmpty()) {
                stdout.println("over parameter uncertainty (" + o.results().robust().unit() + "), by "
                        + o.results().rankBy().name() + ":");
                o.findings().robust().forEach(s -> stdout.println("  " + s));
            }
            return Main.OK;
        } catch (AnalysisInputException e) {
            stderr.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IOException e) {
            stderr.println("error: cannot write the analysis: " + e.getMessage());
            return Main.FAILED;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }
}
