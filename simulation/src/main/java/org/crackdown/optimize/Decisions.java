package org.crackdown.optimize;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Allocation;
import org.crackdown.model.ParamRegistry;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Parameters;
import org.crackdown.scenario.CampaignKeys;
import org.crackdown.yaml.Place;

/**
 * What {@code crackdown optimize} may change, and how a point of the search's unit cube
 * [0, 1]^n becomes a strategy: scenario overrides that spend the same officers.
 *
 * <ul>
 * <li><b>tasks</b>: the split of the anti-trafficking officers between the named tasks (patrol,
 * investigation, DNA, buyer search: {@code police.*_share}). One coordinate per task, a logit
 * z = {@value #LOGIT_RANGE} (2u − 1); the shares are the softmax of the logits times the total
 * the base scenario gives those tasks, so every candidate has the same officers, split
 * differently (equal cost by construction). The bound on the logits keeps every task at 1/400
 * or more of the largest (e^6); shares are rounded to 6 decimals without adding up to more than
 * the total.</li>
 * <li><b>allocation</b>: the rule that shares officers among provinces ({@code police.allocation},
 * the only per-province lever the model has): one coordinate cut into as many equal bins as rules
 * listed. Every rule shares the same national officers.</li>
 * <li><b>ranges</b>: a parameter moved within [min, max] (on a log scale with {@code log: true}),
 * e.g. buyers.prosecution_probability. Keys that change the number of officers are refused by
 * the reader ({@link OptimizeReader#COST_KEYS}).</li>
 * <li><b>campaigns</b>: a named campaign's start day (one coordinate) and, optionally, its length
 * in days (another), with its intensity scaled so that its extra effort over its whole schedule
 * stays the scenario's ({@link CampaignTiming}).</li>
 * </ul>
 *
 * @param tasks     police share keys split by the search, in file order (empty: none)
 * @param taskTotal what the base scenario gives those keys together
 * @param rules     allocation rules to choose from (empty: the scenario's rule is kept)
 * @param ranges    parameters moved within bounds
 * @param campaigns campaigns whose timing is decided, resolved against the scenario
 */
