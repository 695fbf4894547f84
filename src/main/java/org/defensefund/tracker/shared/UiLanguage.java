package org.defensefund.tracker.shared;

import java.util.Locale;
import java.util.Set;

/**
 * A language the application's pages and e-mails can be shown in: its BCP 47 tag ({@code en}, {@code es},
 * {@code ht}, {@code pt-BR}), the locale of its message bundles, and the locale whose conventions format its dates,
 * numbers and money (Spanish as written in the United States, Haitian Creole with the conventions of Haiti's French,
 * Brazilian Portuguese as in Brazil). Whether it reads right to left follows from the language and script, so a
 * language such as Arabic needs nothing more than its entry and its bundles.
 */
public record UiLanguage(String tag, Locale locale, Locale formats) {

    /** Languages written right to left (ISO 639 codes). */
    private static final Set<String> RIGHT_TO_LEFT_LANGUAGES = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks",
            "ps", "sd", "syr", "ug", "ur", "yi", "ji");
    /** Scripts written right to left (ISO 15924 codes). */
    private static final Set<String> RIGHT_TO_LEFT_SCRIPTS = Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr");

    public UiLanguage {
        if (tag == null || locale == null || formats == null) {
            throw new IllegalArgumentException("a language needs its tag, its locale and the locale of its formats");
        }
    }

    /** A language whose bundles and formats share one tag. */
    public static UiLanguage of(String tag, String formatsTag) {
        return new UiLanguage(tag, Locale.forLanguageTag(tag), Locale.forLanguageTag(formatsTag));
    }

    /** The direction of its text, as HTML's {@code dir} attribute takes it: {@code rtl} or {@code ltr}. */
    public String direction() {
        return direction(locale);
    }

    /** Whether its text reads right to left. */
    public boolean rightToLeft() {
        return "rtl".equals(direction());
    }

    /** Its tag as a key of the message bundle or a component id: {@code pt_BR} for {@code pt-BR}. */
    public String key() {
        return tag.replace('-', '_');
    }

    /** The direction of text in a locale: {@code rtl} for a right-to-left language or script, else {@code ltr}. */
    public static String direction(Locale locale) {
        if (locale == null) {
            return "ltr";
        }
        String script = locale.getScript();
        if (!script.isEmpty()) {
            return RIGHT_TO_LEFT_SCRIPTS.contains(script) ? "rtl" : "ltr";
        }
        return RIGHT_TO_LEFT_LANGUAGES.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }
}
