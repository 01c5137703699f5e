package org.crackdown.space;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * National sex ratio at birth by year (scenarios/data/sex-ratio-history.csv), linearly
 * interpolated between the published years and held constant outside them.
 */
public final class SexRatioHistory implements java.io.Serializable {

    private static volatile SexRatioHistory china;
    private final TreeMap<Integer, Double> byYear;

    public SexRatioHistory(TreeMap<Integer, Double> byYear) {
        if (byYear.isEmpty()) {
            throw new IllegalArgumentException("empty sex-ratio history");
        }
        this.byYear = new TreeMap<>(byYear);
    }

    public static SexRatioHistory china() {
        SexRatioHistory c = china;
        if (c == null) {
            try (InputStream in = SexRatioHistory.class.getResourceAsStream("/data/sex-ratio-history.csv")) {
                if (in == null) {
                    throw new IllegalStateException("/data/sex-ratio-history.csv missing from the build");
                }
                TreeMap<Integer, Double> m = new TreeMap<>();
                CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
                for (CSVRecord r : fmt.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    m.put(Integer.parseInt(r.get("year").trim()), Double.parseDouble(r.get("srb").trim()));
                }
                c = new SexRatioHistory(m);
                china = c;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read sex-ratio history: " + e.getMessage(), e);
            }
        }
        return c;
    }

    /** Boys per 100 girls born nationally in {@code year}. */
    public double at(double year) {
        var lo = byYear.floorEntry((int) Math.floor(year));
        var hi = byYear.ceilingEntry((int) Math.ceil(year));
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double f = (year - lo.getKey()) / (hi.getKey() - lo.getKey());
        return lo.getValue() + f * (hi.getValue() - lo.getValue());
    }
}
