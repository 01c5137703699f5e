package org.crackdown.policy;

import java.time.LocalDate;
import java.util.List;

import org.crackdown.agent.Gang;
import org.crackdown.agent.Victim;
import org.crackdown.agent.VictimType;
import org.crackdown.agent.AcquisitionMethod;
import org.crackdown.model.Parameters;
import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;

/**
 * Small hand-built situations for the policy tests: a started model with nothing in it (no
 * gangs, no buyers, no families selling), into which a test puts exactly the gangs and victims
 * it needs and then calls the enforcement processes directly.
 */
final class PolicyFixtures {
    private PolicyFixtures() {
    }

    static TraffickingModel emptyModel(java.util.function.Consumer<Parameters> tweak) {
        Parameters p = new Parameters();
        p.setScale(0.01);
        TestScenarios.set(p, "gangs.initial", 0);
        TestScenarios.set(p, "gangs.recruit_rate", 0);
        TestScenarios.set(p, "demand.son_propensity", 0);
        TestScenarios.set(p, "demand.bride_propensity", 0);
        TestScenarios.set(p, "demand.commercial_rate", 0);
        TestScenarios.set(p, "families.sale_propensity", 0);
        // Nothing to settle in an empty model; the tests count days from the start.
        TestScenarios.set(p, "init.spin_up_days", 0);
        tweak.accept(p);
        Scenario s = new Scenario("empty", "", 1, LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31),
                LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31), p, List.of(), List.of());
        TraffickingModel m = new TraffickingModel(s, 3);
        m.start();
        // Day 0's calendar step opens the measure window so the counts below are recorded.
        m.metrics().beginDay(m.today());
        return m;
    }

    private static long nextVictim = 1;

    static Victim victim(VictimType t, int origin) {
        return new Victim(nextVictim++, t, origin, "CN", AcquisitionMethod.DECEPTION, 0, false);
    }

    static Gang gang(TraffickingModel m, int home) {
        return m.formGang(home, 4, null);
    }
}
