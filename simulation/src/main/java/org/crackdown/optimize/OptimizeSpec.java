package org.crackdown.optimize;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.crackdown.model.Allocation;
import org.crackdown.scenario.Setting;
import org.crackdown.sweep.PosteriorDraws;
import org.crackdown.sweep.Strategy;

/**
 * An optimize file, read and checked ({@link OptimizeReader}).
 *
 * @param name       names the output folder (runs/optimize-NAME)
 * @param file       the optimize file as the user named it
 * @param scenario   the base scenario (resolved against the optimize file's folder)
 * @param set        overrides for every run, in file order
 * @param replicates runs per candidate and posterior draw
 * @param seedBase   first seed of the search's runs (common to every candidate)
 * @param objective  the measure, its direction and the criterion over runs
 * @param tasks      police share keys the search splits (empty: none)
 * @param rules      allocation rules to choose from (empty: none)
 * @param ranges     parameters moved within bounds
 * @param search     CMA-ES settings
 * @param posterior  draws of a posterior to optimise over, or null for the scenario's own parameters
 * @param compare    the named strategies the optimum is compared with, on fresh seeds
 * @param from       the day the decisions take effect ({@code decisions: from:}), as a dated change
 *                   after the scenario's own changes of that day; null: from the first day
 * @param campaigns  campaigns whose timing is decided ({@code decisions: campaigns}), not yet
 *                   resolved against the scenario
 */
public record OptimizeSpec(String name, Path file, Path scenario, List<Setting> set, int replicates, long seedBase,
                           Objective objective, List<String> tasks, List<Allocation> rules,
                           List<Decisions.Range> ranges, SearchSettings search, PosteriorDraws posterior,
                           Compare compare, java.time.LocalDate from, List<CampaignTiming> campaigns) {

    /** No campaign timing decided. */
    public OptimizeSpec(String name, Path file, Path scenario, List<Setting> set, int replicates, long seedBase,
                        Objective objective, List<String> tasks, List<Allocation> rules,
                        List<Decisions.Range> ranges, SearchSettings search, PosteriorDraws posterior,
                        Compare compare, java.time.LocalDate from) {
        this(name, file, scenario, set, replicates, seedBase, objective, tasks, rules, ranges, search, posterior,
                compare, from, List.of());
    }

    /** Decisions from the first day. */
    public OptimizeSpec(String name, Path file, Path scenario, List<Setting> set, int replicates, long seedBase,
                        Objective objective, List<String> tasks, List<Allocation> rules,
                        List<Decisions.Range> ranges, SearchSettings search, PosteriorDraws posterior,
                        Compare compare) {
        this(name, file, scenario, set, replicates, seedBase, objective, tasks, rules, ranges, search, posterior,
                compare, null);
    }

    public OptimizeSpec {
        set = List.copyOf(set);
        tasks = List.copyOf(tasks);
        rules = List.copyOf(rules);
        ranges = List.copyOf(ranges);
        campaigns = List.copyOf(campaigns);
    }

    /** The same search with {@code generations} generations. */
    public OptimizeSpec withGenerations(int generations) {
        return new OptimizeSpec(name, file, scenario, set, replicates, seedBase, objective, tasks, rules, ranges,
                new SearchSettings(generations, search.population(), search.sigma(), search.seed()), posterior,
                compare, from, campaigns);
    }

    /**
     * What is optimised: a summary column (or {@code rescues}, women plus children rescued), to be
     * maximised or minimised, by its mean over the draws (or replicates) or a quantile of them.
     *
     * @param quantile the criterion's quantile (0.1 for p10), NaN for the mean
     */
    public record Objective(String measure, boolean maximise, double quantile) {
        /** The derived measure, women_rescued + children_rescued (as the analysis names it). */
        public static final String RESCUES = "rescues";

        public String criterion() {
            return Double.isNaN(quantile) ? "mean" : "p" + Math.round(quantile * 100);
        }

        /** The summary columns the measure is computed from. */
        public List<String> columns() {
            return measure.equals(RESCUES) ? List.of("women_rescued", "children_rescued") : List.of(measure);
        }

        /** The measure of one run's summary (NaN if missing). */
        public double of(Map<String, Double> summary) {
            double sum = 0;
            for (String c : columns()) {
                Double v = summary.get(c);
                sum += v == null ? Double.NaN : v;
            }
            return sum;
        }

        /** "higher" or "lower": which way is better. */
        public String better() {
            return maximise ? "higher" : "lower";
        }
    }

    /**
     * CMA-ES settings: generations after the starting point, candidates per generation, the
     * initial step (in the unit cube) and the seed of its random numbers.
     */
    public record SearchSettings(int generations, int population, double sigma, long seed) {
    }

    /**
     * The comparison of the optimum with named strategies: replicates per draw and the first seed
     * (fresh: distinct from the search's, so the optimum's figure is not the one it was picked on).
     */
    public record Compare(int replicates, long seedBase, List<Strategy> strategies) {
        public Compare {
            strategies = List.copyOf(strategies);
        }
    }

    /** Posterior draws (1 without a posterior). */
    public int draws() {
        return posterior == null ? 1 : posterior.draws();
    }
}
