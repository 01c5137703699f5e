package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Victim;
import org.crackdown.model.Parameters;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/**
 * The spin-up's restock (SteadyStock) changes only the part of the held stock older than its
 * window, keeps the stock's counts honest, and gives the victims it adds ages where the steady
 * state puts them. A year of 2008 at scale 0.02 from the settled start (no spin-up), then one
 * restock by hand; its arithmetic and its effect on the long run are tested in SpinUpTest.
 */
class SteadyStockTest {

    private static final int WINDOW = 365;

    @Test
    void aRestockKeepsTheYoungAndTheCountsAndAddsOnlyOldVictims() {
        TraffickingModel m = new TraffickingModel(TestScenarios.china2011(0.02, p -> {
            TestScenarios.set(p, "init.spin_up_days", 0);
        }), 3);
        m.start();
        Enforcement enf = m.enforcement();
        int provinces = m.network().size();
        long lowest = m.settledStart().lowestVictimId();
        SteadyStock restock = new SteadyStock(enf, provinces, m.dayIndex(), WINDOW, lowest);
        while (m.dayIndex() < WINDOW) {
            m.schedule.step(m);
        }
        int today = m.dayIndex();
        List<List<Victim>> young = new ArrayList<>();
        int oldBefore = 0;
        for (int i = 0; i < provinces; i++) {
            List<Victim> y = new ArrayList<>();
            for (Victim v : enf.heldList(i)) {
                if (v.status() == Victim.Status.WITH_BUYER) {
                    if (today - v.acquiredDay() < WINDOW) {
                        y.add(v);
                    } else {
                        oldBefore++;
                    }
                }
            }
            young.add(y);
        }
        Parameters p = m.params();
        restock.restock(enf, today, p, m.random);

        assertTrue(restock.added() + restock.removed() > 0, "a restock after a year changed nothing");
        int oldAfter = 0;
        for (int i = 0; i < provinces; i++) {
            for (Victim v : young.get(i)) {
                assertSame(Victim.Status.WITH_BUYER, v.status(), "a victim sold within the window was taken out");
            }
            int held = 0;
            for (Victim v : enf.heldList(i)) {
                if (v.status() != Victim.Status.WITH_BUYER) {
                    continue;
                }
                held++;
                int age = today - v.acquiredDay();
                if (age >= WINDOW) {
                    oldAfter++;
                }
                if (v.id() < lowest) { // added by the restock
                    assertEquals(i, v.buyerProvince());
                    assertTrue(age >= WINDOW, "a victim added younger than the window: " + age + " days");
                    if (v.type().isChild()) {
                        assertTrue(age < p.getHeldChildFindableYears() * 365, "a child added past the findable age");
                    }
                }
            }
            assertEquals(held, enf.heldByBuyers(i), "the held count of province " + i + " disagrees with its victims");
        }
        assertEquals(oldBefore + restock.added() - restock.removed(), oldAfter, "old victims added and taken out do not add up");
    }
}
