package org.defensefund.tracker.clientreminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ThreadLocalRandom;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseEvent;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.Hearing;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.OnlineReferral;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.ReferrerKind;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.outbox.OutboxDelivery;
import org.defensefund.tracker.outbox.ServerMail;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hearing reminders to clients, through the real services, the outbox and a real SMTP server (GreenMail inside the server under test,
 * {@link ServerMail}): a consent given at intake
 * brings a reminder a week before a hearing and one a day before, each once, in the client's language (Spanish here),
 * with the court's address and nothing of the case (no A-number, case number, case type, partner or lawyer), each on the
 * case's timeline; a withdrawn consent stops them; no consent, a closed case: nothing; a consent from the public form
 * counts the same. The planner runs at fixed moments of the fund's clock, all before the real today, on cases made here
 * (their hearing was yesterday), and the clock is restored after each.
 */
@ExtendWith(ArquillianExtension.class)
class ClientReminderIT {

    @Deployment
    static WebArchive deployment() {
        return ServerMail.deployment();
    }

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private AssignmentService assignment;

    @Inject
    private RepresentationService representation;

    @Inject
    private ClosingService closing;

    @Inject
    private CaseService cases;

    @Inject
    private ClientReminderService reminders;

    @Inject
    private ClientReminderPlanner planner;

    @Inject
    private OutboxDelivery delivery;

    @Inject
    private Settings settings;

    @PersistenceContext
    private EntityManager em;

    private ServerMail mail;

