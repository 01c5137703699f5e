package org.crackdown.analysis.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.crackdown.analysis.AnalysisInputException;

/**
 * Province positions for maps (capital city coordinates), from a provinces.csv with columns
 * {@code code, name_en, capital_lat, capital_lon}: the file the simulation jar bundles as the
 * classpath resource {@code /data/provinces.csv}, or a file given explicitly.
 */
public final class Provinces {

    public static final String RESOURCE = "/data/provinces.csv";

    public record Province(String code, String name, double lat, double lon) {
    }

    private final Map<String, Province> byCode;

    private Provinces(Map<String, Province> byCode) {
        this.byCode = byCode;
    }

    public List<Province> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Province> get(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** From the classpath, or empty when this build carries no province table. */
    public static Optional<Provinces> fromClasspath() throws AnalysisInputException {
        try (InputStream in = Provinces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse("classpath:" + RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AnalysisInputException("classpath:" + RESOURCE + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static Provinces fromFile(Path file) throws AnalysisInputException {
        if (!Files.isRegularFile(file)) {
            throw new AnalysisInputException(file + ": no such file (expected a provinces.csv with columns code, name_en, "
                    + "capital_lat, capital_lon)");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (IOException e) {
            throw new AnalysisInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Provinces parse(String where, Reader reader) throws AnalysisInputException, IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, Province> m = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(reader).setFormat(fmt).get()) {
            for (String c : new String[] {"code", "name_en", "capital_lat", "capital_lon"}) {
                if (!p.getHeaderNames().contains(c)) {
                    throw new AnalysisInputException(where + " line 1: required column '" + c + "' is missing");
                }
            }
            List<CSVRecord> recs = new ArrayList<>();
            p.forEach(recs::add);
            for (CSVRecord r : recs) {
                long line = r.getRecordNumber() + 1;
                try {
                    double lat = Double.parseDouble(r.get("capital_lat"));
                    double lon = Double.parseDouble(r.get("capital_lon"));
                    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                        throw new NumberFormatException();
                    }
                    m.put(r.get("code"), new Province(r.get("code"), r.get("name_en"), lat, lon));
                } catch (NumberFormatException e) {
                    throw new AnalysisInputException(where + " line " + line
                            + ": capital_lat/capital_lon must be degrees (lat -90..90, lon -180..180)");
                }
            }
        }
        return new Provinces(m);
    }
}
