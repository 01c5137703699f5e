package org.crackdown.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.crackdown.analysis.stats.Quantile;
import org.crackdown.calibration.SlotPool;
import org.crackdown.sweep.Shard;

/**
 * The search of {@code crackdown optimize}: CMA-ES (commons-math3's {@link CMAESOptimizer}, its
 * own random numbers from a Mersenne Twister seeded by the settings) over the unit cube of the
 * decisions, each candidate evaluated by replicated runs under common random numbers.
 *
 * <p>Parallel and deterministic: commons-math3 asks for one candidate at a time, but a
 * generation's candidates are all drawn before any of them is scored, from a state fixed by the
 * earlier generations. So the search is replayed from the start, with every candidate scored so
 * far answered from memory: the first candidate it asks for that is not known opens a batch, and
 * the rest of that generation's candidates are collected (answered with a placeholder, never
 * used: the replay stops at the next generation) and scored together, in parallel, in slot
 * order. The replay then goes one generation further. Replays cost only arithmetic, and each
 * candidate's score depends on nothing but its point (its runs use the same seeds as every other
 * candidate's), so the candidates, their order and the result are the same whatever the number
 * of threads, and whether the scores came from the model or from a journal after a resume. Run
 * as one of several shards, a process scores its share of each batch and awaits the rest
 * ({@link Evaluator#await}); every shard replays the same search.
 */
public final class Optimization {

    /** The name of the optimised strategy in the comparison. */
    public static final String OPTIMUM = "optimum";

    /** The score CMA-ES is given for a candidate whose measure is undefined (e.g. 0/0). */
    private static final double UNDEFINED = 1e300;

    /** Scores one candidate. Called from several threads at once. */
    @FunctionalInterface
    public interface Evaluator {
        /**
         * The measure of each run of the candidate at {@code unit}, draw by draw, replicate by
         * replicate (the same seeds for every candidate), and each run's officer-years (NaN if
         * not known).
         */
        Runs evaluate(double[] unit);

        /**
         * The runs of a candidate that shard {@code owner} evaluates, once it has recorded them
         * (for {@code --shard}; see {@link org.crackdown.calibration.ShardWait}).
         */
        default Runs await(int owner, double[] unit) {
            throw new IllegalStateException("this evaluator does not run in shards");
        }
    }

    /** What one candidate's runs gave. */
    public record Runs(double[] measure, double[] officerYears) {
        public Runs {
            measure = measure.clone();
            officerYears = officerYears.clone();
        }
    }

    /** Told about each generation once its candidates are scored. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (generation, batch, best) -> { };

        void generationDone(int generation, List<Candidate> batch, Candidate best);
    }

    /**
     * One evaluated candidate.
     *
     * @param index      1-based, in the order candidates were first asked for
     * @param generation 0 for the starting point (the base scenario's own strategy)
     * @param unit       its point of the unit cube
     * @param values     the values of the decisions' keys it sets
     * @param runs       its runs' measure and officer-years
     * @param units      what the criterion is taken over: the mean over replicates of each
     *                   posterior draw, or each replicate without a posterior
     * @param mean       mean of {@code units}
     * @param criterion  the objective's criterion (mean or quantile) over {@code units}
     */
    public record Candidate(int index, int generation, double[] unit, List<String> values, Runs runs, double[] units,
                            double mean, double criterion) {
        public double officerYears() {
            return Arrays.stream(runs.officerYears()).average().orElse(Double.NaN);
        }
    }

    /**
     * @param history every candidate, in order
     * @param best    the candidate with the best criterion (the earlier one on ties)
     */
    public record Outcome(List<Candidate> history, Candidate best) {
    }

    private final Decisions decisions;
    private final OptimizeSpec.Objective objective;
    private final OptimizeSpec.SearchSettings settings;
    private final int draws;
    private final Evaluator evaluator;
    private final int threads;
    private final Shard shard;

    public Optimization(Decisions decisions, OptimizeSpec.Objective objective, OptimizeSpec.SearchSettings settings,
                        int draws, Evaluator evaluator, int threads) {
        this(decisions, objective, settings, draws, evaluator, threads, Shard.ALL);
    }

    /**
     * @param shard with {@code i/N}, this process evaluates the candidates at positions i, i + N, ...
     *              of each generation and awaits the others' from the shards that run them
     */
    public Optimization(Decisions decisions, OptimizeSpec.Objective objective, OptimizeSpec.SearchSettings settings,
                        int draws, Evaluator evaluator, int threads, Shard shard) {
        this.decisions = decisions;
        this.objective = objective;
        this.settings = settings;
        this.draws = draws;
        this.evaluator = evaluator;
        this.threads = threads;
        this.shard = shard;
    }

