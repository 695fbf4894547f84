package org.defensefund.tracker.shared.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a page reads only to write one response is let go once that response is written (rendered, or completed as
 * a download or a redirect). A view-scoped backing bean lives as long as its view, in the user's session (up to six
 * views each): without this, every session held the last page of each of its lists (client names among them) and
 * each dashboard it had shown until the view was dropped. A list reads its page again when paged, sorted or filtered;
 * a dashboard is read again from the period and scope it was asked for. What a session keeps is the filters and
 * choices, little more (the benchmark's "session per signed-in user").
 */
public class ForgottenAfterResponse implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String KEPT = ForgottenAfterResponse.class.getName();

    /**
     * Has {@code forget} run once this request's response is written; {@code holder} names what is kept, so a
     * holder read twice in one request is forgotten once. Outside a Faces request nothing is kept to forget.
     */
    public static void forget(Object holder, Runnable forget) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Object, Runnable> kept = (Map<Object, Runnable>) faces.getAttributes().computeIfAbsent(KEPT, key -> new LinkedHashMap<>());
        kept.putIfAbsent(holder, forget);
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (event.getPhaseId() == PhaseId.RENDER_RESPONSE || faces.getResponseComplete()) {
            Object kept = faces.getAttributes().remove(KEPT);
            if (kept instanceof Map<?, ?> forgets) {
                forgets.values().forEach(forget -> ((Runnable) forget).run());
            }
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // nothing before a phase
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }
}
