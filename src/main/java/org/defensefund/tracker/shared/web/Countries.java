package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Countries by ISO 3166 code, named in the page's language as Java's locale data names them (English where it
 * has no names in that language, as for Haitian Creole); the list for "country of birth", sorted for that language.
 */
@Named
@ApplicationScoped
public class Countries {

    private final Map<Locale, List<SelectItem>> items = new ConcurrentHashMap<>();

    public List<SelectItem> getItems() {
        Locale locale = LanguageView.current().locale();
        return items.computeIfAbsent(locale, Countries::list);
    }

    public String name(String code) {
        return name(code, LanguageView.current().locale());
    }

    static String name(String code, Locale in) {
        return code == null || code.isBlank() ? "" : new Locale("", code).getDisplayCountry(in);
    }

    private static List<SelectItem> list(Locale in) {
        Collator collator = Collator.getInstance(in);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new SelectItem(code, name(code, in)))
                .sorted(Comparator.comparing(SelectItem::getLabel, collator))
                .toList();
    }
}
