package org.defensefund.tracker.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;
import org.junit.jupiter.api.Test;

/**
 * Dates, money and counts on pages follow the page language's conventions; English stays exactly as the fields
 * take input (month first), and input is read the same strict way in every language (StrictInputTest).
 */
class LocaleFormatsTest {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final Locale US = Languages.ENGLISH.formats();
    private static final Locale SPANISH = Languages.CATALOGUE.get(1).formats();
    private static final Locale CREOLE = Languages.CATALOGUE.get(2).formats();
    private static final Locale PORTUGUESE = Languages.CATALOGUE.get(3).formats();

    @Test
    void englishPagesKeepTheFormatsTheFieldsTake() {
        assertEquals("12/01/2026", Dates.of(LocalDate.of(2026, 12, 1), BOSTON, US));
        assertEquals("12/01/2026 2:05 PM", Dates.of(LocalDateTime.of(2026, 12, 1, 14, 5), BOSTON, US));
        assertEquals("$1,250.50", Money.of(new BigDecimal("1250.5"), US));
        assertEquals("-$3.00", Money.of(new BigDecimal("-3"), US));
        assertEquals("12/01/2026 1:04:16 AM", Dates.readable("2026-12-01T06:04:16Z", BOSTON, US));
    }

    @Test
    void otherLanguagesNameTheMonthSoNoDateReadsDayFirstOrMonthFirst() {
        LocalDate first = LocalDate.of(2026, 12, 1);
        assertEquals("1 dic 2026", Dates.of(first, BOSTON, SPANISH).replace(".", ""));
        assertTrue(Dates.of(first, BOSTON, PORTUGUESE).contains("dez"), Dates.of(first, BOSTON, PORTUGUESE));
        assertTrue(Dates.of(first, BOSTON, CREOLE).contains("déc"), Dates.of(first, BOSTON, CREOLE));
        assertTrue(Dates.of(java.time.Instant.parse("2026-12-01T19:05:00Z"), BOSTON, PORTUGUESE).contains("14:05"),
                "an instant in the fund's zone, on the 24-hour clock of Brazil");
    }

    @Test
    void moneyIsInDollarsByTheLanguagesConventions() {
        BigDecimal amount = new BigDecimal("1250.50");
        assertEquals("$1,250.50", Money.of(amount, SPANISH), "Spanish as written in the United States");
        assertEquals("US$ 1.250,50", Money.of(amount, PORTUGUESE).replace('\u00a0', ' '));
        assertEquals("1 250,50 $US", Money.of(amount, CREOLE).replace('\u202f', ' ').replace('\u00a0', ' '));
        assertEquals("US$ 0,02", Money.of(new BigDecimal("0.015"), PORTUGUESE).replace('\u00a0', ' '), "to the cent, half to even");
    }

    @Test
    void countryNamesFollowThePageLanguage() {
        assertEquals("Haiti", Countries.name("HT", Locale.ENGLISH));
        assertEquals("Haití", Countries.name("HT", Locale.forLanguageTag("es")));
        assertEquals("Haiti", Countries.name("HT", Locale.forLanguageTag("ht")), "no Creole names in Java: English");
    }

    @Test
    void everyLanguageHasFormatsOfItsOwn() {
        for (UiLanguage language : Languages.CATALOGUE) {
            assertTrue(java.util.Arrays.asList(Locale.getAvailableLocales()).contains(language.formats()), language.tag());
        }
    }
}
