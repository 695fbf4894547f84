package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/** The intake form: bad input explained beside each field, and an existing client found before a duplicate is made. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReferralBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void badInputIsExplainedBesideTheFieldsAndNothingIsSaved() {
        String lastName = TestDatabase.unique("Bad-Input").replace(' ', '-');
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.open("intake/referral.xhtml");
            browser.type(By.id("form:lastName"), lastName);
            browser.type(By.id("form:aNumber"), "A 12-34");
            browser.type(By.id("form:nextHearingDate_input"), "soon");
            browser.type(By.id("form:notes"), "x");
            browser.submit("form:save");

            waitForFieldMessage(browser, "firstName", "Enter the client's first name.");
            waitForFieldMessage(browser, "nextHearingDate", "enter a date such as");
            assertEquals("A 12-34", browser.find(By.id("form:aNumber")).getAttribute("value"), "input kept");

            browser.type(By.id("form:firstName"), "Lina");
            browser.type(By.id("form:nextHearingDate_input"), "");
            browser.submit("form:save");
            waitForFieldMessage(browser, "aNumber", "An A-number has 8 or 9 digits");
        }
        assertEquals(0, TestDatabase.clientsNamed(null, lastName).size(), "nothing half-saved");
    }

    @Test
    void anExistingClientIsFoundByANumberAndTheReferralLinksToIt() {
        String digits = String.format("%09d", (long) (Math.random() * 999_999_999L));
        String lastName = TestDatabase.unique("Known").replace(' ', '-');
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.open("intake/referral.xhtml");
            browser.type(By.id("form:firstName"), "Omar");
            browser.type(By.id("form:lastName"), lastName);
            browser.type(By.id("form:aNumber"), digits);
            browser.submit("form:save");
            browser.waitForText(By.id("pageMessages"), "Referral recorded");

            browser.open("intake/referral.xhtml");
            browser.type(By.id("form:firstName"), "Omar");
            browser.type(By.id("form:lastName"), lastName + "-typo");
            browser.type(By.id("form:aNumber"), "A " + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6));
            browser.submit("form:save");
            browser.waitForText(By.id("form:duplicates"), lastName);
            browser.find(By.xpath("//*[@id='form:duplicates']//button[contains(., 'This is the same person')]")).click();
            browser.waitForText(By.id("form:linked"), "Linked to the existing client Omar " + lastName);
            browser.submit("form:save");
            browser.waitForText(By.id("pageMessages"), "Referral recorded");
        }
        assertEquals(1, TestDatabase.count("select count(*) from client where a_number_hash = ?", TestDatabase.aNumberHash(digits)));
        assertEquals(2, TestDatabase.count("select count(*) from legal_case c join client k on k.id = c.client_id where k.a_number_hash = ?",
                TestDatabase.aNumberHash(digits)));
        assertTrue(TestDatabase.clientsNamed(null, lastName + "-typo").isEmpty());
    }

    @Test
    void theSecondOfTwoScreeningsOfOneCaseIsToldAndKeepsItsInput() {
        String lastName = TestDatabase.unique("Twice").replace(' ', '-');
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.open("intake/referral.xhtml");
            browser.type(By.id("form:firstName"), "Sami");
            browser.type(By.id("form:lastName"), lastName);
            browser.submit("form:save");
            browser.waitForText(By.id("caseStatus"), "Referred");
            String caseUrl = browser.driver().getCurrentUrl();
            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.driver().get(caseUrl);
            String second = browser.driver().getWindowHandle();

            browser.driver().switchTo().window(first);
            browser.reveal("screenAction");
            browser.pick("screen:decision", "Eligible, to assign");
            browser.submit("screen:submit");
            browser.waitForText(By.id("caseStatus"), "Eligible");

            browser.driver().switchTo().window(second);
            browser.reveal("screenAction");
            browser.pick("screen:decision", "Pending documents");
            browser.type(By.id("screen:referredElsewhere"), "typed by the second screener");
            browser.submit("screen:submit");
            browser.waitForText(By.id("pageMessages"), "Someone else saved this record");
            assertEquals("typed by the second screener", browser.find(By.id("screen:referredElsewhere")).getAttribute("value"));
        }
        assertEquals("ELIGIBLE", TestDatabase.text("select c.status from legal_case c where c.client_id = ?", TestDatabase.clientsNamed(null, lastName).get(0)));
    }

    @Test
    void aReferralIsRecordedWithTheKeyboardAloneAndARefusalPutsTheFocusOnTheFirstProblem() {
        String lastName = TestDatabase.unique("Keyboard").replace(' ', '-');
        java.util.List<String> passed = new java.util.ArrayList<>();
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.open("intake/referral.xhtml");
            org.openqa.selenium.WebDriver driver = browser.driver();
            browser.find(By.id("form:firstName"));

            tabTo(driver, "form:lastName", passed);
            press(driver, lastName);
            tabTo(driver, "form:city", passed);
            press(driver, "Chelsea");
            tabTo(driver, "form:save", passed);
            press(driver, org.openqa.selenium.Keys.ENTER);

            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.id("form:firstName")).getAttribute("aria-invalid")));
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> "form:firstName".equals(active(d).getAttribute("id")));
            assertEquals(lastName, browser.find(By.id("form:lastName")).getAttribute("value"), "what was typed is kept");

            press(driver, "Nadia");
            tabTo(driver, "form:save", passed);
            press(driver, org.openqa.selenium.Keys.ENTER);
            browser.waitForText(By.id("pageMessages"), "Referral recorded");
        }
        assertTrue(passed.indexOf("form:lastName") < passed.indexOf("form:city") && passed.indexOf("form:city") < passed.indexOf("form:save"),
                "the page's order: " + passed);
        java.util.List<Long> named = TestDatabase.clientsNamed("Nadia", lastName);
        assertEquals(1, named.size(), "recorded as typed, with the keyboard alone");
        assertEquals(1, TestDatabase.count("select count(*) from client where id = ? and city = 'Chelsea'", named.get(0)));
    }

    /** Presses Tab until the element with this id has the focus (at most 80 times); records what was passed. */
    private static void tabTo(org.openqa.selenium.WebDriver driver, String id, java.util.List<String> passed) {
        for (int i = 0; i < 80; i++) {
            if (id.equals(active(driver).getAttribute("id"))) {
                return;
            }
            press(driver, org.openqa.selenium.Keys.TAB);
            passed.add(active(driver).getAttribute("id"));
        }
        throw new AssertionError("Tab never reached " + id + "; passed " + passed);
    }

    private static void press(org.openqa.selenium.WebDriver driver, CharSequence keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
    }

    private static org.openqa.selenium.WebElement active(org.openqa.selenium.WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    private static void waitForFieldMessage(Browser browser, String field, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.findElements(
                By.xpath("//*[@id='form:" + field + "' or @id='form:" + field + "_input']/ancestor::div[contains(@class,'field')]"
                        + "//*[contains(@class,'ui-message')]")).stream().anyMatch(e -> e.getText().contains(text)));
    }
}
