package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.Role;
/**
 * What it takes to open an account. A partner user names their organization, a funder user their
 * funder; an administrator neither. The language (a tag of {@code shared.Languages}, or null) is the one
 * the welcome e-mail is written in and the pages are shown in until its owner chooses another.
 */
public record NewAccount(String email, String displayName, Role role, Long partnerId, Long funderId, char[] password, String language) {

    /** An account whose owner will choose their language (English e-mails until then). */
    public NewAccount(String email, String displayName, Role role, Long partnerId, Long funderId, char[] password) {
        this(email, displayName, role, partnerId, funderId, password, null);
    }
}
