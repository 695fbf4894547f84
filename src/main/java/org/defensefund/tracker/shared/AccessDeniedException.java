package org.defensefund.tracker.shared;

/**
 * The caller may not see or do this. Thrown by services, whatever page or request led there;
 * the web layer answers it with the 403 page. The message is for the log, never for the user.
 */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String logMessage) {
        super(logMessage);
    }
}
