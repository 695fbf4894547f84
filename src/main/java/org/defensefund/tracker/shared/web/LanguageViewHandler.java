package org.defensefund.tracker.shared.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Gives every new view the language {@link ShownLanguage} decides, in place of Faces' own choice from the
 * supported locales of faces-config.xml (which would mark a page {@code lang="es"} with no Spanish texts).
 * The view's locale then chooses the bundle of {@code #{msg}}, Faces' messages, Bean Validation's messages
 * and the formats of dates, numbers and money.
 */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        Object request = context.getExternalContext().getRequest();
        if (request instanceof HttpServletRequest http) {
            return ShownLanguage.of(http).locale();
        }
        return super.calculateLocale(context);
    }
}
