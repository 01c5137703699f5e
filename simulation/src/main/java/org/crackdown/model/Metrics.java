package org.crackdown.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.crackdown.agent.VictimType;

/**
 * The one place where the model's observations are counted. Agents and processes report events
 * here; at each month end the month's table goes to every {@link MonthListener} (CSV writer, GUI
 * charts); over the measure window it keeps the totals for the summary and the origin-destination
 * flows. Knows nothing about files.
 */
public final class Metrics implements java.io.Serializable {

    /** Receives each finished month: {@code values[province][measure.ordinal()]}. */
    public interface MonthListener {
        void onMonth(YearMonth month, double[][] values);

        /**
         * The month's sales by destination and victim type: the sum of prices paid and the number
         * sold (so a mean price over any run of months can be weighted by sales, as the summary's
         * is). Called just before {@link #onMonth}; the arrays are reused afterwards.
         */
        default void onMonthSales(YearMonth month, double[][] priceSum, double[][] sold) {
        }
    }

    /** One origin-destination flow over the measure window. */
    public record Flow(String origin, String destination, VictimType type, long count) implements java.io.Serializable {
    }

    /** A month as it was closed, kept so that a run restored from a checkpoint can write its earlier rows. */
    public record Month(YearMonth month, double[][] values) implements java.io.Serializable {
    }

    private static final Measure[] MEASURES = Measure.values();

    private final int provinces;
    private final LocalDate windowFrom;
    private final LocalDate windowTo;
    /** Not part of a checkpoint: whoever restores a model attaches its own (files, charts). */
    private transient List<MonthListener> listeners = new ArrayList<>();

    private YearMonth month;
    /** Every month closed so far (a few kB each), in order. */
    private final List<Month> closed = new ArrayList<>();
    private boolean inWindow;
    /** During a spin-up: months are not kept or told to listeners ({@link #pauseRecording}). */
    private boolean paused;
    private double[][] current;
    private final double[][] priceSum;
    private final double[][] priceCount;

    private final double[] windowTotals = new double[MEASURES.length];
    /**
     * Where {@link #add} counts a measure towards the window: {@link #windowTotals} inside the
     * window, a discarded array outside it. Not a test of {@link #inWindow} in add, which is
     * inlined into most of the model: the JIT compiles a test that has never passed as a trap, so
     * on the window's first day every method that counts something was thrown out and compiled
     * again (15 at once in a national run; issue 9, session 8).
     */
    private transient double[] countInto;
    /** Where {@link #sale} records prices and flows: the window's, or discarded outside it (as countInto). */
    private transient SaleTotals salesInto;

    private record SaleTotals(double[] priceSum, double[] priceCount, TreeMap<String, TreeMap<String, long[]>> flows) {
    }

    private SaleTotals windowSales() {
        return new SaleTotals(windowPriceSum, windowPriceCount, flows);
    }

    private static SaleTotals discardedSales() {
        return new SaleTotals(new double[VictimType.values().length], new double[VictimType.values().length],
                new TreeMap<>());
    }
    private final double[] windowPriceSum = new double[VictimType.values().length];
    private final double[] windowPriceCount = new double[VictimType.values().length];
    private double windowOfficerDays;
    /** A measure's count (or level) in a province for the month so far. */
    public double monthSoFar(Measure m, int province) {
        return current[province][m.ordinal()];
    }

    /** Sales between provinces over about the last month (exponentially fading), for displays. */
    private final double[][] recentFlows;
    /** Victims rescued today, per province, for displays. */
    private final double[] rescuedToday;
    /** origin label -> destination label -> per-type counts; sorted maps keep output order stable. */
    private final TreeMap<String, TreeMap<String, long[]>> flows = new TreeMap<>();

    public Metrics(int provinces, LocalDate windowFrom, LocalDate windowTo) {
        this.provinces = provinces;
        this.windowFrom = windowFrom;
        this.windowTo = windowTo;
        this.current = new double[provinces][MEASURES.length];
        this.priceSum = new double[provinces][VictimType.values().length];
        this.priceCount = new double[provinces][VictimType.values().length];
        this.recentFlows = new double[provinces][provinces];
        this.rescuedToday = new double[provinces];
        this.countInto = new double[MEASURES.length];
        this.salesInto = discardedSales();
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        countInto = inWindow ? windowTotals : new double[MEASURES.length];
        salesInto = inWindow ? windowSales() : discardedSales();
    }

    public void addListener(MonthListener l) {
        if (listeners == null) {
            listeners = new ArrayList<>(); // restored from a checkpoint
        }
        listeners.add(l);
    }

    /**
     * Tells {@code l} every month closed so far, in order, as listeners were told when each closed:
     * a run continued from a checkpoint writes the months simulated before it was saved.
     */
    public void replayTo(MonthListener l) {
        for (Month m : closed) {
            l.onMonth(m.month(), m.values());
        }
    }

