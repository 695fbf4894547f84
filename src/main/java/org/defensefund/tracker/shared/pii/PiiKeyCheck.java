package org.defensefund.tracker.shared.pii;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the personal-data key at start, before the schema migration: without a usable key the
 * deployment fails with a clear message in the log, rather than at the first client read.
 */
@ApplicationScoped
public class PiiKeyCheck {

    private static final Logger LOG = Logger.getLogger(PiiKeyCheck.class.getName());

    void checkAtStart(@Observes @Priority(1000) @Initialized(ApplicationScoped.class) Object ignored) {
        try {
            PiiCipher.current();
        } catch (PiiKeyException | ExceptionInInitializerError e) {
            Throwable cause = e instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause() : e;
            LOG.log(Level.SEVERE, "Refusing to start: " + cause.getMessage());
            throw new PiiKeyException("Refusing to start: " + cause.getMessage(), cause);
        }
    }
}
