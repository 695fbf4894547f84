package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * The path of a case: referral, screening, offer to a partner, the partner's answer, reassignment,
 * closing with an outcome, and appeals. Each step checks who may take it (administrators refer, screen
 * and offer; the partner the case is offered to answers; the assigned partner or an administrator
 * closes), moves the status only as {@link CaseStatus} allows, refuses a stale version, and writes
 * the timeline. Nothing is half-saved: each step is one transaction.
 *
 * <p>Confidential cases (asylum, VAWA, T, U): administrators mark a case at intake or later, and the
 * organization that accepted it may mark it too (it often learns of the claim first); only an
 * administrator lifts it. A case whose type calls for it (asylum-only, credible or reasonable fear,
 * withholding-only) is marked at intake, one whose relief sought calls for it when that relief is recorded.
 * Every reading of a confidential case's details ({@link #open}, {@link #openFunding}, {@link #summary})
 * is written to the audit trail.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private org.defensefund.tracker.audit.AuditService audit;

    @Inject
    private CaseAccess access;

    @Inject
    private Timeline timeline;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private ClientService clients;

    @Inject
    private PartnerService partners;

    /**
     * Records a referral: a new client (unless an existing one is linked) and a case in REFERRED. The
     * A-number is normalised; a known one is refused so the user links that client instead.
     */
    public LegalCase refer(Referral referral) {
        currentUser.requireAdmin("record referrals");
        LocalDate today = clock.today();
        if (referral.getReferralDate() == null) {
            throw new BusinessException("case.referralDate.required", "referralDate");
        }
        if (referral.getReferralDate().isAfter(today)) {
            throw new BusinessException("case.referralDate.future", "referralDate");
        }
        if (referral.getNextHearingDate() != null && referral.getNextHearingDate().isBefore(referral.getReferralDate())) {
            throw new BusinessException("case.nextHearing.beforeReferral", "nextHearingDate");
        }
        Client client;
        if (referral.getExistingClientId() != null) {
            client = clients.find(referral.getExistingClientId());
        } else {
            Optional<ANumber> aNumber = ANumber.parse(referral.getANumber());
            Client draft = referral.getClient();
            if (draft.getBirthDate() != null && draft.getBirthDate().isAfter(referral.getReferralDate())) {
                throw new BusinessException("client.birthDate.afterReferral", "birthDate");
            }
            client = clients.create(draft, aNumber);
        }
        LegalCase legalCase = new LegalCase(nextCaseNumber(), client, referral.getReferralDate());
        legalCase.describeReferral(referenceData.requireIn(ReferenceList.REFERRAL_SOURCE, referral.getSource(), "source"),
                blankToNull(referral.getReferrerName()), blankToNull(referral.getReferrerContact()),
                referenceData.requireIn(ReferenceList.CASE_TYPE, referral.getCaseType(), "caseType"), blankToNull(referral.getNotes()));
        legalCase.setDetention(referral.isDetained(), referenceData.requireIn(ReferenceList.DETENTION_FACILITY, referral.getFacility(), "facility"), today);
        legalCase.setNextHearing(referral.getNextHearingDate(), referenceData.requireIn(ReferenceList.COURT, referral.getCourt(), "court"), today);
        em.persist(legalCase);
        if (legalCase.isDetained()) {
            CustodyEvent detention = new CustodyEvent(CustodyEventKind.DETAINED, referral.getReferralDate());
            detention.setFacility(legalCase.getFacility());
            detention.attach(legalCase, access.actor());
            em.persist(detention);
        }
        em.flush();
        timeline.record(legalCase, CaseEventKind.REFERRED, null,
                referral.getSource() == null ? null : referral.getSource().getName(), null);
        if (referral.getConfidentialReason() != null) {
            protect(legalCase, referral.getConfidentialReason(), null);
        } else if (legalCase.getCaseType() != null) {
            ConfidentialityReason.forCaseType(legalCase.getCaseType().getCode())
                    .ifPresent(reason -> protect(legalCase, reason, legalCase.getCaseType().getName()));
        }
        return flushed(legalCase);
    }

    /** Screens a referral: eligible, pending documents, or ineligible with a reason (which closes it). */
    public LegalCase screen(Long caseId, long readVersion, Screening screening) {
        currentUser.requireAdmin("screen cases");
        LegalCase legalCase = access.changeable(caseId, readVersion, "screen");
        CaseStatus decision = screening.decision();
        if (decision != CaseStatus.ELIGIBLE && decision != CaseStatus.PENDING_DOCUMENTS && decision != CaseStatus.INELIGIBLE) {
            throw new BusinessException("case.screening.decision", "decision");
        }
        if (decision == CaseStatus.INELIGIBLE && screening.ineligibilityReason() == null) {
            throw new BusinessException("case.screening.reasonRequired", "ineligibilityReason");
        }
        referenceData.requireIn(ReferenceList.INELIGIBILITY_REASON, screening.ineligibilityReason(), "ineligibilityReason");
        CaseStatus from = legalCase.getStatus();
        legalCase.screen(screening, clock.today());
        timeline.record(legalCase, CaseEventKind.SCREENED, from,
                screening.ineligibilityReason() == null ? null : screening.ineligibilityReason().getName(),
                screening.referredElsewhere());
        return flushed(legalCase);
    }

    /**
     * Offers an eligible case to a partner organization. A partner with a conflict for this client, or an
     * inactive one, can't be chosen.
     */
    public CaseOffer offer(Long caseId, long readVersion, Long partnerId, String note) {
        currentUser.requireAdmin("offer cases");
        LegalCase legalCase = access.changeable(caseId, readVersion, "offer");
        if (partnerId == null || !partners.isActive(partnerId)) {
            throw new BusinessException("offer.partner.required", "partner");
        }
        if (clients.conflictedPartners(legalCase.getClient().getId()).contains(partnerId)) {
            throw new BusinessException("offer.partner.conflict", "partner");
        }
        CaseStatus from = legalCase.getStatus();
        legalCase.offerTo(partnerId);
        CaseOffer offer = new CaseOffer(legalCase, partnerId, access.actor());
        em.persist(offer);
        timeline.record(legalCase, CaseEventKind.OFFERED, from, partners.find(partnerId).getName(), note);
        flushed(legalCase);
        return offer;
    }

    /** The partner accepts a pending offer and names the attorney: the case is assigned to it. */
    public LegalCase acceptOffer(Long offerId, String attorneyName) {
        CaseOffer offer = pendingOfferForCaller(offerId, "accept");
        if (attorneyName == null || attorneyName.isBlank()) {
            throw new BusinessException("offer.attorney.required", "attorney");
        }
        if (attorneyName.trim().length() > 200) {
            throw new BusinessException("offer.attorney.tooLong", "attorney");
        }
        LegalCase legalCase = offer.getLegalCase();
        CaseStatus from = legalCase.getStatus();
        offer.accept(attorneyName.trim(), access.actor());
        legalCase.assign(attorneyName.trim());
        timeline.record(legalCase, CaseEventKind.OFFER_ACCEPTED, from, attorneyName.trim(), null);
        return flushed(legalCase);
    }

    /** The partner declines a pending offer with a reason: the case goes back to the queue. */
    public LegalCase declineOffer(Long offerId, ReferenceItem reason, String note) {
        CaseOffer offer = pendingOfferForCaller(offerId, "decline");
        if (reason == null) {
            throw new BusinessException("offer.declineReason.required", "declineReason");
        }
        referenceData.requireIn(ReferenceList.DECLINE_REASON, reason, "declineReason");
        LegalCase legalCase = offer.getLegalCase();
        CaseStatus from = legalCase.getStatus();
        offer.decline(reason, blankToNull(note), access.actor());
        legalCase.returnToQueue();
        timeline.record(legalCase, CaseEventKind.OFFER_DECLINED, from, reason.getName(), note);
        return flushed(legalCase);
    }

    /** The fund takes back an offer not yet answered (for example, one pending too long). */
    public LegalCase withdrawOffer(Long offerId, String note) {
        currentUser.requireAdmin("withdraw offers");
        CaseOffer offer = pendingOffer(offerId);
        LegalCase legalCase = offer.getLegalCase();
        CaseStatus from = legalCase.getStatus();
        offer.withdraw(blankToNull(note), access.actor());
        legalCase.returnToQueue();
        timeline.record(legalCase, CaseEventKind.OFFER_WITHDRAWN, from, null, note);
        return flushed(legalCase);
    }

    /** Takes an assigned case back from its partner to offer it elsewhere; the history stays. */
    public LegalCase reassign(Long caseId, long readVersion, String reason) {
        currentUser.requireAdmin("reassign cases");
        LegalCase legalCase = access.changeable(caseId, readVersion, "reassign");
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("case.reassign.reasonRequired", "reason");
        }
        CaseStatus from = legalCase.getStatus();
        String previous = legalCase.getAttorneyName();
        legalCase.returnToQueue();
        timeline.record(legalCase, CaseEventKind.RETURNED_TO_QUEUE, from, previous, reason);
        return flushed(legalCase);
    }

    /**
     * Closes a case with an outcome from the reference list and its date; the custody result is kept
     * apart from the merits. The assigned partner or an administrator may close; a case not yet assigned
     * only an administrator (the client withdrew or was lost).
     */
    public LegalCase close(Long caseId, long readVersion, ReferenceItem outcome, ReferenceItem custodyResult, LocalDate decidedOn) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "close");
        if (legalCase.getStatus() != CaseStatus.ASSIGNED && !currentUser.isAdmin()) {
            throw new AccessDeniedException("only an administrator closes a case that is not assigned");
        }
        if (outcome == null) {
            throw new BusinessException("case.outcome.required", "outcome");
        }
        referenceData.requireIn(ReferenceList.OUTCOME, outcome, "outcome");
        referenceData.requireIn(ReferenceList.CUSTODY_RESULT, custodyResult, "custodyResult");
        if (decidedOn == null) {
            throw new BusinessException("case.outcomeDate.required", "outcomeDate");
        }
        if (decidedOn.isAfter(clock.today())) {
            throw new BusinessException("case.outcomeDate.future", "outcomeDate");
        }
        if (decidedOn.isBefore(legalCase.getReferralDate())) {
            throw new BusinessException("case.outcomeDate.beforeReferral", "outcomeDate");
        }
        CaseStatus from = legalCase.getStatus();
        legalCase.close(outcome, custodyResult, decidedOn);
        timeline.record(legalCase, CaseEventKind.CLOSED, from,
                outcome.getName() + (custodyResult == null ? "" : "; " + custodyResult.getName()), null);
        return flushed(legalCase);
    }

    /**
     * Opens an appeal of a closed case's decision as a new, linked case in REFERRED, with the BIA deadline
     * ({@value LegalCase#BIA_APPEAL_DAYS} days after the decision). The first case's outcome is untouched.
     */
    public LegalCase openAppeal(Long caseId) {
        LegalCase decided = access.readable(caseId);
        access.requireReach(decided, "appeal");
        if (decided.getStatus() != CaseStatus.CLOSED || decided.getOutcome() == null || !decided.getOutcome().isCompletedInCourt()) {
            throw new BusinessException("case.appeal.notDecided", null);
        }
        LegalCase appeal = decided.appeal(nextCaseNumber(), clock.today());
        em.persist(appeal);
        em.flush();
        timeline.record(appeal, CaseEventKind.APPEAL_OPENED, null, decided.getCaseNumber(), null);
        if (appeal.isConfidential()) {
            timeline.record(appeal, CaseEventKind.MARKED_CONFIDENTIAL, appeal.getStatus(),
                    appeal.getConfidentialReason().name(), decided.getCaseNumber());
        }
        timeline.record(decided, CaseEventKind.APPEAL_OPENED, CaseStatus.CLOSED, appeal.getCaseNumber(), null);
        return appeal;
    }

    /** Adds a note to the case's timeline; the case's partner or an administrator may. */
    public void addNote(Long caseId, String text) {
        LegalCase legalCase = access.readable(caseId);
        access.requireReach(legalCase, "add notes to");
        if (text == null || text.isBlank()) {
            throw new BusinessException("case.note.required", "text");
        }
        if (text.trim().length() > 1000) {
            throw new BusinessException("case.note.tooLong", "text", 1000);
        }
        timeline.record(legalCase, CaseEventKind.NOTE, legalCase.getStatus(), text.trim(), null);
    }

    /** Records that a partner must never get this case's client, and notes it on the timeline. */
    public void recordConflict(Long caseId, Long partnerId, String note) {
        currentUser.requireAdmin("record conflicts");
        LegalCase legalCase = access.readable(caseId);
        if (partnerId == null) {
            throw new BusinessException("offer.partner.required", "partner");
        }
        clients.recordConflict(legalCase.getClient().getId(), partnerId, note);
        timeline.record(legalCase, CaseEventKind.CONFLICT_RECORDED, legalCase.getStatus(), partners.find(partnerId).getName(), note);
    }

    /**
     * Marks a case confidential for a reason, with an optional note on the timeline. Administrators may at
     * any time; the case's partner once it has accepted the case (a case only offered to it is not yet its
     * own). Marking again with another reason changes the reason.
     */
    public LegalCase markConfidential(Long caseId, long readVersion, ConfidentialityReason reason, String note) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "mark confidential");
        if (!currentUser.isAdmin() && legalCase.getStatus() == CaseStatus.OFFERED) {
            throw new AccessDeniedException("only the organization that accepted case " + caseId + " may mark it");
        }
        if (reason == null) {
            throw new BusinessException("case.confidential.reasonRequired", "confidentialReason");
        }
        if (note != null && note.trim().length() > 1000) {
            throw new BusinessException("case.note.tooLong", "confidentialNote", 1000);
        }
        protect(legalCase, reason, note);
        return flushed(legalCase);
    }

    /** Lifts a case's confidentiality, saying why on the timeline. Only administrators may. */
    public LegalCase liftConfidentiality(Long caseId, long readVersion, String why) {
        currentUser.requireAdmin("lift the confidentiality of cases");
        LegalCase legalCase = access.changeable(caseId, readVersion, "lift the confidentiality of");
        if (!legalCase.isConfidential()) {
            throw BusinessException.general("case.confidential.notMarked", legalCase.getCaseNumber());
        }
        if (why == null || why.isBlank()) {
            throw new BusinessException("case.confidential.liftReasonRequired", "liftReason");
        }
        if (why.trim().length() > 1000) {
            throw new BusinessException("case.note.tooLong", "liftReason", 1000);
        }
        ConfidentialityReason was = legalCase.getConfidentialReason();
        legalCase.liftConfidentiality();
        timeline.record(legalCase, CaseEventKind.CONFIDENTIALITY_LIFTED, legalCase.getStatus(), was.name(), why);
        return flushed(legalCase);
    }

    /**
     * What the case's facts suggest about its confidentiality when it isn't marked: the reason its type or
     * a relief sought in it calls for. Empty for a confidential case, or when nothing suggests it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConfidentialityReason> suggestedConfidentiality(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        if (legalCase.isConfidential()) {
            return Optional.empty();
        }
        Optional<ConfidentialityReason> byType = legalCase.getCaseType() == null ? Optional.empty()
                : ConfidentialityReason.forCaseType(legalCase.getCaseType().getCode());
        if (byType.isPresent()) {
            return byType;
        }
        return em.createQuery("select r.reliefType.code from ReliefApplication r where r.legalCase = :case order by r.id", String.class)
                .setParameter("case", legalCase).getResultList().stream()
                .map(ConfidentialityReason::forRelief).flatMap(Optional::stream).findFirst();
    }

    /** Marks the case confidential (if it isn't already for this reason) and says so on its timeline. */
    void protect(LegalCase legalCase, ConfidentialityReason reason, String why) {
        if (legalCase.isConfidential() && legalCase.getConfidentialReason() == reason) {
            return;
        }
        legalCase.markConfidential(reason, access.actor());
        timeline.record(legalCase, CaseEventKind.MARKED_CONFIDENTIAL, legalCase.getStatus(), reason.name(), why);
    }

    /**
     * Opens a case's file for reading: the case if the caller may read its details, with the opening of
     * its client's record written to the audit trail (who, when), and for a confidential case the view of
     * the case itself.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public LegalCase open(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        audit.viewed("Client", legalCase.getClient().getId());
        if (legalCase.isConfidential()) {
            audit.viewed("LegalCase", legalCase.getId(), "CASE_FILE");
        }
        return legalCase;
    }

    /** Opens a case's funding (its charge and costs): as {@link #find}, with a confidential case's view audited. */
    @Transactional(Transactional.TxType.REQUIRED)
    public LegalCase openFunding(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        if (legalCase.isConfidential()) {
            audit.viewed("LegalCase", legalCase.getId(), "FUNDING");
        }
        return legalCase;
    }

    /**
     * What the caller may know of a case they reach: the whole of it for whoever sees its details, and for
     * an organization a confidential case is only offered to, the facts it needs to decide. The view of a
     * confidential case is audited.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CaseSummary summary(Long caseId) {
        LegalCase legalCase = access.reachable(caseId);
        if (legalCase.isConfidential()) {
            audit.viewed("LegalCase", legalCase.getId(), "SUMMARY");
        }
        Long pendingOffer = em.createQuery("select o.id from CaseOffer o where o.legalCase = :case and o.status = :pending"
                        + " and o.partnerId = :partner order by o.id", Long.class)
                .setParameter("case", legalCase).setParameter("pending", OfferStatus.PENDING)
                .setParameter("partner", legalCase.getPartnerId() == null ? -1L : legalCase.getPartnerId())
                .getResultList().stream().findFirst().orElse(null);
        var client = legalCase.getClient();
        return new CaseSummary(legalCase.getId(), legalCase.getCaseNumber(), legalCase.getStatus(), legalCase.getPriority(),
                legalCase.isConfidential(), name(legalCase.getCaseType()), name(legalCase.getCourt()), legalCase.isDetained(),
                name(legalCase.getFacility()), client.getPreferredLanguage() == null ? null : client.getPreferredLanguage().getName(),
                client.isInterpreterNeeded(), legalCase.getNextHearingDate(), pendingOffer);
    }

    /** Whether the caller sees the details of a case they reach (or only its {@link #summary}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean seesDetails(Long caseId) {
        return access.seesDetails(access.reachable(caseId));
    }

    private static String name(ReferenceItem item) {
        return item == null ? null : item.getName();
    }

    /** A case the caller may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LegalCase find(Long caseId) {
        return access.readable(caseId);
    }

    /** The case's timeline, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseEvent> timeline(Long caseId) {
        return timeline.of(access.readable(caseId));
    }

    /** Every offer of the case, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseOffer> offers(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return em.createQuery("select o from CaseOffer o where o.legalCase = :case order by o.offeredAt, o.id", CaseOffer.class)
                .setParameter("case", legalCase)
                .getResultList()
                .stream()
                .filter(o -> currentUser.isAdmin() || o.getPartnerId().equals(currentUser.partnerId().orElse(null)))
                .toList();
    }


    private CaseOffer pendingOfferForCaller(Long offerId, String action) {
        CaseOffer offer = pendingOffer(offerId);
        boolean ownOffer = currentUser.isPartnerStaff() && offer.getPartnerId().equals(currentUser.partnerId().orElse(null));
        if (!ownOffer && !currentUser.isAdmin()) {
            throw new AccessDeniedException("caller may not " + action + " offer " + offerId);
        }
        return offer;
    }

    private CaseOffer pendingOffer(Long offerId) {
        CaseOffer offer = offerId == null ? null : em.find(CaseOffer.class, offerId);
        if (offer == null) {
            throw new RecordNotFoundException("Offer", offerId);
        }
        access.requireReach(offer.getLegalCase(), "answer offers of");
        if (offer.getStatus() != OfferStatus.PENDING) {
            throw new BusinessException("offer.alreadyAnswered", null, offer.getStatus());
        }
        return offer;
    }


    private LegalCase flushed(LegalCase legalCase) {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException e) {
            throw new org.defensefund.tracker.shared.ConcurrentEditException();
        }
        return legalCase;
    }

    /** "2026-00042": the year and a number from a database sequence, so two intakes never share one. */
    private String nextCaseNumber() {
        Number next = (Number) em.createNativeQuery("SELECT NEXT VALUE FOR case_number_seq").getSingleResult();
        return CaseNumbers.of(clock.today().getYear(), next.longValue());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
