package org.defensefund.tracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A-numbers as people write them, normalised to nine digits. */
class ANumberTest {

    @ParameterizedTest
    @CsvSource({
            "A 234 567 890, 234567890",
            "A234567890, 234567890",
            "a-234-567-890, 234567890",
            "234.567.890, 234567890",
            "A 23 456 789, 023456789",
            "23456789, 023456789",
            " 012345678 , 012345678"})
    void writtenFormsNormaliseToNineDigits(String written, String digits) {
        assertEquals(digits, ANumber.parse(written).orElseThrow().digits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "1234567890", "A12345678X", "B123456789", "12 34 56", "A"})
    void anythingButEightOrNineDigitsIsRefused(String written) {
        InvalidANumberException refused = assertThrows(InvalidANumberException.class, () -> ANumber.parse(written));
        assertEquals("aNumber", refused.field());
    }

    @Test
    void emptyMeansNoANumberAndDisplayIsGrouped() {
        assertTrue(ANumber.parse("  ").isEmpty());
        assertTrue(ANumber.parse(null).isEmpty());
        assertEquals("A 023 456 789", ANumber.parse("23456789").orElseThrow().display());
    }
}
