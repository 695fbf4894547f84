package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.access.PublicChannel;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.operations.FundMeters;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.FundClock;

/**
 * Intake and screening, the fund's first two steps of a case: recording a referral (a new case in REFERRED,
 * for a new client or one linked to an existing client) and screening it (ELIGIBLE, PENDING_DOCUMENTS or
 * INELIGIBLE). Only administrators take them. The rules of each step are the case's own ({@link Referral#check},
 * {@link LegalCase#screen}); this service checks who may, resolves the reference lists, saves, and writes the
 * timeline entries the case returns. A case whose type calls for it (asylum-only, credible or reasonable fear,
 * withholding-only), or whose referral names a reason, is confidential from intake. Referrals also come from the
 * public form ({@link #referOnline}), the one step here open to anyone.
 */
@ApplicationScoped
@Transactional
public class IntakeService {

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CaseAccess access;

    @Inject
    private CaseRepository repository;

    @Inject
    private Timeline timeline;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private ClientService clients;

    @Inject
    private FundMeters meters;

    @Inject
    private PublicChannel publicChannel;

    @Inject
    private Event<ReminderConsentAtIntake> reminderConsents;

    /** The code of the referral source of the public form (migration V19). */
    static final String ONLINE_FORM = "ONLINE_FORM";

    /**
     * Records a referral: a new client (unless an existing one is linked) and a case in REFERRED. The
     * A-number is normalised; a known one is refused so the user links that client instead.
     */
    public LegalCase refer(Referral referral) {
        currentUser.requireAdmin("record referrals");
        LocalDate today = clock.today();
        referral.check(today);
        Client client = referral.getExistingClientId() != null
                ? clients.find(referral.getExistingClientId())
                : clients.create(referral.getClient(), ANumber.parse(referral.getANumber()));
        return open(referral, client, today);
    }

    /**
     * Records a referral sent through the public form, by anyone, signed in or not ({@link PublicChannel}): a new
     * client and a case in REFERRED with the source "Online form", in the same intake queue as every referral,
     * where the screener checks eligibility and duplicates. The referral's own rules apply, and the form's
     * ({@link OnlineReferral#check}). The case and its timeline name the online form as the actor. Returns only
     * the receipt number the visitor is shown; nothing about the case or anyone else goes back.
     */
    public String referOnline(OnlineReferral submitted) {
        return publicChannel.submit(() -> {
            LocalDate today = clock.today();
            submitted.check();
            ReferenceItem onlineForm = referenceData.byCode(ReferenceList.REFERRAL_SOURCE, ONLINE_FORM)
                    .orElseThrow(() -> new IllegalStateException("the referral source " + ONLINE_FORM + " is missing (migration V19)"));
            Referral referral = submitted.asReferral(today, onlineForm);
            referral.check(today);
            LegalCase legalCase = open(referral, clients.createFromPublicForm(referral.getClient()), today);
            String receipt = freeReceipt();
            em.persist(new OnlineSubmission(legalCase, receipt, submitted, clock.now()));
            em.flush();
            return receipt;
        });
    }

    /** The case of a new referral, its custody, and the timeline entries of its start. */
    private LegalCase open(Referral referral, Client client, LocalDate today) {
        LegalCase legalCase = new LegalCase(repository.nextCaseNumber(), client, referral.getReferralDate());
        legalCase.describeReferral(referenceData.requireIn(ReferenceList.REFERRAL_SOURCE, referral.getSource(), "source"),
                blankToNull(referral.getReferrerName()), blankToNull(referral.getReferrerContact()),
                referenceData.requireIn(ReferenceList.CASE_TYPE, referral.getCaseType(), "caseType"), blankToNull(referral.getNotes()));
        legalCase.setDetention(referral.isDetained(), referenceData.requireIn(ReferenceList.DETENTION_FACILITY, referral.getFacility(), "facility"), today);
        legalCase.setNextHearing(referral.getNextHearingDate(), referenceData.requireIn(ReferenceList.COURT, referral.getCourt(), "court"), today);
        repository.add(legalCase);
        if (legalCase.isDetained()) {
            CustodyEvent detention = new CustodyEvent(CustodyEventKind.DETAINED, referral.getReferralDate());
            detention.setFacility(legalCase.getFacility());
            detention.attach(legalCase, access.actor());
            em.persist(detention);
        }
        timeline.record(legalCase.referred(access.actor()));
        timeline.record(legalCase.protectAtIntake(referral.getConfidentialReason(), access.actor()));
        consentToReminders(legalCase, referral);
        meters.referralRecorded();
        return repository.flushed(legalCase);
    }

    /**
     * The client's consent to hearing reminders, given on the form: a timeline entry (where, never the address) and the
     * consent itself, with its address, handed to the client reminders ({@link ReminderConsentAtIntake}).
     */
    private void consentToReminders(LegalCase legalCase, Referral referral) {
        String address = referral.reminderAddress();
        if (address == null) {
            return;
        }
        boolean publicForm = CallerContext.ONLINE_FORM.equals(access.actor());
        em.flush();
        timeline.record(CaseEvent.of(legalCase, access.actor(), CaseEventKind.REMINDER_CONSENT_GIVEN, legalCase.getStatus(),
                TimelineText.of(TimelineText.label("reminderSource." + (publicForm ? "PUBLIC_FORM" : "INTAKE_FORM"))), null));
        reminderConsents.fire(new ReminderConsentAtIntake(legalCase.getId(), address, publicForm));
    }

    /** A receipt number no online referral has yet (a repeat among 2^40 is rare; it is drawn again). */
    private String freeReceipt() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String receipt = Receipts.next();
            Long taken = em.createQuery("select count(o) from OnlineSubmission o where o.receiptNumber = :receipt", Long.class)
                    .setParameter("receipt", receipt).getSingleResult();
            if (taken == 0) {
                return receipt;
            }
        }
        throw new IllegalStateException("no free receipt number in five draws");
    }

    /** Screens a referral: eligible, pending documents, or ineligible with a reason (which closes it). */
    public LegalCase screen(Long caseId, long readVersion, Screening screening) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "screen");
        access.requireAllowed(legalCase, CaseStep.SCREEN);
        referenceData.requireIn(ReferenceList.INELIGIBILITY_REASON, screening.ineligibilityReason(), "ineligibilityReason");
        timeline.record(legalCase.screen(screening, clock.today(), access.actor()));
        return repository.flushed(legalCase);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
