package org.crackdown.gui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.model.Campaign;
import org.crackdown.model.ParamSpec;
import org.crackdown.model.Parameters;
import org.crackdown.model.TraffickingModel;
import org.crackdown.space.Province;

/**
 * What the map shows on the current day, read from the model once per step (the painting code
 * never reads the model). Counts are divided by the run's scale, so that a run at scale 0.1 is
 * drawn like the full country and the legend's numbers always mean "all of China".
 */
public final class MapScene {

    /** How much of yesterday's rescue flash is left today: a flash fades over a few days. */
    static final double FLASH_DECAY = 0.6;

    private final int n;
    private final double[] pressure;
    private final double[] officers;
    private final double[] flash;
    private final double[][] flow;
    private LocalDate today;
    private int day;
    private int totalDays;
    private final PressureBands bands = new PressureBands();
    private final List<String> campaigns = new ArrayList<>();
    private String settings = "";

    public MapScene(int provinces) {
        this.n = provinces;
        pressure = new double[n];
        officers = new double[n];
        flash = new double[n];
        flow = new double[n][n];
    }

    /** Forgets the previous run. */
    public void reset() {
        java.util.Arrays.fill(pressure, 0);
        java.util.Arrays.fill(officers, 0);
        java.util.Arrays.fill(flash, 0);
        for (double[] row : flow) {
            java.util.Arrays.fill(row, 0);
        }
        campaigns.clear();
        bands.reset();
        today = null;
    }

    /** Reads today's state of a started model. */
    public void update(TraffickingModel m) {
        double scale = m.params().getScale();
        var metrics = m.metrics();
        for (int i = 0; i < n; i++) {
            double out = 0;
            for (int j = 0; j < n; j++) {
                double f = metrics.recentFlow(i, j) / scale;
                flow[i][j] = f;
                out += f;
            }
            pressure[i] = out;
            officers[i] = m.police().unit(i).effective() / scale;
            flash[i] = Math.max(flash[i] * FLASH_DECAY, metrics.rescuedToday(i) / scale);
        }
        today = m.finished() ? m.scenario().end() : m.today();
        day = m.runDay();
        totalDays = m.runDays();
        bands.update(pressure, today, day);
        campaigns.clear();
        for (Campaign c : m.scenario().campaigns()) {
            double boost = c.boostOn(today);
            if (boost > 0) {
                String where = c.provinces().isEmpty() ? "all provinces" : provinceNames(m, c.provinces());
                campaigns.add(String.format("Campaign %s: police effort +%.0f%% (%s)", c.name(), 100 * boost, where));
            }
        }
        settings = describe(m.params());
    }

    private static String provinceNames(TraffickingModel m, List<String> codes) {
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            Province p = m.network().byCode(code);
            names.add(p == null ? code : p.nameEn());
        }
        return names.size() > 4 ? names.size() + " provinces" : String.join(", ", names);
    }

    /** One line with the levers' current values, for the caption. */
    static String describe(Parameters p) {
        return String.format("Police budget x%s, allocation %s, DNA database %s, tips %s, buyers prosecuted %s",
                ParamSpec.format(round(p.getBudget())), ParamSpec.format(p.getAllocation()),
                p.isDnaEnabled() ? "on" : "off", p.isTipsEnabled() ? "on" : "off",
                ParamSpec.format(round(p.getProsecutionProbability())));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    public int provinces() { return n; }

    /** Victims taken from province i and sold over about the last month (all China equivalent). */
    public double pressure(int i) { return pressure[i]; }

    /** The colour classes of {@link #pressure}, set from the values shown (see {@link PressureBands}). */
    PressureBands bands() { return bands; }

    /** Anti-trafficking officers on duty in province i, campaigns included (all China equivalent). */
    public double officers(int i) { return officers[i]; }

    /** Sales from i to j over about the last month, fading (all China equivalent). */
    public double flow(int i, int j) { return flow[i][j]; }

    /** Victims rescued in province i on the busiest of the last few days, fading with age. */
    public double flash(int i) { return flash[i]; }

    /** The day shown, or null before a run has started. */
    public LocalDate today() { return today; }

    public int day() { return day; }

    public int totalDays() { return totalDays; }

    /** Campaigns running today, one line each. */
    public List<String> campaigns() { return List.copyOf(campaigns); }

    /** The levers' current values, one line. */
    public String settings() { return settings; }
}
