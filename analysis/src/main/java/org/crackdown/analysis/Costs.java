package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.io.Run;
import org.crackdown.format.Role;

/**
 * What a strategy costs and what it buys, in money: the cost model of the analysis (issue 14).
 *
 * <p>Officer-years were the only cost, so a strategy that prevents trafficking without police
 * time (prosecuting buyers) ranked below the baseline on rescues per officer-year, though it
 * spares victims. Here a run's cost is the sum, over what the run did, of a count from its
 * summary times a price per unit in yuan. None of these prices has a published source the
 * project could find (china-facts.md s2 gives only "police cost of one rescue: up to 30,000 RMB",
 * Legal Daily 2015, which is an output to check against, not an input), so every price is a
 * parameter the user sets ({@code --cost NAME=YUAN}). The officer-year has no default: without it
 * there is no cost in yuan, and the analysis says so. The others default to 0, which means "not
 * costed", and the report lists what was left out.
 *
 * <p>Costs are a valuation of a finished run's outputs, not a mechanism of the model, so they live
 * here: a sweep can be re-costed without rerunning it. Counts and officer-years are at the run's
 * scale, so cost is too, and per-yuan ratios do not depend on the scale through it.
 */
public final class Costs {

    /**
     * One priced unit.
     *
     * @param key     name in {@code --cost KEY=YUAN}
     * @param column  the summary measure counted
     * @param unit    what one unit is
     * @param fallback price when not set (NaN = no default: the user must set it)
     */
    public record Price(String key, String column, String unit, double fallback, String doc) {
    }

    public static final String OFFICER_YEAR = "officer_year";

    /** The priced units, in the order the report lists them. */
    public static final List<Price> PRICES = List.of(
            new Price(OFFICER_YEAR, Measures.OFFICER_YEARS, "officer-year", Double.NaN,
                    "Yuan per officer-year of anti-trafficking police work (salary, equipment, overhead). No "
                            + "published figure found: set it; without it nothing is costed in yuan."),
            new Price("buyer_prosecution", "buyers_prosecuted", "buyer prosecuted", 0,
                    "Yuan per buyer prosecuted (investigation beyond police time, court, sentence). No published "
                            + "figure found; 0 = not costed."),
            new Price("trafficker_prosecution", "suspects_arrested", "suspect arrested", 0,
                    "Yuan per trafficking suspect arrested and prosecuted (court, detention). No published figure "
                            + "found; 0 = not costed."),
            new Price("dna_rescue", "rescued_by_dna", "rescue by DNA match", 0,
                    "Yuan per victim found by a DNA database match (tests, laboratory time); the database's fixed "
                            + "cost is not counted. No published figure found; 0 = not costed."),
            new Price("joint_operation", "joint_operations", "joint operation", 0,
                    "Yuan per joint cross-provincial operation beyond its officers' time (travel, coordination). "
                            + "No published figure found; 0 = not costed."));

    public static final String VICTIMS_TRAFFICKED = "victims_trafficked";
    public static final String VICTIMS_SPARED = "victims_spared";
    public static final String SPARED_PER_OFFICER_YEAR = "victims_spared_per_officer_year";
    public static final String COST = "cost_yuan";
    public static final String RESCUES_PER_MILLION = "rescues_per_million_yuan";
    public static final String SPARED_PER_MILLION = "victims_spared_per_million_yuan";

    /** The cost-effectiveness measures, in the order rankings show them. */
    static final List<String> CRITERIA = List.of(Measures.COST_EFFECTIVENESS, SPARED_PER_OFFICER_YEAR,
            RESCUES_PER_MILLION, SPARED_PER_MILLION);

    private Costs() {
    }

