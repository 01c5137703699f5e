package org.crackdown.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crackdown.agent.Gang;
import org.crackdown.agent.PoliceUnit;
import org.crackdown.agent.Victim;
import org.crackdown.model.Parameters;

import ec.util.MersenneTwisterFast;

/**
 * Open investigations, province by province. Investigators share their time over their open
 * cases: with few cases each takes about {@code police.min_case_days}; with many, each case's
 * daily chance falls as capacity / cases. Unsolved cases go cold after
 * {@code police.case_expiry_days}.
 *
 * <p>Cases are also indexed by gang and by victim, so that a bust or a found child closes its
 * cases without scanning every open file (tens of thousands at national scale). Closed cases are
 * dropped from the province lists lazily, on the next day's investigation pass. The indexes are
 * only looked up, never iterated, so identity hashing cannot make runs differ.
 */
public final class CaseBook {

    private final List<List<Case>> open = new ArrayList<>();
    private final int[] openCount;
    private final Set<Case> closed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Gang, List<Case>> byGang = new HashMap<>();
    private final Map<Victim, List<Case>> byVictim = new HashMap<>();
    private long nextId = 1;

    public CaseBook(int provinces) {
        for (int i = 0; i < provinces; i++) {
            open.add(new ArrayList<>());
        }
        openCount = new int[provinces];
    }

    public Case open(Case.Kind kind, int province, boolean child, Gang gang, Victim victim, int today) {
        Case c = new Case(nextId++, kind, province, child, gang, victim, today);
        open.get(province).add(c);
        openCount[province]++;
        if (gang != null) {
            byGang.computeIfAbsent(gang, g -> new ArrayList<>()).add(c);
        }
        if (victim != null) {
            byVictim.computeIfAbsent(victim, v -> new ArrayList<>()).add(c);
        }
        return c;
    }

    public int openCases(int province) {
        return openCount[province];
    }

    private boolean isOpen(Case c) {
        return !closed.contains(c);
    }

    /** Takes a case off the desk (solved, or gone cold). */
    private void close(Case c) {
        if (closed.add(c)) {
            openCount[c.province()]--;
            unindex(byGang, c.gang(), c);
            unindex(byVictim, c.victim(), c);
        }
    }

    private static <K> void unindex(Map<K, List<Case>> index, K key, Case c) {
        if (key == null) {
            return;
        }
        List<Case> list = index.get(key);
        if (list != null) {
            list.remove(c);
            if (list.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /**
     * A gang was busted: each open case against it, in any province, is solved with it with
     * probability {@code p} (one gang often answers for several cases). Returns those cases, in
     * the order they were opened; the others stay open and may still be solved from other
     * evidence.
     */
    public List<Case> closeLinked(Gang g, double p, MersenneTwisterFast r) {
        List<Case> against = byGang.get(g);
        if (against == null) {
            return List.of();
        }
        List<Case> solved = new ArrayList<>();
        for (Case c : new ArrayList<>(against)) {
            if (r.nextDouble() < p) {
                solved.add(c);
                close(c);
            }
        }
        return solved;
    }

    /** Closes the open cases about a victim who has been found (they are solved). */
    public void closeVictim(Victim v) {
        List<Case> about = byVictim.get(v);
        if (about != null) {
            for (Case c : new ArrayList<>(about)) {
                close(c);
            }
        }
    }

    /** Whether police have at least one open case against this gang. */
    public boolean hasOpenCase(Gang g) {
        return byGang.containsKey(g);
    }

    /** Works every province's cases for a day; returns the cases solved, in a stable order. */
    public List<Case> investigate(List<PoliceUnit> units, int today, Parameters p, MersenneTwisterFast r) {
        List<Case> solved = new ArrayList<>();
        for (PoliceUnit u : units) {
            List<Case> cases = open.get(u.province());
            double capacity = u.investigators(p) * p.getInvestigationEfficiency();
            double h = capacity / (openCount[u.province()] + capacity * p.getMinCaseDays());
            int w = 0;
            for (Case c : cases) {
                if (!isOpen(c)) {
                    closed.remove(c);
                    continue;
                }
                if (today - c.openedDay() >= p.getCaseExpiryDays()) {
                    close(c);
                    closed.remove(c);
                    continue;
                }
                if (r.nextDouble() < h) {
                    solved.add(c);
                    close(c);
                    closed.remove(c);
                } else {
                    cases.set(w++, c);
                }
            }
            cases.subList(w, cases.size()).clear();
        }
        return solved;
    }
}
