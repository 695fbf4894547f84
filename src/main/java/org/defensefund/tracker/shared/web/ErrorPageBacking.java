package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Lets an error page answer with its own status, e.g. 403 for a refusal a service raised, or 503 with
 * {@code Retry-After} when the database is unavailable.
 */
@Named("errorPage")
@RequestScoped
public class ErrorPageBacking {

    public void respondWith(int status) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    public void respondUnavailable() {
        respondWith(503);
        FacesContext.getCurrentInstance().getExternalContext()
                .setResponseHeader("Retry-After", Integer.toString(org.defensefund.tracker.shared.DatabaseOutage.RETRY_AFTER_SECONDS));
    }
}
