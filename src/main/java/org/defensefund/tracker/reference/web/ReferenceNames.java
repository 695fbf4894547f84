package org.defensefund.tracker.reference.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.web.LanguageView;

/**
 * Reference items as pages name them: in the page's language when an administrator gave the item a name in it,
 * else by its own (English) name ({@code #{refNames.of(c.court)}}; the {@code t:select} tag labels its options
 * so). The names of the page's language are read once per request, and not at all on an English page.
 */
@Named("refNames")
@RequestScoped
public class ReferenceNames {

    @Inject
    private ReferenceDataService referenceData;

    private String loadedFor;
    private Map<Long, String> names = Map.of();

    /**
     * The name of a reference item or of a language in the page's language, falling back to its English name; empty
     * for none.
     */
    public String of(Object value) {
        if (value instanceof Language language) {
            return language.nameIn(LanguageView.current().locale());
        }
        if (!(value instanceof ReferenceItem item)) {
            return value == null ? "" : value.toString();
        }
        String language = LanguageView.current().tag();
        if (!language.equals(loadedFor)) {
            names = referenceData.namesIn(language);
            loadedFor = language;
        }
        return names.getOrDefault(item.getId(), item.getName());
    }

    /** Whether a value is a reference item or a language (which {@link #of} names), for tags that list any kind of choice. */
    public boolean translates(Object value) {
        return value instanceof ReferenceItem || value instanceof Language;
    }
}
