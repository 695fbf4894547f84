package org.defensefund.tracker.refer.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language the public form is written in: English and Boston's ten languages. Each is offered in its own name,
 * and Arabic reads right to left.
 *
 * @param tag the BCP 47 tag, as the address's {@code lang} parameter and the page's {@code <html lang>} carry it
 * @param ownName the language's name in itself, as the chooser shows it
 * @param locale the locale of the form's texts ({@code refer_<locale>.properties})
 */
public record ReferLanguage(String tag, String ownName, Locale locale) {

    /** The languages, in the order the chooser lists them. */
    public static final List<ReferLanguage> ALL = List.of(
            new ReferLanguage("en", "English", Locale.ENGLISH),
            new ReferLanguage("es", "Español", Locale.forLanguageTag("es")),
            new ReferLanguage("ht", "Kreyòl ayisyen", Locale.forLanguageTag("ht")),
            new ReferLanguage("zh-TW", "繁體中文", Locale.TRADITIONAL_CHINESE),
            new ReferLanguage("zh-CN", "简体中文", Locale.SIMPLIFIED_CHINESE),
            new ReferLanguage("vi", "Tiếng Việt", Locale.forLanguageTag("vi")),
            new ReferLanguage("ru", "Русский", Locale.forLanguageTag("ru")),
            new ReferLanguage("kea", "Kriolu (Kabuverdianu)", Locale.forLanguageTag("kea")),
            new ReferLanguage("ar", "العربية", Locale.forLanguageTag("ar")),
            new ReferLanguage("pt-BR", "Português (Brasil)", Locale.forLanguageTag("pt-BR")),
            new ReferLanguage("fr", "Français", Locale.FRENCH));

    /** English, when no language (or an unknown one) is asked for. */
    public static final ReferLanguage DEFAULT = ALL.get(0);

    /** The language of a tag as the address gives it (case ignored), if the form has it. */
    public static Optional<ReferLanguage> of(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return ALL.stream().filter(language -> language.tag().equalsIgnoreCase(tag.trim())).findFirst();
    }

    /** The writing direction: rtl for Arabic, ltr for the others. */
    public String direction() {
        return "ar".equals(locale.getLanguage()) ? "rtl" : "ltr";
    }
}
