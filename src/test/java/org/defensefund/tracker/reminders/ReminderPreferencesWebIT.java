package org.defensefund.tracker.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reminders' section of "My account" through the real page: shown to partner staff, kept on saving, not shown to funders. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReminderPreferencesWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void partnerStaffChooseTheirRemindersInMyAccount() {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Prefs Legal")), null);
        WebClient staff = new WebClient(base.toString());
        assertEquals(302, staff.signIn(email, TestDatabase.PASSWORD).statusCode());
        HttpResponse<String> page = staff.get("account/index.xhtml");
        assertTrue(page.body().contains("id=\"reminders:dailyDigest\"") && page.body().contains("id=\"reminders:immediate\""), "the section is there");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("reminders", "reminders");
        form.put("reminders:immediate_input", "on");
        form.put("reminders:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        HttpResponse<String> saved = staff.post("account/index.xhtml", form);
        Pages.assertNoStackTrace(saved.body());
        assertEquals(1, TestDatabase.count("select count(*) from reminder_preference p join user_account u on u.id = p.user_id"
                + " where u.email = ? and p.daily_digest = false and p.immediate = true", email), "the digest off, the immediate e-mails on");
    }

    @Test
    void fundersHaveNoReminders() {
        String email = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Prefs Fund")));
        WebClient funder = new WebClient(base.toString());
        assertEquals(302, funder.signIn(email, TestDatabase.PASSWORD).statusCode());
        HttpResponse<String> page = funder.get("account/index.xhtml");
        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("id=\"reminders:"), "no reminders' section for a funder");
    }
}
