package org.defensefund.tracker.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one place that says which languages the application is shown in. The catalogue lists the languages the
 * staff pages are made for (English, Spanish, Haitian Creole, Brazilian Portuguese); of these, a language is
 * offered only when its message bundle is really there ({@code messages_es.properties}...), so a page is
 * never marked {@code lang="es"} while its texts are English: {@code ResourceBundle} would quietly fall back
 * to English (or to the server's own language) and hide the gap. English, the bundles' base, is always there.
 *
 * <p>The language shown is, in order: the one chosen (on the account, or in the session or cookie of someone
 * not signed in) when it is offered; else the best match of the browser's {@code Accept-Language}; else
 * English. Matching takes the browser's ranges by weight: a tag equal to an offered one wins, else the same
 * language in another region ({@code es-MX} is Spanish, {@code pt-PT} Brazilian Portuguese, {@code en-GB}
 * English). Migration V18 allows exactly the catalogue's tags in {@code user_account.language}.
 */
public final class Languages {

    /** The base name of the pages' message bundle. */
    public static final String BUNDLE = "org.defensefund.tracker.messages";

    public static final UiLanguage ENGLISH = UiLanguage.of("en", "en-US");

    /** Every language the staff pages are made for, English first; V18's CHECK lists the same tags. */
    public static final List<UiLanguage> CATALOGUE = List.of(
            ENGLISH,
            UiLanguage.of("es", "es-US"),
            UiLanguage.of("ht", "fr-HT"),
            UiLanguage.of("pt-BR", "pt-BR"));

    private static final Languages INSTALLED = new Languages(CATALOGUE, Languages::bundlePresent);

    private final List<UiLanguage> offered;

    /** The languages of the catalogue whose bundle is present; English always. */
    public Languages(List<UiLanguage> catalogue, Predicate<UiLanguage> hasBundle) {
        List<UiLanguage> found = new ArrayList<>();
        for (UiLanguage language : catalogue) {
            if (language.equals(ENGLISH) || hasBundle.test(language)) {
                found.add(language);
            }
        }
        if (!found.contains(ENGLISH)) {
            found.add(0, ENGLISH);
        }
        this.offered = List.copyOf(found);
    }

    /** The languages of this application, as its class path holds their bundles. */
    public static Languages installed() {
        return INSTALLED;
    }

    /** Whether the pages' bundle of this very language (not a fallback) is on the class path. */
    static boolean bundlePresent(UiLanguage language) {
        String path = BUNDLE.replace('.', '/') + "_" + language.locale().toString() + ".properties";
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader()).orElse(Languages.class.getClassLoader());
        return loader.getResource(path) != null || Languages.class.getClassLoader().getResource(path) != null;
    }

    /** The languages offered, English first. */
    public List<UiLanguage> offered() {
        return offered;
    }

    /** The offered language with exactly this tag (case ignored), if any. */
    public Optional<UiLanguage> find(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return offered.stream().filter(l -> l.tag().equalsIgnoreCase(tag.trim())).findFirst();
    }

    /** The offered language of a locale (a view's, say), else English. */
    public UiLanguage of(Locale locale) {
        if (locale == null) {
            return ENGLISH;
        }
        return find(locale.toLanguageTag()).or(() -> find(locale.getLanguage())).orElse(ENGLISH);
    }

    /** Whether a tag is one of the catalogue's, bundle or not: what an account may store. */
    public static boolean inCatalogue(String tag) {
        return tag != null && CATALOGUE.stream().anyMatch(l -> l.tag().equals(tag));
    }

    /**
     * The best offered language for an {@code Accept-Language} header, by its weights; English when nothing
     * matches, when the header is missing, or when it can't be read.
     */
    public UiLanguage bestMatch(String acceptLanguage) {
        return match(acceptLanguage).orElse(ENGLISH);
    }

    /** The best offered language for an {@code Accept-Language} header, if any range matches one. */
    public Optional<UiLanguage> match(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().startsWith("*")) {
                continue;
            }
            Locale wanted = Locale.forLanguageTag(range.getRange());
            Optional<UiLanguage> exact = offered.stream().filter(l -> l.tag().equalsIgnoreCase(range.getRange())).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
            Optional<UiLanguage> sameLanguage = offered.stream()
                    .filter(l -> !wanted.getLanguage().isEmpty() && l.locale().getLanguage().equals(wanted.getLanguage())).findFirst();
            if (sameLanguage.isPresent()) {
                return sameLanguage;
            }
        }
        return Optional.empty();
    }

    /**
     * The language to show: the chosen one when it is offered, else the browser's best match, else English.
     * A choice of a language whose bundle isn't there falls back like no choice at all.
     */
    public UiLanguage shown(String chosenTag, String acceptLanguage) {
        return find(chosenTag).orElseGet(() -> bestMatch(acceptLanguage));
    }
}
