package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.crackdown.agent.Gang;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Would-be traffickers enter by the profit they hear the trade makes (docs/ODD.md, "Gang entry"). */
@Tag("slow")
class GangEntryTest {

    /**
     * When no gang of a kind trades anywhere, there is no news of what that trade pays and the last
     * picture stands: a kind that dies out can come back. Every gang trafficking women is ended
     * and none may enter for a year; when entry opens again, groups enter to traffic women. (Until
     * session 18 a month without such gangs taught would-be traffickers that the trade paid
     * nothing, so the end of the last gang of a kind was final: in one of five seeds at four times
     * the police budget, no woman was trafficked in 2011.)
     */
    @Test
    void aKindOfGangThatDiesOutCanComeBack() {
        Scenario s = TestScenarios.china2011(0.05, p -> { });
        TraffickingModel m = new TraffickingModel(s, 3);
        m.start();
        for (int d = 0; d < 60; d++) {
            m.schedule.step(m);
        }
        double recruits = m.params().getRecruitRate();
        double reform = m.params().getReformProbability();
        TestScenarios.set(m.params(), "gangs.recruit_rate", 0.0);
        // Entry closed both ways: members who escape a bust may re-form a gang of either kind
        // (formGang), so with re-forming open a busted child gang's members could bring a women's
        // gang back within the year (seed 3 did, once session 19 changed the random path).
        TestScenarios.set(m.params(), "gangs.reform_probability", 0.0);
        List<Gang> womenGangs = new ArrayList<>();
        for (Gang g : m.gangs()) {
            if (g.active() && !g.childSpecialist()) {
                womenGangs.add(g);
            }
        }
        assertTrue(womenGangs.size() > 10, "gangs trafficking women at the start: " + womenGangs.size());
        for (Gang g : womenGangs) {
            m.quit(g);
        }
        for (int d = 0; d < 365; d++) {
            m.schedule.step(m);
        }
        assertEquals(0, m.gangs().stream().filter(g -> g.active() && !g.childSpecialist()).count(),
                "no gang trafficking women after a year closed to entry");
        TestScenarios.set(m.params(), "gangs.recruit_rate", recruits);
        TestScenarios.set(m.params(), "gangs.reform_probability", reform);
        for (int d = 0; d < 180; d++) {
            m.schedule.step(m);
        }
        long back = m.gangs().stream().filter(g -> g.active() && !g.childSpecialist()).count();
        assertTrue(back > 0, "gangs trafficking women half a year after entry opened again: " + back);
    }

    /**
     * A gang that finds no trip worth making for gangs.idle_days_before_leaving leaves: with one
     * idle day more gangs quit than with ten years (2011 scenario at scale 0.05, the same seeds
     * under both; paired t beyond 3). Until session 21 each of three seeds had to show more than
     * 1.3 times as many (session 18 measured 483 and 441 against 225 and 203 for seeds 1 and 2);
     * once a bride was valued at 68,000 rather than 42,000 the trade paid better, fewer gangs sat
     * idle, and seed 2 gave 474 against 380 (x1.25): the direction held, a fixed per-seed ratio
     * was not a test of it.
     */
    @Test
    void gangsWithNothingWorthDoingLeaveAfterTheirIdleDays() {
        Replicates impatient = Replicates.of(TestScenarios.china2011(0.05,
                p -> TestScenarios.set(p, "gangs.idle_days_before_leaving", 1)), 6, s -> s.get("gangs_quit"));
        Replicates patient = Replicates.of(TestScenarios.china2011(0.05,
                p -> TestScenarios.set(p, "gangs.idle_days_before_leaving", 3650)), 6, s -> s.get("gangs_quit"));
        System.out.println("GangEntryTest: gangs quit with one idle day " + impatient + ", with ten years " + patient
                + ", paired t " + Replicates.pairedT(impatient, patient));
        assertTrue(Replicates.pairedT(impatient, patient) > 3, "gangs quit with one idle day " + impatient
                + ", with ten years " + patient);
    }
}
