package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An e-mail field takes one plain address. */
class EmailAddressTest {

    @Test
    void oneAddressAsPeopleTypeIt() {
        for (String good : new String[] {"name@example.org", "first.last+tag@mail.example.co.uk", "a_b-c@ex-ample.org"}) {
            assertTrue(EmailAddress.isValid(good), good);
        }
    }

    @Test
    void notAListNorALineBreakNorAnOverlongText() {
        for (String bad : new String[] {"plainaddress", "one@web.test, two@web.test", "one@web.test two@web.test",
                "one@web.test\r\nBcc: two@web.test", "one@web.test\u0000", "a".repeat(300) + "@web.test", "a".repeat(65) + "@web.test",
                "Name <name@example.org>", "name@localhost", "name@@example.org", "name@example..org", ".name@example.org",
                "náme@example.org", "name@exam_ple.org", "", " name@example.org", null}) {
            assertFalse(EmailAddress.isValid(bad), String.valueOf(bad));
        }
    }
}
