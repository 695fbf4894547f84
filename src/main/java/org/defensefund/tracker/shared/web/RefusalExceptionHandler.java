package org.defensefund.tracker.shared.web;

import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * Answers a service's refusal (403) or a missing record (404) on a full page request with the status and
 * its friendly error page, and logs one line instead of a stack trace: these are expected, not faults.
 * Ajax requests are left to the next handler (OmniFaces), which renders the same error pages.
 */
public class RefusalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(RefusalExceptionHandler.class.getName());

    public RefusalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && !context.getPartialViewContext().isAjaxRequest()) {
            Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
            while (queued.hasNext() && !context.getResponseComplete()) {
                Throwable root = rootCause(queued.next().getContext().getException());
                int status = root instanceof AccessDeniedException ? 403 : root instanceof RecordNotFoundException ? 404 : 0;
                if (status != 0) {
                    queued.remove();
                    LOG.warning(() -> (status == 403 ? "Refused: " : "Not found: ") + org.defensefund.tracker.shared.LogText.of(root.getMessage())
                            + " (" + org.defensefund.tracker.shared.LogText.of(context.getExternalContext().getRequestServletPath()) + ")");
                    try {
                        context.getExternalContext().responseSendError(status, null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    context.responseComplete();
                }
            }
        }
        getWrapped().handle();
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
