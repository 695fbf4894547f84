package org.defensefund.tracker.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Browser;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.SecondFactor;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An administrator and a partner user click through the partner pages in headless Chromium. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PartnerPagesBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anAdministratorCreatesAPartnerAndFindsItInTheList() {
        String name = TestDatabase.unique("Browser Legal Collaborative");
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.find(By.linkText("Partner organizations")).click();
            browser.find(By.id("newPartner")).click();

            browser.type(By.id("form:name"), name);
            browser.type(By.id("form:contactName"), "Maria Contact");
            browser.type(By.id("form:email"), "maria@browser-legal.test");
            browser.type(By.id("form:city"), "Chelsea");
            browser.type(By.id("form:caseCapacity"), "15");
            browser.find(By.cssSelector("label[for='form:practiceAreas:0']")).click();
            browser.find(By.id("form:save")).click();

            browser.waitForText(By.id("pageMessages"), name + " was recorded.");
            browser.type(By.id("filters:name"), name.toUpperCase());
            browser.find(By.id("filters:apply")).click();
            browser.waitForText(By.id("partners:table"), "Chelsea");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("[id='partners:table_data'] > tr")).size() == 1);
            assertTrue(browser.text(By.id("partners:table")).contains("Detained removal defense"));
        }
        assertEquals(1, TestDatabase.count("select count(*) from partner_organization where name = ? and case_capacity = 15 and email = 'maria@browser-legal.test'", name));
    }

    @Test
    void badInputIsExplainedBesideEachFieldAndNothingIsSaved() {
        String name = TestDatabase.unique("Corrected Clinic");
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.open("admin/partners/edit.xhtml");
            browser.type(By.id("form:email"), "not-an-email");
            browser.type(By.id("form:caseCapacity"), "-3");
            browser.find(By.id("form:save")).click();

            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> fieldMessage(browser, "name").contains("Enter the organization's name."));
            assertTrue(fieldMessage(browser, "email").contains("Enter an e-mail address"));
            assertTrue(fieldMessage(browser, "caseCapacity").contains("can't be negative"));
            assertEquals("not-an-email", browser.find(By.id("form:email")).getAttribute("value"), "input kept");

            browser.type(By.id("form:name"), name);
            browser.type(By.id("form:email"), "ok@clinic.test");
            browser.type(By.id("form:caseCapacity"), "4");
            browser.find(By.id("form:save")).click();
            browser.waitForText(By.id("pageMessages"), name + " was recorded.");
        }
        assertEquals(1, TestDatabase.count("select count(*) from partner_organization where name = ?", name));
    }

    @Test
    void theSecondOfTwoEditorsIsToldAndKeepsWhatTheyTyped() {
        String name = TestDatabase.unique("Two Editors Project");
        long id = TestDatabase.partner(name);
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            String first = browser.driver().getWindowHandle();
            browser.open("admin/partners/edit.xhtml?id=" + id);
            browser.find(By.id("form:city"));
            browser.driver().switchTo().newWindow(WindowType.TAB);
            String second = browser.driver().getWindowHandle();
            browser.open("admin/partners/edit.xhtml?id=" + id);

            browser.driver().switchTo().window(first);
            browser.type(By.id("form:city"), "Somerville");
            browser.find(By.id("form:save")).click();
            browser.waitForText(By.id("pageMessages"), "was saved");

            browser.driver().switchTo().window(second);
            browser.type(By.id("form:city"), "Worcester");
            browser.find(By.id("form:save")).click();
            browser.waitForText(By.id("pageMessages"), "Someone else saved this record");
            assertEquals("Worcester", browser.find(By.id("form:city")).getAttribute("value"), "typed value kept");
            assertTrue(browser.find(By.id("form:loadLatest")).isDisplayed());

            browser.find(By.id("form:loadLatest")).click();
            // The page reloads under the wait: Chrome reports the old field as stale or as "not in the document".
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> "Somerville".equals(d.findElement(By.id("form:city")).getAttribute("value")));
        }
        assertEquals(1, TestDatabase.count("select count(*) from partner_organization where id = ? and city = 'Somerville'", id));
    }

    @Test
    void partnerStaffSeeTheirOrganizationAndAreRefusedTheAdministrationPages() {
        String name = TestDatabase.unique("Welcome Partner Org");
        long partner = TestDatabase.partner(name);
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);
            browser.waitForText(By.id("main"), "You work for " + name);
            assertTrue(browser.text(By.tagName("header")).contains("Partner staff"));
            assertTrue(browser.driver().findElements(By.linkText("Partner organizations")).isEmpty(), "no admin navigation");

            browser.open("admin/partners/list.xhtml");
            browser.waitForText(By.tagName("h1"), "Not allowed");
            browser.open("admin/partners/edit.xhtml?id=" + partner);
            browser.waitForText(By.tagName("h1"), "Not allowed");
            Pages.assertNoStackTrace(browser.driver().getPageSource());
        }
    }

    @Test
    void theSignInPageWorksWithTheKeyboardAlone() {
        try (Browser browser = new Browser(base.toString())) {
            String email = TestDatabase.user("ADMIN", null, null);
            browser.open("login.xhtml");
            browser.find(By.id("login:email")).sendKeys(email, Keys.TAB, TestDatabase.PASSWORD, Keys.ENTER);
            browser.find(By.id("verify:code")).sendKeys(SecondFactor.nextCode(email, SecondFactor.TEST_SECRET), Keys.ENTER);
            browser.waitForText(By.tagName("h1"), "Welcome");
            List<String> labels = new ArrayList<>();
            browser.open("admin/partners/edit.xhtml");
            browser.driver().findElements(By.cssSelector("form input:not([type=hidden]), form textarea")).forEach(input -> {
                String id = input.getAttribute("id");
                if (id != null && id.startsWith("form:") && !id.contains("_")) {
                    labels.add(id);
                    assertFalse(browser.driver().findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "label for " + id);
                }
            });
            assertTrue(labels.size() >= 8, "labelled inputs: " + labels);
        }
    }

    private static String fieldMessage(Browser browser, String field) {
        return browser.find(By.xpath("//*[@id='form:" + field + "']/ancestor::div[contains(@class,'field')]//*[contains(@class,'ui-message')]")).getText();
    }
}
