package org.crackdown.outcome;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.crackdown.agent.VictimType;
import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;
import org.crackdown.model.TraffickingModel;

/**
 * A run's national totals month by month, kept so that an output can be read over any run of months,
 * not only the scenario's measure window (summary.csv): the 2000-2007 rescues of a run measured over
 * 2011, say. Counts add up month by month; a price is the mean over the months' sales, weighted by
 * sales as the summary's is. Shares and cost ratios exist only over the measure window.
 *
 * <p>Used by {@code crackdown patterns} and by calibration targets with a window of their own.
 */
public final class NationalMonths implements Metrics.MonthListener {

    private final Map<YearMonth, double[]> months = new TreeMap<>();
    /** Per month: national sum of prices paid [0] and victims sold [1], by type. */
    private final Map<YearMonth, double[][]> sales = new TreeMap<>();

    /** Starts keeping the model's months; call before the run starts. */
    public void attach(TraffickingModel model) {
        model.metrics().addListener(this);
    }

    @Override
    public void onMonthSales(YearMonth month, double[][] priceSum, double[][] sold) {
        double[][] total = sales.computeIfAbsent(month, m -> new double[2][VictimType.values().length]);
        for (int p = 0; p < priceSum.length; p++) {
            for (int t = 0; t < total[0].length; t++) {
                total[0][t] += priceSum[p][t];
                total[1][t] += sold[p][t];
            }
        }
    }

    @Override
    public void onMonth(YearMonth month, double[][] values) {
        double[] total = months.computeIfAbsent(month, m -> new double[Measure.values().length]);
        for (double[] province : values) {
            for (Measure m : Measure.values()) {
                if (m.kind() == Measure.Kind.COUNT) {
                    total[m.ordinal()] += province[m.ordinal()];
                }
            }
        }
    }

    /**
     * {@code output} over the months {@code from}..{@code to}; NaN when a price has no sale or a ratio's
     * denominator is zero.
     *
     * @throws IllegalArgumentException if a column is not kept by month (callers check {@link #byMonth})
     */
    public double value(Output output, YearMonth from, YearMonth to) {
        return output.evaluate(c -> {
            VictimType price = priceColumn(c);
            if (price != null) {
                return price(price, from, to);
            }
            List<Measure> counts = countColumn(c);
            if (counts == null) {
                throw new IllegalArgumentException(c + " is not kept by month");
            }
            return total(counts, from, to);
        });
    }

    /** Mean price of the type over the months, weighted by sales (NaN if none sold). */
    public double price(VictimType t, YearMonth from, YearMonth to) {
        double paid = 0;
        double sold = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            double[][] v = sales.get(m);
            if (v != null) {
                paid += v[0][t.ordinal()];
                sold += v[1][t.ordinal()];
            }
        }
        return sold > 0 ? paid / sold : Double.NaN;
    }

    private double total(List<Measure> measures, YearMonth from, YearMonth to) {
        double s = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            double[] v = months.get(m);
            if (v != null) {
                for (Measure x : measures) {
                    s += v[x.ordinal()];
                }
            }
        }
        return s;
    }

    /** Whether a summary column can be read over any months: counts and prices can, shares and ratios cannot. */
    public static boolean byMonth(String column) {
        return countColumn(column) != null || priceColumn(column) != null;
    }

    /**
     * The count measures a summary column adds up, or null if it is not a sum of counts (prices,
     * shares and cost ratios).
     */
    static List<Measure> countColumn(String column) {
        if (column.equals("victims_trafficked")) {
            return List.of(Measure.BOYS_ACQUIRED, Measure.GIRLS_ACQUIRED, Measure.WOMEN_ACQUIRED);
        }
        try {
            Measure m = Measure.valueOf(column.toUpperCase(Locale.ROOT));
            return m.kind() == Measure.Kind.COUNT ? List.of(m) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The victim type whose mean price a summary column is, or null. */
    static VictimType priceColumn(String column) {
        return switch (column) {
            case "price_boy" -> VictimType.BOY;
            case "price_girl" -> VictimType.GIRL;
            case "price_woman" -> VictimType.WOMAN;
            default -> null;
        };
    }
}
