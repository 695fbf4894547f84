package org.defensefund.tracker.cases.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.OnlineSubmission;

/**
 * What the public form collected for the case shown on {@code /cases/detail.xhtml}
 * ({@code WEB-INF/includes/case-online-referral.xhtml}): the receipt a caller quotes, the form's language (the language
 * to answer in), who referred and how to reach them, the consent to be contacted. Read once per view; the service
 * decides who reads it (whoever reads the case's file).
 */
@Named
@ViewScoped
public class CaseOnlineReferralBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CaseService cases;

    private OnlineSubmission submission;

    private boolean looked;

    /** The form's record for the page's case, if the public form made it. */
    public OnlineSubmission getSubmission() {
        if (!looked) {
            looked = true;
            String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            Long caseId;
            try {
                caseId = id == null ? null : Long.valueOf(id.trim());
            } catch (NumberFormatException e) {
                caseId = null;
            }
            submission = caseId == null ? null : cases.onlineSubmission(caseId).orElse(null);
        }
        return submission;
    }

    /** The form's language by its own name and, in brackets, in the page's language ("español (Spanish)"). */
    public String getFormLanguage() {
        OnlineSubmission found = getSubmission();
        if (found == null) {
            return "";
        }
        Locale form = Locale.forLanguageTag(found.getFormLanguage());
        Locale page = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        String own = form.getDisplayName(form);
        String inPage = form.getDisplayName(page);
        return own.equals(inPage) ? own : own + " (" + inPage + ")";
    }
}
