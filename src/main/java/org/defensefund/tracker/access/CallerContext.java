package org.defensefund.tracker.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who is calling: the signed-in user of the current request, or a name set explicitly for work that no
 * request carries (start-up tasks run as {@link #SYSTEM}; in-container tests run as a test user).
 */
@ApplicationScoped
public class CallerContext {

    /** The caller name of start-up tasks; it has the rights of an administrator and no account. */
    public static final String SYSTEM = "system";

    /**
     * The caller name of a referral sent through the public form ({@link PublicChannel}): no account, no rights
     * but the one that channel grants. It has a space, so no account's e-mail can be it.
     */
    public static final String ONLINE_FORM = "online form";

    private static final ThreadLocal<String> RUN_AS = new ThreadLocal<>();

    @Inject
    private SecurityContext securityContext;

    public Optional<String> callerName() {
        String explicit = RUN_AS.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        try {
            Principal principal = securityContext.getCallerPrincipal();
            return Optional.ofNullable(principal).map(Principal::getName);
        } catch (IllegalStateException | UnsupportedOperationException noWebRequest) {
            return Optional.empty();
        }
    }

    /** Runs work as the named caller on this thread, then restores the previous caller. */
    public <T> T runAs(String callerName, Supplier<T> work) {
        String previous = RUN_AS.get();
        RUN_AS.set(callerName);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                RUN_AS.remove();
            } else {
                RUN_AS.set(previous);
            }
        }
    }

    public void runAs(String callerName, Runnable work) {
        runAs(callerName, () -> {
            work.run();
            return null;
        });
    }
}