    @BeforeEach
    void listen() {
        mail = ServerMail.start();
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    private static LocalDate today() {
        return LocalDate.now(FundClock.current());
    }

    /** A hearing yesterday at 9:30, so every moment the planner runs at is before the real today. */
    private static LocalDateTime hearingTime() {
        return today().minusDays(1).atTime(9, 30);
    }

    /** The fund's moment {@code days} before the hearing's day, at 10:00. */
    private Instant daysBefore(LocalDateTime hearing, int days) {
        return hearing.toLocalDate().minusDays(days).atTime(10, 0).atZone(settings.zone()).toInstant();
    }

    /** Plans and sends what is due at that moment of the fund's clock, then restores the clock. */
    private void runAt(Instant moment) {
        try (var fixed = FundClock.fixedAt(moment)) {
            planner.planDue();
            delivery.deliverDue();
        }
    }

    private static String address(String who) {
        return who + "-" + InContainer.unique("c").substring(2) + "@example.org";
    }

    private static String aNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    /** A referral of a Spanish-speaking client with an A-number, consenting to reminders at the address (or not, null). */
    private Referral referral(String email, String aNumber) {
        Referral referral = given.referral();
        referral.setANumber(aNumber);
        referral.getClient().setPreferredLanguage(em.find(Language.class, "es"));
        referral.setCaseType(given.ref(ReferenceList.CASE_TYPE, "RMV"));
        referral.setReminderConsent(email != null);
        referral.setReminderEmail(email);
        return referral;
    }

    /** The case screened, offered to and accepted by the partner, with a hearing at the Boston court at {@code when}. */
    private LegalCase assignedWithHearing(LegalCase referred, PartnerOrganization partner, LocalDateTime when) {
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        LegalCase assigned = given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney Quillfeather"));
        Hearing hearing = new Hearing(HearingKind.MASTER_CALENDAR, when);
        hearing.setCourt(given.ref(ReferenceList.COURT, "BOS"));
        given.asSystem(() -> representation.recordHearing(assigned.getId(), hearing));
        return assigned;
    }

    private List<CaseEvent> timeline(Long caseId, CaseEventKind kind) {
        return given.asSystem(() -> cases.timeline(caseId)).stream().filter(e -> e.getKind() == kind).toList();
    }

    private static String body(MimeMessage message) {
        return ServerMail.text(message);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConsentAtIntakeBringsOneReminderAWeekAndOneADayBeforeInTheClientsLanguage() {
        PartnerOrganization partner = given.partner(InContainer.unique("Reminder Legal"));
        String email = address("cliente");
        String aNumber = aNumber();
        LegalCase referred = given.asSystem(() -> intake.refer(referral(email, aNumber)));
        LocalDateTime hearing = hearingTime();
        LegalCase legalCase = assignedWithHearing(referred, partner, hearing);

        List<CaseEvent> consented = timeline(legalCase.getId(), CaseEventKind.REMINDER_CONSENT_GIVEN);
        assertEquals(1, consented.size(), "the consent is on the timeline");
        assertEquals("INTAKE_FORM", consented.get(0).getSummary());
        assertFalse(consented.get(0).getSummary().contains(email), "never the address");
        ReminderConsentView consent = given.asSystem(() -> reminders.consent(legalCase.getId()));
        assertTrue(consent.given());
        assertEquals(email, consent.email());
        assertEquals(ConsentSource.INTAKE_FORM, consent.history().get(0).getSource());

        runAt(daysBefore(hearing, 8));
        assertEquals(List.of(), mail.to(email), "nothing more than a week ahead");

        runAt(daysBefore(hearing, 7));
        List<MimeMessage> first = mail.to(email);
        assertEquals(1, first.size(), "one reminder a week ahead");
        Locale spanish = Locale.forLanguageTag("es");
        ResourceBundle texts = ResourceBundle.getBundle(ReminderText.BUNDLE, spanish);
        String date = hearing.toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(spanish));
        assertEquals(new MessageFormat(texts.getString("hearing.subject"), spanish).format(new Object[] {date}), subject(first.get(0)),
                "the subject in Spanish, with the hearing's date");
        String body = body(first.get(0));
        assertTrue(body.contains("Por favor, lleve"), "the body in Spanish: " + body);
        assertTrue(body.contains("15 New Sudbury St."), "the court's address");
        assertTrue(body.contains("Boston Immigration Court"), "the court's name");
        assertTrue(body.contains(date), "the date");
        assertTrue(body.contains(settings.getFundName()), "the fund");
        assertFalse(body.contains(aNumber) || body.contains(aNumber.substring(0, 3) + " " + aNumber.substring(3, 6)), "no A-number");
        assertFalse(body.contains(legalCase.getCaseNumber()), "no case number");
        assertFalse(body.contains("Removal") || body.contains("RMV"), "no case type (what the client is charged with)");
        assertFalse(body.contains(partner.getName()) || body.contains("Quillfeather"), "no partner, no lawyer");
        assertFalse(body.contains(referred.getClient().getLastName()), "no name either");

        runAt(daysBefore(hearing, 7));
        runAt(daysBefore(hearing, 6));
        assertEquals(1, mail.to(email).size(), "not twice");

        runAt(daysBefore(hearing, 1));
        assertEquals(2, mail.to(email).size(), "the reminder a day ahead");
        runAt(daysBefore(hearing, 1).plusSeconds(3600));
        assertEquals(2, mail.to(email).size(), "once");

        List<String> sent = timeline(legalCase.getId(), CaseEventKind.CLIENT_REMINDER_SENT).stream().map(CaseEvent::getSummary).toList();
        assertEquals(List.of(ClientReminderPlanner.WEEK_AHEAD, ClientReminderPlanner.DAY_AHEAD), sent, "each reminder on the timeline when sent");
    }

    @Test
    void aWithdrawnConsentStopsTheReminders() {
        PartnerOrganization partner = given.partner(InContainer.unique("Reminder Withdraw Legal"));
        UserAccount staff = given.partnerStaff(partner);
        String email = address("retirado");
        LegalCase referred = given.asSystem(() -> intake.refer(referral(email, null)));
        LocalDateTime hearing = hearingTime();
        LegalCase legalCase = assignedWithHearing(referred, partner, hearing);

        runAt(daysBefore(hearing, 7));
        assertEquals(1, mail.to(email).size());

        given.as(staff, () -> reminders.withdraw(legalCase.getId()));
        ReminderConsentView consent = given.as(staff, () -> reminders.consent(legalCase.getId()));
        assertFalse(consent.given());
        assertEquals(2, consent.history().size(), "the history keeps the consent and its withdrawal");
        assertEquals(ConsentSource.CASE_PAGE, consent.history().get(0).getSource());
        assertEquals(staff.getEmail(), consent.history().get(0).getRecordedBy());
        assertEquals(1, timeline(legalCase.getId(), CaseEventKind.REMINDER_CONSENT_WITHDRAWN).size(), "the withdrawal is on the timeline");
        assertThrows(BusinessException.class, () -> given.as(staff, () -> reminders.withdraw(legalCase.getId())), "nothing to withdraw twice");

        runAt(daysBefore(hearing, 1));
        assertEquals(1, mail.to(email).size(), "nothing more after the withdrawal");

        String renewed = address("renovado");
        given.as(staff, () -> reminders.give(legalCase.getId(), renewed));
        assertEquals(renewed, given.as(staff, () -> reminders.consent(legalCase.getId())).email());
        assertEquals(2, timeline(legalCase.getId(), CaseEventKind.REMINDER_CONSENT_GIVEN).size());
        BusinessException invalid = assertThrows(BusinessException.class, () -> given.as(staff, () -> reminders.give(legalCase.getId(), "not an address")));
        assertEquals("reminders.email.invalid", invalid.messageKey());
    }

    @Test
    void noConsentOrAClosedCaseGetsNothing() {
        PartnerOrganization partner = given.partner(InContainer.unique("Reminder None Legal"));
        LocalDateTime hearing = hearingTime();
        LegalCase without = assignedWithHearing(given.asSystem(() -> intake.refer(referral(null, null))), partner, hearing);
        String email = address("cerrado");
        LegalCase closed = assignedWithHearing(given.asSystem(() -> intake.refer(referral(email, null))), partner, hearing);
        LegalCase current = given.asSystem(() -> cases.find(closed.getId()));
        given.asSystem(() -> closing.close(current.getId(), current.getVersion(), given.ref(ReferenceList.OUTCOME, "CLIENT_WITHDREW"), null,
                today().minusDays(3)));

        runAt(daysBefore(hearing, 7));
        runAt(daysBefore(hearing, 1));

        assertEquals(List.of(), mail.to(email), "nothing to the client of a closed case");
        assertFalse(given.asSystem(() -> reminders.consent(without.getId())).given());
        assertEquals(List.of(), timeline(without.getId(), CaseEventKind.CLIENT_REMINDER_SENT), "no consent, no reminder");
        assertEquals(List.of(), timeline(closed.getId(), CaseEventKind.CLIENT_REMINDER_SENT));
        BusinessException ended = assertThrows(BusinessException.class, () -> given.asSystem(() -> reminders.give(closed.getId(), address("tarde"))));
        assertEquals("reminders.caseEnded", ended.messageKey());
    }

    @Test
    void aConsentFromThePublicFormCountsTheSame() {
        PartnerOrganization partner = given.partner(InContainer.unique("Reminder Public Legal"));
        String email = address("publico");
        OnlineReferral online = new OnlineReferral();
        online.getClient().setFirstName("Publica");
        online.getClient().setLastName(InContainer.unique("Forma").replace(' ', '-'));
        online.getClient().setPreferredLanguage(em.find(Language.class, "es"));
        online.getClient().setPhone("617 555 0142");
        online.setReferrerKind(ReferrerKind.SELF);
        online.setContactConsent(true);
        online.setReminderConsent(true);
        online.setReminderEmail(email);
        online.setFormLanguage("es");
        String receipt = intake.referOnline(online);
        Long caseId = em.createQuery("select o.caseId from OnlineSubmission o where o.receiptNumber = :receipt", Long.class)
                .setParameter("receipt", receipt).getSingleResult();

        ReminderConsentView consent = given.asSystem(() -> reminders.consent(caseId));
        assertTrue(consent.given());
        assertEquals(email, consent.email());
        assertEquals(ConsentSource.PUBLIC_FORM, consent.history().get(0).getSource());
        assertEquals("online form", consent.history().get(0).getRecordedBy());
        assertEquals(List.of("PUBLIC_FORM"), timeline(caseId, CaseEventKind.REMINDER_CONSENT_GIVEN).stream().map(CaseEvent::getSummary).toList());

        LocalDateTime hearing = hearingTime();
        assignedWithHearing(given.asSystem(() -> cases.find(caseId)), partner, hearing);
        runAt(daysBefore(hearing, 7));
        assertEquals(1, mail.to(email).size(), "a reminder like any other");
        assertTrue(body(mail.to(email).get(0)).contains("Por favor, lleve"));

        OnlineReferral noAddress = new OnlineReferral();
        noAddress.getClient().setFirstName("Sin");
        noAddress.getClient().setLastName(InContainer.unique("Correo").replace(' ', '-'));
        noAddress.getClient().setPhone("617 555 0143");
        noAddress.setReferrerKind(ReferrerKind.SELF);
        noAddress.setContactConsent(true);
        noAddress.setReminderConsent(true);
        BusinessException refused = assertThrows(BusinessException.class, () -> intake.referOnline(noAddress));
        assertEquals("reminders.email.required", refused.messageKey());
    }
}
