package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.Role;
/**
 * What it takes to open an account. A partner user names their organization, a funder user their
 * funder; an administrator neither.
 */
public record NewAccount(String email, String displayName, Role role, Long partnerId, Long funderId, char[] password) {
}
