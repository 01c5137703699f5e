package org.crackdown.space;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The 31 provinces and the travel network between them: land neighbours from the data, plus the
 * Qiongzhou Strait ferry between Hainan and Guangdong (Hainan has no land neighbour, but is
 * reached by sea), with travel distance measured between provincial capitals.
 */
public final class ProvinceNetwork implements java.io.Serializable {

    /** Countries from which china-facts.md reports victims brought in (s1, s2, s4). */
    public static final List<String> TRADE_BORDER_COUNTRIES = List.of("Vietnam", "Laos", "Myanmar");

    private static final String RESOURCE = "/data/provinces.csv";
    private static volatile ProvinceNetwork china;

    private final List<Province> provinces;
    private final Map<String, Province> byCode = new HashMap<>();
    private final double[][] km;

    private ProvinceNetwork(List<Province> provinces, List<int[]> edges) {
        this.provinces = List.copyOf(provinces);
        for (Province p : provinces) {
            byCode.put(p.code(), p);
        }
        int n = provinces.size();
        km = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                km[i][j] = greatCircleKm(provinces.get(i), provinces.get(j));
            }
        }
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adj.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            if (!adj.get(e[0]).contains(e[1])) {
                adj.get(e[0]).add(e[1]);
                adj.get(e[1]).add(e[0]);
            }
        }
        for (int i = 0; i < n; i++) {
            int[] a = adj.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
            provinces.get(i).neighbours = a;
        }
    }

    /** China's 31 provinces from the bundled data table (loaded once, read-only). */
    public static ProvinceNetwork china() {
        ProvinceNetwork c = china;
        if (c == null) {
            synchronized (ProvinceNetwork.class) {
                c = china;
                if (c == null) {
                    try (InputStream in = ProvinceNetwork.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("province table " + RESOURCE + " missing from the build");
                        }
                        c = read(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read province table: " + e.getMessage(), e);
                    }
                    china = c;
                }
            }
        }
        return c;
    }

    static ProvinceNetwork read(Reader reader) throws IOException {
        List<Province> list = new ArrayList<>();
        List<String[]> neighbourCodes = new ArrayList<>();
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord r : fmt.parse(reader)) {
            List<String> foreign = r.get("foreign_neighbours").isBlank() ? List.of()
                    : Arrays.asList(r.get("foreign_neighbours").split(";"));
            list.add(new Province(list.size(), r.get("code"), r.get("name_en"), r.get("name_zh"),
                    r.get("capital_en"), Double.parseDouble(r.get("capital_lat")),
                    Double.parseDouble(r.get("capital_lon")), Long.parseLong(r.get("population_2010")),
                    Double.parseDouble(r.get("rural_income_rmb")), Double.parseDouble(r.get("srb")),
                    Double.parseDouble(r.get("police_per_10k")), Double.parseDouble(r.get("left_behind_share_pct")),
                    foreign));
            neighbourCodes.add(r.get("neighbours").isBlank() ? new String[0] : r.get("neighbours").split(";"));
        }
        Map<String, Integer> index = new HashMap<>();
        for (Province p : list) {
            index.put(p.code(), p.index());
        }
        List<int[]> edges = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            for (String c : neighbourCodes.get(i)) {
                Integer j = index.get(c);
                if (j == null) {
                    throw new IllegalStateException("province table: unknown neighbour " + c + " of " + list.get(i).code());
                }
                edges.add(new int[] {i, j});
            }
        }
        // Hainan is an island: the Qiongzhou Strait ferries link it to Guangdong.
        if (index.containsKey("CN-HI") && index.containsKey("CN-GD")) {
            edges.add(new int[] {index.get("CN-HI"), index.get("CN-GD")});
        }
        return new ProvinceNetwork(list, edges);
    }

    public List<Province> provinces() {
        return provinces;
    }

    public int size() {
        return provinces.size();
    }

    public Province get(int index) {
        return provinces.get(index);
    }

    /** The province with this ISO code, or null. */
    public Province byCode(String code) {
        return byCode.get(code);
    }

    public List<String> codes() {
        return provinces.stream().map(Province::code).toList();
    }

    /** Great-circle distance between the two capitals, km. */
    public double km(int a, int b) {
        return km[a][b];
    }

    private static double greatCircleKm(Province a, Province b) {
        double r = 6371.0;
        double la1 = Math.toRadians(a.lat());
        double la2 = Math.toRadians(b.lat());
        double dLat = la2 - la1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(la1) * Math.cos(la2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Population-weighted national mean of a province quantity. */
    public double populationWeighted(java.util.function.ToDoubleFunction<Province> f) {
        double sum = 0;
        double pop = 0;
        for (Province p : provinces) {
            sum += f.applyAsDouble(p) * p.population();
            pop += p.population();
        }
        return sum / pop;
    }
}
