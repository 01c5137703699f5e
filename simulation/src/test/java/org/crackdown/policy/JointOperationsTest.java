package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crackdown.agent.Gang;
import org.crackdown.model.JointOperation;
import org.crackdown.model.Measure;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.crackdown.space.ProvinceNetwork;
import org.junit.jupiter.api.Test;

/** A joint operation goes after one ring at a time and never busts more gangs than its reach. */
class JointOperationsTest {

    private static final ProvinceNetwork NET = ProvinceNetwork.china();
    private static final int HENAN = NET.byCode("CN-HA").index();

    /** Thirty gangs in Henan linked in a line g0 - g1 - ... - g29, each with a case against it. */
    private static List<Gang> chain(TraffickingModel m) {
        List<Gang> gangs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Gang g = new Gang(1000 + i, HENAN, false, 1, 1, 4, 0, new double[NET.size()], 0);
            if (i > 0) {
                g.link(gangs.get(i - 1));
            }
            gangs.add(g);
            m.enforcement().open(Case.Kind.LEAD, HENAN, false, g, null);
        }
        return gangs;
    }

    @Test
    void theRingIsTheBestKnownGangAndItsPartnersToTheLinkDepth() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> { });
        List<Gang> gangs = chain(m);
        m.enforcement().open(Case.Kind.TIP, HENAN, false, gangs.get(10), null);
        JointOperations.Operation o = new JointOperations.Operation("t", 0, 29, Set.of(HENAN), 1000, 100);
        JointOperations.target(o, m.enforcement().cases(), 2);
        assertEquals(List.of(gangs.get(10), gangs.get(11), gangs.get(9), gangs.get(12), gangs.get(8)).size(),
                o.ring().size());
        assertTrue(o.ring().containsAll(List.of(gangs.get(8), gangs.get(9), gangs.get(10), gangs.get(11), gangs.get(12))),
                "ring " + o.ring());

        JointOperations.Operation small = new JointOperations.Operation("s", 0, 29, Set.of(HENAN), 1000, 3);
        JointOperations.target(small, m.enforcement().cases(), 20);
        assertEquals(30, small.ring().size(), "the ring is what police know; the reach bounds the busts, not the ring");
        assertEquals(gangs.get(10), small.ring().get(0));
    }

    @Test
    void aDatedOperationBustsNoMoreThanItsReach() {
        // Reach: joint.max_gangs x scale = 300 x 0.01 = 3 gangs; officers plentiful, so it takes them all.
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "joint.max_gangs", 300);
            TestScenarios.set(p, "joint.link_depth", 20);
            TestScenarios.set(p, "joint.takedown_efficiency", 1);
            TestScenarios.set(p, "gangs.reform_probability", 0);
        });
        List<Gang> gangs = chain(m);
        LocalDate day0 = m.today();
        JointOperations ops = new JointOperations(NET, List.of(new JointOperation("jul-2011", day0,
                List.of("CN-HA"), 1, 7000)), day0);
        double bustsBefore = m.metrics().windowTotal(Measure.GANGS_BUSTED);
        for (int day = 0; day < m.params().getJointDurationDays() + 2; day++) {
            ops.step(day, m.enforcement().cases(), m.enforcement(), m.metrics(), m.params(), m.rng());
        }
        assertTrue(ops.running().isEmpty());
        JointOperations.Operation o = ops.finished().get(0);
        assertEquals(3, o.reach());
        assertEquals(3, o.busted());
        long inactive = gangs.stream().filter(g -> !g.active()).count();
        assertEquals(3, inactive, "only the ring fell, not the chain it is part of");
        assertEquals(3, m.metrics().windowTotal(Measure.GANGS_BUSTED) - bustsBefore);
    }

    /** Three separate rings of four linked gangs in Henan; ring k has k + 1 extra tips against its first gang. */
    private static List<List<Gang>> threeRings(TraffickingModel m) {
        List<List<Gang>> rings = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            List<Gang> ring = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Gang g = new Gang(2000 + 10 * k + i, HENAN, false, 1, 1, 4, 0, new double[NET.size()], 0);
                if (i > 0) {
                    g.link(ring.get(0));
                }
                ring.add(g);
                m.enforcement().open(Case.Kind.LEAD, HENAN, false, g, null);
            }
            for (int t = 0; t <= k; t++) {
                m.enforcement().open(Case.Kind.TIP, HENAN, false, ring.get(0), null);
            }
            rings.add(ring);
        }
        return rings;
    }

    /** An empty model whose operations take down any ring gang the day they target it, and no gang re-forms. */
    private static TraffickingModel plentifulOfficers(int maxGangs) {
        return PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "joint.max_gangs", maxGangs);
            TestScenarios.set(p, "joint.takedown_efficiency", 1);
            TestScenarios.set(p, "gangs.reform_probability", 0);
        });
    }

    private static JointOperations.Operation runOperation(TraffickingModel m, int days) {
        LocalDate day0 = m.today();
        JointOperations ops = new JointOperations(NET, List.of(new JointOperation("nov-2011", day0,
                List.of("CN-HA"), 1, 7000)), day0);
        for (int day = 0; day < days; day++) {
            ops.step(day, m.enforcement().cases(), m.enforcement(), m.metrics(), m.params(), m.rng());
        }
        return ops.running().isEmpty() ? ops.finished().get(0) : ops.running().get(0);
    }

    @Test
    void whenARingIsBrokenUpTheOperationTurnsToTheNextMostReportedRing() {
        TraffickingModel m = plentifulOfficers(10_000);
        List<List<Gang>> rings = threeRings(m);
        // Day 0: the most-reported ring (the third) is targeted and, with plentiful officers, falls.
        JointOperations.Operation o = runOperation(m, 1);
        assertTrue(rings.get(2).stream().noneMatch(Gang::active), "the most reported ring falls first");
        assertTrue(rings.get(0).stream().allMatch(Gang::active) && rings.get(1).stream().allMatch(Gang::active),
                "one ring at a time");
        assertEquals(1, o.ringsBroken());

        TraffickingModel m2 = plentifulOfficers(10_000);
        List<List<Gang>> all = threeRings(m2);
        JointOperations.Operation whole = runOperation(m2, m2.params().getJointDurationDays() + 2);
        assertEquals(3, whole.ringsBroken(), "three rings, one after the other");
        assertEquals(12, whole.busted());
        assertTrue(all.stream().flatMap(List::stream).noneMatch(Gang::active));
        assertEquals(3, m2.metrics().windowTotal(Measure.JOINT_RINGS_BROKEN));
    }

    @Test
    void aRingCutShortByTheReachIsNotCountedAsBrokenUp() {
        // Reach 600 x 0.01 = 6 gangs: the first ring (4) falls, the second only half.
        TraffickingModel m = plentifulOfficers(600);
        threeRings(m);
        JointOperations.Operation o = runOperation(m, m.params().getJointDurationDays() + 2);
        assertEquals(6, o.reach());
        assertEquals(6, o.busted());
        assertEquals(1, o.ringsBroken());
    }
}