public record Decisions(List<String> tasks, double taskTotal, List<Allocation> rules, List<Range> ranges,
                        List<CampaignTiming> campaigns) {

    /** Largest |logit| of a task: shares of two tasks differ at most e^(2 x 3), about 400 times. */
    public static final double LOGIT_RANGE = 3;

    /** A parameter moved within bounds (log: on a log scale). */
    public record Range(String key, double min, double max, boolean log, Place at) {
        double fromUnit(double u) {
            return log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
        }

        double toUnit(double v) {
            double x = Math.max(min, Math.min(max, v));
            return log ? (Math.log(x) - Math.log(min)) / (Math.log(max) - Math.log(min)) : (x - min) / (max - min);
        }
    }

    /** Decisions without campaign timing. */
    public Decisions(List<String> tasks, double taskTotal, List<Allocation> rules, List<Range> ranges) {
        this(tasks, taskTotal, rules, ranges, List.of());
    }

    public Decisions {
        tasks = List.copyOf(tasks);
        rules = List.copyOf(rules);
        ranges = List.copyOf(ranges);
        campaigns = List.copyOf(campaigns);
    }

    /** The decision's coordinates. */
    public int dimension() {
        return tasks.size() + (rules.isEmpty() ? 0 : 1) + ranges.size()
                + campaigns.stream().mapToInt(CampaignTiming::coordinates).sum();
    }

    /** Names of the coordinates, for history.csv ({@code x.police.patrol_share}, {@code x.police.allocation}). */
    public List<String> coordinates() {
        List<String> out = new ArrayList<>();
        tasks.forEach(k -> out.add("x." + k));
        if (!rules.isEmpty()) {
            out.add("x.police.allocation");
        }
        ranges.forEach(r -> out.add("x." + r.key()));
        for (CampaignTiming t : campaigns) {
            out.add("x." + CampaignKeys.key(t.name(), "start"));
            if (t.decidesLength()) {
                out.add("x." + CampaignKeys.PREFIX + t.name() + ".length_days");
            }
        }
        return out;
    }

    /** The scenario keys a decision sets, in the order of {@link #values}. */
    public List<String> keys() {
        List<String> out = new ArrayList<>(tasks);
        if (!rules.isEmpty()) {
            out.add("police.allocation");
        }
        ranges.forEach(r -> out.add(r.key()));
        for (CampaignTiming t : campaigns) {
            for (String field : List.of("start", "end", "intensity")) {
                out.add(CampaignKeys.key(t.name(), field));
            }
        }
        return out;
    }

    /** The value of each key at the point {@code u} of the unit cube, as the scenario loader reads it. */
    public List<String> values(double[] u) {
        if (u.length != dimension()) {
            throw new IllegalArgumentException(u.length + " coordinates for a decision of " + dimension());
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        if (!tasks.isEmpty()) {
            double[] z = new double[tasks.size()];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < z.length; k++) {
                z[k] = LOGIT_RANGE * (2 * clamp(u[i + k]) - 1);
                max = Math.max(max, z[k]);
            }
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = Math.exp(z[k] - max);
                sum += z[k];
            }
            // Six decimals, so what history.csv and best.yaml show is exactly what ran; rounding
            // must not add officers, so any excess over the total comes off the largest share.
            long[] micro = new long[z.length];
            long totalMicro = Math.round(taskTotal * 1e6);
            long excess = -totalMicro;
            int largest = 0;
            for (int k = 0; k < z.length; k++) {
                micro[k] = Math.round(taskTotal * z[k] / sum * 1e6);
                excess += micro[k];
                largest = micro[k] > micro[largest] ? k : largest;
            }
            micro[largest] -= Math.max(0, excess);
            for (long m : micro) {
                out.add(ParamSpec.format(m / 1e6));
            }
            i += tasks.size();
        }
        if (!rules.isEmpty()) {
            int bin = Math.min(rules.size() - 1, (int) Math.floor(clamp(u[i]) * rules.size()));
            out.add(rules.get(bin).yamlName());
            i++;
        }
        for (Range r : ranges) {
            ParamSpec spec = ParamRegistry.find(r.key()).orElseThrow();
            double v = r.fromUnit(clamp(u[i++]));
            // Six significant digits: what history.csv and best.yaml show is exactly what ran.
            String text = spec.kind() == ParamSpec.Kind.INTEGER ? Long.toString(Math.round(v))
                    : ParamSpec.format(roundTo(v, 6));
            out.add(ParamSpec.format(spec.parse(text)));
        }
        for (CampaignTiming t : campaigns) {
            out.addAll(t.values(u, i));
            i += t.coordinates();
        }
        return out;
    }

    /** {@code key=value} overrides for the scenario loader. */
    public List<String> overrides(double[] u) {
        List<String> keys = keys();
        List<String> values = values(u);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            out.add(keys.get(k) + "=" + values.get(k));
        }
        return out;
    }

    /**
     * The base scenario's own strategy as a point of the cube, where the search starts: its task
     * shares (each logit log(share) minus the mean, clipped to the range), its rule's bin (the first
     * bin if its rule is not listed), its values of the ranged parameters and its campaigns' start and
     * length (clipped to the bounds).
     */
    public double[] start(Parameters base) {
        double[] u = new double[dimension()];
        int i = 0;
        if (!tasks.isEmpty()) {
            double[] logs = new double[tasks.size()];
            double mean = 0;
            for (int k = 0; k < logs.length; k++) {
                double share = ((Number) ParamRegistry.find(tasks.get(k)).orElseThrow().get(base)).doubleValue();
                logs[k] = Math.log(Math.max(share, 1e-9));
                mean += logs[k] / logs.length;
            }
            for (int k = 0; k < logs.length; k++) {
                u[i + k] = clamp(((logs[k] - mean) / LOGIT_RANGE + 1) / 2);
            }
            i += tasks.size();
        }
        if (!rules.isEmpty()) {
            int bin = Math.max(0, rules.indexOf(base.getAllocation()));
            u[i++] = (bin + 0.5) / rules.size();
        }
        for (Range r : ranges) {
            u[i++] = r.toUnit(((Number) ParamRegistry.find(r.key()).orElseThrow().get(base)).doubleValue());
        }
        for (CampaignTiming t : campaigns) {
            t.start(u, i);
            i += t.coordinates();
        }
        return u;
    }

    static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    static double roundTo(double v, int significant) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(significant)).doubleValue();
    }
}
