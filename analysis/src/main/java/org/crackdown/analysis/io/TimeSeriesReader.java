package org.crackdown.analysis.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.format.Role;

/**
 * Streams one or more timeseries.csv files (one per run folder, or a sweep's single file) and
 * aggregates them into a {@link TimeSeries}: national monthly figures per run and province totals
 * over the measure window.
 */
public final class TimeSeriesReader {

    private final Set<String> runIds;
    private final String windowFrom;
    private final String windowTo;
    private List<Field> measures;
    /** run -> month -> [sum per measure, then count of non-missing cells per measure]. */
    private final Map<String, TreeMap<String, double[]>> acc = new LinkedHashMap<>();
    private final Map<String, Map<String, double[]>> provinces = new LinkedHashMap<>();
    private final TreeSet<String> months = new TreeSet<>();

    /**
     * @param runIds     runs to keep (successful runs); rows of other runs are skipped
     * @param windowFrom first month of the measure window (ISO date) or null for all months
     * @param windowTo   last day of the window or null
     */
    public TimeSeriesReader(Set<String> runIds, String windowFrom, String windowTo) {
        this.runIds = runIds;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
    }

    /** Reads one file; every file must have the same measure columns. */
    public void read(Path file, Descriptor.Resource resource) throws AnalysisInputException {
        read(file, resource, null);
    }

    /**
     * Reads one file whose rows all belong to one run (a run folder), filed under {@code runId}
     * whatever its run_id column says, so two folders with the same run_id stay apart.
     */
    public void read(Path file, Descriptor.Resource resource, String runId) throws AnalysisInputException {
        CsvSource csv = CsvSource.open(file, resource);
        csv.requireColumns("run_id", "date", "province");
        List<Field> ms = new ArrayList<>();
        for (Field f : resource.withRole(Role.MEASURE)) {
            if (f.numeric()) {
                ms.add(f);
            }
        }
        if (measures == null) {
            measures = ms;
        } else if (!names(measures).equals(names(ms))) {
            throw new AnalysisInputException(file + ": measure columns differ from the first timeseries.csv read ("
                    + String.join(", ", names(ms)) + " vs " + String.join(", ", names(measures)) + ")");
        }
        int k = measures.size();
        csv.forEach(row -> {
            String run = runId != null ? runId : row.required("run_id");
            if (!runIds.contains(run)) {
                return;
            }
            String date = row.required("date");
            String month = date.length() >= 7 ? date.substring(0, 7) + "-01" : date;
            String province = row.required("province");
            months.add(month);
            double[] cell = acc.computeIfAbsent(run, r -> new TreeMap<>()).computeIfAbsent(month, m -> new double[2 * k]);
            boolean inWindow = (windowFrom == null || date.compareTo(windowFrom) >= 0)
                    && (windowTo == null || date.compareTo(windowTo) <= 0);
            double[] prov = inWindow
                    ? provinces.computeIfAbsent(run, r -> new HashMap<>()).computeIfAbsent(province, p -> new double[k])
                    : null;
            for (int i = 0; i < k; i++) {
                double v = row.number(measures.get(i).name());
                if (!Double.isNaN(v)) {
                    cell[i] += v;
                    cell[k + i] += 1;
                    if (prov != null) {
                        prov[i] += v;
                    }
                }
            }
        });
    }

    private static List<String> names(List<Field> fs) {
        return fs.stream().map(Field::name).toList();
    }

    /** The aggregated series, or null if nothing was read. */
    public TimeSeries result() {
        if (measures == null || acc.isEmpty()) {
            return null;
        }
        List<String> monthList = List.copyOf(months);
        int k = measures.size();
        Map<String, double[][]> national = new LinkedHashMap<>();
        acc.forEach((run, byMonth) -> {
            double[][] a = new double[monthList.size()][k];
            for (int t = 0; t < monthList.size(); t++) {
                double[] cell = byMonth.get(monthList.get(t));
                for (int i = 0; i < k; i++) {
                    if (cell == null || cell[k + i] == 0) {
                        a[t][i] = Double.NaN;
                    } else {
                        a[t][i] = measures.get(i).averagedOverProvinces() ? cell[i] / cell[k + i] : cell[i];
                    }
                }
            }
            national.put(run, a);
        });
        Map<String, Map<String, double[]>> prov = new LinkedHashMap<>();
        provinces.forEach((run, byProv) -> {
            Map<String, double[]> sorted = new TreeMap<>();
            byProv.forEach((p, v) -> {
                double[] c = v.clone();
                for (int i = 0; i < k; i++) {
                    if (measures.get(i).averagedOverProvinces()) {
                        c[i] = Double.NaN;
                    }
                }
                sorted.put(p, c);
            });
            prov.put(run, sorted);
        });
        return new TimeSeries(monthList, measures, national, prov);
    }
}