    /** Checks the user's prices: known keys, finite, not negative. */
    public static Map<String, Double> check(Map<String, Double> given) throws AnalysisInputException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : given.entrySet()) {
            if (PRICES.stream().noneMatch(p -> p.key().equals(e.getKey()))) {
                throw new AnalysisInputException("--cost " + e.getKey() + ": no such cost; costs: "
                        + String.join(", ", PRICES.stream().map(Price::key).toList()));
            }
            double v = e.getValue() == null ? Double.NaN : e.getValue();
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new AnalysisInputException("--cost " + e.getKey() + "=" + e.getValue()
                        + ": must be a number of yuan, 0 or more");
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** The price used for each unit: given, else the fallback (NaN for the officer-year). */
    static Map<String, Double> prices(Map<String, Double> given) {
        Map<String, Double> m = new LinkedHashMap<>();
        PRICES.forEach(p -> m.put(p.key(), given.getOrDefault(p.key(), p.fallback())));
        return m;
    }

    /**
     * Adds victims spared (against the run of the baseline with the same design point and
     * replicate, i.e. the same seed), victims spared per officer-year and, when the officer-year
     * has a price, cost and rescues and victims spared per million yuan. Notes say what was
     * left out.
     */
    static Experiment derive(Experiment e, String baseline, Map<String, Double> given, List<String> notes) {
        int trafficked = e.measureIndex(VICTIMS_TRAFFICKED);
        int officerYears = e.measureIndex(Measures.OFFICER_YEARS);
        int rescues = e.measureIndex(Measures.RESCUES);
        if (trafficked < 0) {
            return e;
        }
        Map<String, Run> base = new HashMap<>();
        e.runs().stream().filter(r -> r.ok() && r.strategy().equals(baseline))
                .forEach(r -> base.put(r.pointId() + "\u0000" + r.replicate(), r));
        Experiment x = e.withMeasure(new Field(VICTIMS_SPARED, "number", Role.MEASURE, "victims",
                "Victims trafficked by the baseline's run with the same seed minus this run's (victims_trafficked); "
                        + "0 for the baseline; derived by the analysis"), r -> {
                            Run b = base.get(r.pointId() + "\u0000" + r.replicate());
                            return b == null ? Double.NaN : b.value(trafficked) - r.value(trafficked);
                        });
        int spared = x.measureIndex(VICTIMS_SPARED);
        if (officerYears >= 0) {
            x = x.withMeasure(new Field(SPARED_PER_OFFICER_YEAR, "number", Role.MEASURE, "victims per officer-year",
                    "Victims spared per officer-year of this run (victims_spared / officer_years); derived by the analysis"),
                    r -> r.value(officerYears) > 0 ? r.value(spared) / r.value(officerYears) : Double.NaN);
        }
        Map<String, Double> prices = prices(given);
        if (Double.isNaN(prices.get(OFFICER_YEAR)) || officerYears < 0) {
            notes.add("No cost in yuan: the price of an officer-year has no published source, so it is yours to set "
                    + "(--cost officer_year=YUAN, and the others: " + String.join(", ", PRICES.stream().skip(1)
                    .map(Price::key).toList()) + "). Victims spared per officer-year is ranked instead.");
            return x;
        }
        List<int[]> terms = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Price p : PRICES) {
            double price = prices.get(p.key());
            int col = x.measureIndex(p.column());
            if (price == 0) {
                leftOut.add(p.unit() + "s");
            } else if (col < 0) {
                missing.add(p.column());
            } else {
                terms.add(new int[] {col, PRICES.indexOf(p)});
            }
        }
        if (!missing.isEmpty()) {
            notes.add("Priced but not in the input, so not costed: " + String.join(", ", missing) + ".");
        }
        if (!leftOut.isEmpty()) {
            notes.add("Cost in yuan leaves out (price 0, set with --cost): " + String.join(", ", leftOut) + ".");
        }
        List<Double> unit = PRICES.stream().map(p -> prices.get(p.key())).toList();
        x = x.withMeasure(new Field(COST, "number", Role.MEASURE, "yuan",
                "What the run's work cost at the prices given (--cost): officer-years and the other priced counts, each "
                        + "times its price; at the run's scale; derived by the analysis"), r -> {
                            double sum = 0;
                            for (int[] t : terms) {
                                sum += r.value(t[0]) * unit.get(t[1]);
                            }
                            return sum;
                        });
        int cost = x.measureIndex(COST);
        if (rescues >= 0) {
            x = x.withMeasure(new Field(RESCUES_PER_MILLION, "number", Role.MEASURE, "victims per million yuan",
                    "Women and children rescued per million yuan of cost_yuan; derived by the analysis"),
                    r -> r.value(cost) > 0 ? r.value(rescues) / r.value(cost) * 1e6 : Double.NaN);
        }
        x = x.withMeasure(new Field(SPARED_PER_MILLION, "number", Role.MEASURE, "victims per million yuan",
                "Victims spared (against the baseline's run with the same seed) per million yuan of this run's "
                        + "cost_yuan; derived by the analysis"),
                r -> r.value(cost) > 0 ? r.value(spared) / r.value(cost) * 1e6 : Double.NaN);
        return x;
    }

    /** In words, what each cost-effectiveness measure counts and leaves out, for the report. */
    public static Map<String, String> meanings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Measures.COST_EFFECTIVENESS, "Rescues per officer-year counts victims freed per year of police work. "
                + "It leaves out victims whom a strategy keeps from being trafficked at all, and every cost but "
                + "police time: a strategy that prevents trafficking (buyer prosecution) rescues fewer, as fewer are "
                + "held, and ranks low here.");
        m.put(SPARED_PER_OFFICER_YEAR, "Victims spared per officer-year counts how many fewer victims were "
                + "trafficked than in the baseline's run with the same seed, per year of police work of the strategy "
                + "(not of the extra police only). The baseline spares none by definition. It leaves out rescues, "
                + "the harm each victim suffers, and every cost but police time.");
        m.put(RESCUES_PER_MILLION, "Rescues per million yuan counts victims freed per million yuan of the "
                + "strategy's whole cost at the prices given with --cost. It leaves out prevention and whatever was "
                + "not priced.");
        m.put(SPARED_PER_MILLION, "Victims spared per million yuan counts how many fewer victims were "
                + "trafficked than in the baseline's run with the same seed, per million yuan of the strategy's "
                + "whole cost. It leaves out rescues, harm, what was not priced, and costs outside the model "
                + "(victims' care, courts beyond the prices given).");
        return m;
    }
}
