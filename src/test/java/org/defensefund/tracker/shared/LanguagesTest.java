package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which language a page is shown in: the choice, the browser's Accept-Language, English; and its direction. */
class LanguagesTest {

    private static final UiLanguage SPANISH = Languages.CATALOGUE.get(1);
    private static final UiLanguage CREOLE = Languages.CATALOGUE.get(2);
    private static final UiLanguage PORTUGUESE = Languages.CATALOGUE.get(3);

    /** Every language of the catalogue with its texts installed. */
    private final Languages all = new Languages(Languages.CATALOGUE, language -> true);
    /** Only English and Spanish have texts. */
    private final Languages englishAndSpanish = new Languages(Languages.CATALOGUE, SPANISH::equals);

    @Test
    void theCatalogueIsEnglishSpanishHaitianCreoleAndBrazilianPortuguese() {
        assertEquals(List.of("en", "es", "ht", "pt-BR"), Languages.CATALOGUE.stream().map(UiLanguage::tag).toList());
        assertEquals(Locale.forLanguageTag("pt-BR"), PORTUGUESE.locale());
        assertEquals("pt_BR", PORTUGUESE.key(), "the bundle suffix and key of Brazilian Portuguese");
    }

    @Test
    void theBrowsersBestSupportedLanguageIsChosenByWeight() {
        assertEquals("es", all.bestMatch("es-MX,es;q=0.9,en;q=0.8").tag(), "a regional Spanish is Spanish");
        assertEquals("en", all.bestMatch("en-GB,es;q=0.5").tag());
        assertEquals("ht", all.bestMatch("fr;q=0.9, ht;q=0.95").tag(), "the weight decides, not the order");
        assertEquals("pt-BR", all.bestMatch("pt-BR").tag());
        assertEquals("pt-BR", all.bestMatch("pt-PT,pt;q=0.9").tag(), "Portuguese of Portugal gets the Brazilian texts");
        assertEquals("pt-BR", all.bestMatch("PT-br").tag(), "tags ignore case");
        assertEquals("es", all.bestMatch("de-DE, es;q=0.3").tag(), "a language we don't have is passed over");
    }

    @Test
    void withoutAMatchOrWithAnUnreadableHeaderThePageIsEnglish() {
        assertEquals(Languages.ENGLISH, all.bestMatch(null));
        assertEquals(Languages.ENGLISH, all.bestMatch(""));
        assertEquals(Languages.ENGLISH, all.bestMatch("de, fr;q=0.5, *;q=0.1"), "the wildcard doesn't pick a language");
        assertEquals(Languages.ENGLISH, all.bestMatch("es;q=0"), "q=0 means not wanted");
        assertEquals(Languages.ENGLISH, all.bestMatch("es;q=x, <script>"), "an unreadable header is no error");
        assertEquals(Languages.ENGLISH, all.bestMatch("es".repeat(600)), "an absurdly long header isn't parsed");
    }

    @Test
    void aLanguageWithoutItsTextsIsNeverShownNorOffered() {
        assertEquals(List.of("en", "es"), englishAndSpanish.offered().stream().map(UiLanguage::tag).toList());
        assertEquals(Languages.ENGLISH, englishAndSpanish.bestMatch("ht,pt-BR;q=0.9"), "no Creole or Portuguese texts: English, not lang=ht");
        assertEquals(Languages.ENGLISH, englishAndSpanish.shown("pt-BR", null), "a stored choice without its texts falls back");
        assertEquals(SPANISH, englishAndSpanish.shown("pt-BR", "es"), "... to the browser's language when that has texts");
        assertTrue(englishAndSpanish.find("ht").isEmpty());
        assertEquals(List.of("en"), new Languages(Languages.CATALOGUE, language -> false).offered().stream().map(UiLanguage::tag).toList(),
                "English, the bundle's base, is always there");
    }

    @Test
    void aChoiceWinsOverTheBrowser() {
        assertEquals(CREOLE, all.shown("ht", "es,en;q=0.5"));
        assertEquals(SPANISH, all.shown(null, "es,en;q=0.5"));
        assertEquals(SPANISH, all.shown("xx", "es"), "an unknown choice is ignored");
        assertEquals(PORTUGUESE, all.of(Locale.forLanguageTag("pt-BR")));
        assertEquals(Languages.ENGLISH, all.of(Locale.GERMAN));
    }

    @Test
    void theInstalledBundlesDecideWhatIsOffered() {
        Set<String> offered = Languages.installed().offered().stream().map(UiLanguage::tag).collect(Collectors.toSet());
        for (UiLanguage language : Languages.CATALOGUE) {
            boolean bundle = Languages.class.getResource("/org/defensefund/tracker/messages_" + language.key() + ".properties") != null;
            assertEquals(bundle || language.equals(Languages.ENGLISH), offered.contains(language.tag()), language.tag());
        }
    }

    @Test
    void rightToLeftLanguagesAndScriptsReadRightToLeft() {
        for (UiLanguage language : Languages.CATALOGUE) {
            assertEquals("ltr", language.direction(), language.tag());
        }
        UiLanguage arabic = UiLanguage.of("ar", "ar");
        assertEquals("rtl", arabic.direction());
        assertTrue(arabic.rightToLeft());
        assertEquals("rtl", UiLanguage.direction(Locale.forLanguageTag("fa-IR")));
        assertEquals("rtl", UiLanguage.direction(Locale.forLanguageTag("he")));
        assertEquals("rtl", UiLanguage.direction(Locale.forLanguageTag("pa-Arab")), "Punjabi in the Arabic script");
        assertEquals("ltr", UiLanguage.direction(Locale.forLanguageTag("az-Latn")));
        assertEquals("ltr", UiLanguage.direction(null));
        Languages withArabic = new Languages(List.of(Languages.ENGLISH, arabic), language -> true);
        assertEquals("rtl", withArabic.bestMatch("ar-EG,en;q=0.5").direction(), "a right-to-left language needs only its entry and bundle");
        assertFalse(withArabic.bestMatch("en").rightToLeft());
    }

    @Test
    void theDatabaseAcceptsExactlyTheCataloguesTags() throws IOException {
        String migration;
        try (Stream<Path> files = Files.list(Path.of("sql"))) {
            migration = Files.readString(files.filter(p -> p.getFileName().toString().startsWith("V18__")).findFirst().orElseThrow());
        }
        Matcher account = Pattern.compile("ck_user_account_language CHECK \\(language IS NULL OR BINARY language IN \\(([^)]*)\\)\\)").matcher(migration);
        assertTrue(account.find(), "V18 checks user_account.language");
        assertEquals(Languages.CATALOGUE.stream().map(l -> "'" + l.tag() + "'").collect(Collectors.joining(", ")), account.group(1));
        Matcher translation = Pattern.compile("ck_reference_item_translation_language CHECK \\(BINARY language IN \\(([^)]*)\\)\\)").matcher(migration);
        assertTrue(translation.find(), "V18 checks the translations' language");
        assertEquals(Languages.CATALOGUE.stream().filter(l -> !l.equals(Languages.ENGLISH)).map(l -> "'" + l.tag() + "'")
                .collect(Collectors.joining(", ")), translation.group(1), "every language but English, whose names are the items' own");
        assertTrue(Languages.inCatalogue("pt-BR"));
        assertFalse(Languages.inCatalogue("pt-br"), "stored tags are exact");
    }
}
