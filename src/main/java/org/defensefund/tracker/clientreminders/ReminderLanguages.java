package org.defensefund.tracker.clientreminders;

import java.util.Locale;
import java.util.Map;

/**
 * The language a client's reminder is written in: the client's language (its code in the {@code language} reference
 * list) mapped to a locale of the reminders' bundle ({@code client-reminders*.properties}), which has English and the
 * public form's ten languages; any other language, or none, gets English. Mandarin reads Simplified Chinese, Cantonese
 * Traditional; Portuguese the Brazilian texts.
 */
public final class ReminderLanguages {

    private static final Map<String, Locale> BY_CLIENT_LANGUAGE = Map.ofEntries(
            Map.entry("en", Locale.ENGLISH),
            Map.entry("es", Locale.forLanguageTag("es")),
            Map.entry("ht", Locale.forLanguageTag("ht")),
            Map.entry("zh", Locale.SIMPLIFIED_CHINESE),
            Map.entry("yue", Locale.TRADITIONAL_CHINESE),
            Map.entry("vi", Locale.forLanguageTag("vi")),
            Map.entry("ru", Locale.forLanguageTag("ru")),
            Map.entry("kea", Locale.forLanguageTag("kea")),
            Map.entry("ar", Locale.forLanguageTag("ar")),
            Map.entry("pt", Locale.forLanguageTag("pt-BR")),
            Map.entry("fr", Locale.FRENCH));

    private ReminderLanguages() {
    }

    /** The reminders' locale for a client's language code (null or unknown: English). */
    public static Locale localeOf(String clientLanguage) {
        return clientLanguage == null ? Locale.ENGLISH : BY_CLIENT_LANGUAGE.getOrDefault(clientLanguage.trim(), Locale.ENGLISH);
    }
}
