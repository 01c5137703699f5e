package org.crackdown.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.PoliceUnit;
import org.crackdown.model.Allocation;
import org.crackdown.model.Campaign;
import org.crackdown.model.Demography;
import org.crackdown.model.Parameters;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

/**
 * National coordination of the provincial units: the total budget, the allocation rule that
 * shares it out (re-evaluated monthly on what police can observe), and campaigns.
 *
 * <p>Observation-driven rules (hot-spot, source, destination) only see what reaches police:
 * cases reported, the origins of reported victims, victims found at destinations. Each keeps half
 * the officers in proportion to population, so no province is ever left without police.
 */
public final class PoliceForce implements java.io.Serializable {

    /** Months of observations the observation-driven rules look back over (about 90 days). */
    private static final int MEMORY_MONTHS = 3;

    private final ProvinceNetwork net;
    private final Demography demography;
    private final List<PoliceUnit> units = new ArrayList<>();
    private final double[][] reported;
    private final double[][] origins;
    private final double[][] destinations;
    private int slot;
    private final double[] weights;
    private LocalDate lastCampaignDay;

    public PoliceForce(ProvinceNetwork net, Demography demography) {
        this.net = net;
        this.demography = demography;
        for (int i = 0; i < net.size(); i++) {
            units.add(new PoliceUnit(i));
        }
        reported = new double[MEMORY_MONTHS][net.size()];
        origins = new double[MEMORY_MONTHS][net.size()];
        destinations = new double[MEMORY_MONTHS][net.size()];
        weights = new double[net.size()];
    }

    public PoliceUnit unit(int province) {
        return units.get(province);
    }

    public List<PoliceUnit> units() {
        return units;
    }

    /** A case was reported in this province. */
    public void observeReport(int province) { reported[slot][province]++; }

    /** A reported or rescued victim was taken from this province. */
    public void observeOrigin(int province) { if (province >= 0) { origins[slot][province]++; } }

    /** A victim was found where she or he had been sold. */
    public void observeDestination(int province) { destinations[slot][province]++; }

    /** National anti-trafficking officers at the current budget, before campaigns. */
    public double nationalOfficers(Parameters p) {
        double n = 0;
        for (Province prov : net.provinces()) {
            n += demography.population(prov, p) / 1e4 * p.getPolicePer10k();
        }
        return n * p.getTraffickingShare() * p.getBudget();
    }

    /** Monthly: share the national officers out by the allocation rule; start a new memory slot. */
    public void allocate(Parameters p) {
        double[] w = new double[net.size()];
        double[] pop = new double[net.size()];
        for (Province prov : net.provinces()) {
            pop[prov.index()] = prov.population() * prov.policePer10k();
        }
        normalise(pop);
        Allocation rule = p.getAllocation();
        switch (rule) {
            case UNIFORM -> java.util.Arrays.fill(w, 1.0 / net.size());
            case POPULATION -> System.arraycopy(pop, 0, w, 0, w.length);
            case HOTSPOT, SOURCE, DESTINATION -> {
                double[][] signal = rule == Allocation.HOTSPOT ? reported : rule == Allocation.SOURCE ? origins : destinations;
                double[] s = new double[net.size()];
                for (double[] month : signal) {
                    for (int i = 0; i < s.length; i++) {
                        s[i] += month[i];
                    }
                }
                boolean any = normalise(s);
                for (int i = 0; i < w.length; i++) {
                    w[i] = any ? 0.5 * pop[i] + 0.5 * s[i] : pop[i];
                }
            }
            default -> throw new AssertionError(rule);
        }
        System.arraycopy(w, 0, weights, 0, w.length);
        slot = (slot + 1) % MEMORY_MONTHS;
        for (double[][] a : new double[][][] {reported, origins, destinations}) {
            java.util.Arrays.fill(a[slot], 0);
        }
    }

    /**
     * Daily: each unit's officers at today's budget (so a budget change acts at once) and its
     * campaign effort. A campaign's schedule ({@link Campaign#boostOn}, campaign effects add up)
     * is what the Ministry orders; the effort police actually put in follows it with a first-order
     * lag of {@code police.campaign_ramp_days}: officers are reassigned, trained and organised over
     * weeks to months, and drift back to routine work after the campaign ends. Stepping twice on
     * the same date changes nothing.
     */
    public void applyCampaigns(List<Campaign> campaigns, LocalDate today, Parameters p) {
        double total = nationalOfficers(p);
        boolean newDay = !today.equals(lastCampaignDay);
        lastCampaignDay = today;
        double follow = 1 - Math.exp(-1.0 / p.getCampaignRampDays());
        for (PoliceUnit u : units) {
            u.setOfficers(total * weights[u.province()]);
            if (!newDay) {
                continue;
            }
            String code = net.get(u.province()).code();
            u.setCampaignBoost(rampTowards(u.campaignBoost(), scheduled(campaigns, code, today), follow));
        }
    }

    /** Extra effort the campaigns covering a province order for a day, as a multiple of routine effort. */
    static double scheduled(List<Campaign> campaigns, String provinceCode, LocalDate day) {
        double boost = 0;
        for (Campaign c : campaigns) {
            if (c.covers(provinceCode)) {
                boost += c.boostOn(day);
            }
        }
        return boost;
    }

    /** One day of the lag: effort moves a fraction {@code follow} of the way to what is ordered. */
    static double rampTowards(double effort, double ordered, double follow) {
        return effort + (ordered - effort) * follow;
    }

    public double officersOnDuty() {
        double n = 0;
        for (PoliceUnit u : units) {
            n += u.effective();
        }
        return n;
    }

    private static boolean normalise(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        if (s <= 0) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] /= s;
        }
        return true;
    }
}
