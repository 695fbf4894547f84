package org.defensefund.tracker.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
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

/**
 * Calendar feeds end to end: a feed made, replaced and turned off through "My account", fetched over HTTP like a
 * calendar app (no session) and read with ical4j. A partner's feed holds its cases' hearings and open deadlines by case
 * number, kind and court, never a client's name or A-number, and nothing of another partner's cases nor of a
 * confidential case only offered to it; an administrator's is fund-wide; replaced, turned-off and disabled users'
 * addresses answer 404, and what a feed shows follows its owner's rights at every read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarFeedIT {

    private static final Pattern ADDRESS = Pattern.compile("<code id=\"calendarFeedAddress\">[^<]*/calendar/([A-Za-z0-9_-]{43})\\.ics</code>");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final ZoneId FUND_ZONE = ZoneId.of("America/New_York");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient calendarApp = HttpClient.newHttpClient();

    @Test
    void aPartnersFeedHoldsItsHearingsAndDeadlinesByNumberKindAndCourtNeverAClient() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Calendar Legal A"));
        long other = TestDatabase.partner(TestDatabase.unique("Calendar Legal B"));
        String courtName = TestDatabase.unique("Calendar Court");
        long court = TestDatabase.referenceItem("COURT", courtName);
        String hearingCourtName = TestDatabase.unique("Hearing Court");
        long hearingCourt = TestDatabase.referenceItem("COURT", hearingCourtName);
        LocalDate today = TestDatabase.today().toLocalDate();

        long own = assignedCase(partner, court);
        String aNumber = "8" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        TestDatabase.update("update client set a_number = ?, a_number_hash = ? where id = (select client_id from legal_case where id = ?)",
                TestDatabase.encrypted(aNumber), TestDatabase.aNumberHash(aNumber), own);
        String lastName = TestDatabase.lastNameOfCase(own);
        LocalDateTime master = today.plusDays(10).atTime(9, 30);
        long masterHearing = hearing(own, "MASTER_CALENDAR", hearingCourt, master);
        long meritsHearing = hearing(own, "INDIVIDUAL_MERITS", null, today.plusDays(40).atTime(13, 0));
        long tooFar = hearing(own, "BOND", null, today.plusDays(400).atTime(9, 0));
        long due = deadline(own, partner, "BIA_APPEAL", today.plusDays(5), "OPEN");
        long overdue = deadline(own, partner, "NOTICE_OF_APPEARANCE", today.minusDays(3), "OPEN");
        long met = deadline(own, partner, "PETITION_FOR_REVIEW", today.plusDays(6), "MET");

        long othersCase = assignedCase(other, court);
        long othersHearing = hearing(othersCase, "MASTER_CALENDAR", court, today.plusDays(10).atTime(10, 0));
        long confidentialOffer = TestDatabase.offeredCase(partner);
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'ASYLUM', confidential_marked_by = 'test',"
                + " confidential_marked_at = now(6) where id = ?", confidentialOffer);
        long confidentialHearing = hearing(confidentialOffer, "MASTER_CALENDAR", court, today.plusDays(12).atTime(9, 0));
        long confidentialDeadline = deadline(confidentialOffer, partner, "NOTICE_OF_APPEARANCE", today.plusDays(2), "OPEN");

        WebClient staff = signedIn(TestDatabase.user("PARTNER", partner, null));
        String token = feedThroughMyAccount(staff, "create");

        HttpResponse<String> answer = fetch(token);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"), answer.headers().toString());
        String cache = answer.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cache.contains("private") && cache.contains("no-store"), cache);
        assertTrue(answer.headers().allValues("Set-Cookie").isEmpty(), "no session for a calendar app");
        String raw = answer.body();
        for (String secret : List.of(lastName, "Offered", aNumber, aNumber.substring(0, 3) + " " + aNumber.substring(3, 6))) {
            assertFalse(raw.contains(secret), "the client's name or A-number in the feed: " + secret);
        }

        Map<String, VEvent> events = events(raw);
        String number = caseNumber(own);
        VEvent masterEvent = event(events, "hearing-" + masterHearing + "@");
        assertEquals("Master calendar hearing, case " + number, text(masterEvent, Property.SUMMARY));
        assertEquals(UTC.format(master.atZone(FUND_ZONE).withZoneSameInstant(ZoneOffset.UTC)), text(masterEvent, Property.DTSTART));
        assertEquals(hearingCourtName, text(masterEvent, Property.LOCATION), "the hearing's own court");
        String description = text(masterEvent, Property.DESCRIPTION);
        assertTrue(description.contains("Case " + number) && description.contains("Court: " + hearingCourtName), description);
        assertTrue(text(masterEvent, Property.URL).endsWith("cases/detail.xhtml?id=" + own), "the case page");
        VEvent meritsEvent = event(events, "hearing-" + meritsHearing + "@");
        assertEquals("Individual merits hearing, case " + number, text(meritsEvent, Property.SUMMARY));
        assertEquals(courtName, text(meritsEvent, Property.LOCATION), "no court of its own: the case's");

        VEvent dueEvent = event(events, "deadline-" + due + "@");
        assertEquals("Due: BIA appeal (EOIR-26), case " + number, text(dueEvent, Property.SUMMARY));
        assertEquals(DAY.format(today.plusDays(5)), text(dueEvent, Property.DTSTART));
        assertEquals(courtName, text(dueEvent, Property.LOCATION));
        VEvent overdueEvent = event(events, "deadline-" + overdue + "@");
        assertEquals("OVERDUE: Notice of appearance (EOIR-28), case " + number, text(overdueEvent, Property.SUMMARY));
        assertTrue(text(overdueEvent, Property.DESCRIPTION).contains("Overdue"), "said in the description too");

        Set<String> uids = events.keySet();
        for (String absent : List.of("hearing-" + tooFar, "deadline-" + met, "hearing-" + othersHearing, "hearing-" + confidentialHearing,
                "deadline-" + confidentialDeadline)) {
            assertTrue(uids.stream().noneMatch(uid -> uid.startsWith(absent + "@")), absent + " must not be in the feed: " + uids);
        }
        assertFalse(raw.contains(caseNumber(othersCase)), "another partner's case");
        assertFalse(raw.contains(caseNumber(confidentialOffer)), "a confidential case only offered to the partner");

        assertEquals(uids, events(fetch(token).body()).keySet(), "the same UIDs at every read: calendar apps update, never duplicate");
        String account = staff.get("account/index.xhtml").body();
        assertFalse(account.contains("calendarFeedAddress"), "the address is shown once");
        assertTrue(account.contains("Last read by a calendar app") && !account.contains("Last read by a calendar app: not yet."), "the read is seen");
    }

    @Test
    void anAdministratorsFeedIsFundWide() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Calendar Fund A"));
        long other = TestDatabase.partner(TestDatabase.unique("Calendar Fund B"));
        LocalDate today = TestDatabase.today().toLocalDate();
        long own = assignedCase(partner, null);
        long othersCase = assignedCase(other, null);
        long confidentialOffer = TestDatabase.offeredCase(partner);
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'ASYLUM', confidential_marked_by = 'test',"
                + " confidential_marked_at = now(6) where id = ?", confidentialOffer);
        long first = hearing(own, "MASTER_CALENDAR", null, today.plusDays(3).atTime(9, 0));
        long second = hearing(othersCase, "BOND", null, today.plusDays(4).atTime(9, 0));
        long third = hearing(confidentialOffer, "MASTER_CALENDAR", null, today.plusDays(5).atTime(9, 0));
        long deadline = deadline(othersCase, other, "BIA_APPEAL", today.plusDays(7), "OPEN");

        WebClient admin = signedIn(TestDatabase.user("ADMIN", null, null));
        String raw = fetch(feedThroughMyAccount(admin, "create")).body();
        Map<String, VEvent> events = events(raw);
        for (String uid : List.of("hearing-" + first, "hearing-" + second, "hearing-" + third, "deadline-" + deadline)) {
            assertTrue(events.keySet().stream().anyMatch(found -> found.startsWith(uid + "@")), uid + " in the fund's feed");
        }
        assertEquals("Court: not recorded", text(event(events, "hearing-" + first + "@"), Property.DESCRIPTION).lines().toList().get(2));
    }

    @Test
    void aReplacedOrTurnedOffAddressStopsWorkingAndNoTokenIsStored() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Calendar Replace"));
        String email = TestDatabase.user("PARTNER", partner, null);
        WebClient staff = signedIn(email);
        assertTrue(staff.get("account/index.xhtml").body().contains("You have no calendar feed."));
        String first = feedThroughMyAccount(staff, "create");
        assertEquals(200, fetch(first).statusCode());
        String second = feedThroughMyAccount(staff, "replace");
        assertFalse(first.equals(second));
        assertEquals(404, fetch(first).statusCode(), "the replaced address");
        assertEquals(200, fetch(second).statusCode());

        long owner = TestDatabase.count("select id from user_account where email = ?", email);
        assertEquals(2, TestDatabase.count("select count(*) from calendar_feed where user_id = ?", owner));
        assertEquals(1, TestDatabase.count("select count(*) from calendar_feed where user_id = ? and revoked_at is null", owner));
        assertEquals(0, TestDatabase.count("select count(*) from calendar_feed where token_hash in (?, ?)", first, second), "never the token");
        assertEquals(1, TestDatabase.count("select count(*) from calendar_feed where token_hash = sha2(?, 256) and revoked_at is null", second));
        String audited = TestDatabase.text("select group_concat(concat(action, ' ', coalesce(new_values, '')) separator ' | ') from audit_entry"
                + " where record_type = 'CalendarFeed' and record_id in (select id from calendar_feed where user_id = ?)", owner);
        assertTrue(audited.contains("CREATE") && audited.contains("UPDATE") && audited.contains("revokedAt"), "made and revoked, audited: " + audited);
        assertFalse(audited.contains(TestDatabase.text("select sha2(?, 256)", second)), "the token's hash is not copied into the trail");

        HttpResponse<String> page = staff.post("account/index.xhtml", Map.of("calendarFeed", "calendarFeed", "calendarFeed:turnOff", "",
                "jakarta.faces.ViewState", WebClient.viewState(staff.get("account/index.xhtml").body())));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("The calendar feed is off: its address no longer works.") && page.body().contains("You have no calendar feed."));
        HttpResponse<String> gone = fetch(second);
        assertEquals(404, gone.statusCode(), "the turned-off address");
        assertEquals("No calendar feed has this address.", gone.body(), "the same answer whatever the reason");
        assertEquals(404, fetch(FeedTokens.newToken()).statusCode(), "a made-up address");
        assertEquals(404, calendarApp.send(HttpRequest.newBuilder(URI.create(base + "calendar/" + second)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "without .ics");
    }

    @Test
    void eachReadFollowsTheOwnersRightsNow() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Calendar Rights A"));
        long other = TestDatabase.partner(TestDatabase.unique("Calendar Rights B"));
        LocalDate today = TestDatabase.today().toLocalDate();
        long offered = TestDatabase.offeredCase(partner);
        long offeredHearing = hearing(offered, "MASTER_CALENDAR", null, today.plusDays(8).atTime(9, 0));
        long othersCase = assignedCase(other, null);
        long othersHearing = hearing(othersCase, "MASTER_CALENDAR", null, today.plusDays(9).atTime(9, 0));
        String email = TestDatabase.user("PARTNER", partner, null);
        String token = feedThroughMyAccount(signedIn(email), "create");
        assertTrue(uidsOf(token).contains("hearing-" + offeredHearing), "a case offered to the partner");

        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'VAWA', confidential_marked_by = 'test',"
                + " confidential_marked_at = now(6) where id = ?", offered);
        assertFalse(uidsOf(token).contains("hearing-" + offeredHearing), "made confidential while only offered: gone at the next read");

        TestDatabase.update("update user_account set partner_id = ? where email = ?", other, email);
        Set<String> moved = uidsOf(token);
        assertTrue(moved.contains("hearing-" + othersHearing) && !moved.contains("hearing-" + offeredHearing), "moved to another organization: " + moved);

        TestDatabase.update("update user_account set active = false where email = ?", email);
        HttpResponse<String> disabled = fetch(token);
        assertEquals(404, disabled.statusCode(), "a disabled user's address");
        assertEquals("No calendar feed has this address.", disabled.body());

        TestDatabase.update("update user_account set active = true, role = 'FUNDER', partner_id = null, funder_id = ? where email = ?",
                TestDatabase.funder(TestDatabase.unique("Calendar Funder")), email);
        assertEquals(404, fetch(token).statusCode(), "no longer staff: funders have no feed");
    }

    // ---- helpers

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        return client;
    }

    /** Presses the section's button ({@code create} or {@code replace}) on "My account" and reads the address shown once. */
    private static String feedThroughMyAccount(WebClient client, String button) {
        String page = client.get("account/index.xhtml").body();
        assertTrue(page.contains("id=\"calendarFeed:" + button + "\""), "the " + button + " button");
        HttpResponse<String> answer = client.post("account/index.xhtml", Map.of("calendarFeed", "calendarFeed", "calendarFeed:" + button, "",
                "jakarta.faces.ViewState", WebClient.viewState(page)));
        assertEquals(200, answer.statusCode());
        Pages.assertNoStackTrace(answer.body());
        assertTrue(answer.body().contains("Copy this address now") && answer.body().contains("How to subscribe"), "shown with how to subscribe");
        Matcher address = ADDRESS.matcher(answer.body());
        assertTrue(address.find(), "the new address on the page");
        return address.group(1);
    }

    private HttpResponse<String> fetch(String token) throws IOException, InterruptedException {
        return calendarApp.send(HttpRequest.newBuilder(URI.create(base + "calendar/" + token + ".ics")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The UIDs of a feed, without their host. */
    private Set<String> uidsOf(String token) throws Exception {
        HttpResponse<String> answer = fetch(token);
        assertEquals(200, answer.statusCode());
        return events(answer.body()).keySet().stream().map(uid -> uid.substring(0, uid.indexOf('@'))).collect(Collectors.toSet());
    }

    /** The feed's events by UID, after ical4j read it and found it valid. */
    private static Map<String, VEvent> events(String raw) throws IOException, ParserException {
        Calendar calendar = new CalendarBuilder().build(new StringReader(raw));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        Map<String, VEvent> events = new TreeMap<>();
        for (VEvent event : calendar.<VEvent>getComponents(VEvent.VEVENT)) {
            events.put(text(event, Property.UID), event);
        }
        return events;
    }

    private static VEvent event(Map<String, VEvent> events, String uidStart) {
        return events.entrySet().stream().filter(e -> e.getKey().startsWith(uidStart)).map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + uidStart + " in " + events.keySet()));
    }

    private static String text(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String caseNumber(long caseId) {
        return TestDatabase.text("select case_number from legal_case where id = ?", caseId);
    }

    /** A case of the partner, accepted, its court the given one (or none). */
    private static long assignedCase(long partner, Long court) {
        long legalCase = TestDatabase.offeredCase(partner);
        TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", legalCase);
        TestDatabase.update("update legal_case set status = 'ASSIGNED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6),"
                + " court_id = ? where id = ?", court, legalCase);
        return legalCase;
    }

    private static long hearing(long caseId, String kind, Long court, LocalDateTime at) {
        TestDatabase.update("insert into hearing (case_id, kind, court_id, scheduled_at, recorded_by, created_at, version)"
                + " values (?, ?, ?, ?, 'test', now(6), 1)", caseId, kind, court, java.sql.Timestamp.valueOf(at));
        return TestDatabase.count("select max(id) from hearing where case_id = ?", caseId);
    }

    private static long deadline(long caseId, long partner, String rule, LocalDate due, String state) {
        TestDatabase.update("insert into deadline (case_id, case_number, partner_id, rule, source, triggered_on, due_on, state, closed_by, closed_at,"
                + " version) values (?, ?, ?, ?, ?, ?, ?, ?, if(? = 'OPEN', null, 'test'), if(? = 'OPEN', null, now(6)), 1)", caseId, caseNumber(caseId),
                partner, rule, "test:" + rule, java.sql.Date.valueOf(due.minusDays(30)), java.sql.Date.valueOf(due), state, state, state);
        return TestDatabase.count("select max(id) from deadline where case_id = ?", caseId);
    }
}
