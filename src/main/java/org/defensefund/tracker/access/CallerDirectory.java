package org.defensefund.tracker.access;

import java.util.Optional;

/**
 * Where the access kernel looks up the active account of a signed-in caller by the name they signed in with
 * (their e-mail). The accounts feature provides it ({@code UserAccountService}), so the kernel every feature
 * uses depends on none of them.
 */
public interface CallerDirectory {

    /** The active account of that e-mail, if there is one. */
    Optional<? extends CallerAccount> activeAccount(String email);
}
