package org.crackdown.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Buyer;
import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.model.Measure;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;
import org.junit.jupiter.api.Test;

/**
 * What one bust does (Enforcement.bust, issue 13.5), in hand-built situations: the gang is out of
 * play once, members are arrested at police.arrest_share, escaped members re-form a gang at
 * gangs.reform_probability, victims sold are traced at police.trace_sold_probability, open cases
 * against the gang are solved with it at police.linked_case_probability, and each partner gets a
 * lead at police.lead_probability.
 */
class EnforcementBustTest {

    private static final int HENAN = org.crackdown.space.ProvinceNetwork.china().byCode("CN-HA").index();
    private static final int ANHUI = org.crackdown.space.ProvinceNetwork.china().byCode("CN-AH").index();

    private static double total(TraffickingModel m, Measure x) {
        return m.metrics().windowTotal(x);
    }

    private static Victim soldVictim(TraffickingModel m, Gang g) {
        Victim v = PolicyFixtures.victim(VictimType.WOMAN, HENAN);
        v.soldTo(new Buyer(v.id(), Buyer.Kind.BRIDE_SEEKER, ANHUI, new double[3], 1000));
        m.enforcement().onSale(g, v, ANHUI, m.params(), m.rng());
        return v;
    }

    @Test
    void aGangIsBustedOnceAndLeavesItsPartners() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> TestScenarios.set(p, "gangs.reform_probability", 0));
        Gang g = PolicyFixtures.gang(m, HENAN);
        Gang partner = PolicyFixtures.gang(m, ANHUI);
        g.link(partner);
        Enforcement.Busted first = m.enforcement().bust(g, HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        Enforcement.Busted again = m.enforcement().bust(g, HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        assertFalse(g.active());
        assertFalse(partner.partners().contains(g));
        assertEquals(1, total(m, Measure.GANGS_BUSTED));
        assertEquals(first.arrested(), total(m, Measure.SUSPECTS_ARRESTED));
        assertEquals(new Enforcement.Busted(0, 0, 0), again);
    }

    @Test
    void everyoneArrestedLeavesNoOneToReform() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "gangs.arrest_share", 1);
            TestScenarios.set(p, "gangs.reform_probability", 1);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        int members = g.members();
        int gangs = m.gangs().size();
        assertEquals(members, m.enforcement().bust(g, HENAN, Enforcement.Cause.PATROL, m.params(), m.rng()).arrested());
        assertEquals(gangs, m.gangs().size(), "no gang re-formed");
    }

    /** Nobody arrested and re-forming certain: the escaped members start a new gang at home, wary of the bust's province. */
    @Test
    void escapedMembersReformAGangThatFearsTheProvinceOfTheBust() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "gangs.arrest_share", 0);
            TestScenarios.set(p, "gangs.reform_probability", 1);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        double fearBefore = g.belief(ANHUI);
        int gangs = m.gangs().size();
        m.enforcement().bust(g, ANHUI, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        assertEquals(gangs + 1, m.gangs().size());
        Gang reformed = m.gangs().get(m.gangs().size() - 1);
        assertTrue(reformed.active());
        assertEquals(HENAN, reformed.home());
        assertEquals(g.members(), reformed.members(), "all members escaped");
        assertTrue(reformed.belief(ANHUI) > fearBefore, "learned that the bust's province is dangerous");
    }

    /**
     * Leads: each active partner gets a lead case in its home province with police.lead_probability.
     * Ten hubs with 40 partners each: Binomial(400, 0.3) leads (SD 9.2; tolerance 4 SD); at 1
     * every partner gets one, at 0 none.
     */
    @Test
    void partnersGetLeadsAtTheLeadProbability() {
        assertEquals(400, leadsFromBusts(1.0), 0);
        assertEquals(0, leadsFromBusts(0.0), 0);
        assertEquals(0.3 * 400, leadsFromBusts(0.3), 4 * Math.sqrt(400 * 0.3 * 0.7));
    }

    private static double leadsFromBusts(double leadProbability) {
        TraffickingModel m = leadModel(leadProbability);
        List<Gang> hubs = new ArrayList<>();
        List<Gang> partners = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            hubs.add(isolatedGang(m, HENAN)); // each hub has exactly its own 40 partners
        }
        for (Gang hub : hubs) {
            for (int k = 0; k < 40; k++) {
                Gang partner = new Gang(10_000 + partners.size(), ANHUI, false, 1, 1, 4, 0, new double[31], 0);
                hub.link(partner);
                partners.add(partner);
            }
        }
        for (Gang hub : hubs) {
            assertEquals(40, hub.partners().size());
            m.enforcement().bust(hub, HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        }
        double leads = 0;
        for (Gang partner : partners) {
            int cases = m.enforcement().cases().casesAgainst(partner);
            assertTrue(cases <= 1);
            leads += cases;
        }
        assertEquals(leads, m.enforcement().cases().openCases(ANHUI), 0, "leads are opened in the partner's home province");
        assertEquals(leads, total(m, Measure.CASES_REGISTERED), 0, "and registered");
        return leads;
    }

    /**
     * A lead is a case of the trade its gang is in: against a partner that deals in children it is
     * a child-trafficking case, against one that deals in women a women's case (until session 9
     * every lead was a women's case, which put the women's share of cases solved too high).
     */
    @Test
    void aLeadIsACaseOfThePartnersTrade() {
        TraffickingModel m = leadModel(1);
        Gang hub = isolatedGang(m, HENAN);
        Gang childTrader = new Gang(20_001, ANHUI, true, 1, 1, 4, 0, new double[31], 0);
        Gang womenTrader = new Gang(20_002, ANHUI, false, 1, 1, 4, 0, new double[31], 0);
        hub.link(childTrader);
        hub.link(womenTrader);
        m.enforcement().bust(hub, HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        Case againstChildTrader = m.enforcement().cases().oldestCaseAgainst(childTrader);
        Case againstWomenTrader = m.enforcement().cases().oldestCaseAgainst(womenTrader);
        assertEquals(Case.Kind.LEAD, againstChildTrader.kind());
        assertTrue(againstChildTrader.child(), "a lead against a gang dealing in children is a child case");
        assertFalse(againstWomenTrader.child(), "a lead against a gang dealing in women is a women's case");
    }

    /** An empty model where every bust's partners get leads at the given probability, unmerged, nobody re-forming. */
    private static TraffickingModel leadModel(double leadProbability) {
        return PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.lead_probability", leadProbability);
            TestScenarios.set(p, "police.merge_probability", 0);
            TestScenarios.set(p, "gangs.reform_probability", 0);
        });
    }

    /** A new gang without the links a new gang makes to its neighbours. */
    private static Gang isolatedGang(TraffickingModel m, int province) {
        Gang g = PolicyFixtures.gang(m, province);
        for (Gang other : new ArrayList<>(g.partners())) {
            g.partners().remove(other);
            other.partners().remove(g);
        }
        return g;
    }

    /** Victims the gang sold and still living with buyers are traced; those already gone are not counted again. */
    @Test
    void soldVictimsStillWithBuyersAreTracedFromTheLedger() {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.trace_sold_probability", 1);
            TestScenarios.set(p, "gangs.reform_probability", 0);
            TestScenarios.set(p, "buyers.prosecution_probability", 0);
        });
        Gang g = PolicyFixtures.gang(m, HENAN);
        Victim stillHeld = soldVictim(m, g);
        Victim alreadyFound = soldVictim(m, g);
        g.rememberPastSale(stillHeld, 10);
        g.rememberPastSale(alreadyFound, 10);
        m.enforcement().alertRecovery(alreadyFound, ANHUI, m.params());
        double rescuedBefore = total(m, Measure.WOMEN_RESCUED);
        Enforcement.Busted b = m.enforcement().bust(g, HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
        assertEquals(1, b.rescued());
        assertEquals(Victim.Status.RESCUED, stillHeld.status());
        assertEquals(rescuedBefore + 1, total(m, Measure.WOMEN_RESCUED));
        assertEquals(1, total(m, Measure.RESCUED_BY_TRACING));
        assertEquals(0, m.enforcement().heldByBuyers(ANHUI));
    }

    /**
     * Open cases against the busted gang are solved with it at police.linked_case_probability
     * (1 here), in any province, and the victims they name are found; at 0 they stay open.
     */
    @Test
    void openCasesAgainstTheGangAreSolvedWithItAtTheLinkedCaseProbability() {
        for (double linked : new double[] {1.0, 0.0}) {
            TraffickingModel m = PolicyFixtures.emptyModel(p -> {
                TestScenarios.set(p, "police.linked_case_probability", linked);
                TestScenarios.set(p, "police.woman_registration", 1);
                TestScenarios.set(p, "police.merge_probability", 0);
                TestScenarios.set(p, "gangs.reform_probability", 0);
            });
            Gang g = PolicyFixtures.gang(m, HENAN);
            Victim a = soldVictim(m, g);
            Victim b = soldVictim(m, g);
            m.enforcement().open(Case.Kind.MISSING_REPORT, HENAN, false, g, a);
            m.enforcement().open(Case.Kind.MISSING_REPORT, ANHUI, false, g, b);
            Enforcement.Busted bust = m.enforcement().bust(g, HENAN, Enforcement.Cause.INVESTIGATION, m.params(), m.rng());
            if (linked == 1.0) {
                assertEquals(2, total(m, Measure.CASES_SOLVED));
                assertEquals(2, bust.rescued());
                assertEquals(2, total(m, Measure.RESCUED_BY_REPORT));
                assertEquals(0, m.enforcement().cases().openCases(HENAN) + m.enforcement().cases().openCases(ANHUI));
            } else {
                assertEquals(0, total(m, Measure.CASES_SOLVED));
                assertEquals(0, bust.rescued());
                assertEquals(Victim.Status.WITH_BUYER, a.status());
                assertEquals(2, m.enforcement().cases().openCases(HENAN) + m.enforcement().cases().openCases(ANHUI));
            }
        }
    }

    /**
     * A solved case against an active gang busts it with police.bust_probability: 200 gangs with
     * one lead each, all solved (ample investigators), Binomial(200, 0.4) busts (SD 6.9;
     * tolerance 4 SD); at 0 none, at 1 all.
     */
    @Test
    void aSolvedCaseBustsItsGangAtTheBustProbability() {
        assertEquals(0, bustsFromSolvedLeads(0.0), 0);
        assertEquals(200, bustsFromSolvedLeads(1.0), 0);
        assertEquals(0.4 * 200, bustsFromSolvedLeads(0.4), 4 * Math.sqrt(200 * 0.4 * 0.6));
    }

    private static double bustsFromSolvedLeads(double bustProbability) {
        TraffickingModel m = PolicyFixtures.emptyModel(p -> {
            TestScenarios.set(p, "police.bust_probability", bustProbability);
            TestScenarios.set(p, "police.case_lead_share", 1.0); // every lead can be solved
            TestScenarios.set(p, "police.lead_probability", 0);
            TestScenarios.set(p, "police.linked_case_probability", 0);
            TestScenarios.set(p, "police.merge_probability", 0);
            TestScenarios.set(p, "gangs.reform_probability", 0);
        });
        for (int k = 0; k < 200; k++) {
            Gang g = new Gang(20_000 + k, HENAN, false, 1, 1, 4, 0, new double[31], 0);
            m.enforcement().open(Case.Kind.LEAD, HENAN, false, g, null);
        }
        for (var u : m.police().units()) {
            u.setOfficers(1e9);
        }
        for (int day = 0; day < 2000 && m.enforcement().cases().openCases(HENAN) > 0; day++) {
            m.enforcement().investigate(m.params(), m.rng());
        }
        assertEquals(0, m.enforcement().cases().openCases(HENAN));
        assertEquals(200, total(m, Measure.CASES_SOLVED));
        return total(m, Measure.GANGS_BUSTED);
    }
}
