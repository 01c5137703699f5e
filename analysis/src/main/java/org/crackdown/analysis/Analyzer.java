package org.crackdown.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.ExperimentLoader;
import org.crackdown.analysis.io.OutputTable;
import org.crackdown.analysis.io.Provinces;
import org.crackdown.analysis.plot.Figure;
import org.crackdown.analysis.plot.FigureWriter;
import org.crackdown.analysis.report.Findings;
import org.crackdown.analysis.report.HtmlReport;
import org.crackdown.format.DataPackages;
import org.crackdown.format.FolderFiles;
import org.crackdown.format.Json;


/**
 * Runs an analysis end to end: reads the input folders, computes the comparisons, and writes the
 * tables, their descriptor, the figures and the HTML report into the output folder.
 */
public final class Analyzer {

    public static final String DEFAULT_OUT = "analysis";
    public static final String REPORT = "report.html";
    public static final String FIGURES = "figures";

    /** What was written. */
    public record Outcome(Path folder, Results results, int figures, Findings.Sentences findings) {
    }

    private Analyzer() {
    }

    /**
     * @param generator names the program in the report and descriptor (e.g. "crackdown 0.1.0")
     * @param log       progress lines for the user
     */
    public static Outcome run(AnalysisRequest req, String generator, PrintWriter log)
            throws AnalysisInputException, IOException {
        Path out = outputFolder(req);
        OutputFolder.check(out, req.force());
        Experiment e = ExperimentLoader.load(req.inputs(), req.poolBy());
        log.println("read " + e.runs().size() + " runs: " + e.strategies().size() + " strategies, "
                + e.points().size() + " design point(s)" + (e.timeSeries().isPresent() ? ", monthly series" : "")
                + (e.flows().isPresent() ? ", flows" : ""));
        Results results = Comparisons.compute(e, req);
        Optional<Provinces> provinces = req.provinces() != null ? Optional.of(Provinces.fromFile(req.provinces()))
                : Provinces.fromClasspath();
        try (OutputFolder folder = OutputFolder.open(out)) {
            Path dir = folder.temp();
            List<String> files = new ArrayList<>();
            List<OutputTable> tables = ResultTables.of(results);
            for (OutputTable t : tables) {
                t.write(dir);
                files.add(t.path());
            }
            writeDescriptor(dir, results, tables, generator);
            files.add(FolderFiles.DATAPACKAGE);
            List<HtmlReport.Drawn> drawn = new ArrayList<>();
            List<String> figureNotes = new ArrayList<>();
            if (req.figures()) {
                Files.createDirectory(dir.resolve(FIGURES));
                Figures.Built built = Figures.build(results, provinces);
                figureNotes.addAll(built.notes());
                for (Figure f : built.figures()) {
                    drawn.add(new HtmlReport.Drawn(f, FigureWriter.write(f, dir.resolve(FIGURES))));
                }
                files.add(FIGURES + "/ (" + drawn.size() + " figures, PNG and SVG)");
            }
            files.add(REPORT);
            Files.writeString(dir.resolve(REPORT), HtmlReport.render(results, drawn, figureNotes, files, generator,
                    out),
                    StandardCharsets.UTF_8);
            Path done = folder.commit(req.force());
            return new Outcome(done, results, drawn.size(), Findings.of(results));
        }
    }

    /** The output folder: as given, or INPUT/analysis, or PARENT/analysis for run folders sharing a parent. */
    static Path outputFolder(AnalysisRequest req) throws AnalysisInputException {
        if (req.out() != null) {
            return req.out();
        }
        if (req.inputs().size() == 1) {
            return req.inputs().get(0).resolve(DEFAULT_OUT);
        }
        Path parent = null;
        for (Path p : req.inputs()) {
            Path pp = p.toAbsolutePath().normalize().getParent();
            if (parent == null) {
                parent = pp;
            } else if (!parent.equals(pp)) {
                throw new AnalysisInputException("the input folders have different parents; say where to write with --out");
            }
        }
        return parent.resolve(DEFAULT_OUT);
    }

    private static void writeDescriptor(Path dir, Results r, List<OutputTable> tables, String generator)
            throws IOException {
        Map<String, Object> pkg = DataPackages.head("crackdown-analysis-" + Figures.slug(r.experiment().name()),
                "crackdown analysis of " + r.experiment().name(), "Comparison of strategies: summaries, paired "
                + "differences against " + r.baseline() + " (common random numbers, Holm-corrected), rankings and "
                + "sensitivity. See report.html.");
        pkg.put("generator", generator);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sources", r.experiment().inputs().stream().map(Object::toString).toList());
        settings.put("baseline", r.baseline());
        settings.put("metrics", r.metrics().stream().map(f -> f.name()).toList());
        settings.put("rank_by", r.rankBy().name());
        settings.put("rank_order", r.lowerIsBetter() ? "lower is better" : "higher is better");
        settings.put("precision", r.precision());
        settings.put("design", r.experiment().designKind());
        settings.put("comparison", r.design().sampled() ? "pooled over design points" : "per design point");
        settings.put("alpha", DifferenceRow.ALPHA);
        pkg.put("analysis", settings);
        pkg.put("resources", tables.stream().map(OutputTable::resource).toList());
        Json.write(dir.resolve(FolderFiles.DATAPACKAGE), pkg);
    }
}
