package org.defensefund.tracker.clientreminders.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.defensefund.tracker.clientreminders.ClientReminderService;
import org.defensefund.tracker.clientreminders.ReminderConsentView;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The client's consent to hearing reminders on {@code /cases/detail.xhtml} ({@code WEB-INF/includes/case-reminders.xhtml}):
 * in force or not, the address, its history, and for those who may edit the case the forms to give it (or change the
 * address) and to withdraw it. The case is the page's {@code id} parameter, read once per view; the service decides who
 * reads and who changes.
 */
@Named
@ViewScoped
public class CaseReminderConsentBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String GIVE_FORM = "reminderConsent";

    @Inject
    private ClientReminderService reminders;

    private Long caseId;
    private transient ReminderConsentView consent;
    private String email;

    /** The consent of the page's case. */
    public ReminderConsentView getConsent() {
        if (consent == null && caseId() != null) {
            consent = reminders.consent(caseId());
        }
        return consent;
    }

    /** Gives the consent (or changes its address), then shows the case again. */
    public String give() {
        try {
            reminders.give(caseId(), email);
            PageMessages.done("reminders.givenDone");
            return back();
        } catch (BusinessException e) {
            PageMessages.show(e, GIVE_FORM);
            return null;
        }
    }

    /** Withdraws the consent, then shows the case again. */
    public String withdraw() {
        try {
            reminders.withdraw(caseId());
            PageMessages.done("reminders.withdrawnDone");
            return back();
        } catch (BusinessException e) {
            PageMessages.show(e, null);
            return null;
        }
    }

    private String back() {
        return "/cases/detail?faces-redirect=true&id=" + caseId();
    }

    private Long caseId() {
        if (caseId == null) {
            String given = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            try {
                caseId = given == null ? null : Long.valueOf(given.trim());
            } catch (NumberFormatException e) {
                caseId = null;
            }
        }
        return caseId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
