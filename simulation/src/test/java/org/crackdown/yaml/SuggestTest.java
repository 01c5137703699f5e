package org.crackdown.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void distanceCountsSwapsAsOneTypo() {
        assertEquals(0, Suggest.distance("police", "police"));
        assertEquals(1, Suggest.distance("polise", "police"));
        assertEquals(1, Suggest.distance("budgte", "budget"));
        assertEquals(0, Suggest.distance("Police", "police")); // case is not a typo
        assertEquals(2, Suggest.distance("polce.", "police"));
        assertEquals(6, Suggest.distance("", "police"));
    }

    @Test
    void closestKeepsTiesAndRespectsTheTolerance() {
        assertEquals(List.of("aa", "bb"), Suggest.closest("ab", List.of("aa", "bb", "cc"), 1));
        assertEquals(List.of("police"), Suggest.closest("polise", List.of("police", "politics", "justice"), 2));
        assertEquals(List.of(), Suggest.closest("zzz", List.of("police"), 2));
        assertEquals("did you mean 'a'?", Suggest.didYouMean(List.of("a")));
        assertEquals("did you mean 'a' or 'b'?", Suggest.didYouMean(List.of("a", "b")));
        assertEquals("did you mean 'a', 'b' or 'c'?", Suggest.didYouMean(List.of("a", "b", "c")));
    }
}
