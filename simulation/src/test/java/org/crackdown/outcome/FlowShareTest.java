package org.crackdown.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.crackdown.agent.VictimType;
import org.crackdown.model.Metrics.Flow;
import org.crackdown.space.Province;
import org.crackdown.space.ProvinceNetwork;
import org.junit.jupiter.api.Test;

/** Geographic shares of the flows: how they are written, what is refused, and what they compute. */
class FlowShareTest {

    static final List<Flow> FLOWS = List.of(
            new Flow("CN-YN", "CN-FJ", VictimType.BOY, 6),
            new Flow("CN-GZ", "CN-GD", VictimType.GIRL, 2),
            new Flow("Vietnam", "CN-GX", VictimType.BOY, 2),
            new Flow("CN-HA", "CN-HA", VictimType.BOY, 10),
            new Flow("CN-YN", "CN-SD", VictimType.WOMAN, 100));

    static double population(String... codes) {
        double in = 0;
        double all = 0;
        for (Province p : ProvinceNetwork.china().provinces()) {
            all += p.population();
            in += Set.of(codes).contains(p.code()) ? p.population() : 0;
        }
        return in / all;
    }

    @Test
    void aShareCountsTheVictimsOfItsTypesAtItsEnd() {
        // Children: 6 + 2 + 2 + 10 = 20; from Yunnan or Guizhou: 8; sold in Fujian or Guangdong: 8.
        assertEquals(8 / 20.0, FlowShare.parse("origin_share(boy+girl: CN-YN CN-GZ)").evaluate(FLOWS), 1e-12);
        assertEquals(2 / 20.0, FlowShare.parse("origin_share(boy+girl: Vietnam)").evaluate(FLOWS), 1e-12);
        assertEquals(8 / 20.0, FlowShare.parse("destination_share(girl+boy: CN-FJ CN-GD)").evaluate(FLOWS), 1e-12);
        // Women are a type of their own: all 100 from Yunnan.
        assertEquals(1.0, FlowShare.parse("origin_share(woman: CN-YN)").evaluate(FLOWS), 1e-12);
        // No victim of the types sold: no value, not zero.
        assertTrue(Double.isNaN(FlowShare.parse("origin_share(girl: CN-YN)").evaluate(
                List.of(new Flow("CN-YN", "CN-FJ", VictimType.BOY, 3)))));
    }

    @Test
    void aQuotientDividesTheShareByThePlacesShareOfThePopulation() {
        double share = 8 / 20.0;
        assertEquals(share / population("CN-FJ", "CN-GD"),
                FlowShare.parse("destination_quotient(boy+girl: CN-FJ CN-GD)").evaluate(FLOWS), 1e-12);
        assertEquals(population("CN-FJ", "CN-GD"),
                FlowShare.parse("destination_share(boy: CN-GD CN-FJ)").populationShare(), 1e-15);
        // Every province together: the share sold in China (all of it) over all of the population.
        String all = String.join(" ", ProvinceNetwork.china().provinces().stream().map(Province::code).toList());
        assertEquals(1.0, FlowShare.parse("destination_quotient(boy+girl+woman: " + all + ")").evaluate(FLOWS), 1e-12);
        // Origins of every province: the share not brought from abroad.
        assertEquals(18 / 20.0, FlowShare.parse("origin_quotient(boy+girl: " + all + ")").evaluate(FLOWS), 1e-12);
    }

    @Test
    void sharesOverDisjointPlacesAddUpAndEveryPlaceGivesOne() {
        // Metamorphic: a share of a union is the sum of the shares; all origins (provinces and
        // countries) together take every victim.
        List<String> places = new ArrayList<>();
        ProvinceNetwork.china().provinces().forEach(p -> places.add(p.code()));
        places.addAll(ProvinceNetwork.TRADE_BORDER_COUNTRIES);
        double sum = 0;
        for (String p : places) {
            sum += FlowShare.parse("origin_share(boy+girl+woman: " + p + ")").evaluate(FLOWS);
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(FlowShare.parse("origin_share(boy: CN-YN)").evaluate(FLOWS)
                        + FlowShare.parse("origin_share(boy: CN-HA Vietnam)").evaluate(FLOWS),
                FlowShare.parse("origin_share(boy: CN-YN CN-HA Vietnam)").evaluate(FLOWS), 1e-12);
    }

    @Test
    void placeByPlaceTheSharesAddUpToThePooledOneAndKeepTheWrittenOrder() {
        FlowShare pooled = FlowShare.parse("origin_share(boy+girl: CN-YN Vietnam CN-GZ)");
        java.util.Map<String, Double> each = pooled.byPlace(FLOWS);
        assertEquals(List.of("CN-YN", "Vietnam", "CN-GZ"), List.copyOf(each.keySet()));
        assertEquals(6 / 20.0, each.get("CN-YN"), 1e-12);
        assertEquals(pooled.evaluate(FLOWS), each.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        // Quotients: each place against its own population share.
        FlowShare q = FlowShare.parse("destination_quotient(boy+girl: CN-FJ CN-GD)");
        assertEquals(6 / 20.0 / population("CN-FJ"), q.byPlace(FLOWS).get("CN-FJ"), 1e-12);
    }

    @Test
    void patternsOutputColumnIsReadAsAFlowShareOrAsColumns() {
        assertInstanceOf(FlowShare.class, ModelOutput.parse(" origin_quotient(boy: CN-YN) "));
        assertInstanceOf(Output.class, ModelOutput.parse("women_rescued+children_rescued"));
        FlowShare f = FlowShare.parse("origin_quotient( boy+girl :  CN-YN   CN-GZ )");
        assertEquals(FlowShare.Side.ORIGIN, f.side());
        assertTrue(f.quotient());
        assertEquals(Set.of(VictimType.BOY, VictimType.GIRL), f.types());
        assertEquals(Set.of("CN-YN", "CN-GZ"), f.places());
        assertEquals(f, FlowShare.parse("origin_quotient(girl+boy: CN-GZ CN-YN)"));
        assertEquals(Set.of(), f.columns());
        assertTrue(f.isRatio(), "a share is free of the run's scale");
    }

    @Test
    void whatCannotBeReadIsSaidPlainly() {
        assertHas("origin_portion(boy: CN-YN)", "is not a flow share; write origin_share");
        assertHas("origin_share(boy CN-YN)", "write the victim types, ':', then the places");
        assertHas("origin_share(boys: CN-YN)", "'boys' is not a victim type (boy, girl, woman");
        assertHas("origin_share(boy+boy: CN-YN)", "victim type boy is given twice");
        assertHas("origin_share(boy: )", "no places after ':'");
        assertHas("origin_share(boy: CN-YX)", "'CN-YX' is not a province code");
        assertHas("origin_share(boy: CN-YNN)", "did you mean CN-YN?");
        assertHas("origin_share(boy: CN-YN CN-YN)", "CN-YN is given twice");
        assertHas("origin_quotient(boy: Vietnam)", "a quotient compares provinces");
        assertHas("destination_share(boy: Vietnam)", "the model sells victims only in China's provinces");
    }

    static void assertHas(String text, String expected) {
        String m = assertThrows(IllegalArgumentException.class, () -> ModelOutput.parse(text)).getMessage();
        assertTrue(m.contains(expected), () -> "expected\n  " + expected + "\nin\n  " + m);
    }
}
