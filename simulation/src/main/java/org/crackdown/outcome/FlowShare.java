package org.crackdown.outcome;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.crackdown.agent.VictimType;
import org.crackdown.model.Metrics;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.crackdown.yaml.Suggest;

/**
 * Where victims come from or are sold, read from the run's origin-destination flows (flows.csv:
 * victims sold over the measure window, by the province or country they were taken from and the
 * province they were sold in). Written in patterns.csv as
 * <pre>
 *   origin_share(boy+girl: Vietnam)                          share of the children sold that came from Vietnam
 *   destination_quotient(boy+girl: CN-FJ CN-GD)              share sold in Fujian and Guangdong over their share of the population
 * </pre>
 * A <em>share</em> is the victims of the given types whose origin (or destination) is one of the
 * places, over all victims of those types sold. A <em>quotient</em> (a location quotient) divides
 * that share by the provinces' share of China's population (2010 census, provinces.csv): above 1,
 * the provinces send (or buy) more victims than their size alone would; it is how a published
 * "children are bought in Yunnan, Guangxi, Shanxi and Guizhou" can be compared with the model
 * without a figure for the share. Both are free of the run's scale.
 */
public final class FlowShare implements ModelOutput {

    /** Which end of a flow is read. */
    public enum Side {
        ORIGIN, DESTINATION
    }

    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile(
            "(origin|destination)_(share|quotient)\\s*\\((.*)\\)");

    private final String text;
    private final Side side;
    private final Set<VictimType> types;
    private final Set<String> places;
    private final boolean quotient;
    /** For a quotient: the places' share of China's population. */
    private final double populationShare;

    private FlowShare(String text, Side side, Set<VictimType> types, Set<String> places, boolean quotient) {
        this.text = text;
        this.side = side;
        this.types = Set.copyOf(types);
        this.places = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(places));
        this.quotient = quotient;
        double in = 0;
        double all = 0;
        for (Province p : ProvinceNetwork.china().provinces()) {
            all += p.population();
            in += places.contains(p.code()) ? p.population() : 0;
        }
        this.populationShare = in / all;
    }

    /** Whether the text is meant as a flow share (and is then parsed as one, errors included). */
    static boolean looksLikeOne(String text) {
        String t = text.strip();
        return (t.startsWith("origin_") || t.startsWith("destination_")) && t.contains("(");
    }

    /**
     * Parses a flow share.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static FlowShare parse(String text) {
        String t = text.strip();
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + t + "' is not a flow share; write origin_share, origin_quotient, "
                    + "destination_share or destination_quotient, then (TYPES: PLACES), e.g. "
                    + "origin_quotient(boy+girl: CN-YN CN-GZ)");
        }
        Side side = m.group(1).equals("origin") ? Side.ORIGIN : Side.DESTINATION;
        boolean quotient = m.group(2).equals("quotient");
        String inside = m.group(3);
        int colon = inside.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + t + "': inside the brackets write the victim types, ':', then the "
                    + "places, e.g. (boy+girl: CN-YN CN-GZ)");
        }
        Set<VictimType> types = EnumSet.noneOf(VictimType.class);
        for (String name : inside.substring(0, colon).split("\\+", -1)) {
            VictimType type = type(name.strip(), t);
            if (!types.add(type)) {
                throw new IllegalArgumentException("'" + t + "': victim type " + type.label() + " is given twice");
            }
        }
        Set<String> places = new LinkedHashSet<>();
        String list = inside.substring(colon + 1).strip();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("'" + t + "': no places after ':' (province codes such as CN-YN"
                    + (side == Side.ORIGIN ? ", or Vietnam, Laos, Myanmar" : "") + ", separated by spaces)");
        }
        for (String place : list.split("\\s+")) {
            String problem = placeProblem(place, side, quotient);
            if (problem != null) {
                throw new IllegalArgumentException("'" + t + "': " + problem);
            }
            if (!places.add(place)) {
                throw new IllegalArgumentException("'" + t + "': " + place + " is given twice");
            }
        }
        return new FlowShare(t, side, types, places, quotient);
    }

    private static VictimType type(String name, String whole) {
        for (VictimType v : VictimType.values()) {
            if (v.label().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + whole + "': '" + name + "' is not a victim type (boy, girl, woman; "
                + "joined by '+')");
    }

    /** What is wrong with a place name, or null: provinces by code; countries only as origins of a share. */
    private static String placeProblem(String place, Side side, boolean quotient) {
        ProvinceNetwork china = ProvinceNetwork.china();
        if (china.byCode(place) != null) {
            return null;
        }
        if (ProvinceNetwork.TRADE_BORDER_COUNTRIES.contains(place)) {
            if (side == Side.DESTINATION) {
                return place + " is a country victims are brought from; the model sells victims only in China's "
                        + "provinces";
            }
            return quotient ? place + " is a country, and a quotient compares provinces with their share of China's "
                    + "population (use origin_share for victims brought from abroad)" : null;
        }
        List<String> names = new ArrayList<>();
        china.provinces().forEach(p -> names.add(p.code()));
        names.addAll(ProvinceNetwork.TRADE_BORDER_COUNTRIES);
        List<String> close = Suggest.closest(place, names, Suggest.tolerance(place.length()));
        return "'" + place + "' is not a province code (CN-YN ...) or a country victims are brought from ("
                + String.join(", ", ProvinceNetwork.TRADE_BORDER_COUNTRIES) + ")"
                + (close.isEmpty() ? "" : "; did you mean " + close.get(0) + "?");
    }

    /**
     * The value for one run's flows: the share (or quotient) of the victims of its types sold over
     * the measure window; NaN when none of those types was sold.
     */
    public double evaluate(List<Metrics.Flow> flows) {
        long in = 0;
        long all = 0;
        for (Metrics.Flow f : flows) {
            if (!types.contains(f.type())) {
                continue;
            }
            all += f.count();
            if (places.contains(side == Side.ORIGIN ? f.origin() : f.destination())) {
                in += f.count();
            }
        }
        if (all == 0) {
            return Double.NaN;
        }
        double share = (double) in / all;
        return quotient ? share / populationShare : share;
    }

    /**
     * The same reading for each of its places alone, in the order written (a pooled quotient can
     * hide a province that sends fewer victims than its size: Guizhou's excess can outweigh
     * Yunnan's shortfall).
     */
    public java.util.Map<String, Double> byPlace(List<Metrics.Flow> flows) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String place : places) {
            out.put(place, new FlowShare(place, side, types, Set.of(place), quotient).evaluate(flows));
        }
        return out;
    }

    public Side side() {
        return side;
    }

    public Set<VictimType> types() {
        return types;
    }

    public Set<String> places() {
        return places;
    }

    public boolean quotient() {
        return quotient;
    }

    /** Its provinces' share of China's population (2010 census), what a quotient divides by. */
    public double populationShare() {
        return populationShare;
    }

    /** Reads no summary column. */
    @Override
    public Set<String> columns() {
        return Set.of();
    }

    /** A share of flows: free of the run's scale and of its window's length. */
    @Override
    public boolean isRatio() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowShare f && side == f.side && quotient == f.quotient && types.equals(f.types)
                && places.equals(f.places);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(side, quotient, types, places);
    }

    @Override
    public String toString() {
        return text;
    }
}
