package org.defensefund.tracker.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.WebElement;

/**
 * On a phone (390 × 844 CSS pixels) no page scrolls sideways, for every role and every page it may open, and the
 * menu folds into a button that opens it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PhoneLayoutBrowserIT {

    private static final int PHONE_WIDTH = 390;

    /** What scrolls sideways: the page's width past the window's, and the elements that stick out (at most 5). */
    private static final String OVERFLOW = String.format("""
            const width = document.documentElement.clientWidth;
            if (width !== %d) { return 'the window is ' + width + ' px wide, not %d'; }
            if (document.documentElement.scrollWidth <= width) { return ''; }
            const out = [];
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect();
              if (r.right > width + 1 && r.width > 0 && getComputedStyle(e).position !== 'fixed') {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' (right ' + Math.round(r.right) + ')');
                if (out.length === 5) { break; }
              }
            }
            return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width + ': ' + out.join(', ');
            """, PHONE_WIDTH, PHONE_WIDTH);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        long partner = TestDatabase.partner(TestDatabase.unique("Phone Legal With A Rather Long Organization Name"));
        long funder = TestDatabase.funder(TestDatabase.unique("Phone Fund"));
        long grant = TestDatabase.grantWithSubAward(TestDatabase.unique("Phone Grant"), funder, partner, "1000.00", "500.00");
        long legalCase = TestDatabase.chargedCase(partner, grant, "HN");
        TestDatabase.update("insert into case_cost (case_id, sub_award_id, category, amount, cost_date, status, submitted_by, submitted_at, note, version)"
                + " select ?, sub_award_id, 'TRAVEL', 12.50, ?, 'SUBMITTED', 'phone', now(6),"
                + " 'UnbrokenreceiptnumberthatgoesonandonwithoutanyspaceatallABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1"
                + " from case_charge where case_id = ?", legalCase, TestDatabase.today(), legalCase);
        String subAward = TestDatabase.text("select id from sub_award where grant_id = ?", grant);
        String cost = TestDatabase.text("select max(id) from case_cost where case_id = ?", legalCase);
        String staff = TestDatabase.user("PARTNER", partner, null);
        String staffId = TestDatabase.text("select id from user_account where email = ?", staff);
        // An overdue deadline, so the case page's header and deadlines section (with its forms) and the queue have one to show.
        TestDatabase.update("insert into deadline (case_id, case_number, partner_id, rule, source, triggered_on, due_on, state, version)"
                + " select id, case_number, partner_id, 'NOTICE_OF_APPEARANCE', 'assigned:phone', ?, ?, 'OPEN', 1 from legal_case where id = ?",
                java.sql.Date.valueOf(TestDatabase.today().toLocalDate().minusDays(20)), java.sql.Date.valueOf(TestDatabase.today().toLocalDate().minusDays(6)), legalCase);

        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        pagesByUser.put(null, List.of("login.xhtml", "account/forgot-password.xhtml", "account/set-password.xhtml?token=not-a-real-token"));
        pagesByUser.put(TestDatabase.user("ADMIN", null, null), List.of("index.xhtml", "cases/list.xhtml", "cases/list.xhtml?queue=ALL",
                "cases/detail.xhtml?id=" + legalCase, "cases/detail.xhtml?id=" + legalCase + "&tab=hearings",
                "cases/detail.xhtml?id=" + legalCase + "&tab=timeline", "cases/offer.xhtml?id=" + legalCase, "cases/costs.xhtml?id=" + legalCase,
                "intake/referral.xhtml", "admin/partners/list.xhtml", "admin/partners/edit.xhtml?id=" + partner,
                "admin/funders/list.xhtml", "admin/funders/edit.xhtml?id=" + funder, "admin/grants/list.xhtml",
                "admin/grants/edit.xhtml?id=" + grant, "admin/costs.xhtml", "admin/cost.xhtml?id=" + cost,
                "admin/users/list.xhtml", "admin/users/edit.xhtml?id=" + staffId, "admin/reference/list.xhtml", "admin/audit.xhtml",
                "budget/index.xhtml", "budget/grant.xhtml?id=" + grant, "budget/subaward.xhtml?id=" + subAward,
                "dashboard/index.xhtml", "account/index.xhtml", "cases/deadlines.xhtml", "admin/deadline-rules.xhtml"));
        pagesByUser.put(staff, List.of("index.xhtml", "cases/list.xhtml", "cases/detail.xhtml?id=" + legalCase,
                "cases/costs.xhtml?id=" + legalCase, "budget/index.xhtml", "budget/subaward.xhtml?id=" + subAward, "account/index.xhtml",
                "cases/deadlines.xhtml"));
        pagesByUser.put(TestDatabase.user("FUNDER", null, funder), List.of("index.xhtml", "dashboard/index.xhtml", "budget/index.xhtml",
                "budget/grant.xhtml?id=" + grant));

        List<String> sideways = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> user : pagesByUser.entrySet()) {
            try (Browser phone = new Browser(base.toString(), PHONE_WIDTH, 844)) {
                if (user.getKey() != null) {
                    phone.signIn(user.getKey(), TestDatabase.PASSWORD);
                }
                for (String page : user.getValue()) {
                    phone.open(page);
                    phone.find(By.tagName("h1"));
                    String overflow = (String) ((JavascriptExecutor) phone.driver()).executeScript(OVERFLOW);
                    if (!overflow.isEmpty()) {
                        sideways.add(page + " (" + (user.getKey() == null ? "signed out" : user.getKey()) + "): " + overflow);
                    }
                    checked++;
                }
            }
        }
        assertEquals(pagesByUser.values().stream().mapToInt(List::size).sum(), checked, "every page listed was checked");
        assertTrue(checked >= 40, "the pages of every role, the case page's sections among them: " + checked);
        assertTrue(sideways.isEmpty(), "pages that scroll sideways at " + PHONE_WIDTH + " px:\n" + String.join("\n", sideways));
    }

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
