package org.crackdown.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to analyse and how.
 *
 * @param inputs     a sweep folder, or run folders (or folders holding run folders)
 * @param baseline   strategy the others are compared with; null = the first strategy
 * @param metrics    measures to compare and plot; empty = the headline measures present
 * @param precision  wanted CI half-width as a fraction of |baseline mean|, for the number of
 *                   replications needed (0.05 = ±5%)
 * @param rankBy     measure to rank strategies by; null = rescues (women + children)
 * @param lowerIsBetter whether a lower {@code rankBy} is better (e.g. victims_trafficked)
 * @param out        output folder; null = INPUT/analysis
 * @param force      replace an existing output folder
 * @param provinces  provinces.csv for maps; null = the bundled classpath copy
 * @param figures    whether to draw figures (PNG, SVG) and embed them in the report
 * @param costs      yuan per unit by {@link Costs#PRICES} key (--cost); absent = the default
 * @param poolBy     resolved scenario keys run folders of one scenario name may differ in and still
 *                   be pooled into one strategy (--pool-by); any other difference is refused
 */
public record AnalysisRequest(List<Path> inputs, String baseline, List<String> metrics, double precision, String rankBy,
        boolean lowerIsBetter, Path out, boolean force, Path provinces, boolean figures, Map<String, Double> costs,
        List<String> poolBy) {

    public static final double DEFAULT_PRECISION = 0.05;

    public AnalysisRequest {
        inputs = List.copyOf(inputs);
        poolBy = List.copyOf(poolBy);
        metrics = List.copyOf(metrics);
        costs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(costs));
    }

    /** Pooling over no scenario key. */
    public AnalysisRequest(List<Path> inputs, String baseline, List<String> metrics, double precision, String rankBy,
            boolean lowerIsBetter, Path out, boolean force, Path provinces, boolean figures, Map<String, Double> costs) {
        this(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, out, force, provinces, figures, costs, List.of());
    }

    /** Without costs in yuan. */
    public AnalysisRequest(List<Path> inputs, String baseline, List<String> metrics, double precision, String rankBy,
            boolean lowerIsBetter, Path out, boolean force, Path provinces, boolean figures) {
        this(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, out, force, provinces, figures, Map.of());
    }

    public AnalysisRequest withCosts(Map<String, Double> c) {
        return new AnalysisRequest(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, out, force, provinces,
                figures, c, poolBy);
    }

    /** Defaults for everything but the inputs. */
    public static AnalysisRequest of(List<Path> inputs) {
        return new AnalysisRequest(inputs, null, List.of(), DEFAULT_PRECISION, null, false, null, false, null, true);
    }

    public AnalysisRequest withOut(Path o, boolean f) {
        return new AnalysisRequest(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, o, f, provinces, figures, costs, poolBy);
    }

    public AnalysisRequest withPoolBy(List<String> keys) {
        return new AnalysisRequest(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, out, force, provinces,
                figures, costs, keys);
    }

    public AnalysisRequest withBaseline(String b) {
        return new AnalysisRequest(inputs, b, metrics, precision, rankBy, lowerIsBetter, out, force, provinces, figures, costs, poolBy);
    }

    public AnalysisRequest withMetrics(List<String> m) {
        return new AnalysisRequest(inputs, baseline, m, precision, rankBy, lowerIsBetter, out, force, provinces, figures, costs, poolBy);
    }

    public AnalysisRequest withFigures(boolean f) {
        return new AnalysisRequest(inputs, baseline, metrics, precision, rankBy, lowerIsBetter, out, force, provinces, f, costs, poolBy);
    }
}
