package org.crackdown.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class CsvNumbersTest {

    @Test
    void integralValuesHaveNoDecimalPoint() {
        assertEquals("0", CsvNumbers.format(0.0));
        assertEquals("0", CsvNumbers.format(-0.0));
        assertEquals("12", CsvNumbers.format(12.0));
        assertEquals("-3", CsvNumbers.format(-3.0));
        assertEquals("1234567890", CsvNumbers.format(1234567890.0));
    }

    @Test
    void otherValuesHaveSixSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0.5", CsvNumbers.format(0.5));
        assertEquals("0.333333", CsvNumbers.format(1.0 / 3));
        assertEquals("23456.8", CsvNumbers.format(23456.789));
        assertEquals("0.000123457", CsvNumbers.format(0.000123456789));
        assertEquals("1.1", CsvNumbers.format(1.1));
    }

    @Test
    void noExponentEvenForTinyValues() {
        assertEquals("0.00000000012", CsvNumbers.format(1.2e-10));
    }

    @Test
    void missingValuesAreEmptyCells() {
        assertEquals("", CsvNumbers.format(Double.NaN));
        assertEquals("", CsvNumbers.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void independentOfTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("2.5", CsvNumbers.format(2.5));
            assertEquals("1234.57", CsvNumbers.format(1234.5678));
        } finally {
            Locale.setDefault(before);
        }
    }
}