    public void removeListener(MonthListener l) {
        if (listeners != null) {
            listeners.remove(l);
        }
    }

    /** Called by the model at the start of each simulated day. */
    public void beginDay(LocalDate day) {
        YearMonth ym = YearMonth.from(day);
        if (month == null) {
            month = ym;
        }
        inWindow = !day.isBefore(windowFrom) && !day.isAfter(windowTo);
        if (inWindow) {
            if (countInto != windowTotals) {
                countInto = windowTotals;
                salesInto = windowSales();
            }
        } else if (countInto == windowTotals) {
            countInto = new double[MEASURES.length];
            salesInto = discardedSales();
        }
        double fade = Math.exp(-1.0 / 30);
        for (double[] row : recentFlows) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= fade;
            }
        }
        java.util.Arrays.fill(rescuedToday, 0);
    }

    /** Whether today counts towards the summary and flows. */
    public boolean inWindow() {
        return inWindow;
    }

    public void add(Measure m, int province, double amount) {
        current[province][m.ordinal()] += amount;
        if (m == Measure.WOMEN_RESCUED || m == Measure.CHILDREN_RESCUED) {
            rescuedToday[province] += amount;
        }
        if (m.kind() == Measure.Kind.COUNT) {
            countInto[m.ordinal()] += amount;
        }
    }

    public void increment(Measure m, int province) {
        add(m, province, 1);
    }

    /** A level observed at month end (officers, gangs active, ...). */
    public void setStock(Measure m, int province, double value) {
        current[province][m.ordinal()] = value;
    }

    /** Officers on duty today, summed over provinces (for officer-years over the window). */
    public void officersOnDuty(double officers) {
        if (inWindow) {
            windowOfficerDays += officers;
        }
    }

    /** A sale: counts it, its price, and the flow from origin to destination. */
    public void sale(VictimType type, int origin, String originLabel, int destination, String destinationLabel,
                     double price) {
        increment(Measure.VICTIMS_SOLD, destination);
        recentFlows[origin][destination] += 1;
        priceSum[destination][type.ordinal()] += price;
        priceCount[destination][type.ordinal()] += 1;
        // Into the window's figures, or discarded outside it: no test of inWindow (see countInto).
        salesInto.priceSum[type.ordinal()] += price;
        salesInto.priceCount[type.ordinal()] += 1;
        salesInto.flows.computeIfAbsent(originLabel, k -> new TreeMap<>())
                .computeIfAbsent(destinationLabel, k -> new long[VictimType.values().length])[type.ordinal()]++;
    }

    /**
     * The spin-up before a run's start: months are still counted (agents learn from the month so
     * far) but not kept or told to listeners.
     */
    public void pauseRecording() {
        paused = true;
    }

    /**
     * The run's start after a spin-up: recording begins afresh (the month in progress, if the start
     * is not a month's first day, is counted from the start); the fading flows shown on maps are
     * kept, so the routes the spin-up settled on show from the first day.
     */
    public void resumeRecording() {
        paused = false;
        month = null;
        startMonthCounts();
    }

    /** A new month's counts and sale prices, all zero. */
    private void startMonthCounts() {
        current = new double[provinces][MEASURES.length];
        for (int p = 0; p < provinces; p++) {
            java.util.Arrays.fill(priceSum[p], 0);
            java.util.Arrays.fill(priceCount[p], 0);
        }
    }

    /** Closes the month that {@link #beginDay} has been accumulating and notifies listeners. */
    public void endMonth() {
        for (int p = 0; p < provinces; p++) {
            for (VictimType t : VictimType.values()) {
                Measure pm = priceMeasure(t);
                double n = priceCount[p][t.ordinal()];
                current[p][pm.ordinal()] = n > 0 ? priceSum[p][t.ordinal()] / n : Double.NaN;
            }
        }
        if (!paused) {
            closed.add(new Month(month, current));
            for (MonthListener l : listeners == null ? List.<MonthListener>of() : listeners) {
                l.onMonthSales(month, priceSum, priceCount);
                l.onMonth(month, current);
            }
        }
        startMonthCounts();
        month = month.plusMonths(1);
    }

    /**
     * Sales from province i (foreign victims: the border province) to province j over about the
     * last month, fading exponentially with a 30-day time constant. Read-only view for displays.
     */
    public double recentFlow(int i, int j) {
        return recentFlows[i][j];
    }

    /** Victims rescued in a province today (for displays). */
    public double rescuedToday(int province) {
        return rescuedToday[province];
    }

    public YearMonth month() {
        return month;
    }

    private static Measure priceMeasure(VictimType t) {
        return switch (t) {
            case BOY -> Measure.PRICE_BOY;
            case GIRL -> Measure.PRICE_GIRL;
            case WOMAN -> Measure.PRICE_WOMAN;
        };
    }

    /** Total of a count measure over the measure window so far. */
    public double windowTotal(Measure m) {
        return windowTotals[m.ordinal()];
    }

    /**
     * The one-row summary over the measure window, in column order. Counts are totals; prices
     * are means over all sales in the window (NaN if none); officer-years and rescues per
     * officer-year give the cost side.
     */
    public Map<String, Double> summary() {
        Map<String, Double> s = new LinkedHashMap<>();
        double women = windowTotal(Measure.WOMEN_RESCUED);
        double children = windowTotal(Measure.CHILDREN_RESCUED);
        s.put("women_rescued", women);
        s.put("children_rescued", children);
        s.put("gangs_busted", windowTotal(Measure.GANGS_BUSTED));
        s.put("suspects_arrested", windowTotal(Measure.SUSPECTS_ARRESTED));
        s.put("cases_registered", windowTotal(Measure.CASES_REGISTERED));
        s.put("cases_solved", windowTotal(Measure.CASES_SOLVED));
        double trafficked = windowTotal(Measure.BOYS_ACQUIRED) + windowTotal(Measure.GIRLS_ACQUIRED)
                + windowTotal(Measure.WOMEN_ACQUIRED);
        s.put("victims_trafficked", trafficked);
        s.put("buyers_prosecuted", windowTotal(Measure.BUYERS_PROSECUTED));
        for (Measure m : MEASURES) {
            if (m.kind() == Measure.Kind.COUNT && !s.containsKey(m.column())) {
                s.put(m.column(), windowTotal(m));
            }
        }
        long foreign = 0;
        for (var e : flows.entrySet()) {
            if (!e.getKey().startsWith("CN-")) {
                for (long[] counts : e.getValue().values()) {
                    for (long c : counts) {
                        foreign += c;
                    }
                }
            }
        }
        s.put("foreign_victims_sold", (double) foreign);
        double children_acq = windowTotal(Measure.BOYS_ACQUIRED) + windowTotal(Measure.GIRLS_ACQUIRED);
        s.put("parents_sale_share", children_acq > 0 ? windowTotal(Measure.ACQUIRED_PURCHASE) / children_acq : Double.NaN);
        for (VictimType t : VictimType.values()) {
            double n = windowPriceCount[t.ordinal()];
            s.put(priceMeasure(t).column(), n > 0 ? windowPriceSum[t.ordinal()] / n : Double.NaN);
        }
        double officerYears = windowOfficerDays / 365.0;
        s.put("officer_years", officerYears);
        s.put("rescues_per_officer_year", officerYears > 0 ? (women + children) / officerYears : Double.NaN);
        return s;
    }

    /** A summary column: name, unit and meaning (for the data package and docs). */
    public record Column(String name, String unit, String doc) {
    }

    /** The columns of {@link #summary()}, in the same order, with their meaning. */
    public static List<Column> summaryColumns() {
        Map<String, Double> names = new Metrics(1, LocalDate.MIN, LocalDate.MIN).summary();
        List<Column> cols = new ArrayList<>();
        for (String n : names.keySet()) {
            cols.add(switch (n) {
                case "victims_trafficked" -> new Column(n, "victims",
                        "Victims taken into the trade (boys, girls and women acquired) over the measure window");
                case "foreign_victims_sold" -> new Column(n, "victims",
                        "Victims from Vietnam, Laos or Myanmar sold in China over the measure window");
                case "parents_sale_share" -> new Column(n, "fraction",
                        "Share of trafficked children who were bought from their parents (empty if no child was trafficked)");
                case "officer_years" -> new Column(n, "officer-years",
                        "Anti-trafficking police effort spent over the measure window, campaigns included");
                case "rescues_per_officer_year" -> new Column(n, "victims per officer-year",
                        "Women and children rescued per officer-year: the cost-effectiveness of the strategy");
                default -> {
                    Measure m = Measure.valueOf(n.toUpperCase(java.util.Locale.ROOT));
                    yield m.kind() == Measure.Kind.PRICE
                            ? new Column(n, m.unit(), m.doc().replace("in this province this month (empty if none sold)",
                                    "over all sales in the measure window (empty if none sold)"))
                            : new Column(n, m.unit(), m.doc() + ", total over the measure window, all provinces");
                }
            });
        }
        return cols;
    }

    /** Origin-destination flows over the measure window, sorted by origin, destination, type. */
    public List<Flow> flows() {
        List<Flow> out = new ArrayList<>();
        flows.forEach((o, byDest) -> byDest.forEach((d, counts) -> {
            for (VictimType t : VictimType.values()) {
                if (counts[t.ordinal()] > 0) {
                    out.add(new Flow(o, d, t, counts[t.ordinal()]));
                }
            }
        }));
        return out;
    }
}
