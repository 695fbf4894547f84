package org.defensefund.tracker.refer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public referral form in a real browser, used with the keyboard alone (Tab, Space, arrows, Enter: no click
 * anywhere), in Spanish on a desktop and in Arabic on a phone: every control is reached in order, the trap field
 * never, and the referral lands in the intake queue; on a phone the page never scrolls sideways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicReferralBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aReferralIsSentWithTheKeyboardAlone() {
        String lastName = TestDatabase.unique("Teclado").replace(' ', '-');
        List<String> visited = new ArrayList<>();
        String receipt;
        try (Browser browser = new Browser(base.toString())) {
            browser.open("refer/?lang=es");
            WebDriver driver = browser.driver();
            browser.find(By.id("refer:firstName"));
            assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));

            press(driver, Keys.TAB);
            assertEquals("Ir al formulario", active(driver).getText(), "the first Tab reaches the skip link");

            tabTo(driver, "refer:firstName", visited);
            press(driver, "Lucía");
            tabTo(driver, "refer:lastName", visited);
            press(driver, lastName);
            tabTo(driver, "refer:birthDay", visited);
            press(driver, "5");
            tabTo(driver, "refer:birthMonth", visited);
            press(driver, "11");
            tabTo(driver, "refer:birthYear", visited);
            press(driver, "1979");
            tabTo(driver, "refer:interpreter", visited);
            press(driver, Keys.SPACE);
            tabTo(driver, "refer:phone", visited);
            press(driver, "617 555 0123");
            tabTo(driver, "refer:referrerKind:0", visited);
            press(driver, Keys.ARROW_DOWN);
            assertEquals("refer:referrerKind:1", active(driver).getAttribute("id"), "arrows move through the choices");
            assertTrue(active(driver).isSelected(), "and choose");
            tabTo(driver, "refer:referrerName", visited);
            press(driver, "Pedro Gómez");
            tabTo(driver, "refer:referrerContact", visited);
            press(driver, "pedro@example.org");
            tabTo(driver, "refer:consent", visited);
            press(driver, Keys.SPACE);
            assertTrue(active(driver).isSelected(), "Space ticks the consent");
            tabTo(driver, "refer:send", visited);
            press(driver, Keys.ENTER);

            receipt = browser.find(By.id("receipt")).getText();
            assertTrue(receipt.matches("[A-Z2-9]{4}-[A-Z2-9]{4}"), receipt);
            assertTrue(driver.getPageSource().contains("Gracias. Recibimos su referido."));
            assertFalse(driver.getPageSource().contains(lastName), "nothing typed is shown back");
        }
        assertFalse(visited.contains("refer:website"), "the trap field is never in the keyboard's way: " + visited);
        assertTrue(visited.indexOf("refer:firstName") < visited.indexOf("refer:lastName")
                && visited.indexOf("refer:lastName") < visited.indexOf("refer:consent"), "the order of the page: " + visited);
        java.util.List<Long> named = TestDatabase.clientsNamed("Lucía", lastName);
        assertEquals(1, named.size(), "one client of that name");
        assertEquals(1, TestDatabase.count("select count(*) from client c join legal_case lc on lc.client_id = c.id"
                + " join reference_item s on s.id = lc.referral_source_id join online_referral o on o.case_id = lc.id"
                + " where c.id = ? and c.interpreter_needed and lc.status = 'REFERRED'"
                + " and s.code = 'ONLINE_FORM' and o.receipt_number = ? and o.referrer_kind = 'FAMILY_OR_FRIEND'"
                + " and lc.referrer_name like 'v2:%' and o.form_language = 'es' and c.phone like 'v2:%'", named.get(0), receipt),
                "recorded in the intake queue as typed, the phone and the referrer sealed under the client's key");
        assertEquals("Pedro Gómez", TestDatabase.clientText(named.get(0), "LegalCase.referrerName",
                TestDatabase.text("select referrer_name from legal_case where client_id = ?", named.get(0))));

        // The fund's staff see what the form collected on the case, the referrer's contact decrypted.
        String caseId = TestDatabase.text("select case_id from online_referral where receipt_number = ?", receipt);
        org.defensefund.tracker.testsupport.client.WebClient admin = new org.defensefund.tracker.testsupport.client.WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String page = admin.get("cases/detail.xhtml?id=" + caseId).body();
        java.util.regex.Matcher section = java.util.regex.Pattern.compile("<section id=\"onlineReferral\".*?</section>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertTrue(section.find(), "the public form's section on the case page");
        String shown = section.group();
        for (String expected : new String[] {"Referred through the public form", receipt, "(Spanish)", "A family member or friend",
                "pedro@example.org", "Given when the form was sent"}) {
            assertTrue(shown.contains(expected), expected + " in " + shown);
        }
    }

    @Test
    void onAPhoneInArabicTheFormReadsRightToLeftNeverScrollsSidewaysAndExplainsWhatIsMissing() {
        try (Browser browser = new Browser(base.toString(), 390, 844)) {
            browser.open("refer/?lang=ar");
            WebDriver driver = browser.driver();
            browser.find(By.id("refer:firstName"));
            WebElement html = driver.findElement(By.tagName("html"));
            assertEquals("ar", html.getAttribute("lang"));
            assertEquals("rtl", html.getAttribute("dir"));
            assertNoSidewaysScroll(driver);

            tabTo(driver, "refer:send", new ArrayList<>());
            press(driver, Keys.ENTER);
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("problems")).isEmpty());
            assertEquals("يرجى ملء هذا الحقل.", driver.findElement(By.id("firstName-problem")).getText(), "beside the field, in Arabic");
            assertEquals("يرجى ملء هذا الحقل.", driver.findElement(By.id("lastName-problem")).getText());
            assertEquals("true", driver.findElement(By.id("refer:firstName")).getAttribute("aria-invalid"));
            assertTrue(driver.findElement(By.id("refer:firstName")).getAttribute("aria-describedby").contains("firstName-problem"),
                    "a screen reader reads the problem with the field");
            assertEquals("rtl", driver.findElement(By.tagName("html")).getAttribute("dir"), "the answer keeps the language");
            assertNoSidewaysScroll(driver);
        }
    }

    /** Presses Tab until the element with this id has the focus (at most 60 times); records what was passed. */
    private static void tabTo(WebDriver driver, String id, List<String> visited) {
        for (int i = 0; i < 60; i++) {
            if (id.equals(active(driver).getAttribute("id"))) {
                return;
            }
            press(driver, Keys.TAB);
            visited.add(active(driver).getAttribute("id"));
        }
        throw new AssertionError("Tab never reached " + id + "; passed " + visited);
    }

    private static void press(WebDriver driver, CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private static WebElement active(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    private static void assertNoSidewaysScroll(WebDriver driver) {
        Object wider = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) wider).intValue() <= 0, "the page scrolls sideways by " + wider + " px");
    }
}
