package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.defensefund.tracker.shared.FundClock;
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
 * One case through the whole path in two browsers: the administrator refers, screens and offers; the
 * partner accepts, records a hearing, a release on bond and the outcome; the administrator reads the timeline.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CasePathBrowserIT {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aCaseGoesFromReferralToOutcomeWithTwoUsers() {
        String partnerName = TestDatabase.unique("Walkthrough Legal Services");
        long partnerId = TestDatabase.partner(partnerName);
        String adminEmail = TestDatabase.user("ADMIN", null, null);
        String partnerEmail = TestDatabase.user("PARTNER", partnerId, null);
        String lastName = TestDatabase.unique("Walker").replace(' ', '-');
        String caseUrl;

        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(adminEmail, TestDatabase.PASSWORD);
            admin.follow(By.linkText("New referral"));
            admin.type(By.id("form:firstName"), "Ana");
            admin.type(By.id("form:lastName"), lastName);
            admin.pick("form:source", "Detention visit");
            admin.find(By.cssSelector("[id='form:detained'] .ui-chkbox-box")).click();
            admin.pick("form:facility", "Plymouth County Correctional Facility");
            admin.submit("form:save");
            admin.waitForText(By.id("pageMessages"), "Referral recorded as case");
            admin.waitForText(By.id("caseStatus"), "Referred");

            // Steps are folded until asked for: the screening form opens from its button.
            assertNull(admin.find(By.id("screenAction")).getAttribute("open"), "the screening form starts folded");
            admin.reveal("screenAction");
            // An unscreened case has no eligibility answers yet: nothing is ticked until the screener ticks it.
            for (String criterion : new String[] {"serviceArea", "proceedings", "income"}) {
                assertFalse(admin.driver().findElement(By.id("screen:" + criterion + "_input")).isSelected(), criterion + " ticked before screening");
                admin.find(By.cssSelector("[id='screen:" + criterion + "'] .ui-chkbox-box")).click();
            }
            admin.pick("screen:decision", "Eligible, to assign");
            admin.submit("screen:submit");
            admin.waitForText(By.id("caseStatus"), "Eligible");

            admin.follow(By.id("offerLink"));
            admin.find(By.xpath("//tr[contains(., '" + partnerName + "')]//div[contains(@class,'ui-radiobutton-box')]")).click();
            admin.submit("offer:submit");
            admin.waitForText(By.id("caseStatus"), "Offered to a partner");
            caseUrl = admin.driver().getCurrentUrl();
        }

        String today = LocalDate.now(FundClock.current()).format(DAY);
        try (Browser partner = new Browser(base.toString())) {
            partner.signIn(partnerEmail, TestDatabase.PASSWORD);
            partner.follow(By.partialLinkText("Offers to answer"));
            partner.follow(By.linkText(TestDatabase.text("select case_number from legal_case where client_id = ?",
                    TestDatabase.clientsNamed(null, lastName).get(0))));
            partner.reveal("acceptAction");
            partner.type(By.id("accept:attorney"), "Rosa Counsel");
            partner.submit("accept:submit");
            partner.waitForText(By.id("caseStatus"), "Assigned");

            partner.tab("hearings");
            assertTrue(partner.text(By.id("hearings")).contains("No hearing recorded"), "the empty state of the hearings");
            partner.reveal("hearingAction");
            partner.pick("hearing:kind", "Bond (custody redetermination) hearing");
            partner.typeDate("hearing:scheduledAt", LocalDate.now(FundClock.current()).plusDays(6).format(DAY) + " 09:30 AM");
            partner.pick("hearing:court", "Boston Immigration Court");
            partner.submit("hearing:submit");
            partner.waitForText(By.id("pageMessages"), "The hearing was recorded");
            // Back on the same section, the header shows the new hearing: date, kind and court.
            assertTrue(partner.text(By.id("tab-hearings")).contains("1"), "the hearing counted on its tab");
            assertTrue(partner.text(By.id("nextHearing")).contains("Bond (custody redetermination) hearing"), partner.text(By.id("nextHearing")));
            assertTrue(partner.text(By.id("deadlines")).contains("Hearing in 6 days"), partner.text(By.id("deadlines")));

            partner.tab("custody");
            partner.reveal("custodyAction");

            partner.pick("custody:kind", "Released on bond");
            partner.typeDate("custody:eventDate", today);
            partner.type(By.id("custody:bondAmount"), "3000.00");
            partner.submit("custody:submit");
            partner.waitForText(By.id("custodyNow"), "Not detained");

            partner.tab("overview");
            partner.reveal("closeAction");
            partner.pick("close:outcome", "Relief granted");
            partner.pick("close:custodyResult", "Released on bond");
            partner.typeDate("close:outcomeDate", today);
            partner.submit("close:submit");
            partner.waitForText(By.id("caseStatus"), "Closed");
            Pages.assertNoStackTrace(partner.driver().getPageSource());
        }

        try (Browser admin = new Browser(base.toString())) {
            admin.signIn(adminEmail, TestDatabase.PASSWORD);
            admin.driver().get(caseUrl);
            assertTrue(admin.text(By.id("outcome")).contains("Relief granted"));
            admin.tab("timeline");
            String timeline = admin.text(By.id("timeline"));
            // Newest first.
            String[] steps = {"Closed with an outcome", "Custody changed", "Hearing recorded", "Offer accepted", "Offered to a partner",
                "Screened", "Referral recorded"};
            int at = -1;
            for (String step : steps) {
                int next = timeline.indexOf(step, at + 1);
                assertTrue(next > at, step + " in order in: " + timeline);
                at = next;
            }
            assertTrue(timeline.contains(partnerEmail) && timeline.contains(adminEmail), "who did each step");
        }
        assertEquals("CLOSED", TestDatabase.text("select status from legal_case where client_id = ?", TestDatabase.clientsNamed(null, lastName).get(0)));
    }
}
