package org.crackdown.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.Flows;
import org.crackdown.analysis.io.Provinces;
import org.crackdown.analysis.io.Run;
import org.crackdown.analysis.io.TimeSeries;
import org.crackdown.analysis.plot.Figure;
import org.crackdown.analysis.plot.ProvinceMap;
import org.crackdown.analysis.report.Format;

/**
 * One map per strategy: flows as arrows when the input has flows.csv (run folders), otherwise
 * victims by province of origin and of destination from timeseries.csv. One size scale for all
 * maps of a report, so strategies compare by eye.
 */
final class MapFigures {

    /** Arrows drawn per flow map: more turn the map into a hairball. */
    static final int MAX_ARROWS = 40;

    /** Victims by origin and by destination in timeseries.csv, for maps when there are no flows. */
    static final List<String> ORIGIN_MEASURES = List.of("boys_acquired", "girls_acquired", "women_acquired");
    static final String DESTINATION_MEASURE = "victims_sold";

    /**
     * Capitals of the countries cross-border victims come from (flows.csv names them), so their
     * arrows can be drawn: Hanoi, Vientiane, Naypyidaw.
     */
    static final List<ProvinceMap.MapPoint> FOREIGN = List.of(new ProvinceMap.MapPoint("Vietnam", "Vietnam", 21.03, 105.85),
            new ProvinceMap.MapPoint("Laos", "Laos", 17.97, 102.63), new ProvinceMap.MapPoint("Myanmar", "Myanmar", 19.75, 96.10));

    private MapFigures() {
    }

    private static List<ProvinceMap.MapPoint> places(Provinces p) {
        List<ProvinceMap.MapPoint> out = new ArrayList<>();
        for (Provinces.Province pr : p.all()) {
            out.add(new ProvinceMap.MapPoint(pr.code(), ProvinceMap.shortLabel(pr.code()), pr.lat(), pr.lon()));
        }
        return out;
    }

