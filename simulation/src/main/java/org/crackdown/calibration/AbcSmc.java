package org.crackdown.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Bayesian calibration by approximate Bayesian computation with sequential Monte Carlo, with two
 * samplers ({@link AbcSettings.Sampler}). Generation 0 draws the particles from the prior.
 *
 * <p>Population Monte Carlo (Beaumont, Cornuet, Marin and Robert 2009, Biometrika 96:983) with an
 * adaptive tolerance: each later generation sets its tolerance to a quantile of the previous
 * population's distances, and fills each particle slot by drawing an ancestor by weight, moving it
 * with a Gaussian kernel whose covariance is twice the previous population's weighted covariance,
 * and simulating until the distance is within the tolerance. Weights are prior over proposal
 * density, w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j).
 *
 * <p>Replenishment (Drovandi and Pettitt 2011): see {@link #replenish}. Equal weights; what it
 * spends instead of weights is simulations on MCMC steps that are refused.
 *
 * <p>The distance is the calibration's loss (the sum of the targets' squared normalised errors,
 * {@link Target#loss}). Parameters with a log scale are moved on log(value), so the kernel's
 * steps are relative; the prior density is taken on the same scale (its Jacobian included).
 *
 * <p>Determinism: particle slot i of generation t draws its ancestors and moves from a generator
 * seeded by (seed, t, i), and its k-th proposal's model runs use seeds derived from (seed, t, i, k). No
 * generator is shared between particles, so the result is the same whatever the thread count.
 */
public final class AbcSmc {

    /** Simulates the targets at given values of the free parameters with the given model seed. */
    @FunctionalInterface
    public interface Simulator {
        Evaluation simulate(int index, double[] values, long modelSeed);
    }

    /** Told about each generation as it completes. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = g -> { };

        void generationDone(Generation g);
    }

    /**
     * One accepted particle.
     *
     * @param values    free parameters' values, in the targets file's order
     * @param weight    normalised importance weight in its population
     * @param result    the simulated targets (its loss is the distance)
     * @param modelSeed seed of the first replicate of the accepted simulation
     */
    public record Particle(double[] values, double weight, Evaluation result, long modelSeed) {
        public double distance() {
            return result.loss();
        }
    }

    /**
     * @param number         0 for the prior population
     * @param tolerance      largest distance accepted (infinite for generation 0)
     * @param simulations    proposals simulated (proposals outside the prior's support are not)
     * @param acceptanceRate particles / simulations
     * @param ess            effective sample size of the weights, 1 / Σ w²
     */
    public record Generation(int number, double tolerance, int simulations, double acceptanceRate, double ess,
                             List<Particle> particles) {
    }

    /**
     * @param generations every completed generation; the last is the posterior
     * @param stopReason  why the sampler stopped
     */
    public record Outcome(List<Generation> generations, String stopReason) {
        public Generation posterior() {
            return generations.get(generations.size() - 1);
        }
    }

    private static final String THREAD_NAME = "crackdown-abc";

    private final AbcSettings settings;
    private final List<FreeParameter> free;
    private final List<Prior> priors;
    private final Simulator simulator;
    private final int threads;
    /** The particle slots started first: a shard's own (see {@link SlotPool#fill(int, SlotPool.Slot, SlotPool.Failure, java.util.function.IntPredicate)}). */
    private final java.util.function.IntPredicate first;

    public AbcSmc(AbcSettings settings, List<FreeParameter> free, List<Prior> priors, Simulator simulator,
                  int threads) {
        this(settings, free, priors, simulator, threads, i -> true);
    }

    /** @param first the particle slots to start first (a shard's own); the result does not depend on it */
    public AbcSmc(AbcSettings settings, List<FreeParameter> free, List<Prior> priors, Simulator simulator,
                  int threads, java.util.function.IntPredicate first) {
        this.settings = settings;
        this.free = List.copyOf(free);
        this.priors = List.copyOf(priors);
        this.simulator = simulator;
        this.threads = threads;
        this.first = first;
    }

    /** Runs the generations; a cancelled simulation ends it with a CancellationException. */
    public Outcome run(Listener listener) {
        try (SlotPool pool = new SlotPool(threads, THREAD_NAME)) {
            List<Generation> done = new ArrayList<>();
            Generation g = generation0(pool);
            done.add(g);
            listener.generationDone(g);
            for (int t = 1; t <= settings.generations(); t++) {
                Generation prev = g;
                double eps = quantile(prev.particles().stream().mapToDouble(Particle::distance).toArray(),
                        settings.quantile());
                g = settings.sampler() == AbcSettings.Sampler.REPLENISHMENT ? replenish(t, prev, pool)
                        : generation(t, eps, prev, pool);
                if (g == null) {
                    return new Outcome(done, "generation " + t + " gave up: a particle needed more than "
                            + settings.maxProposalsPerParticle() + " proposals at tolerance " + eps
                            + " (acceptance far below min_acceptance); the posterior is generation " + (t - 1));
                }
                done.add(g);
                listener.generationDone(g);
                if (g.acceptanceRate() < settings.minAcceptance()) {
                    return new Outcome(done, "acceptance rate " + g.acceptanceRate() + " fell below min_acceptance "
                            + settings.minAcceptance() + " at generation " + t);
                }
            }
            return new Outcome(done, "completed " + settings.generations() + " generations after the prior one");
        }
    }

    // ------------------------------------------------------------------ generations

    private Generation generation0(SlotPool pool) {
        int n = settings.particles();
        List<Particle> ps = pool.fill(n, i -> {
            RandomGenerator rng = rng(0, i);
            double[] v = new double[free.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = priors.get(k).sample(rng);
            }
            long seed = modelSeed(0, i, 0);
            return new Particle(v, 1.0 / n, simulator.simulate(i + 1, v, seed), seed);
        }, AbcSmc::failed, first);
        return new Generation(0, Double.POSITIVE_INFINITY, n, 1.0, n, ps);
    }

    /** A generation at tolerance {@code eps}, or null if a particle ran out of proposals. */
    private Generation generation(int t, double eps, Generation prev, SlotPool pool) {
        int n = settings.particles();
        List<Particle> before = prev.particles();
        double[][] z = new double[before.size()][];
        double[] w = new double[before.size()];
        for (int j = 0; j < z.length; j++) {
            z[j] = toKernelScale(before.get(j).values());
            w[j] = before.get(j).weight();
        }
        double[][] chol = ParticleWeights.cholesky(kernelCovariance(z, w, 2));
        double[] cumulative = new double[w.length];
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            sum += w[j];
            cumulative[j] = sum;
        }
        double total = sum;
        int max = settings.maxProposalsPerParticle();
        int[] simulations = new int[n];
        List<Particle> accepted = pool.fill(n, i -> {
            RandomGenerator rng = rng(t, i);
            for (int k = 0; k < max; k++) {
                int j = ParticleWeights.pick(cumulative, rng.nextDouble() * total);
                double[] zz = ParticleWeights.gaussianStep(z[j], chol, rng);
                double[] v = fromKernelScale(zz);
                if (Double.isInfinite(logPrior(zz))) {
                    continue; // outside the prior: not simulated, drawn again
                }
                simulations[i]++;
                long seed = modelSeed(t, i, k);
                Evaluation e = simulator.simulate(i + 1, v, seed);
                if (e.loss() <= eps) {
                    return new Particle(v, 0, e, seed);
                }
            }
            return null;
        }, AbcSmc::failed, first);
        if (accepted.contains(null)) {
            return null;
        }
        // Importance weights on the kernel scale: prior / mixture of the kernels around the ancestors.
        double[] logW = new double[n];
        for (int i = 0; i < n; i++) {
            double[] zi = toKernelScale(accepted.get(i).values());
            double[] terms = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                terms[j] = Math.log(w[j]) + ParticleWeights.logKernel(zi, z[j], chol);
            }
            logW[i] = logPrior(zi) - ParticleWeights.logSumExp(terms);
        }
        double[] weights = ParticleWeights.normalised(logW);
        List<Particle> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Particle p = accepted.get(i);
            ps.add(new Particle(p.values(), weights[i], p.result(), p.modelSeed()));
        }
        int sims = Arrays.stream(simulations).sum();
        return new Generation(t, eps, sims, (double) n / sims, ParticleWeights.ess(weights), ps);
    }

    /** Probability that a replenished particle never moves in its MCMC steps (Drovandi and Pettitt's c). */
    static final double STUCK = 0.01;

    /** Steps taken per step tried (prior refusals included) in the last replenishment. */
    private double stepAcceptance;

    /**
     * Replenishment (Drovandi and Pettitt 2011, Biometrics 67:225). The particles are ranked by
     * distance; the best share (the settings' quantile) is kept and the largest distance kept
     * becomes the tolerance. Each other slot is refilled by a copy of a kept particle drawn at
     * random, moved by R steps of ABC-MCMC at the new tolerance: a Gaussian random walk with the
     * kept particles' covariance (on the kernel scale), a step taken with probability prior ratio
     * (tested first: it needs no run) and only if its simulation is within the tolerance. That
     * chain leaves the ABC posterior at the tolerance unchanged, so the kept particles and the
     * moved copies are a sample of it. R is set from the previous replenishment's step acceptance p
     * so that a copy stays where it started with probability at most {@link #STUCK}:
     * R = log(STUCK) / log(1 - p); the first replenishment, with no p measured, takes p = 0.5
     * (R = 7). Every particle weighs the same, so the weights cannot thin out; copies that did not
     * move are counted once in the ESS ({@link #distinctEss}). The generation's acceptance rate is
     * steps taken per simulation, which is what min_acceptance stops on.
     */
    private Generation replenish(int t, Generation prev, SlotPool pool) {
        int n = settings.particles();
        List<Particle> before = new ArrayList<>(prev.particles());
        Integer[] order = new Integer[before.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(before.get(a).distance(), before.get(b).distance());
            return c != 0 ? c : Integer.compare(a, b);
        });
        int keep = Math.max(2, Math.min(n - 1, (int) Math.round(settings.quantile() * n)));
        List<Particle> kept = new ArrayList<>();
        double[][] z = new double[keep][];
        double[] w = new double[keep];
        for (int r = 0; r < keep; r++) {
            kept.add(before.get(order[r]));
            z[r] = toKernelScale(kept.get(r).values());
            w[r] = 1.0 / keep;
        }
        double eps = kept.get(keep - 1).distance();
        // The walk takes the kept particles' covariance itself, not PMC's twice that: on the 12-D
        // test problem twice as wide left most steps outside the prior's bounds.
        double[][] chol = ParticleWeights.cholesky(kernelCovariance(z, w, 1));
        // The first replenishment has no measured step acceptance: assume one step in two.
        double p = t == 1 ? 0.5 : stepAcceptance;
        int max = settings.maxProposalsPerParticle();
        int steps = p >= 1 ? 1 : p <= 0 ? max
                : (int) Math.min(max, Math.max(1, Math.ceil(Math.log(STUCK) / Math.log(1 - p))));
        int drop = n - keep;
        int[] simulations = new int[drop];
        int[] moves = new int[drop];
        List<Particle> fresh = pool.fill(drop, i -> {
            RandomGenerator rng = rng(t, i);
            Particle cur = kept.get(rng.nextInt(keep));
            double[] zc = toKernelScale(cur.values());
            double lc = logPrior(zc);
            for (int k = 0; k < steps; k++) {
                double[] zz = ParticleWeights.gaussianStep(zc, chol, rng);
                double lp = logPrior(zz);
                // The prior ratio is tested before the model runs (it does not depend on the run).
                if (Double.isInfinite(lp) || rng.nextDouble() >= Math.exp(lp - lc)) {
                    continue;
                }
                simulations[i]++;
                long seed = modelSeed(t, i, k);
                double[] v = fromKernelScale(zz);
                Evaluation e = simulator.simulate(i + 1, v, seed);
                if (e.loss() <= eps) {
                    cur = new Particle(v, 0, e, seed);
                    zc = zz;
                    lc = lp;
                    moves[i]++;
                }
            }
            return cur;
        }, AbcSmc::failed, first);
        List<Particle> ps = new ArrayList<>();
        for (Particle q : kept) {
            ps.add(new Particle(q.values(), 1.0 / n, q.result(), q.modelSeed()));
        }
        for (Particle q : fresh) {
            ps.add(new Particle(q.values(), 1.0 / n, q.result(), q.modelSeed()));
        }
        int sims = Arrays.stream(simulations).sum();
        int moved = Arrays.stream(moves).sum();
        stepAcceptance = (double) moved / ((long) drop * steps);
        return new Generation(t, eps, sims, sims == 0 ? 0 : (double) moved / sims, distinctEss(ps), ps);
    }

    /**
     * Effective sample size counting copies of one parameter vector as one particle (their
     * weights summed): 1 / Σ w² over distinct vectors. For importance weights without copies it is
     * the usual 1 / Σ w²; for a replenished population it counts the copies that did not move once.
     */
    static double distinctEss(List<Particle> ps) {
        java.util.Map<java.util.List<Double>, Double> byValue = new java.util.HashMap<>();
        for (Particle q : ps) {
            java.util.List<Double> key = Arrays.stream(q.values()).boxed().toList();
            byValue.merge(key, q.weight(), Double::sum);
        }
        double s = 0;
        for (double x : byValue.values()) {
            s += x * x;
        }
        return 1 / s;
    }

    // ------------------------------------------------------------------ scales and densities

    private double[] toKernelScale(double[] values) {
        double[] z = new double[values.length];
        for (int k = 0; k < z.length; k++) {
            z[k] = free.get(k).log() ? Math.log(values[k]) : values[k];
        }
        return z;
    }

    private double[] fromKernelScale(double[] z) {
        double[] v = new double[z.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = free.get(k).log() ? Math.exp(z[k]) : z[k];
        }
        return v;
    }

    /** Log prior density on the kernel scale: on log(value), the density of value times value. */
    double logPrior(double[] z) {
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            FreeParameter f = free.get(k);
            double x = f.log() ? Math.exp(z[k]) : z[k];
            if (!(x >= f.min() && x <= f.max())) {
                return Double.NEGATIVE_INFINITY;
            }
            sum += priors.get(k).logDensity(x) + (f.log() ? z[k] : 0);
        }
        return sum;
    }

    /**
     * {@code factor} times the weighted covariance of the population (2 for PMC's kernel, Beaumont
     * et al. 2009; 1 for replenishment's walk), plus a ridge of factor × 0.5e-9 of each parameter's
     * squared range on the kernel scale, so that a population that has collapsed onto one point
     * still gives a kernel that can move.
     */
    private double[][] kernelCovariance(double[][] z, double[] w, double factor) {
        int d = free.size();
        double[] mean = new double[d];
        double sw2 = 0;
        for (int j = 0; j < z.length; j++) {
            for (int a = 0; a < d; a++) {
                mean[a] += w[j] * z[j][a];
            }
            sw2 += w[j] * w[j];
        }
        double[][] cov = new double[d][d];
        for (int j = 0; j < z.length; j++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += w[j] * (z[j][a] - mean[a]) * (z[j][b] - mean[b]);
                }
            }
        }
        double unbias = sw2 < 1 ? 1 / (1 - sw2) : 1;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] *= factor * unbias;
            }
            FreeParameter f = free.get(a);
            double range = f.log() ? Math.log(f.max()) - Math.log(f.min()) : f.max() - f.min();
            cov[a][a] += 1e-9 * range * range * (factor / 2);
        }
        return cov;
    }

    /** The q-quantile of x (type 7, linear between order statistics). */
    static double quantile(double[] x, double q) {
        return org.crackdown.analysis.stats.Quantile.of(x, q);
    }

    /** SplitMix64's finaliser: consecutive inputs give unrelated outputs. */
    static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    private long hash(long... parts) {
        long h = mix(settings.seed());
        for (long p : parts) {
            h = mix(h ^ p);
        }
        return h;
    }

    private RandomGenerator rng(int generation, int particle) {
        return new Well19937c(hash(1, generation, particle));
    }

    /**
     * Seed of the first replicate of a proposal's runs (replicate r adds r): non-negative and below
     * 2^40, so it is exact in JSON and CSV and leaves room for the replicates above it.
     */
    private long modelSeed(int generation, int particle, int proposal) {
        return hash(2, generation, particle, proposal) >>> 24;
    }

    /** Fills slots 0..n-1 on {@code threads} threads; results in slot order. */
    static <T> List<T> fill(int threads, int n, SlotPool.Slot<T> slot) {
        return fill(threads, n, slot, i -> true);
    }

    /** As {@link #fill(int, int, SlotPool.Slot)}, the slots {@code first} selects started first. */
    static <T> List<T> fill(int threads, int n, SlotPool.Slot<T> slot, java.util.function.IntPredicate first) {
        return SlotPool.fill(threads, THREAD_NAME, n, slot, AbcSmc::failed, first);
    }

    /** A simulation that threw something other than a runtime exception (an error). */
    private static RuntimeException failed(int slot, Throwable cause) {
        return new IllegalStateException(cause);
    }
}
