package org.defensefund.tracker.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WebElement;

/**
 * On a phone (390 × 844 CSS pixels) a case reads as a compact row, long words wrap inside their cell, and the menu folds
 * into a button that opens it. That no page scrolls sideways on a phone is checked with the pages' accessibility, every
 * page of every role in two languages, by {@link org.defensefund.tracker.shared.AccessibilityBrowserIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneLayoutBrowserIT {

    private static final int PHONE_WIDTH = 390;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aCaseReadsAsACompactRowOnAPhoneAndLongWordsWrapInsideTheirCell() {
        long partner = TestDatabase.partner(TestDatabase.unique("Compact Legal"));
        long compact = TestDatabase.offeredCase(partner);
        TestDatabase.update("update legal_case set detained = true, next_hearing_date = ?, facility_id ="
                + " (select id from reference_item where list_name = 'DETENTION_FACILITY' and code = 'WYATT') where id = ?",
                TestDatabase.today().toLocalDate().plusDays(9), compact);
        long longPartner = TestDatabase.partner(TestDatabase.unique("Long Legal"));
        long longNames = TestDatabase.offeredCase(longPartner);
        TestDatabase.update("update partner_organization set name = ? where id = ?", "p".repeat(190) + longPartner, longPartner);
        TestDatabase.update("update client set last_name = ?, first_name = ? where id = (select client_id from legal_case where id = ?)",
                "L".repeat(100), "f".repeat(100), longNames);
        long funder = TestDatabase.funder(TestDatabase.unique("Compact Fund"));
        long grant = TestDatabase.grantWithSubAward(TestDatabase.unique("Compact Grant"), funder, partner, "1000.00", "500.00");
        long charged = TestDatabase.chargedCase(partner, grant, "HN");
        TestDatabase.update("insert into case_cost (case_id, sub_award_id, category, amount, cost_date, status, submitted_by, submitted_at, note, version)"
                + " select ?, sub_award_id, 'TRAVEL', 12.50, ?, 'SUBMITTED', 'phone', now(6), ?, 1 from case_charge where case_id = ?",
                charged, TestDatabase.today(), "x".repeat(300), charged);

        try (Browser phone = new Browser(base.toString(), PHONE_WIDTH, 844)) {
            phone.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            phone.open("cases/list.xhtml?queue=ALL&partner=" + partner);
            WebElement row = rowOf(phone, "a[href$='detail.xhtml?id=" + compact + "']");
            int height = row.getRect().getHeight();
            assertTrue(height <= 120, "a case row at " + PHONE_WIDTH + " px is " + height + " px tall: " + cells(row));
            assertTrue(row.getText().contains("Next hearing"), "the next hearing is labelled: " + row.getText());

            phone.open("cases/list.xhtml?queue=ALL&partner=" + longPartner);
            WebElement tall = rowOf(phone, "a[href$='detail.xhtml?id=" + longNames + "']");
            assertTrue(tall.getRect().getHeight() <= 400, "a row with a 100-letter name and a 200-letter partner: "
                    + tall.getRect().getHeight() + " px");
            assertTrue(tall.getRect().getWidth() <= PHONE_WIDTH, "and no wider than the phone: " + tall.getRect().getWidth() + " px");

            phone.open("cases/costs.xhtml?id=" + charged);
            WebElement note = phone.find(By.xpath("//td[contains(., '" + "x".repeat(300) + "')]/ancestor::tr[1]"));
            assertTrue(note.getRect().getHeight() <= 400, "a cost row with a 300-letter word: " + note.getRect().getHeight() + " px");
            assertTrue(note.getRect().getWidth() <= PHONE_WIDTH, "and no wider than the phone: " + note.getRect().getWidth() + " px");
        }
    }

    /** Each cell of a row with its class and place ("col-number 16,200 80×22"), to show how a row is laid out. */
    private static String cells(WebElement row) {
        return String.join("; ", row.findElements(By.tagName("td")).stream()
                .map(td -> td.getAttribute("class") + " " + td.getRect().getX() + "," + td.getRect().getY() + " "
                        + td.getRect().getWidth() + "×" + td.getRect().getHeight() + " [" + td.getText() + "]")
                .toList());
    }

    /** The table row holding the element the selector finds. */
    private static WebElement rowOf(Browser browser, String cssSelector) {
        return browser.find(By.cssSelector(cssSelector)).findElement(By.xpath("./ancestor::tr[1]"));
    }

    @Test
    void theMenuFoldsIntoAButtonOnAPhone() {
        try (Browser phone = new Browser(base.toString(), PHONE_WIDTH, 844)) {
            phone.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            WebElement button = phone.find(By.id("menuToggle"));
            WebElement menu = phone.driver().findElement(By.id("appNav"));
            assertFalse(menu.isDisplayed(), "the menu is folded");
            assertEquals("false", button.getAttribute("aria-expanded"));
            button.click();
            assertTrue(menu.isDisplayed(), "the button opens the menu");
            assertEquals("true", button.getAttribute("aria-expanded"));
            phone.follow(By.linkText("Partner organizations"));
            phone.find(By.id("partners:table"));
        }
        try (Browser desktop = new Browser(base.toString())) {
            desktop.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            assertTrue(desktop.find(By.id("appNav")).isDisplayed(), "on a wide screen the menu is always open");
            assertFalse(desktop.driver().findElement(By.id("menuToggle")).isDisplayed());
        }
    }
}
