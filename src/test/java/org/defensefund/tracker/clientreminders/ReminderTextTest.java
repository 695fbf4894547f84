package org.defensefund.tracker.clientreminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reminders' texts: every language has every key, a reminder carries what it must (date, court, address, what to
 * bring, the fund's contact) in the client's language and falls back to English for a language it lacks.
 */
class ReminderTextTest {

    private static final List<String> SUFFIXES = List.of("", "_es", "_ht", "_zh_TW", "_zh_CN", "_vi", "_ru", "_kea", "_ar", "_pt_BR", "_fr");
    private static final LocalDateTime HEARING = LocalDateTime.of(2026, 12, 8, 9, 30);

    private static Properties read(String suffix) {
        Properties texts = new Properties();
        try (InputStream in = ReminderTextTest.class.getResourceAsStream("/org/defensefund/tracker/client-reminders" + suffix + ".properties")) {
            assertTrue(in != null, "client-reminders" + suffix + ".properties");
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSameArguments() {
        Set<String> english = read("").stringPropertyNames();
        for (String suffix : SUFFIXES) {
            Properties texts = read(suffix);
            assertEquals(english, texts.stringPropertyNames(), suffix);
            for (int argument = 0; argument <= 6; argument++) {
                assertTrue(texts.getProperty("hearing.body").contains("{" + argument + "}"), suffix + " body has {" + argument + "}");
            }
            assertTrue(texts.getProperty("hearing.subject").contains("{0}"), suffix);
            if (!suffix.isEmpty()) {
                assertNotEquals(read("").getProperty("hearing.body"), texts.getProperty("hearing.body"), suffix + " is translated");
            }
        }
    }

    /**
     * The subject shows on a locked phone's screen and in a shared inbox: in no language does it say court, hearing or
     * immigration (the words the body uses, in each language).
     */
    @Test
    void theSubjectSaysNothingOfACourtOrOfImmigration() {
        Map<String, List<String>> telling = Map.ofEntries(
                Map.entry("", List.of("court", "hearing", "immigration")),
                Map.entry("_ar", List.of("محكمة", "جلس", "الهجرة")),
                Map.entry("_es", List.of("corte", "audiencia", "inmigración")),
                Map.entry("_fr", List.of("tribunal", "audience", "immigration")),
                Map.entry("_ht", List.of("tribinal", "odyans", "imigrasyon")),
                Map.entry("_kea", List.of("tribunal", "audiénsia", "imigrason")),
                Map.entry("_pt_BR", List.of("tribunal", "audiência", "imigração")),
                Map.entry("_ru", List.of("суд", "заседани", "иммиграц")),
                Map.entry("_vi", List.of("tòa", "phiên", "di trú")),
                Map.entry("_zh_CN", List.of("法庭", "听证", "移民")),
                Map.entry("_zh_TW", List.of("法庭", "聆訊", "移民")));
        assertEquals(Set.copyOf(SUFFIXES), telling.keySet(), "every language is checked");
        telling.forEach((suffix, words) -> {
            String subject = read(suffix).getProperty("hearing.subject").toLowerCase(Locale.ROOT);
            String body = read(suffix).getProperty("hearing.body").toLowerCase(Locale.ROOT);
            assertTrue(words.stream().allMatch(body::contains), suffix + ": the words are the body's own: " + words);
            for (String word : words) {
                assertFalse(subject.contains(word), suffix + " subject says " + word + ": " + subject);
            }
        });
    }

    @Test
    void aReminderSaysWhenWhereWhatToBringAndWhoToCall() {
        ReminderText text = ReminderText.hearing(ReminderLanguages.localeOf("es"), "Fondo de Prueba", "617-555-0100", HEARING,
                "Boston Immigration Court", "JFK Federal Building, 15 New Sudbury St., Boston, MA");
        assertTrue(text.subject().contains("2026"), text.subject());
        assertTrue(text.body().contains("Fondo de Prueba") && text.body().contains("617-555-0100"), text.body());
        assertTrue(text.body().contains("15 New Sudbury St.") && text.body().contains("Boston Immigration Court"));
        assertTrue(text.body().contains("pasaporte"), "what to bring, in Spanish");
        assertTrue(text.body().contains("diciembre"), "the date in Spanish: " + text.body());
        assertFalse(text.body().contains("{"), "every argument filled in");
    }

    @Test
    void theClientsLanguagePicksTheTextAndOthersGetEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, ReminderLanguages.localeOf("zh"));
        assertEquals(Locale.TRADITIONAL_CHINESE, ReminderLanguages.localeOf("yue"));
        assertEquals(Locale.forLanguageTag("pt-BR"), ReminderLanguages.localeOf("pt"));
        assertEquals(Locale.ENGLISH, ReminderLanguages.localeOf("so"));
        assertEquals(Locale.ENGLISH, ReminderLanguages.localeOf(null));
        ReminderText somali = ReminderText.hearing(ReminderLanguages.localeOf("so"), "Test Fund", "617-555-0100", HEARING, null, null);
        assertTrue(somali.body().contains("Please bring") && somali.body().contains("hearing notice"), "English, and the court from the notice");
        ReminderText creole = ReminderText.hearing(ReminderLanguages.localeOf("kea"), "Test Fund", "617-555-0100", HEARING, "Court", "Address");
        assertTrue(creole.body().contains("Pur favor, leba"), creole.body());
    }
}
