package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The problems of a form sent back refused, for the summary above the page (the layout's {@code errorSummary}, an
 * alert a screen reader announces): each field's message with the field's client id, so its line links to the field.
 * Messages for the whole page are not repeated here; {@code p:messages} shows them.
 */
@Named
@RequestScoped
public class ErrorSummary {

    /** A field's problem: the field's client id and what is wrong. */
    public record Problem(String field, String text) {
    }

    /**
     * The fields' error messages (as {@code p:message} shows them: the detail) in the order of the page. Read anew
     * each time: the layout asks before validation too (whether to decode the summary), when there are none yet.
     */
    public List<Problem> getProblems() {
        List<Problem> found = new ArrayList<>();
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext();) {
            String id = ids.next();
            if (id == null) {
                continue;
            }
            for (FacesMessage message : context.getMessageList(id)) {
                if (message.getSeverity().getOrdinal() >= FacesMessage.SEVERITY_ERROR.getOrdinal()) {
                    found.add(new Problem(id, message.getDetail() != null ? message.getDetail() : message.getSummary()));
                }
            }
        }
        return List.copyOf(found);
    }

    /** The summary's heading: one problem or how many. */
    public String getHeading() {
        int count = getProblems().size();
        return count == 1 ? PageMessages.text("layout.errorSummary.one") : PageMessages.text("layout.errorSummary.many", count);
    }
}
