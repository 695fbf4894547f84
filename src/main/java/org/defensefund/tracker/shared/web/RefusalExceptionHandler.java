package org.defensefund.tracker.shared.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.util.ArrayList;
import java.util.List;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.DatabaseOutage;
import org.defensefund.tracker.shared.DatabaseUnavailableException;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.WriteConflict;

/**
 * Answers a service's refusal (403) or a missing record (404) on a full page request with the status and
 * its friendly error page, and logs one line instead of a stack trace: these are expected, not faults.
 * A form whose view can't be restored (an expired page, or a made-up {@code jakarta.faces.ViewState} that anyone
 * may post to the public forms) is a bad request: 400 and the "page expired" page, one short log line, so no
 * one can fill the log by posting them. Ajax requests are otherwise left to the next handler (OmniFaces), which
 * renders the same error pages. A failure because the database is unavailable answers 503 with {@code Retry-After} (full requests), or reaches
 * OmniFaces as a {@link DatabaseUnavailableException}, whose page (web.xml) is the "temporarily unavailable" one.
 * A write that lost a race with another ({@link WriteConflict}: a deadlock's victim, a lock waited for too long, a
 * version changed at commit) is told as a concurrent edit on the same page, the form keeping what was typed.
 */
public class RefusalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(RefusalExceptionHandler.class.getName());

    public RefusalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null) {
            outages(context);
            conflicts(context);
        }
        if (context != null && context.getPartialViewContext().isAjaxRequest()) {
            for (ExceptionQueuedEvent event : getUnhandledExceptionQueuedEvents()) {
                if (isUnrestorableView(event.getContext())) {
                    LOG.info(() -> "View not restored (ajax): " + org.defensefund.tracker.shared.LogText.of(context.getExternalContext().getRequestServletPath()));
                }
            }
        }
        if (context != null && !context.getPartialViewContext().isAjaxRequest()) {
            Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
            while (queued.hasNext() && !context.getResponseComplete()) {
                ExceptionQueuedEventContext event = queued.next().getContext();
                if (isUnrestorableView(event)) {
                    queued.remove();
                    LOG.info(() -> "View not restored, answered 400: " + org.defensefund.tracker.shared.LogText.of(context.getExternalContext().getRequestServletPath()));
                    sendError(context, 400);
                    continue;
                }
                Throwable root = rootCause(event.getException());
                int status = root instanceof AccessDeniedException ? 403 : root instanceof RecordNotFoundException ? 404 : 0;
                if (status != 0) {
                    queued.remove();
                    LOG.warning(() -> (status == 403 ? "Refused: " : "Not found: ") + org.defensefund.tracker.shared.LogText.of(root.getMessage())
                            + " (" + org.defensefund.tracker.shared.LogText.of(context.getExternalContext().getRequestServletPath()) + ")");
                    sendError(context, status);
                }
            }
        }
        getWrapped().handle();
    }

    /** An expired view, or any failure to restore the view a form was posted from (a made-up view state). */
    private static boolean isUnrestorableView(ExceptionQueuedEventContext event) {
        Throwable thrown = event.getException();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return PhaseId.RESTORE_VIEW.equals(event.getPhaseId()) && event.getContext().isPostback();
    }

    private static void sendError(FacesContext context, int status) {
        try {
            context.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** Database outages: 503 on a full request; on an ajax request, requeued as the exception web.xml maps to its page. */
    private void outages(FacesContext context) {
        boolean ajax = context.getPartialViewContext().isAjaxRequest();
        List<Throwable> requeue = new ArrayList<>();
        Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
        while (queued.hasNext() && !context.getResponseComplete()) {
            Throwable thrown = queued.next().getContext().getException();
            if (!DatabaseOutage.causedBy(thrown)) {
                continue;
            }
            queued.remove();
            LOG.warning(() -> "Database unavailable, answered 503: " + org.defensefund.tracker.shared.LogText.of(context.getExternalContext().getRequestServletPath())
                    + " (" + org.defensefund.tracker.shared.LogText.of(thrown.getMessage()) + ")");
            if (ajax) {
                requeue.add(new DatabaseUnavailableException(thrown));
                continue;
            }
            try {
                context.getExternalContext().setResponseHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
                context.getExternalContext().responseSendError(503, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }
        for (Throwable outage : requeue) {
            context.getApplication().publishEvent(context, ExceptionQueuedEvent.class, new ExceptionQueuedEventContext(context, outage));
        }
    }

    /**
     * Lost races with another writer: the page is shown again (the same view, its fields as typed) with the concurrent
     * edit message; nothing was saved, the transaction having been rolled back. Ajax requests also render the page's
     * messages.
     */
    private void conflicts(FacesContext context) {
        Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
        boolean told = false;
        while (queued.hasNext() && !context.getResponseComplete()) {
            ExceptionQueuedEventContext event = queued.next().getContext();
            if (!WriteConflict.causedBy(event.getException()) || PhaseId.RENDER_RESPONSE.equals(event.getPhaseId())) {
                continue;
            }
            queued.remove();
            LOG.warning(() -> "Write conflict, the form is shown again with the concurrent edit message: "
                    + org.defensefund.tracker.shared.LogText.of(context.getExternalContext().getRequestServletPath()));
            if (!told) {
                PageMessages.error(null, "error.concurrentEdit");
                told = true;
            }
        }
        if (told) {
            context.validationFailed();
            if (context.getPartialViewContext().isAjaxRequest()) {
                context.getPartialViewContext().getRenderIds().add("pageMessages");
            }
            context.renderResponse();
        }
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof FacesException || cause.getClass().getName().startsWith("jakarta.el.")) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        while (!(cause instanceof AccessDeniedException) && !(cause instanceof RecordNotFoundException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Registered in faces-config.xml after OmniFaces', so it sees exceptions first. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new RefusalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
