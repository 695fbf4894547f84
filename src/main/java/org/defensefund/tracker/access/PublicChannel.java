package org.defensefund.tracker.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.defensefund.tracker.shared.AccessDeniedException;

/**
 * The access rule of the public channel, the referral form at {@code /refer/} that anyone may use without
 * signing in. It grants one thing: handing the fund a new referral. A submission runs as the caller
 * {@link CallerContext#ONLINE_FORM} (whoever is or isn't signed in on that browser), so the timeline and the
 * audit trail name the form, and the services it calls let it through only for creating: the intake service
 * makes a new client and case in the intake queue and gives back a receipt, never a record, and the client
 * service creates a client for it without any look-up (the duplicate check is the screener's, at intake).
 * Everything else still refuses this caller, which has no account and no role.
 */
@ApplicationScoped
public class PublicChannel {

    @Inject
    private CallerContext caller;

    /** Runs the work of one submission as the online form. */
    public <T> T submit(Supplier<T> work) {
        return caller.runAs(CallerContext.ONLINE_FORM, work);
    }

    /** Refuses unless the call is part of a submission through the public form. */
    public void requireSubmission(String action) {
        if (!caller.callerName().filter(CallerContext.ONLINE_FORM::equals).isPresent()) {
            throw new AccessDeniedException(caller.callerName().map(n -> "caller " + n).orElse("anonymous caller")
                    + " may not " + action + " outside a submission of the public referral form");
        }
    }
}
