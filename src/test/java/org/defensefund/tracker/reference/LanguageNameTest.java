package org.defensefund.tracker.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A client's language as a page in another language names it. */
class LanguageNameTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    @Test
    void anEnglishPageShowsTheFundsOwnName() {
        assertEquals("Mandarin Chinese", new Language("zh", "Mandarin Chinese").nameIn(Locale.ENGLISH));
        assertEquals("Farsi", new Language("fa", "Farsi").nameIn(Locale.US));
    }

    @Test
    void anotherLanguagesPageShowsTheNameInThatLanguageCapitalised() {
        assertEquals("Español", new Language("es", "Spanish").nameIn(SPANISH));
        assertEquals("Criollo haitiano", new Language("ht", "Haitian Creole").nameIn(SPANISH));
        assertEquals("Português", new Language("pt", "Portuguese").nameIn(PORTUGUESE));
        assertEquals("Árabe", new Language("ar", "Arabic").nameIn(PORTUGUESE));
    }

    @Test
    void aLanguageJavaDoesNotKnowKeepsTheFundsName() {
        assertEquals("American Sign Language", new Language("asl", "American Sign Language").nameIn(SPANISH));
        assertEquals("Q'anjob'al", new Language("kjb", "Q'anjob'al").nameIn(SPANISH));
    }
}
