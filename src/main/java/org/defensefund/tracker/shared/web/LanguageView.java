package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;

/**
 * The page's language as the layout writes it ({@code #{languages.current.tag()}} in {@code lang},
 * {@code #{languages.current.direction()}} in {@code dir}) and the languages the header offers.
 */
@Named("languages")
@ApplicationScoped
public class LanguageView {

    /** The language of the view being shown, always one whose texts exist. */
    public UiLanguage getCurrent() {
        return current();
    }

    public List<UiLanguage> getOffered() {
        return Languages.installed().offered();
    }

    /** Whether there is a choice to make (more than one language's texts are installed). */
    public boolean isChoice() {
        return getOffered().size() > 1;
    }

    /** The language of the current view; English outside a page. */
    public static UiLanguage current() {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context == null || context.getViewRoot() == null ? null : context.getViewRoot().getLocale();
        return Languages.installed().of(locale);
    }

    /** The locale whose conventions format the current view's dates, numbers and money. */
    public static Locale formats() {
        return current().formats();
    }
}
