package org.defensefund.tracker.shared.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.LogText;

/**
 * Refuses (403) a form posted without the script nonce PrimeFaces gave its page, before any value is
 * applied or any action runs. PrimeFaces 15 keeps the nonce in the view and compares it only when it
 * renders the answer, after the action has run, and never for a post answered by a redirect; this check
 * runs right after the view is restored. Registered in faces-config.xml.
 */
public class FormNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FormNonceCheck.class.getName());
    /** The request parameter and view map key PrimeFaces uses. */
    static final String NONCE = "primefaces.nonce";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // Nothing to compare before the view is restored.
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        UIViewRoot view = context.getViewRoot();
        if (!context.isPostback() || view == null || context.getResponseComplete()) {
            return;
        }
        String sent = context.getExternalContext().getRequestParameterMap().get(NONCE);
        Map<String, Object> viewMap = view.getViewMap(false);
        Object expected = viewMap == null ? null : viewMap.get(NONCE);
        if (sent != null && !sent.isBlank() && (expected == null || expected.equals(sent))) {
            return;
        }
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        LOG.warning(() -> "Refused a form posted without this page's script nonce: " + LogText.of(request.getRequestURI())
                + " from " + request.getRemoteAddr());
        try {
            SecurityHeadersFilter.refuse(request, (HttpServletResponse) context.getExternalContext().getResponse());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
