package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Demo mode shows a sign-in code for the seeded demo accounts with their published secrets, and for no one else. */
class DemoCodesTest {

    @Test
    void onlyTheSeededDemoAccountsWithTheirPublishedSecrets() {
        assertTrue(TwoFactorService.seededDemo("admin@demo.test", TwoFactorService.DEMO_SECRETS.get("admin@demo.test")));
        assertTrue(TwoFactorService.seededDemo("Partner@Demo.test", TwoFactorService.DEMO_SECRETS.get("partner@demo.test")));
        assertFalse(TwoFactorService.seededDemo("added@demo.test", TotpCodes.newSecret()), "an account an administrator added at demo.test");
        assertFalse(TwoFactorService.seededDemo("admin@demo.test", TotpCodes.newSecret()), "a demo account that set up its own authenticator");
        assertFalse(TwoFactorService.seededDemo("added@demo.test", TwoFactorService.DEMO_SECRETS.get("admin@demo.test")));
        assertFalse(TwoFactorService.seededDemo("funder@demo.test", null));
    }
}
