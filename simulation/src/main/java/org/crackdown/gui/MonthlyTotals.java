package org.crackdown.gui;

import java.time.YearMonth;
import java.util.function.Consumer;

import org.crackdown.model.Measure;
import org.crackdown.model.Metrics;

/**
 * Turns each month's province table from {@link Metrics} into the national numbers the charts
 * show. Runs on the model's thread; the consumer decides how to hand the point to Swing.
 */
public final class MonthlyTotals implements Metrics.MonthListener {

    /** National totals of one month (counts as simulated, not scaled up). */
    public record Point(YearMonth month, double trafficked, double rescued, double gangsActive, double officers,
                        double priceBoy, double priceGirl, double priceWoman) {
    }

    private final Consumer<Point> out;

    public MonthlyTotals(Consumer<Point> out) {
        this.out = out;
    }

    @Override
    public void onMonth(YearMonth month, double[][] v) {
        out.accept(of(month, v));
    }

    static Point of(YearMonth month, double[][] v) {
        return new Point(month,
                sum(v, Measure.BOYS_ACQUIRED, Measure.GIRLS_ACQUIRED, Measure.WOMEN_ACQUIRED),
                sum(v, Measure.WOMEN_RESCUED, Measure.CHILDREN_RESCUED),
                sum(v, Measure.GANGS_ACTIVE),
                sum(v, Measure.OFFICERS_PATROL, Measure.OFFICERS_INVESTIGATION, Measure.OFFICERS_DNA,
                        Measure.OFFICERS_BUYER),
                price(v, Measure.PRICE_BOY), price(v, Measure.PRICE_GIRL), price(v, Measure.PRICE_WOMAN));
    }

    private static double sum(double[][] v, Measure... ms) {
        double s = 0;
        for (double[] row : v) {
            for (Measure m : ms) {
                s += row[m.ordinal()];
            }
        }
        return s;
    }

    /**
     * National mean price: provinces' monthly means weighted by the victims sold there (all types,
     * the only count by destination there is); NaN when nothing of this type was sold anywhere.
     */
    private static double price(double[][] v, Measure price) {
        double sum = 0;
        double weight = 0;
        for (double[] row : v) {
            double p = row[price.ordinal()];
            if (!Double.isNaN(p)) {
                double w = Math.max(1, row[Measure.VICTIMS_SOLD.ordinal()]);
                sum += p * w;
                weight += w;
            }
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }
}
