package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URL;
import java.util.List;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Browser;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.SecondFactor;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.TestMail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In headless Chromium: an administrator opens a funder user's account from the Users page; the new
 * user follows the e-mailed link, chooses a password (a mismatch is told beside the field), signs in,
 * and sets up the optional two-factor sign-in from "My account", seeing their recovery codes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsBrowserIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.server();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anAdministratorOpensAnAccountAndItsOwnerTakesItOver() {
        String funderName = TestDatabase.unique("Browser Foundation");
        TestDatabase.funder(funderName);
        String email = "fiona-" + TestDatabase.unique("x").substring(2) + "@web.test";
        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            admin.find(By.linkText("Users")).click();
            admin.find(By.id("newUser")).click();
            admin.type(By.id("form:email"), email);
            admin.type(By.id("form:displayName"), "Fiona Browser");
            admin.pick("form:role", "Funder");
            admin.pick("form:funder", funderName);
            admin.follow(By.id("form:save"));
            admin.waitForText(By.id("pageMessages"), "Created " + email);
            admin.type(By.id("filters:text"), email);
            admin.find(By.id("filters:apply")).click();
            admin.waitForText(By.id("users:table"), "Never");
            assertTrue(admin.text(By.id("users:table")).contains(funderName), "the funder's name in the list");
        }

        MAIL.waitForIncomingEmail(10_000, 1);
        String link = TestMail.linkPath(MAIL.getReceivedMessages()[0]);

        try (Browser owner = new Browser(base.toString())) {
            owner.open(link);
            assertTrue(owner.text(By.tagName("main")).contains(email));
            owner.type(By.id("form:password"), "quiet meadow lantern fjord");
            owner.type(By.id("form:repeat"), "quiet meadow lantern fjords");
            owner.follow(By.id("form:submit"));
            owner.waitForText(By.tagName("main"), "The two passwords are not the same.");
            owner.type(By.id("form:password"), "quiet meadow lantern fjord");
            owner.type(By.id("form:repeat"), "quiet meadow lantern fjord");
            owner.follow(By.id("form:submit"));
            owner.waitForText(By.tagName("main"), "Your password is set.");

            owner.signIn(email, "quiet meadow lantern fjord");
            owner.find(By.id("userForm:myAccount")).click();
            owner.waitForText(By.id("twoFactorOff"), "Two-factor sign-in is off.");
            String secret = owner.text(By.id("secret")).replace(" ", "");
            owner.type(By.id("enroll:code"), SecondFactor.nextCode(email, secret));
            owner.follow(By.id("enroll:submit"));
            owner.waitForText(By.id("twoFactorOn"), "Two-factor sign-in is on. Recovery codes left: 10.");
            List<WebElement> codes = owner.driver().findElements(By.cssSelector("#recoveryCodes code"));
            assertEquals(10, codes.size());
            assertTrue(codes.get(0).getText().matches("[a-z2-7]{6}(-[a-z2-7]{6}){3}"), codes.get(0).getText());
            Pages.assertNoStackTrace(owner.driver().getPageSource());
        }
    }
}
