package org.crackdown.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Output expressions: a column, a sum or difference, or a ratio of sums. */
class OutputTest {

    private static final Map<String, Double> RUN = Map.of("a", 10.0, "b", 4.0, "c", 2.0, "zero", 0.0,
            "price", Double.NaN);

    @Test
    void evaluatesColumnsSumsAndRatios() {
        assertEquals(10, Output.parse("a").evaluate(RUN::get));
        assertEquals(12, Output.parse("a + c").evaluate(RUN::get));
        assertEquals(4, Output.parse("a-b-c").evaluate(RUN::get));
        assertEquals(2.5, Output.parse("a/b").evaluate(RUN::get));
        assertEquals(2.0, Output.parse("a+c/b+c").evaluate(RUN::get), "each side of / is a sum: (a+c)/(b+c)");
    }

    @Test
    void aRatioOverZeroAndAMissingValueAreNaN() {
        assertTrue(Double.isNaN(Output.parse("a/zero").evaluate(RUN::get)));
        assertTrue(Double.isNaN(Output.parse("price").evaluate(RUN::get)));
    }

    @Test
    void aColumnTheRunDoesNotHaveIsAnErrorNotAZero() {
        assertThrows(IllegalStateException.class, () -> Output.parse("a+nope").evaluate(RUN::get));
    }

    @Test
    void rejectsWhatIsNotAnExpression() {
        for (String bad : new String[] {"", "a//b", "a/b/c", "/a", "a+", "-a", "a*b", "A", "1a", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> Output.parse(bad), bad);
        }
    }
}