    static void add(Results r, Optional<Provinces> provinces, List<Figure> out, List<String> notes) {
        Experiment e = r.experiment();
        if (provinces.isEmpty()) {
            notes.add("No province table (classpath " + Provinces.RESOURCE + " or --provinces), so no maps.");
            return;
        }
        List<ProvinceMap.MapPoint> places = places(provinces.get());
        if (e.flows().isPresent()) {
            flowMaps(r, places, e.flows().get(), out, notes);
            return;
        }
        Optional<TimeSeries> ots = e.timeSeries();
        int dest = ots.map(ts -> ts.measureIndex(DESTINATION_MEASURE)).orElse(-1);
        List<Integer> orig = ots.map(ts -> ORIGIN_MEASURES.stream().map(ts::measureIndex).filter(i -> i >= 0).toList())
                .orElse(List.of());
        if (ots.isEmpty() || dest < 0 || orig.isEmpty()) {
            notes.add("No flows (flows.csv) and no victims by origin/destination in timeseries.csv, so no maps.");
            return;
        }
        TimeSeries ts = ots.get();
        Map<String, Map<String, Double>> byOrigin = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byDest = new LinkedHashMap<>();
        Map<String, Integer> runs = new HashMap<>();
        for (String s : e.strategies()) {
            List<Map<String, double[]>> perRun = e.runs().stream().filter(run -> run.ok() && run.strategy().equals(s))
                    .map(run -> ts.byProvince().get(run.runId())).filter(x -> x != null).toList();
            if (perRun.isEmpty()) {
                continue;
            }
            runs.put(s, perRun.size());
            Map<String, Double> o = new TreeMap<>();
            Map<String, Double> d = new TreeMap<>();
            for (Map<String, double[]> m : perRun) {
                m.forEach((prov, v) -> {
                    double sum = 0;
                    for (int i : orig) {
                        sum += v[i];
                    }
                    o.merge(prov, sum / perRun.size(), Double::sum);
                    d.merge(prov, v[dest] / perRun.size(), Double::sum);
                });
            }
            byOrigin.put(s, o);
            byDest.put(s, d);
        }
        double max = 0;
        for (String s : byOrigin.keySet()) {
            max = Math.max(max, byOrigin.get(s).values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
            max = Math.max(max, byDest.get(s).values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        }
        String window = window(e);
        for (String s : byOrigin.keySet()) {
            out.add(new Figure("map-" + Figures.slug(s), Figures.SECTION_MAPS,
                    "Victims trafficked by province of origin (left: boys, girls and women acquired) and of "
                            + "destination (right: victims sold), " + s + ", mean of " + runs.get(s) + " runs" + window
                            + ". Circle area is proportional to victims, on one scale for all maps.",
                    ProvinceMap.circles("Victims by province: " + s,
                            "circle area ∝ victims" + window + ", mean of " + runs.get(s) + " runs; largest circle = "
                                    + Format.number(max) + " victims",
                            places, byOrigin.get(s), byDest.get(s), max),
                    ProvinceMap.PAIR_WIDTH, ProvinceMap.PAIR_HEIGHT));
        }
    }

    private static String window(Experiment e) {
        return e.measureFrom().isPresent() && e.measureTo().isPresent()
                ? ", " + e.measureFrom().get() + " to " + e.measureTo().get() : "";
    }

    private static void flowMaps(Results r, List<ProvinceMap.MapPoint> provinces, Flows flows, List<Figure> out,
            List<String> notes) {
        Experiment e = r.experiment();
        Map<String, ProvinceMap.MapPoint> at = new HashMap<>();
        provinces.forEach(p -> at.put(p.code(), p));
        FOREIGN.forEach(p -> at.put(p.code(), p));
        Map<String, List<ProvinceMap.Arrow>> arrows = new LinkedHashMap<>();
        Map<String, Map<String, Double>> dest = new LinkedHashMap<>();
        Map<String, Integer> runs = new HashMap<>();
        java.util.Set<String> unplaced = new java.util.TreeSet<>();
        for (String s : e.strategies()) {
            List<Map<Flows.Route, Double>> perRun = e.runs().stream().filter(run -> run.ok() && run.strategy().equals(s))
                    .map(Run::runId).map(flows.byRun()::get).filter(x -> x != null).toList();
            if (perRun.isEmpty()) {
                continue;
            }
            runs.put(s, perRun.size());
            Map<Flows.Route, Double> mean = new TreeMap<>();
            perRun.forEach(m -> m.forEach((route, v) -> mean.merge(route, v / perRun.size(), Double::sum)));
            Map<String, Double> d = new TreeMap<>();
            mean.forEach((route, v) -> d.merge(route.destination(), v, Double::sum));
            dest.put(s, d);
            List<ProvinceMap.Arrow> list = new ArrayList<>();
            mean.entrySet().stream()
                    .filter(en -> !en.getKey().origin().equals(en.getKey().destination()))
                    .filter(en -> {
                        boolean ok = at.containsKey(en.getKey().origin()) && at.containsKey(en.getKey().destination());
                        if (!ok) {
                            unplaced.add(at.containsKey(en.getKey().origin()) ? en.getKey().destination()
                                    : en.getKey().origin());
                        }
                        return ok;
                    })
                    .sorted(Comparator.comparingDouble((Map.Entry<Flows.Route, Double> en) -> -en.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .limit(MAX_ARROWS)
                    .forEach(en -> list.add(new ProvinceMap.Arrow(at.get(en.getKey().origin()),
                            at.get(en.getKey().destination()), en.getValue())));
            arrows.put(s, list);
        }
        if (!unplaced.isEmpty()) {
            notes.add("Flows from or to places with no map position were left off the maps: " + String.join(", ", unplaced)
                    + ".");
        }
        double circleMax = dest.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        double arrowMax = arrows.values().stream().flatMap(List::stream).mapToDouble(ProvinceMap.Arrow::value).max()
                .orElse(0);
        String window = window(e);
        for (String s : arrows.keySet()) {
            out.add(new Figure("map-" + Figures.slug(s), Figures.SECTION_MAPS,
                    "Trafficking flows, " + s + ", mean of " + runs.get(s) + " runs" + window + ": arrows show the "
                            + MAX_ARROWS + " largest flows between provinces (and from neighbouring countries), width "
                            + "proportional to victims; blue circles show victims by province of destination (area "
                            + "proportional). One scale for all maps.",
                    ProvinceMap.arrows("Trafficking flows: " + s,
                            "largest " + MAX_ARROWS + " routes" + window + ", mean of " + runs.get(s)
                                    + " runs; widest arrow = " + Format.number(arrowMax) + " victims, largest circle = "
                                    + Format.number(circleMax),
                            labelled(provinces, arrows.get(s)), arrows.get(s), dest.get(s), circleMax, arrowMax),
                    ProvinceMap.WIDTH, ProvinceMap.HEIGHT));
        }
    }

    /** The provinces, plus the foreign places some arrow starts from (so they get a label). */
    private static List<ProvinceMap.MapPoint> labelled(List<ProvinceMap.MapPoint> provinces, List<ProvinceMap.Arrow> arrows) {
        List<ProvinceMap.MapPoint> out = new ArrayList<>(provinces);
        for (ProvinceMap.MapPoint f : FOREIGN) {
            if (arrows.stream().anyMatch(a -> a.from().equals(f) || a.to().equals(f))) {
                out.add(f);
            }
        }
        return out;
    }

}
