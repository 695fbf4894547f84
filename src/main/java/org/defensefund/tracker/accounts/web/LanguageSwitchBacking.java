package org.defensefund.tracker.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;
import org.defensefund.tracker.shared.web.LanguageView;
import org.defensefund.tracker.shared.web.PageMessages;
import org.defensefund.tracker.shared.web.ShownLanguage;

/**
 * The language switcher of the layout's header ({@code WEB-INF/includes/language-switch.xhtml}), on every page
 * but the error pages, for everyone: the choice is kept in the session and a cookie, and on the account of a
 * signed-in user; then the same page is shown again in the language chosen.
 */
@Named
@RequestScoped
public class LanguageSwitchBacking {

    @Inject
    private UserAccountService accounts;

    private String choice;

    public String apply() {
        return choose(choice);
    }

    /** Keeps the language (session, cookie, account) and shows the page again in it; an unknown tag changes nothing. */
    static String choose(UserAccountService accounts, String tag) {
        UiLanguage language = Languages.installed().find(tag).orElse(null);
        if (language == null) {
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        accounts.chooseOwnLanguage(language.tag());
        ShownLanguage.remember((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(), language);
        context.getViewRoot().setLocale(language.locale());
        return context.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    private String choose(String tag) {
        try {
            return choose(accounts, tag);
        } catch (BusinessException e) {
            PageMessages.error(null, e.messageKey(), e.arguments());
            return null;
        }
    }

    /** The language chosen in the form; the page's own before that. */
    public String getChoice() {
        return choice == null ? LanguageView.current().tag() : choice;
    }

    public void setChoice(String choice) {
        this.choice = choice;
    }
}
