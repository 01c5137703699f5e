package org.crackdown.optimize;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Allocation;
import org.crackdown.model.Campaign;
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
 * stays the scenario's ({@link Timing}).</li>
 * </ul>
 *
 * @param tasks     police share keys split by the search, in file order (empty: none)
 * @param taskTotal what the base scenario gives those keys together
 * @param rules     allocation rules to choose from (empty: the scenario's rule is kept)
 * @param ranges    parameters moved within bounds
 * @param campaigns campaigns whose timing is decided, resolved against the scenario
 */
public record Decisions(List<String> tasks, double taskTotal, List<Allocation> rules, List<Range> ranges,
                        List<Timing> campaigns) {

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

    /**
     * A campaign's timing decided at equal effort. The start is a day from {@code earliest} to
     * {@code latest}; the length is {@code shortest..longest} days, or the scenario's own when
     * {@code shortest} is 0. A campaign cannot outlast the run: it ends on the run's last day at
     * the latest. Its extra effort, intensity × Σ over its days d = 0..L−1 of 0.5^(d / half-life)
     * (in days of routine effort, as {@link org.crackdown.model.Campaign#boostOn} schedules it), is
     * held at the scenario's campaign's: a shorter campaign is more intense, a moved one the same.
     *
     * @param base   the scenario's campaign (null until resolved against the scenario)
     * @param runEnd the run's last day (null until resolved)
     */
    public record Timing(String name, LocalDate earliest, LocalDate latest, int shortest, int longest, Place at,
                         Campaign base, LocalDate runEnd) {

        /** As the reader gives it, before the scenario is known. */
        public Timing(String name, LocalDate earliest, LocalDate latest, int shortest, int longest, Place at) {
            this(name, earliest, latest, shortest, longest, at, null, null);
        }

        public Timing resolved(Campaign campaign, LocalDate lastDay) {
            return new Timing(name, earliest, latest, shortest, longest, at, campaign, lastDay);
        }

        public boolean decidesLength() {
            return shortest > 0;
        }

        int coordinates() {
            return decidesLength() ? 2 : 1;
        }

        long span() {
            return ChronoUnit.DAYS.between(earliest, latest);
        }

        /** The scenario's campaign's length in days. */
        public long baseLength() {
            return ChronoUnit.DAYS.between(base.start(), base.end()) + 1;
        }

        /** Extra effort of a campaign of intensity 1 lasting {@code days}, in days of routine effort. */
        public double effort(long days) {
            double h = base.halfLifeDays();
            if (h <= 0) {
                return days;
            }
            double r = Math.pow(0.5, 1 / h);
            return (1 - Math.pow(r, days)) / (1 - r);
        }

        /** The intensity that gives a campaign of {@code days} the scenario's campaign's extra effort. */
        public double intensityFor(long days) {
            return base.intensity() * effort(baseLength()) / effort(days);
        }

        /** The days a campaign starting on {@code start} with length {@code days} runs within the run. */
        public long within(LocalDate start, long days) {
            return Math.min(days, ChronoUnit.DAYS.between(start, runEnd) + 1);
        }

        /** Start, end and intensity at the timing's coordinates {@code u} (one or two). */
        List<String> values(double[] u, int i) {
            LocalDate start = earliest.plusDays(Math.round(clamp(u[i]) * span()));
            long wanted = decidesLength() ? shortest + Math.round(clamp(u[i + 1]) * (longest - shortest))
                    : baseLength();
            long days = within(start, wanted);
            // Six significant digits: what history.csv and best.yaml show is exactly what ran.
            return List.of(start.toString(), start.plusDays(days - 1).toString(),
                    ParamSpec.format(roundTo(intensityFor(days), 6)));
        }

        /** The scenario's own timing as coordinates, clipped to the bounds. */
        void start(double[] u, int i) {
            u[i] = span() == 0 ? 0.5 : clamp((double) ChronoUnit.DAYS.between(earliest, base.start()) / span());
            if (decidesLength()) {
                u[i + 1] = clamp((double) (baseLength() - shortest) / (longest - shortest));
            }
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
                + campaigns.stream().mapToInt(Timing::coordinates).sum();
    }

    /** Names of the coordinates, for history.csv ({@code x.police.patrol_share}, {@code x.police.allocation}). */
    public List<String> coordinates() {
        List<String> out = new ArrayList<>();
        tasks.forEach(k -> out.add("x." + k));
        if (!rules.isEmpty()) {
            out.add("x.police.allocation");
        }
        ranges.forEach(r -> out.add("x." + r.key()));
        for (Timing t : campaigns) {
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
        for (Timing t : campaigns) {
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
        for (Timing t : campaigns) {
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
        for (Timing t : campaigns) {
            t.start(u, i);
            i += t.coordinates();
        }
        return u;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double roundTo(double v, int significant) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(significant)).doubleValue();
    }
}
