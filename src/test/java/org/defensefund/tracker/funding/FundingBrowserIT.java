package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.defensefund.tracker.shared.FundClock;
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

/**
 * The money path through the pages: the administrator records a grant and a sub-award (bad amounts told
 * beside the field), sees it on the offer screen as a sub-award the case qualifies for, charges an assigned case; partner staff record attorney hours; the administrator
 * approves and pays them; the budget shows the money and the funder sees their grant's figures.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FundingBrowserIT {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aGrantIsSplitChargedSpentApprovedAndPaid() {
        // An organization of a very long name first in the menu of partners: its list is wider than a name fits, and picking
        // a partner must not scroll the page (which closes the menu).
        TestDatabase.partner(TestDatabase.unique("Aaa" + "p".repeat(180)));
        String partnerName = TestDatabase.unique("Money Path Legal");
        long partnerId = TestDatabase.partner(partnerName);
        String funderName = TestDatabase.unique("Money Path Foundation");
        long funderId = TestDatabase.funder(funderName);
        long caseId = TestDatabase.offeredCase(partnerId);
        TestDatabase.update("update legal_case set status = 'ASSIGNED', attorney_name = 'Ada Attorney', assigned_at = now(6) where id = ?", caseId);
        TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", caseId);
        String grantName = TestDatabase.unique("Detained Defense");
        LocalDate today = LocalDate.now(FundClock.current());

        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            admin.follow(By.linkText("Grants"));
            admin.follow(By.id("newGrant"));
            admin.pick("form:funder", funderName);
            admin.type(By.id("form:name"), grantName);
            admin.type(By.id("form:amount"), "2500.005");
            admin.typeDate("form:awardDate", SHOWN.format(today.minusDays(40)));
            admin.typeDate("form:periodStart", SHOWN.format(today.minusDays(30)));
            admin.typeDate("form:periodEnd", SHOWN.format(today.minusDays(31)));
            admin.submit("form:save");
            admin.waitForText(By.id("form"), "at most two decimals");
            admin.type(By.id("form:amount"), "2500.00");
            admin.submit("form:save");
            admin.waitForText(By.id("form"), "The end comes before the start.");
            admin.typeDate("form:periodEnd", SHOWN.format(today.plusDays(300)));
            admin.submit("form:save");
            admin.waitForText(By.id("pageMessages"), "Grant " + grantName + " recorded.");
            admin.waitForText(By.id("awarded"), "$2,500.00");

            admin.pick("award:partner", partnerName);
            admin.type(By.id("award:amount"), "3000.00");
            admin.typeDate("award:periodStart", SHOWN.format(today.minusDays(30)));
            admin.typeDate("award:periodEnd", SHOWN.format(today.plusDays(300)));
            admin.submit("award:submit");
            admin.waitForText(By.id("award"), "would exceed it by $500.00");
            admin.type(By.id("award:amount"), "2000.00");
            admin.submit("award:submit");
            admin.waitForText(By.id("subAwards"), partnerName);
            admin.waitForText(By.id("allocated"), "$2,000.00");

            admin.open("cases/offer.xhtml?id=" + caseId);
            admin.waitForText(By.id("offer:matches"), grantName + " (" + funderName + ")");

            admin.open("cases/costs.xhtml?id=" + caseId);
            admin.waitForText(By.id("chargedTo"), "Not charged");
            admin.find(By.cssSelector("label[for='charge:subAward:0']")).click();
            admin.submit("charge:submit");
            admin.waitForText(By.id("chargedTo"), "Charged to " + grantName);
        }

        String staff = TestDatabase.user("PARTNER", partnerId, null);
        try (Browser partner = new Browser(base.toString())) {
            partner.signIn(staff, TestDatabase.PASSWORD);
            partner.open("cases/costs.xhtml?id=" + caseId);
            partner.pick("cost:category", "Attorney hours");
            partner.type(By.id("cost:hours"), "2.5");
            partner.typeDate("cost:costDate", SHOWN.format(today.minusDays(1)));
            partner.submit("cost:submit");
            partner.waitForText(By.id("cost"), "Enter the hourly rate.");
            partner.type(By.id("cost:rate"), "150.10");
            partner.submit("cost:submit");
            partner.waitForText(By.id("costs"), "$375.25");
            partner.waitForText(By.id("costs"), "Waiting for approval");
            partner.follow(By.linkText("Budgets"));
            partner.waitForText(By.id("subAwards"), grantName);
        }

        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            String costId = TestDatabase.text("select id from case_cost where case_id = ?", caseId);
            admin.follow(By.linkText("Costs and payments"));
            admin.waitForText(By.id("submitted:table"), TestDatabase.text("select case_number from legal_case where id = ?", caseId));
            // Other tests' costs may wait in the same queues: open this case's cost by its id.
            admin.open("admin/cost.xhtml?id=" + costId);
            admin.submit("approve:submit");
            admin.waitForText(By.id("pageMessages"), "approved");
            admin.waitForText(By.id("scheduled:table"), "$375.25");
            admin.open("admin/cost.xhtml?id=" + costId);
            admin.type(By.id("pay:reference"), "CHK-2001");
            admin.submit("pay:submit");
            admin.waitForText(By.id("pageMessages"), "Payment for case");
        }
        assertEquals(1, TestDatabase.count("select count(*) from disbursement d join case_cost c on c.id = d.cost_id"
                + " where c.case_id = ? and d.status = 'PAID' and d.amount = 375.25 and d.payment_ref = 'CHK-2001'", caseId));

        try (Browser funder = new Browser(base.toString())) {
            funder.signIn(TestDatabase.user("FUNDER", null, funderId), TestDatabase.PASSWORD);
            funder.follow(By.linkText("Budgets"));
            funder.follow(By.linkText(grantName));
            funder.waitForText(By.id("approved"), "$375.25");
            funder.waitForText(By.id("paid"), "$375.25");
            funder.waitForText(By.id("remaining"), "$2,124.75");
            funder.waitForText(By.id("subAwards"), partnerName);
            assertEquals(0, funder.driver().findElements(By.id("award")).size(), "funders award nothing");
            assertEquals(false, funder.driver().getPageSource().contains("Ada Attorney"));
        }
    }
}
