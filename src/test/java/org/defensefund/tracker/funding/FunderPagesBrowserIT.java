package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Browser;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** An administrator records a funder through the pages; partner staff are refused them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FunderPagesBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anAdministratorRecordsAFunderAndPartnerStaffAreRefused() {
        String name = TestDatabase.unique("City of Example Office");
        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            admin.follow(By.linkText("Funders"));
            admin.follow(By.id("newFunder"));
            admin.type(By.id("form:email"), "not-an-address");
            admin.submit("form:save");
            admin.waitForText(By.id("form"), "Enter the funder's name.");
            admin.type(By.id("form:name"), name);
            admin.pick("form:kind", "City");
            admin.type(By.id("form:email"), "grants@city.test");
            admin.submit("form:save");
            admin.waitForText(By.id("pageMessages"), name + " was recorded.");
            admin.waitForText(By.id("funders:table"), name);
        }
        assertEquals(1, TestDatabase.count("select count(*) from funder where name = ? and kind = 'CITY' and email = 'grants@city.test'", name));

        try (Browser partner = new Browser(base.toString())) {
            partner.signIn(TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Refused Org")), null), TestDatabase.PASSWORD);
            partner.open("admin/funders/list.xhtml");
            partner.waitForText(By.tagName("h1"), "Not allowed");
        }
    }
}
