package org.crackdown.gui;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The provinces' outlines in longitude and latitude, as {@code province-outlines.csv} has them:
 * Apache ECharts 4.9.0's map of China (Apache-2.0), decoded and simplified to 0.05 degrees by
 * {@code scripts/gui-map/convert_echarts_china.py}; the file's header names the source. For
 * display only: the model never reads them. Besides the 31 provinces the file holds Taiwan, Hong
 * Kong and Macao, drawn as context.
 */
final class ProvinceOutlines {

    /**
     * One file for the GUI and the analysis report's maps, in the analysis module (which the
     * simulation depends on, not the other way round); its licence text lies beside it.
     */
    static final String FILE = "/org/crackdown/outlines/province-outlines.csv";

    /** Code to rings; a ring is {lon, lat} pairs, not closed. */
    private final Map<String, List<double[][]>> rings;

    private ProvinceOutlines(Map<String, List<double[][]>> rings) {
        this.rings = rings;
    }

    /** The outlines shipped with the GUI. */
    static ProvinceOutlines read() {
        try (InputStream in = ProvinceOutlines.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("map outlines " + FILE + " missing from the build");
            }
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .get();
            Map<String, Map<String, List<double[]>>> parts = new LinkedHashMap<>();
            for (CSVRecord rec : fmt.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                double lon = number(rec, "lon");
                double lat = number(rec, "lat");
                parts.computeIfAbsent(rec.get("code"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rec.get("ring"), k -> new ArrayList<>()).add(new double[] {lon, lat});
            }
            Map<String, List<double[][]>> rings = new LinkedHashMap<>();
            parts.forEach((code, byRing) -> {
                List<double[][]> list = new ArrayList<>();
                byRing.forEach((ring, points) -> {
                    if (points.size() < 3) {
                        throw new IllegalStateException(FILE + ": ring " + ring + " of " + code + " has "
                                + points.size() + " points; a ring needs at least 3");
                    }
                    list.add(points.toArray(new double[0][]));
                });
                rings.put(code, Collections.unmodifiableList(list));
            });
            return new ProvinceOutlines(Collections.unmodifiableMap(rings));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read map outlines " + FILE + ": " + e.getMessage(), e);
        }
    }

    private static double number(CSVRecord rec, String column) {
        String s = rec.get(column);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(FILE + ":" + rec.getParser().getCurrentLineNumber() + ": " + column
                    + " must be a number in degrees, got '" + s + "'", e);
        }
    }

    /** Every unit in the file, provinces first, in file order. */
    Set<String> codes() {
        return rings.keySet();
    }

    /** The unit's rings (largest first), empty if the file has none for it. */
    List<double[][]> rings(String code) {
        return rings.getOrDefault(code, List.of());
    }

    /** Longitudes (x) and latitudes (y) spanned by all outlines. */
    Rectangle2D bounds() {
        double lonMin = Double.MAX_VALUE;
        double lonMax = -Double.MAX_VALUE;
        double latMin = Double.MAX_VALUE;
        double latMax = -Double.MAX_VALUE;
        for (List<double[][]> list : rings.values()) {
            for (double[][] ring : list) {
                for (double[] p : ring) {
                    lonMin = Math.min(lonMin, p[0]);
                    lonMax = Math.max(lonMax, p[0]);
                    latMin = Math.min(latMin, p[1]);
                    latMax = Math.max(latMax, p[1]);
                }
            }
        }
        return new Rectangle2D.Double(lonMin, latMin, lonMax - lonMin, latMax - latMin);
    }
}
