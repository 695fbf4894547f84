package org.defensefund.tracker.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.cases.CaseRow;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.funding.CaseCost;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.ReportingSchedule;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.cases.ConfidentialityReason;
import org.defensefund.tracker.cases.ConfidentialityService;
import org.defensefund.tracker.cases.Hearing;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.outbox.OutboxDelivery;
import org.defensefund.tracker.outbox.ServerMail;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff's reminders in the server, planned by {@link ReminderPlanner} for the test's own accounts, delivered by the
 * outbox to a real SMTP server (GreenMail, inside the server): the digest only from its morning hour and once a day, an
 * immediate reminder of what is due within 24 hours once per item, the content (hearings, deadlines in 7, 3 or 1 days,
 * offers), the reader's language, each user's choice, and the access rules (a partner's reminders never name another
 * partner's case, nor a client of a confidential case).
 */
@ExtendWith(ArquillianExtension.class)
class ReminderIT {

    @Deployment
    static WebArchive deployment() {
        return ServerMail.deployment();
    }

    @Inject
    private ReminderPlanner planner;

    @Inject
    private ReminderService reminders;

    @Inject
    private OutboxDelivery delivery;

    @Inject
    private RepresentationService representation;

    @Inject
    private ConfidentialityService confidentiality;

    @Inject
    private UserAccountService accounts;

    @Inject
    private InContainer given;

    @Inject
    private Settings settings;

    @Inject
    private FundClock clock;

    @Inject
    private IntakeService intake;

    @Inject
    private CaseQueries caseQueries;

    @Inject
    private CostService costs;

    @Test
    void theDigestGoesOnceADayFromItsHourAndTellsHearingsAndDeadlines() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Digest Legal"));
        UserAccount staff = given.partnerStaff(partner);
        LegalCase hearingTomorrow = withHearing(given.assigned(partner), today().plusDays(1).atTime(10, 0));
        LegalCase hearingInAWeek = withHearing(given.assigned(partner), today().plusDays(7).atTime(14, 30));
        long days = Stream.of(7L, 3L, 1L).filter(d -> isWeekday(today().plusDays(d))).findFirst().orElseThrow();
        LegalCase deadlineSoon = acceptedForANoticeDueIn(partner, days);

        try (FundClock.Setting early = FundClock.fixedAt(today().atTime(settings.digestHour() - 1, 30).atZone(zone()).toInstant())) {
            planner.planFor(staff.getId());
        }
        assertEquals(0, digests(staff), "no digest before its hour");
        try (FundClock.Setting onTime = FundClock.fixedAt(today().atTime(settings.digestHour(), 5).atZone(zone()).toInstant())) {
            planner.planFor(staff.getId());
        }
        assertEquals(1, digests(staff), "the digest from its hour");
        try (FundClock.Setting later = FundClock.fixedAt(today().atTime(settings.digestHour() + 3, 0).atZone(zone()).toInstant())) {
            planner.planFor(staff.getId());
        }
        assertEquals(1, digests(staff), "not twice the same day");

        try (ServerMail mail = ServerMail.start()) {
            // Delivered once its hour has come, whatever the time the test runs at (between midnight and the digest's
            // hour in the fund's zone, today's digest is not due yet by the real clock).
            try (FundClock.Setting due = FundClock.fixedAt(today().atTime(settings.digestHour() + 3, 0).atZone(zone()).toInstant())) {
                delivery.deliverDue();
            }
            List<MimeMessage> received = digestsReceived(mail, staff);
            assertEquals(1, received.size());
            String body = ServerMail.text(received.get(0));
            assertTrue(received.get(0).getSubject().contains("your reminders for"), received.get(0).getSubject());
            assertTrue(body.contains("Hearings tomorrow (1)") && body.contains("Case " + hearingTomorrow.getCaseNumber() + ": Master calendar hearing"), body);
            assertTrue(body.contains("Hearings in 7 days (1)") && body.contains("Case " + hearingInAWeek.getCaseNumber() + ": Master calendar hearing"), body);
            assertTrue(body.contains("Case " + deadlineSoon.getCaseNumber() + ": Notice of appearance (EOIR-28), due ")
                    && body.contains(days == 1 ? "(in 1 day)" : "(in " + days + " days)"), body);
            assertFalse(body.contains(hearingTomorrow.getClient().getLastName()), "no client's name in an e-mail");
        }
    }

    @Test
    void whatIsDueWithin24HoursIsToldAtOnceAndOnce() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Soon Legal"));
        UserAccount staff = given.partnerStaff(partner);
        CaseOffer offer;
        try (FundClock.Setting dayBefore = FundClock.fixedAt(Instant.now(FundClock.current()).minus(Duration.ofHours(30)))) {
            offer = given.offered(partner);
        }
        LegalCase hearingSoon = withHearing(given.assigned(partner), LocalDateTime.now(FundClock.current()).plusHours(5).withSecond(0).withNano(0));
        given.as(staff, () -> reminders.chooseOwn(false, true));

        planner.planFor(staff.getId());
        planner.planFor(staff.getId());
        assertEquals(2, given.count("select count(*) from outbox_message where kind = 'STAFF_SOON' and dedupe_key like 'STAFF_SOON:" + staff.getId() + ":%'"),
                "one for the offer to answer, one for the hearing, once each");
        assertEquals(0, digests(staff), "the digest is off");

        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
            List<MimeMessage> received = mail.to(staff.getEmail());
            assertEquals(2, received.size());
            String offerNumber = offer.getLegalCase().getCaseNumber();
            MimeMessage aboutOffer = received.stream().filter(m -> subject(m).equals("Due within 24 hours: case " + offerNumber)).findFirst().orElseThrow();
            assertTrue(ServerMail.text(aboutOffer).contains("Case " + offerNumber + ": Answer to an offer, due "), ServerMail.text(aboutOffer));
            MimeMessage aboutHearing = received.stream().filter(m -> subject(m).equals("Hearing within 24 hours: case " + hearingSoon.getCaseNumber()))
                    .findFirst().orElseThrow();
            assertTrue(ServerMail.text(aboutHearing).contains("Master calendar hearing"), ServerMail.text(aboutHearing));

            planner.planFor(staff.getId());
            delivery.deliverDue();
            assertEquals(2, mail.to(staff.getEmail()).size(), "told once");
        }
    }

    @Test
    void aSpanishReadersDigestIsInSpanish() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Lenguaje Legal"));
        UserAccount staff = given.partnerStaff(partner);
        given.asSystem(() -> accounts.setLanguage(staff.getId(), "es"));
        LegalCase hearingTomorrow = withHearing(given.assigned(partner), today().plusDays(1).atTime(9, 0));

        try (FundClock.Setting onTime = FundClock.fixedAt(today().atTime(settings.digestHour(), 10).atZone(zone()).toInstant());
             ServerMail mail = ServerMail.start()) {
            planner.planFor(staff.getId());
            delivery.deliverDue();
            List<MimeMessage> received = mail.to(staff.getEmail()).stream().filter(m -> subject(m).contains("sus recordatorios del")).toList();
            assertEquals(1, received.size());
            String body = ServerMail.text(received.get(0));
            assertTrue(body.startsWith("Hola, "), body);
            assertTrue(body.contains("Audiencias mañana (1)") && body.contains("Caso " + hearingTomorrow.getCaseNumber() + ": Audiencia preliminar"), body);
            assertEquals("es", received.get(0).getHeader("Content-Language")[0]);
        }
    }

    @Test
    void aPartnersRemindersNameOnlyItsOwnCasesAndNoConfidentialClient() throws Exception {
        PartnerOrganization mine = given.partner(InContainer.unique("Own Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Other Legal"));
        UserAccount staff = given.partnerStaff(mine);
        UserAccount admin = given.admin();
        LegalCase own = withHearing(given.assigned(mine), today().plusDays(1).atTime(11, 0));
        LegalCase others = withHearing(given.assigned(other), today().plusDays(1).atTime(11, 0));
        LegalCase othersConfidential = confidential(withHearing(given.assigned(other), today().plusDays(1).atTime(11, 30)));
        CaseOffer offeredConfidential = given.offered(mine);
        LegalCase offeredCase = confidential(offeredConfidential.getLegalCase());
        try (FundClock.Setting longAgo = FundClock.fixedAt(Instant.now(FundClock.current()).minus(Duration.ofHours(96)))) {
            given.offered(other);
        }

        try (FundClock.Setting onTime = FundClock.fixedAt(today().atTime(settings.digestHour(), 15).atZone(zone()).toInstant());
             ServerMail mail = ServerMail.start()) {
            planner.planFor(staff.getId());
            planner.planFor(admin.getId());
            delivery.deliverDue();
            StringBuilder everything = new StringBuilder();
            for (MimeMessage message : mail.to(staff.getEmail())) {
                everything.append(subject(message)).append('\n').append(ServerMail.text(message)).append('\n');
            }
            String text = everything.toString();
            assertTrue(text.contains("Case " + own.getCaseNumber()), text);
            assertTrue(text.contains("Offers waiting for your answer") && text.contains("Case " + offeredCase.getCaseNumber() + ": answer by"), text);
            assertFalse(text.contains(others.getCaseNumber()), "another partner's case: " + text);
            assertFalse(text.contains(othersConfidential.getCaseNumber()), "another partner's confidential case: " + text);
            assertFalse(text.contains(offeredCase.getClient().getLastName()), "a confidential client's name: " + text);
            assertFalse(text.contains("Offers not answered in time"), "the fund's queues are the administrators': " + text);

            List<MimeMessage> adminDigest = mail.to(admin.getEmail()).stream().filter(m -> subject(m).contains("your reminders for")).toList();
            assertEquals(1, adminDigest.size());
            String adminText = ServerMail.text(adminDigest.get(0));
            assertTrue(adminText.contains("Offers not answered in time ("), adminText);
            assertFalse(adminText.contains("Hearings tomorrow"), "a partner's hearings are its staff's: " + adminText);
        }
    }

    /**
     * The administrators' digest tells the fund's own work: the detained people without an attorney (the lines the
     * fund's queue shows first, and its count), the reports due to funders within 7 days, and the sub-awards past the
     * alert share. A day ten years ahead keeps the grants of other tests out of the reports and the alerts.
     */
    @Test
    void theAdministratorsDigestTellsDetainedPeopleReportsDueAndSubAwardsPastTheirAlertShare() throws Exception {
        UserAccount admin = given.admin();
        LocalDate day = today().plusYears(10);
        Instant onTime = day.atTime(settings.digestHour(), 20).atZone(zone()).toInstant();
        try (FundClock.Setting future = FundClock.fixedAt(onTime); ServerMail mail = ServerMail.start()) {
            Referral referral = given.referral();
            referral.setDetained(true);
            LegalCase detained = given.asSystem(() -> intake.refer(referral));
            ListQuery queue = ListQuery.firstPage(20).withFilter(CaseQueries.QUEUE, CaseQueue.DETAINED_NO_ATTORNEY.name());
            long waiting = given.as(admin, () -> caseQueries.count(queue));
            List<String> first = given.as(admin, () -> caseQueries.list(queue)).stream().map(CaseRow::getCaseNumber).toList();
            assertTrue(waiting >= 1 && given.as(admin, () -> caseQueries.list(ListQuery.firstPage(1)
                    .withFilter(CaseQueries.QUEUE, CaseQueue.DETAINED_NO_ATTORNEY.name())
                    .withFilter(CaseQueries.SEARCH, detained.getCaseNumber()))).size() == 1, "the detained referral waits in the queue");

            Grant reporting = given.grant("10000.00", terms -> {
                terms.setPeriodEnd(day.plusDays(5));
                terms.setReportingSchedule(ReportingSchedule.END_OF_GRANT);
            });
            Grant spent = given.grant("5000.00", terms -> {
                terms.setPeriodEnd(day.plusDays(100));
                terms.setReportingSchedule(ReportingSchedule.END_OF_GRANT);
            });
            PartnerOrganization partner = given.partner(InContainer.unique("Alert Legal"));
            SubAward subAward = given.subAward(spent, partner, "100.00");
            LegalCase charged = given.charged(subAward, partner);
            UserAccount staff = given.partnerStaff(partner);
            CaseCost cost = given.as(staff, () -> costs.record(charged.getId(), InContainer.expense(CostCategory.INTERPRETER, "95.00")));
            given.as(admin, () -> costs.approve(cost.getId(), cost.getVersion(), null, false, null));

            planner.planFor(admin.getId());
            delivery.deliverDue();
            List<MimeMessage> digests = mail.to(admin.getEmail()).stream().filter(m -> subject(m).contains("your reminders for")).toList();
            assertEquals(1, digests.size());
            String text = ServerMail.text(digests.get(0));
            assertTrue(text.contains("Detained people without an attorney (" + waiting + ")"), text);
            for (String number : first) {
                assertTrue(text.lines().anyMatch(line -> line.equals("- Case " + number)), "the queue's first cases, " + number + ": " + text);
            }
            assertTrue(text.contains("Reports due to funders (1)"), text);
            assertTrue(text.contains("Grant " + reporting.getName() + ": report due ") && text.contains("(in 5 days)"), text);
            assertTrue(text.contains("Sub-awards past the alert share (1)"), text);
            assertTrue(text.contains(subAward.recordName() + " — " + partner.getName() + ": 95% of the sub-award spent"), text);
            assertFalse(text.contains(detained.getClient().getLastName()), "no client's name in an e-mail");
        }
    }

    @Test
    void eachUsersChoiceIsRespected() {
        PartnerOrganization partner = given.partner(InContainer.unique("Choice Legal"));
        UserAccount noDigest = given.partnerStaff(partner);
        UserAccount noImmediate = given.partnerStaff(partner);
        Instant now = Instant.now(FundClock.current());
        Instant planAt = now.isBefore(digestTime(today())) ? digestTime(today()).plusSeconds(60) : now;
        withHearing(given.assigned(partner), LocalDateTime.ofInstant(planAt.plus(Duration.ofHours(3)), zone()).withSecond(0).withNano(0));
        withHearing(given.assigned(partner), today().plusDays(1).atTime(8, 0));
        given.as(noDigest, () -> reminders.chooseOwn(false, true));
        given.as(noImmediate, () -> reminders.chooseOwn(true, false));
        assertEquals(new ReminderChoice(false, true), given.as(noDigest, () -> reminders.ownChoice()));
        assertEquals(ReminderChoice.DEFAULT, given.as(given.partnerStaff(partner), () -> reminders.ownChoice()), "both on until chosen");

        try (FundClock.Setting at = FundClock.fixedAt(planAt)) {
            planner.planFor(noDigest.getId());
            planner.planFor(noImmediate.getId());
        }
        assertEquals(0, digests(noDigest));
        assertTrue(given.count("select count(*) from outbox_message where dedupe_key like 'STAFF_SOON:" + noDigest.getId() + ":%'") >= 1);
        assertEquals(1, digests(noImmediate));
        assertEquals(0, given.count("select count(*) from outbox_message where dedupe_key like 'STAFF_SOON:" + noImmediate.getId() + ":%'"));
        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
        }
    }

    // ---- helpers

    private LocalDate today() {
        return clock.today();
    }

    private ZoneId zone() {
        return clock.zone();
    }

    private Instant digestTime(LocalDate day) {
        return day.atTime(settings.digestHour(), 0).atZone(zone()).toInstant();
    }

    private LegalCase withHearing(LegalCase legalCase, LocalDateTime at) {
        given.asSystem(() -> representation.recordHearing(legalCase.getId(), new Hearing(HearingKind.MASTER_CALENDAR, at)));
        return legalCase;
    }

    private LegalCase confidential(LegalCase legalCase) {
        return given.asSystem(() -> confidentiality.markConfidential(legalCase.getId(), currentVersion(legalCase), ConfidentialityReason.ASYLUM, "test"));
    }

    private long currentVersion(LegalCase legalCase) {
        return given.count("select version from legal_case where id = " + legalCase.getId());
    }

    /** A case the partner accepted so long ago that its notice of appearance is due in {@code days} days. */
    private LegalCase acceptedForANoticeDueIn(PartnerOrganization partner, long days) {
        long period = given.count("select period from deadline_rule_period where rule = 'NOTICE_OF_APPEARANCE'");
        Instant accepted = today().minusDays(period - days).atTime(12, 0).atZone(zone()).toInstant();
        LegalCase legalCase;
        try (FundClock.Setting then = FundClock.fixedAt(accepted)) {
            legalCase = given.assigned(partner);
        }
        LocalDate due = LocalDate.ofEpochDay(given.count("select to_days(due_on) - to_days('1970-01-01') from deadline where rule = 'NOTICE_OF_APPEARANCE'"
                + " and case_id = " + legalCase.getId()));
        assertEquals(today().plusDays(days), due, "the notice is due in " + days + " days");
        return legalCase;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private long digests(UserAccount account) {
        return given.count("select count(*) from outbox_message where kind = 'STAFF_DIGEST' and dedupe_key like 'STAFF_DIGEST:" + account.getId() + ":%'");
    }

    private static List<MimeMessage> digestsReceived(ServerMail mail, UserAccount account) {
        return mail.to(account.getEmail()).stream().filter(m -> subject(m).contains("your reminders for")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
