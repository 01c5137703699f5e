package org.crackdown.output;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.format.Column.Type;
import org.crackdown.format.Column;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;

/**
 * The three CSV tables of a run folder and their columns. The CSV writers take their headers
 * from here and {@link DataPackage} its field descriptions, so a header and its description can
 * never disagree. Meanings of measures come from {@link Measure} and
 * {@link Metrics#summaryColumns()}, never copied here.
 *
 * @param name        resource name in the data package, also the file name without ".csv"
 * @param description what one row is
 * @param fields      columns in file order
 * @param primaryKey  columns that identify a row
 */
public record Table(String name, String description, List<Column> fields, List<String> primaryKey) {


    public Table {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
    }

    public String fileName() {
        return name + ".csv";
    }

    public List<String> header() {
        return fields.stream().map(Column::name).toList();
    }

    private static final Column RUN_ID = Column.id("run_id", Type.STRING, "identifier",
            "Run identifier: the run folder's name unless the run was given another");
    private static final Column SEED = Column.id("seed", Type.INTEGER, "identifier",
            "Seed of the random number generator; the same scenario and seed give the same rows");

    /**
     * The run's scale next to its counts: counts are the simulated ones, {@code scale} times China's,
     * so runs at different scales must never be pooled or compared count for count.
     */
    public static final Column SCALE = Column.id("scale", Type.NUMBER, "fraction of China",
            "Share of China's population, police and gangs the run simulated (scenario key scale): every count "
            + "in this row is that share of a national figure; divide by it for a national equivalent");

    public static final Table TIMESERIES = timeseries();
    public static final Table SUMMARY = summary();
    public static final Table FLOWS = flows();

    public static List<Table> all() {
        return List.of(TIMESERIES, SUMMARY, FLOWS);
    }

    private static Table timeseries() {
        List<Column> f = new ArrayList<>(List.of(RUN_ID, SEED,
                Column.id("date", Type.DATE, "month", "The month the row covers, written as its first day"),
                Column.id("province", Type.STRING, "ISO 3166-2 code", "Province (ISO 3166-2 code, e.g. CN-YN)")));
        for (Measure m : Measure.values()) {
            f.add(Column.measure(m.column(), measureType(m), m.unit(), m.doc()));
        }
        return new Table("timeseries", "One row per month and province: what happened that month (counts) "
                + "and the state at its end (stocks)", f, List.of("run_id", "date", "province"));
    }

    private static Table summary() {
        List<Column> f = new ArrayList<>(List.of(RUN_ID, SEED,
                Column.id("scenario", Type.STRING, "name", "Name of the scenario that was run"),
                Column.id("measure_from", Type.DATE, "date", "First day of the measure window (inclusive)"),
                Column.id("measure_to", Type.DATE, "date", "Last day of the measure window (inclusive)"),
                SCALE));
        for (Metrics.Column c : Metrics.summaryColumns()) {
            f.add(Column.measure(c.name(), summaryType(c.name()), c.unit(), c.doc()));
        }
        return new Table("summary", "One row per run: totals and means over the measure window, all provinces",
                f, List.of("run_id"));
    }

    private static Table flows() {
        return new Table("flows", "Victims sold over the measure window, by origin, destination and type", List.of(
                RUN_ID, SEED,
                Column.id("origin", Type.STRING, "ISO 3166-2 code or country",
                        "Where the victim was taken into the trade: a province code, or a foreign country for women brought across the border"),
                Column.id("destination", Type.STRING, "ISO 3166-2 code", "Province where the victim was sold"),
                Column.id("victim_type", Type.STRING, "category", "boy, girl or woman"),
                Column.measure("count", Type.INTEGER, "victims", "Victims sold along this route over the measure window")),
                List.of("run_id", "origin", "destination", "victim_type"));
    }

    /**
     * Counts and month-end stocks of agents are whole numbers. Prices are means; officers are
     * the real force times the run's scale, spread over provinces and tasks, so fractional; sums
     * of money (RMB) are fractional too.
     */
    private static Type measureType(Measure m) {
        if (m.kind() == Measure.Kind.PRICE || m.unit().equals("officers") || m.unit().equals("RMB")) {
            return Type.NUMBER;
        }
        return Type.INTEGER;
    }

    /** Window totals of counts are whole; shares, means and officer-years are not. */
    private static Type summaryType(String column) {
        if (column.equals("victims_trafficked")) {
            return Type.INTEGER;
        }
        for (Measure m : Measure.values()) {
            if (m.column().equals(column)) {
                return m.kind() == Measure.Kind.COUNT ? measureType(m) : Type.NUMBER;
            }
        }
        return Type.NUMBER;
    }
}
