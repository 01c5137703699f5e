package org.crackdown.analysis.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Province outlines in longitude and latitude, from the file the GUI's map draws too
 * ({@value #RESOURCE}: Apache ECharts 4.9.0's map of China, Apache-2.0, simplified to 0.05
 * degrees; source and changes in its header, licence beside it). For display only.
 */
public final class Outlines {

    public static final String RESOURCE = "/org/crackdown/outlines/province-outlines.csv";

    private static volatile Optional<Outlines> bundled;

    /** Code to rings; a ring is {lon, lat} pairs, not closed. Provinces first, in file order. */
    private final Map<String, List<double[][]>> rings;

    private Outlines(Map<String, List<double[][]>> rings) {
        this.rings = rings;
    }

    /** The bundled outlines, read once; empty if the build left them out. */
    public static Optional<Outlines> bundled() {
        Optional<Outlines> b = bundled;
        if (b == null) {
            b = read();
            bundled = b;
        }
        return b;
    }

    private static Optional<Outlines> read() {
        try (InputStream in = Outlines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                    .get();
            Map<String, Map<String, List<double[]>>> parts = new LinkedHashMap<>();
            for (CSVRecord rec : fmt.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                parts.computeIfAbsent(rec.get("code"), k -> new LinkedHashMap<>())
                        .computeIfAbsent(rec.get("ring"), k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(rec.get("lon")), Double.parseDouble(rec.get("lat"))});
            }
            Map<String, List<double[][]>> rings = new LinkedHashMap<>();
            parts.forEach((code, byRing) -> {
                List<double[][]> list = new ArrayList<>();
                byRing.values().forEach(points -> list.add(points.toArray(new double[0][])));
                rings.put(code, Collections.unmodifiableList(list));
            });
            return Optional.of(new Outlines(Collections.unmodifiableMap(rings)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public Map<String, List<double[][]>> rings() {
        return rings;
    }
}
