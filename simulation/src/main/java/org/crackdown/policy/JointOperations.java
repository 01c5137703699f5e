package org.crackdown.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crackdown.agent.Gang;
import org.crackdown.model.Parameters;
import org.crackdown.model.Rng;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;

import ec.util.MersenneTwisterFast;

/**
 * Joint cross-provincial operations directed by the Ministry (china-facts.md s2: e.g. March 2012,
 * more than 7,000 police in 14 provinces broke up four rings). An operation picks the province
 * with most open cases and the provinces around it, mobilises officers there for a while, takes
 * down gangs police already have a case against, and follows each one's links to take down the
 * partners in the same provinces with it: the ring falls together.
 */
public final class JointOperations {

    /** A running operation. */
    public record Operation(int startDay, int endDay, Set<Integer> provinces, double officers) {
    }

    private final ProvinceNetwork net;
    private final List<Operation> running = new ArrayList<>();

    public JointOperations(ProvinceNetwork net) {
        this.net = net;
    }

    public List<Operation> running() {
        return List.copyOf(running);
    }

    /** Officers currently mobilised by operations (for officer-years). */
    public double officers() {
        double n = 0;
        for (Operation o : running) {
            n += o.officers();
        }
        return n;
    }

    /** A day: start new operations, work the running ones, end the finished ones. */
    public void step(int today, List<Gang> gangs, CaseBook cases, Enforcement enforcement, Parameters p,
                     MersenneTwisterFast r) {
        running.removeIf(o -> o.endDay() < today);
        int starts = Rng.poisson(r, p.getJointPerYear() / 365.0);
        for (int k = 0; k < starts; k++) {
            Set<Integer> area = area(busiest(cases), p.getJointProvinces());
            running.add(new Operation(today, today + p.getJointDurationDays() - 1, area,
                    p.getJointOfficers() * p.getScale()));
        }
        for (Operation o : running) {
            work(o, gangs, cases, enforcement, p, r);
        }
    }

    private void work(Operation o, List<Gang> gangs, CaseBook cases, Enforcement enforcement, Parameters p,
                      MersenneTwisterFast r) {
        List<Gang> targets = new ArrayList<>();
        for (Gang g : gangs) {
            if (g.active() && cases.hasOpenCase(g) && o.provinces().contains(g.home())) {
                targets.add(g);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        // Each known gang falls today with a chance that saturates as officers outnumber targets.
        double chance = 1 - Math.exp(-p.getJointTakedownEfficiency() * o.officers() / targets.size());
        for (Gang g : targets) {
            if (g.active() && r.nextDouble() < chance) {
                takeDownRing(g, o, enforcement, p, r);
            }
        }
    }

    /** The gang and, through its links, every partner based in the operation's provinces. */
    private void takeDownRing(Gang first, Operation o, Enforcement enforcement, Parameters p, MersenneTwisterFast r) {
        ArrayDeque<Gang> queue = new ArrayDeque<>();
        Set<Gang> seen = new HashSet<>();
        queue.add(first);
        seen.add(first);
        while (!queue.isEmpty()) {
            Gang g = queue.poll();
            for (Gang partner : g.partners()) {
                if (partner.active() && o.provinces().contains(partner.home()) && seen.add(partner)) {
                    queue.add(partner);
                }
            }
            enforcement.bust(g, g.home(), Enforcement.Cause.INVESTIGATION, p, r);
        }
    }

    private int busiest(CaseBook cases) {
        int best = 0;
        for (int i = 1; i < net.size(); i++) {
            if (cases.openCases(i) > cases.openCases(best)) {
                best = i;
            }
        }
        return best;
    }

    /** The province and its neighbours, breadth first, until n provinces (in index order per ring). */
    private Set<Integer> area(int centre, int n) {
        Set<Integer> area = new java.util.LinkedHashSet<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(centre);
        area.add(centre);
        while (!queue.isEmpty() && area.size() < n) {
            Province p = net.get(queue.poll());
            for (int q : p.neighbours()) {
                if (area.size() < n && area.add(q)) {
                    queue.add(q);
                }
            }
        }
        return area;
    }
}
