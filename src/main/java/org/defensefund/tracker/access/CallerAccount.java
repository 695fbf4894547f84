package org.defensefund.tracker.access;

import java.time.Instant;

/**
 * What the access kernel needs to know of the account behind a caller: who it is, its role and the
 * organization it is bound to (a partner's staff, a funder's people), and since when its sessions are
 * valid. The accounts feature's {@code UserAccount} is one.
 */
public interface CallerAccount {

    Long getId();

    String getEmail();

    String getDisplayName();

    Role getRole();

    /** The partner organization of partner staff; null for the others. */
    Long getPartnerId();

    /** The funder of a funder's user; null for the others. */
    Long getFunderId();

    /** Sessions that began before this instant have ended (disabled, role changed, password changed). */
    Instant getSessionsValidFrom();
}
