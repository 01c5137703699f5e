package org.crackdown.trade;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.crackdown.model.Parameters;
import org.crackdown.model.Scenario;
import org.crackdown.model.TestScenarios;
import org.crackdown.model.TraffickingModel;

/** Started models for the trade tests: 2011, no gangs unless a test forms them, empty stocks. */
final class TradeFixtures {
    private TradeFixtures() {
    }

    static TraffickingModel quietModel(double scale, long seed, Consumer<Parameters> tweak) {
        Parameters p = new Parameters();
        p.setScale(scale);
        TestScenarios.set(p, "gangs.initial", 0);
        TestScenarios.set(p, "gangs.recruit_rate", 0);
        TestScenarios.set(p, "init.settled_stocks", false);
        // The tests form their own gangs on the first day, into the market as the start leaves
        // it: a spin-up with no gangs would let buyers wait, give up and learn first.
        TestScenarios.set(p, "init.spin_up_days", 0);
        tweak.accept(p);
        Scenario s = new Scenario("quiet", "", 1, LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31),
                LocalDate.of(2011, 1, 1), LocalDate.of(2011, 12, 31), p, List.of(), List.of());
        TraffickingModel m = new TraffickingModel(s, seed);
        m.start();
        return m;
    }
}
