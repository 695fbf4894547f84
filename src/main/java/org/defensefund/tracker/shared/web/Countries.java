package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Countries by ISO 3166 code, named in English; the list for "country of birth". */
@Named
@ApplicationScoped
public class Countries {

    private final List<SelectItem> items = Arrays.stream(Locale.getISOCountries())
            .map(code -> new SelectItem(code, name(code)))
            .sorted(Comparator.comparing(SelectItem::getLabel))
            .toList();

    public List<SelectItem> getItems() {
        return items;
    }

    public String name(String code) {
        return code == null || code.isBlank() ? "" : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }
}
