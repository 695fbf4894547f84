package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** A referral's consent to hearing reminders: with the box ticked, one valid address; without it, the address is not read. */
class ReminderConsentAtReferralTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Referral referral(boolean consent, String email) {
        Referral referral = new Referral();
        referral.setReferralDate(TODAY.minusDays(1));
        referral.setReminderConsent(consent);
        referral.setReminderEmail(email);
        return referral;
    }

    private static String refused(Referral referral) {
        BusinessException problem = assertThrows(BusinessException.class, () -> referral.check(TODAY));
        assertEquals("reminderEmail", problem.field(), "beside the address");
        return problem.messageKey();
    }

    @Test
    void aConsentNeedsOneValidAddress() {
        assertEquals("reminders.email.required", refused(referral(true, null)));
        assertEquals("reminders.email.required", refused(referral(true, "   ")));
        assertEquals("reminders.email.invalid", refused(referral(true, "not an address")));
        assertEquals("reminders.email.invalid", refused(referral(true, "a@b.org, c@d.org")));
        Referral given = referral(true, "  client@example.org ");
        given.check(TODAY);
        assertEquals("client@example.org", given.reminderAddress());
    }

    @Test
    void withoutTheConsentTheAddressIsIgnored() {
        Referral none = referral(false, "not an address");
        none.check(TODAY);
        assertNull(none.reminderAddress(), "no consent, no address kept");
    }
}
