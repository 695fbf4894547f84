package org.defensefund.tracker.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import java.util.Optional;
import org.defensefund.tracker.shared.AccessDeniedException;

/**
 * The signed-in user as services and pages see it, read afresh on every request, so that a disabled
 * account loses its rights on its next request. Services ask it before they read or change anything
 * ({@link #requireAdmin}, {@link #requirePartnerOf}); pages only use it to choose what to show.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    private CallerContext caller;

    @Inject
    private CallerDirectory directory;

    private String loadedFor;
    private CallerAccount loaded;

    /** The active account of the caller, if any. */
    public Optional<CallerAccount> account() {
        Optional<String> name = caller.callerName();
        if (name.isEmpty() || CallerContext.SYSTEM.equals(name.get())) {
            return Optional.empty();
        }
        if (!name.get().equals(loadedFor)) {
            loaded = directory.activeAccount(name.get()).orElse(null);
            loadedFor = name.get();
        }
        return Optional.ofNullable(loaded);
    }

    /** Reads the account again on next use, after this request changed it (two-factor set up, say). */
    public void reload() {
        loadedFor = null;
        loaded = null;
    }

    public boolean isSignedIn() {
        return isSystem() || account().isPresent();
    }

    public boolean isAdmin() {
        return isSystem() || hasRole(Role.ADMIN);
    }

    public boolean isPartnerStaff() {
        return hasRole(Role.PARTNER);
    }

    public boolean isFunder() {
        return hasRole(Role.FUNDER);
    }

    public Optional<Long> partnerId() {
        return account().map(CallerAccount::getPartnerId);
    }

    public Optional<Long> funderId() {
        return account().map(CallerAccount::getFunderId);
    }

    public String getDisplayName() {
        return account().map(CallerAccount::getDisplayName).orElse("");
    }

    public Role getRole() {
        return account().map(CallerAccount::getRole).orElse(null);
    }

    /** Refuses unless the caller is an administrator. */
    public void requireAdmin(String action) {
        if (!isAdmin()) {
            throw new AccessDeniedException(describe() + " may not " + action);
        }
    }

    /** Refuses unless the caller is an administrator or staff of the given partner organization. */
    public void requirePartnerOf(Long partnerId, String action) {
        if (isAdmin()) {
            return;
        }
        if (!isPartnerStaff() || !Objects.equals(partnerId().orElse(null), partnerId)) {
            throw new AccessDeniedException(describe() + " may not " + action + " of partner " + partnerId);
        }
    }

    /**
     * The caller's account as the feature that keeps accounts knows it (the accounts feature asks for its
     * {@code UserAccount}); empty when nobody is signed in or the account is of another kind.
     */
    public <T extends CallerAccount> Optional<T> account(Class<T> kind) {
        return account().filter(kind::isInstance).map(kind::cast);
    }

    /** Whether the caller is the start-up (no request, no account, an administrator's rights). */
    public boolean isSystem() {
        return caller.callerName().filter(CallerContext.SYSTEM::equals).isPresent();
    }

    private boolean hasRole(Role role) {
        return account().map(a -> a.getRole() == role).orElse(false);
    }

    private String describe() {
        return caller.callerName().map(n -> "caller " + n + " (" + account().map(a -> a.getRole().name()).orElse("no active account") + ")")
                .orElse("anonymous caller");
    }
}
