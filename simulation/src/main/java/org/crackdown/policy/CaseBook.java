package org.crackdown.policy;

import java.util.ArrayList;
import java.util.List;

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
 */
public final class CaseBook {

    private final List<List<Case>> open = new ArrayList<>();
    private long nextId = 1;

    public CaseBook(int provinces) {
        for (int i = 0; i < provinces; i++) {
            open.add(new ArrayList<>());
        }
    }

    public Case open(Case.Kind kind, int province, boolean child, Gang gang, Victim victim, int today) {
        Case c = new Case(nextId++, kind, province, child, gang, victim, today);
        open.get(province).add(c);
        return c;
    }

    public int openCases(int province) {
        return open.get(province).size();
    }

    /**
     * A gang was busted: each open case against it, in any province, is solved with it with
     * probability {@code p} (one gang often answers for several cases). Returns those cases; the
     * others stay open and may still be solved from other evidence.
     */
    public List<Case> closeLinked(Gang g, double p, MersenneTwisterFast r) {
        List<Case> closed = new ArrayList<>();
        for (List<Case> cases : open) {
            int w = 0;
            for (Case c : cases) {
                if (c.gang() == g && r.nextDouble() < p) {
                    closed.add(c);
                } else {
                    cases.set(w++, c);
                }
            }
            cases.subList(w, cases.size()).clear();
        }
        return closed;
    }

    /** Removes the open cases about a victim who has been found (they are solved). */
    public void closeVictim(Victim v) {
        for (List<Case> cases : open) {
            cases.removeIf(c -> c.victim() == v);
        }
    }

    /** Gangs police have at least one open case against. */
    public java.util.Set<Gang> gangsWithOpenCases() {
        java.util.Set<Gang> known = new java.util.HashSet<>();
        for (List<Case> cases : open) {
            for (Case c : cases) {
                if (c.gang() != null) {
                    known.add(c.gang());
                }
            }
        }
        return known;
    }

    /** Works every province's cases for a day; returns the cases solved, in a stable order. */
    public List<Case> investigate(List<PoliceUnit> units, int today, Parameters p, MersenneTwisterFast r) {
        List<Case> solved = new ArrayList<>();
        for (PoliceUnit u : units) {
            List<Case> cases = open.get(u.province());
            if (cases.isEmpty()) {
                continue;
            }
            double capacity = u.investigators(p) * p.getInvestigationEfficiency();
            double h = capacity / (cases.size() + capacity * p.getMinCaseDays());
            int w = 0;
            for (Case c : cases) {
                if (today - c.openedDay() >= p.getCaseExpiryDays()) {
                    continue;
                }
                if (r.nextDouble() < h) {
                    solved.add(c);
                } else {
                    cases.set(w++, c);
                }
            }
            cases.subList(w, cases.size()).clear();
        }
        return solved;
    }
}
