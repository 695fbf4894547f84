package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Browser;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * In headless Chromium: an administrator marks an offered case confidential on its page; the partner it
 * is offered to sees neither the client's name in the list nor on the case page, only what it needs to
 * decide; once it accepts, its staff see the client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfidentialCaseBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anOfferedPartnerSeesTheClientOfAConfidentialCaseOnlyOnceItAccepts() {
        long partner = TestDatabase.partner(TestDatabase.unique("Confidential Browser Legal"));
        long caseId = TestDatabase.offeredCase(partner);
        String lastName = TestDatabase.lastNameOfCase(caseId);

        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            admin.open("cases/detail.xhtml?id=" + caseId);
            assertTrue(admin.text(By.tagName("main")).contains(lastName), "the fund sees the client");
            admin.reveal("confidentialAction");
            admin.pick("confidential:confidentialReason", "Asylum, withholding or CAT claim (8 CFR 208.6)");
            admin.type(By.id("confidential:confidentialNote"), "Asylum claim disclosed at intake");
            admin.follow(By.id("confidential:submit"));
            admin.waitForText(By.id("pageMessages"), "is now confidential.");
            assertTrue(admin.text(By.id("confidentialBadge")).contains("Confidential"));
            assertTrue(admin.text(By.tagName("main")).contains(lastName), "the fund still sees the client");
        }

        try (Browser staff = new Browser(base.toString())) {
            staff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);
            staff.open("cases/list.xhtml");
            String list = staff.text(By.tagName("main"));
            assertTrue(list.contains("Confidential case"), "the list names no client: " + list);
            assertFalse(list.contains(lastName), "no client name in the list");

            staff.open("cases/detail.xhtml?id=" + caseId);
            String restricted = staff.text(By.tagName("main"));
            assertTrue(restricted.contains("A confidential case offered to your organization"), restricted);
            assertFalse(restricted.contains(lastName), "no client name before accepting");
            assertFalse(restricted.contains("Asylum claim disclosed at intake"), "no timeline before accepting");

            staff.reveal("acceptAction");
            staff.type(By.id("accept:attorney"), "Ada Attorney");
            staff.follow(By.id("accept:submit"));
            staff.waitForText(By.id("pageMessages"), "is now yours.");
            staff.open("cases/detail.xhtml?id=" + caseId);
            String details = staff.text(By.tagName("main"));
            assertTrue(details.contains(lastName), "the accepting organization sees the client");
            assertTrue(staff.text(By.id("confidentialBadge")).contains("Confidential"));
            Pages.assertNoStackTrace(staff.driver().getPageSource());
        }
    }
}
