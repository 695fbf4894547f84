package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** Password length rules and e-mail normalisation, without a server. */
class PasswordRulesTest {

    @Test
    void passwordsNeedTwelveToOneHundredTwentyEightCharacters() {
        assertEquals("account.password.tooShort",
                assertThrows(BusinessException.class, () -> UserAccountService.checkPassword("elevenchars".toCharArray())).messageKey());
        assertDoesNotThrow(() -> UserAccountService.checkPassword("twelve chars".toCharArray()));
        String longest = "maple river quantum lantern violet harbor tundra pixel saffron meadow granite orchid cobalt ember willow nimbus falcon zephyr juniper";
        assertDoesNotThrow(() -> UserAccountService.checkPassword(longest.substring(0, 128).toCharArray()));
        assertEquals("account.password.tooLong",
                assertThrows(BusinessException.class, () -> UserAccountService.checkPassword("x".repeat(129).toCharArray())).messageKey());
        assertThrows(BusinessException.class, () -> UserAccountService.checkPassword(null));
    }

    @Test
    void commonAndLeakedPasswordsPatternsAndRepeatsAreRefused() {
        for (String weak : new String[] {"password1234", "qwertyuiop123", "iloveyou12345", "P@ssw0rd12345", "x".repeat(128)}) {
            assertEquals("account.password.common",
                    assertThrows(BusinessException.class, () -> UserAccountService.checkPassword(weak.toCharArray())).messageKey(), weak);
        }
        assertDoesNotThrow(() -> UserAccountService.checkPassword("correct horse battery staple".toCharArray()));
    }

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertEquals("ana@fund.org", UserAccountService.normalise("  Ana@Fund.ORG "));
        assertEquals("", UserAccountService.normalise(null));
    }
}