    /** Candidates per generation: as set, else Hansen's 4 + 3 ln n, at least 5. */
    public int population() {
        int n = decisions.dimension();
        return settings.population() > 0 ? settings.population() : Math.max(5, 4 + (int) Math.floor(3 * Math.log(n)));
    }

    /** Runs the search from {@code start} (a point of the unit cube). */
    public Outcome run(double[] start, Listener listener) {
        int lambda = population();
        Map<String, Candidate> known = new HashMap<>();
        List<Candidate> history = new ArrayList<>();
        Candidate best = null;
        try (SlotPool pool = new SlotPool(threads, "crackdown-optimize")) {
            while (true) {
                Replay replay = replay(start, lambda, known);
                if (replay.pending.isEmpty()) {
                    break;
                }
                List<double[]> batch = replay.pending;
                int base = history.size();
                List<Runs> scored = scoreShare(pool, shard, batch, evaluator::evaluate,
                        (i, u) -> evaluator.await(i % shard.count(), u));
                List<Candidate> added = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Candidate c = candidate(base + i + 1, replay.generation, batch.get(i), scored.get(i));
                    known.put(key(c.unit()), c);
                    history.add(c);
                    added.add(c);
                    if (best == null || better(c, best)) {
                        best = c;
                    }
                }
                listener.generationDone(replay.generation, added, best);
            }
        }
        return new Outcome(List.copyOf(history), best);
    }

    /**
     * Scores a batch: this shard's slots ({@link Shard#contains}) in parallel on the pool with
     * {@code own}, then the other slots one by one with {@code others} (given the slot, which
     * gets them from the shards that run them). Results in slot order.
     */
    public static <T, R> List<R> scoreShare(SlotPool pool, Shard shard, List<T> batch,
                                            java.util.function.Function<T, R> own,
                                            java.util.function.BiFunction<Integer, T, R> others) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (shard.contains(i)) {
                mine.add(i);
            }
        }
        List<R> done = pool.fill(mine.size(), k -> own.apply(batch.get(mine.get(k))),
                (k, cause) -> new IllegalStateException(cause));
        List<R> out = new ArrayList<>();
        for (int i = 0, k = 0; i < batch.size(); i++) {
            out.add(shard.contains(i) ? done.get(k++) : others.apply(i, batch.get(i)));
        }
        return out;
    }

    /** The candidates of the first generation not yet scored, and that generation's number. */
    private static final class Replay {
        final List<double[]> pending = new ArrayList<>();
        int generation = -1;
        int calls;
    }

    /** Stops a replay at the generation after the batch. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    private Replay replay(double[] start, int lambda, Map<String, Candidate> known) {
        int n = start.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        Arrays.fill(upper, 1.0);
        double[] sigma = new double[n];
        Arrays.fill(sigma, settings.sigma());
        Replay r = new Replay();
        java.util.Set<String> collected = new java.util.HashSet<>();
        CMAESOptimizer cmaes = new CMAESOptimizer(settings.generations(), 0, true, 0, 0,
                new MersenneTwister(settings.seed()), false, null);
        try {
            cmaes.optimize(new MaxEval(Integer.MAX_VALUE), new MaxIter(Integer.MAX_VALUE),
                    new ObjectiveFunction(x -> {
                        // Call 0 is the starting point; then lambda calls per generation.
                        int call = r.calls++;
                        int generation = call == 0 ? 0 : (call - 1) / lambda + 1;
                        if (r.generation >= 0 && generation > r.generation) {
                            throw new Stop();
                        }
                        Candidate c = known.get(key(x));
                        if (c != null) {
                            return fitness(c);
                        }
                        r.generation = generation;
                        if (collected.add(key(x))) {
                            r.pending.add(x.clone());
                        }
                        return 0.0; // placeholder: the replay stops before CMA-ES uses it
                    }), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (Stop s) {
            // the batch is complete
        }
        return r;
    }

    private Candidate candidate(int index, int generation, double[] unit, Runs runs) {
        double[] units = Comparison.units(runs.measure(), draws);
        double mean = Arrays.stream(units).average().orElse(Double.NaN);
        double criterion = Double.isNaN(objective.quantile()) ? mean
                : Arrays.stream(units).anyMatch(Double::isNaN) ? Double.NaN : Quantile.of(units, objective.quantile());
        return new Candidate(index, generation, unit.clone(), decisions.values(unit), runs, units, mean, criterion);
    }

    /** What CMA-ES minimises. */
    private double fitness(Candidate c) {
        double v = c.criterion();
        if (Double.isNaN(v)) {
            return UNDEFINED;
        }
        return objective.maximise() ? -v : v;
    }

    private boolean better(Candidate a, Candidate b) {
        return fitness(a) < fitness(b);
    }

    private static String key(double[] x) {
        StringBuilder s = new StringBuilder();
        for (double v : x) {
            s.append(Long.toHexString(Double.doubleToLongBits(v))).append(',');
        }
        return s.toString();
    }
}
