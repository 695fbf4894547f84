package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Partner staff who change a case id in an address or a form get nothing of another organization's case. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anotherOrganizationsCaseIdInTheAddressGetsTheRefusalPage() {
        long theirs = TestDatabase.partner(TestDatabase.unique("Their Org"));
        long mine = TestDatabase.partner(TestDatabase.unique("My Org"));
        long theirCase = TestDatabase.offeredCase(theirs);
        WebClient me = new WebClient(base.toString());
        me.signIn(TestDatabase.user("PARTNER", mine, null), TestDatabase.PASSWORD);
        for (String path : new String[] {"cases/detail.xhtml?id=" + theirCase, "cases/offer.xhtml?id=" + theirCase,
                "intake/referral.xhtml", "cases/list.xhtml?queue=TO_SCREEN"}) {
            HttpResponse<String> response = me.get(path);
            assertEquals(403, response.statusCode(), path);
            assertTrue(!response.body().contains("Offered-"), "no client name leaks on " + path);
            Pages.assertNoStackTrace(response.body());
        }
    }

    @Test
    void theSearchFormLooksThroughAllCasesNotOnlyTheQueueShown() {
        long partner = TestDatabase.partner(TestDatabase.unique("Search Org"));
        long offered = TestDatabase.offeredCase(partner);
        String number = CaseNumbers.of(1998, offered);
        TestDatabase.update("update legal_case set case_number = ? where id = ?", number, offered);
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String toScreen = admin.get("cases/list.xhtml?queue=TO_SCREEN").body();
        assertTrue(toScreen.contains("method=\"get\"") && toScreen.contains("name=\"queue\" value=\"ALL\""), "the search form asks for all cases");
        String written = "1998-" + offered;
        String found = admin.get("cases/list.xhtml?queue=ALL&q=" + written).body();
        assertTrue(found.contains("detail.xhtml?id=" + offered), "the offered case is found by " + written);
        assertTrue(found.contains("1 found for “" + written + "”"), "the total is shown");
    }

    @Test
    void theFiltersRoundTripThroughTheAddressAndTheHeaderStatesThem() {
        String name = TestDatabase.unique("Filter Org");
        long partner = TestDatabase.partner(name);
        long wanted = TestDatabase.offeredCase(partner);
        long notDetained = TestDatabase.offeredCase(partner);
        String court = TestDatabase.text("select id from reference_item where list_name = 'COURT' and code = 'BOS'");
        java.time.LocalDate hearing = TestDatabase.today().toLocalDate().plusDays(20);
        TestDatabase.update("update legal_case set detained = true, court_id = ?, next_hearing_date = ? where id = ?", court, hearing, wanted);
        TestDatabase.update("update legal_case set court_id = ?, next_hearing_date = ? where id = ?", court, hearing, notDetained);
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);

        String from = hearing.minusDays(1).toString();
        String to = hearing.toString();
        HttpResponse<String> response = admin.get("cases/list.xhtml?queue=ALL&q=&status=OFFERED&priority=&partner=" + partner + "&court=" + court
                + "&custody=DETAINED&from=" + from + "&to=" + to);
        assertEquals(200, response.statusCode());
        String page = response.body();
        assertTrue(page.contains("detail.xhtml?id=" + wanted + "\""), "the detained case is listed");
        assertTrue(!page.contains("detail.xhtml?id=" + notDetained + "\""), "the case not detained is filtered out");
        for (String chosen : new String[] {"value=\"OFFERED\" selected=\"selected\"", "value=\"" + partner + "\" selected=\"selected\"",
                "value=\"" + court + "\" selected=\"selected\"", "value=\"DETAINED\" selected=\"selected\"",
                "name=\"from\" value=\"" + from + "\"", "name=\"to\" value=\"" + to + "\""}) {
            assertTrue(page.contains(chosen), "the form shows what was chosen: " + chosen);
        }
        assertTrue(page.contains("<label for=\"court\">Court</label>") && page.contains("<label for=\"from\">Next hearing from</label>"),
                "every filter has a label");
        String dates = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy").format(hearing.minusDays(1)) + " to "
                + java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy").format(hearing);
        assertTrue(page.contains("1 found with status Offered to a partner; partner " + name + "; court Boston Immigration Court; detained now;"
                + " next hearing from " + dates + ", among all the cases you may see"), "the header states the filters");
        java.util.regex.Matcher clear = java.util.regex.Pattern.compile("<a [^>]*id=\"clearFilters\"[^>]*>").matcher(page);
        assertTrue(clear.find(), "a link clears the filters");
        assertTrue(clear.group().matches(".*href=\"[^\"]*/cases/list\\.xhtml\\?queue=ALL\".*"), "to the whole list: " + clear.group());

        String none = admin.get("cases/list.xhtml?queue=ALL&custody=NOT_DETAINED&partner=" + partner).body();
        assertTrue(none.contains("detail.xhtml?id=" + notDetained + "\"") && !none.contains("detail.xhtml?id=" + wanted + "\""));
    }

    @Test
    void aBadFilterInTheAddressGetsAMessageBesideItsFieldNotAnError() {
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        HttpResponse<String> badDate = admin.get("cases/list.xhtml?queue=ALL&from=2026-13-45&status=LOST&court=boston");
        assertEquals(200, badDate.statusCode());
        Pages.assertNoStackTrace(badDate.body());
        assertTrue(badDate.body().contains("<span id=\"from-problem\" class=\"field-problem\">Not a date"), "beside the date");
        assertTrue(badDate.body().contains("name=\"from\" value=\"2026-13-45\""), "what was typed stays in the field");
        assertTrue(badDate.body().contains("<span id=\"status-problem\" class=\"field-problem\">Not one of the choices"));
        assertTrue(badDate.body().contains("<span id=\"court-problem\" class=\"field-problem\">Not one of the choices"));
        assertTrue(badDate.body().contains("id=\"clearFilters\""), "bad filters can be cleared");

        HttpResponse<String> reversed = admin.get("cases/list.xhtml?queue=ALL&from=2026-12-10&to=2026-12-01");
        assertEquals(200, reversed.statusCode());
        assertTrue(reversed.body().contains("<span id=\"to-problem\" class=\"field-problem\">This date is before"), "beside the end");
    }

    @Test
    void partnerStaffHaveNoPartnerFilterAndAnotherPartnersIdWidensNothing() {
        long mine = TestDatabase.partner(TestDatabase.unique("Own List Org"));
        long theirs = TestDatabase.partner(TestDatabase.unique("Their List Org"));
        long own = TestDatabase.offeredCase(mine);
        long other = TestDatabase.offeredCase(theirs);
        WebClient me = new WebClient(base.toString());
        me.signIn(TestDatabase.user("PARTNER", mine, null), TestDatabase.PASSWORD);
        HttpResponse<String> response = me.get("cases/list.xhtml?queue=ALL&partner=" + theirs);
        assertEquals(200, response.statusCode());
        assertTrue(!response.body().contains("name=\"partner\""), "no partner filter for partner staff");
        assertTrue(response.body().contains("detail.xhtml?id=" + own + "\""), "their own list, the partner in the address ignored");
        assertTrue(!response.body().contains("detail.xhtml?id=" + other + "\""), "never another organization's case");
    }

    @Test
    void aPartnerOverItsCapacityIsFlaggedOnItsHomeAndOnTheOfferScreen() {
        long full = TestDatabase.partner(TestDatabase.unique("Full Org"));
        TestDatabase.update("update partner_organization set case_capacity = 1 where id = ?", full);
        TestDatabase.offeredCase(full);
        TestDatabase.offeredCase(full);
        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", full, null), TestDatabase.PASSWORD);
        String home = staff.get("index.xhtml").body();
        assertTrue(home.contains("Cases assigned or offered to your organization: 2, for a capacity of 1"), "the load on the partner's home");
        assertTrue(home.contains("Over capacity") && home.contains("more open cases than the capacity"), "flagged");

        long eligible = TestDatabase.offeredCase(TestDatabase.partner(TestDatabase.unique("Other Org")));
        TestDatabase.update("update case_offer set status = 'WITHDRAWN' where case_id = ?", eligible);
        TestDatabase.update("update legal_case set status = 'ELIGIBLE', partner_id = null where id = ?", eligible);
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String offer = admin.get("cases/offer.xhtml?id=" + eligible).body();
        String row = offer.substring(offer.indexOf(TestDatabase.text("select name from partner_organization where id = ?", full)));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("2 / 1") && row.contains("Over capacity"), "the full partner's row on the offer screen: " + row);
    }

    @Test
    void aCaseWithLittleRecordedShowsDashesNotBareLabels() {
        long sparse = TestDatabase.offeredCase(TestDatabase.partner(TestDatabase.unique("Sparse Org")));
        TestDatabase.update("update legal_case set court_id = (select min(id) from reference_item where list_name = 'COURT'),"
                + " next_hearing_date = null where id = ?", sparse);
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String page = admin.get("cases/detail.xhtml?id=" + sparse).body();
        java.util.regex.Matcher bare = java.util.regex.Pattern.compile("<dt>([^<]*)</dt>\\s*<dd[^>]*>\\s*</dd>").matcher(page);
        boolean found = bare.find();
        assertTrue(!found, found ? "a label without a value: " + bare.group(1) : "");
        assertTrue(java.util.regex.Pattern.compile("<dd id=\"nextHearing\"[^>]*>(—|&#8212;|&mdash;)</dd>").matcher(page).find(),
                "no hearing date: a dash, not the court alone");
    }

    @Test
    void theCasePageIsAWorkspaceOfSectionsWithOnlyTheStepsOpenNowFoldedUntilAskedFor() {
        long partner = TestDatabase.partner(TestDatabase.unique("Workspace Org"));
        long offered = TestDatabase.offeredCase(partner);
        String page = "cases/detail.xhtml?id=" + offered;
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);

        String overview = admin.get(page).body();
        assertTrue(overview.contains("id=\"caseHeader\"") && overview.contains("aria-current=\"step\""), "the header and the case's path");
        for (String tab : new String[] {"overview", "hearings", "custody", "relief", "timeline", "notes", "conflicts"}) {
            assertTrue(overview.contains("id=\"tab-" + tab + "\""), "a section " + tab);
        }
        // An offered case: the fund may answer for the partner or withdraw; screening, closing, reassigning are not open now.
        assertTrue(overview.contains("id=\"acceptAction\"") && overview.contains("id=\"decline:withdraw\""), "the steps of an offer");
        for (String closed : new String[] {"screenAction", "closeAction", "reassignAction", "noaAction", "offerLink"}) {
            assertFalse(overview.contains("id=\"" + closed + "\""), closed + " is not a step of an offered case");
        }
        assertFalse(overview.contains("open=\"open\""), "every step's form folded until asked for");
        assertFalse(overview.contains("id=\"hearings\""), "the records live in their own sections");

        // Every record list says when it is empty.
        Map<String, String> empty = Map.of("hearings", "No hearing recorded.", "custody", "No custody change recorded.",
                "relief", "No relief application recorded.", "notes", "No note written yet.", "conflicts", "No conflict recorded");
        for (Map.Entry<String, String> section : empty.entrySet()) {
            String body = admin.get(page + "&tab=" + section.getKey()).body();
            assertTrue(body.contains(section.getValue()), section.getKey() + " says it is empty");
            assertTrue(java.util.regex.Pattern.compile("id=\"tab-" + section.getKey() + "\"[^>]*aria-current=\"page\"").matcher(body).find(),
                    "the section shown is marked as the current one");
        }

        // The partner staff: accept or decline, no withdrawal, no conflicts section (asking for it shows the overview).
        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);
        assertFalse(staff.get(page + "&tab=conflicts").body().contains("No conflict recorded"), "conflicts are the fund's");
        String theirs = staff.get(page).body();
        assertTrue(theirs.contains("id=\"acceptAction\""), "the partner answers the offer");
        assertFalse(theirs.contains("decline:withdraw") || theirs.contains("id=\"tab-conflicts\""), "no withdrawal, no conflicts");

        // A refused step comes back open, with why and what was typed.
        HttpResponse<String> refused = staff.post(page, Map.of("accept", "accept", "accept:attorney", " ", "accept:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(theirs)));
        assertEquals(200, refused.statusCode());
        assertTrue(java.util.regex.Pattern.compile("<details id=\"acceptAction\"[^>]*open=\"open\"").matcher(refused.body()).find(),
                "the accept form open after its refusal");
        assertEquals("OFFERED", TestDatabase.text("select status from legal_case where id = ?", offered));
    }

    @Test
    void aFormPostedWithAnotherCasesIdChangesNothing() {
        long theirs = TestDatabase.partner(TestDatabase.unique("Target Org"));
        long mine = TestDatabase.partner(TestDatabase.unique("Attacker Org"));
        long theirCase = TestDatabase.offeredCase(theirs);
        long myCase = TestDatabase.offeredCase(mine);
        WebClient me = new WebClient(base.toString());
        me.signIn(TestDatabase.user("PARTNER", mine, null), TestDatabase.PASSWORD);
        HttpResponse<String> own = me.get("cases/detail.xhtml?id=" + myCase);
        assertEquals(200, own.statusCode());

        HttpResponse<String> forged = me.post("cases/detail.xhtml?id=" + theirCase, Map.of(
                "accept", "accept", "accept:attorney", "Forged Attorney", "accept:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(own.body())));
        assertTrue(forged.statusCode() < 500, "status " + forged.statusCode());
        assertEquals("OFFERED", TestDatabase.text("select status from legal_case where id = ?", theirCase), "their case untouched");
        assertEquals(0, TestDatabase.count("select count(*) from case_offer where case_id = ? and attorney_name = 'Forged Attorney'", theirCase));
    }

    @Test
    void fundersCantOpenCasePages() {
        long partner = TestDatabase.partner(TestDatabase.unique("Funded Org"));
        long someCase = TestDatabase.offeredCase(partner);
        WebClient funder = new WebClient(base.toString());
        funder.signIn(TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Curious Foundation"))), TestDatabase.PASSWORD);
        assertEquals(403, funder.get("cases/detail.xhtml?id=" + someCase).statusCode());
        assertEquals(403, funder.get("cases/list.xhtml").statusCode());
    }
}
