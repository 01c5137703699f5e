package org.crackdown.space;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * China's national population, crude birth rate and urban share by date
 * (scenarios/data/demography-history.csv, every point with its source), linearly interpolated
 * between the published points. Outside them:
 * <ul>
 *   <li>population and urban share follow the trend of the two nearest points (both grew
 *       steadily; holding them flat would freeze 1998–2004 at 2005);</li>
 *   <li>the birth rate is held at the nearest point (extrapolating the 1990–2003 fall backwards
 *       would give rates never observed), so cohorts born before 1990 have 1990's rate.</li>
 * </ul>
 * Births published as counts (2015–2020) enter as birth rates: births / interpolated population.
 */
public final class DemographicHistory implements java.io.Serializable {

    private static final String RESOURCE = "/data/demography-history.csv";
    private static volatile DemographicHistory china;

    private final TreeMap<Double, Double> population;
    private final TreeMap<Double, Double> birthRate;
    private final TreeMap<Double, Double> urbanShare;
    /** National rural income per person (nominal RMB); may be empty (then money keeps its value). */
    private final TreeMap<Double, Double> ruralIncome;

    DemographicHistory(Map<String, TreeMap<Double, Double>> series) {
        this.population = need(series, "population");
        this.urbanShare = need(series, "urban_share");
        TreeMap<Double, Double> rate = new TreeMap<>(series.getOrDefault("birth_rate", new TreeMap<>()));
        series.getOrDefault("births", new TreeMap<>()).forEach((y, births) -> rate.put(y, births / population(y) * 1000));
        if (rate.isEmpty()) {
            throw new IllegalArgumentException("demographic history: no birth_rate or births points");
        }
        this.birthRate = rate;
        this.ruralIncome = series.getOrDefault("rural_income", new TreeMap<>());
        if (ruralIncome.values().stream().anyMatch(v -> !(v > 0))) {
            throw new IllegalArgumentException("demographic history: rural_income must be positive");
        }
    }

    private static TreeMap<Double, Double> need(Map<String, TreeMap<Double, Double>> series, String name) {
        TreeMap<Double, Double> s = series.get(name);
        if (s == null || s.size() < 2) {
            throw new IllegalArgumentException("demographic history: series " + name + " needs at least two points");
        }
        return s;
    }

    /** The bundled national series (loaded once, read-only). */
    public static DemographicHistory china() {
        DemographicHistory c = china;
        if (c == null) {
            synchronized (DemographicHistory.class) {
                c = china;
                if (c == null) {
                    try (InputStream in = DemographicHistory.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("demographic history " + RESOURCE + " missing from the build");
                        }
                        c = read(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read demographic history: " + e.getMessage(), e);
                    }
                    china = c;
                }
            }
        }
        return c;
    }

    /** Reads {@code series,at,value,...} rows; series the model does not use are ignored. */
    static DemographicHistory read(Reader in) throws IOException {
        Map<String, TreeMap<Double, Double>> series = new HashMap<>();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord r : fmt.parse(in)) {
            double at = fractionalYear(LocalDate.parse(r.get("at").trim()));
            series.computeIfAbsent(r.get("series").trim(), k -> new TreeMap<>()).put(at, Double.parseDouble(r.get("value").trim()));
        }
        return new DemographicHistory(series);
    }

    /** The model's calendar convention: 1 January is y + 0, the first of July about y + 0.5. */
    public static double fractionalYear(LocalDate d) {
        return d.getYear() + (d.getDayOfYear() - 1) / (double) d.lengthOfYear();
    }

    /** National resident population at (fractional) year y. */
    public double population(double y) {
        return at(population, y, true);
    }

    /** Crude birth rate, births per 1000 people per year, at year y. */
    public double birthRate(double y) {
        return at(birthRate, y, false);
    }

    /** Urban share of the population, as a fraction, at year y. */
    public double urbanShare(double y) {
        return at(urbanShare, y, true) / 100.0;
    }

    /**
     * National rural income per person (nominal RMB) at year y: log-linear between its dated points
     * (constant growth between two published figures), and outside them growing at
     * {@code growthOutside} a year from the nearest point (no published figure there: an
     * assumption, incomes.growth). 1 if the series is empty.
     */
    public double ruralIncome(double y, double growthOutside) {
        if (ruralIncome.isEmpty()) {
            return 1;
        }
        Map.Entry<Double, Double> lo = ruralIncome.floorEntry(y);
        Map.Entry<Double, Double> hi = ruralIncome.ceilingEntry(y);
        if (lo == null || hi == null) {
            Map.Entry<Double, Double> end = lo == null ? hi : lo;
            return end.getValue() * Math.pow(1 + growthOutside, y - end.getKey());
        }
        if (lo.getKey().equals(hi.getKey())) {
            return lo.getValue();
        }
        double f = (y - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() * Math.pow(hi.getValue() / lo.getValue(), f);
    }

    /** Linear interpolation; outside the points, the nearest segment's trend or the nearest value. */
    private static double at(NavigableMap<Double, Double> s, double y, boolean trendOutside) {
        Map.Entry<Double, Double> lo = s.floorEntry(y);
        Map.Entry<Double, Double> hi = s.ceilingEntry(y);
        if (lo == null || hi == null) {
            Map.Entry<Double, Double> end = lo == null ? hi : lo;
            if (!trendOutside || s.size() < 2) {
                return end.getValue();
            }
            Map.Entry<Double, Double> next = lo == null ? s.higherEntry(end.getKey()) : s.lowerEntry(end.getKey());
            double slope = (end.getValue() - next.getValue()) / (end.getKey() - next.getKey());
            return end.getValue() + slope * (y - end.getKey());
        }
        if (lo.getKey().equals(hi.getKey())) {
            return lo.getValue();
        }
        double f = (y - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() + f * (hi.getValue() - lo.getValue());
    }
}
