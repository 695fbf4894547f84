package org.defensefund.tracker.bench;

import org.defensefund.tracker.access.Role;

/**
 * One account a virtual user signs in with. The TOTP secret (Base32) is null for an account without
 * two-factor sign-in (a funder may have none).
 */
public record BenchAccount(Role role, String email, String password, String totpSecret) {

    @Override
    public String toString() {
        return role + " " + email;
    }
}
