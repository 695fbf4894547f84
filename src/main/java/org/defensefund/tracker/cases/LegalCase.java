package org.defensefund.tracker.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A case ("legal case": {@code case} is a Java keyword): one client's matter before the immigration
 * court, from the referral to its outcome. Its status moves only as {@link CaseStatus} allows, and only
 * through the methods here, which keep the facts of each stage together: an assigned case has a partner
 * and an attorney, a closed one an outcome and a date, an ineligible one a reason. The partner is held
 * by id (partners are their own feature); it is set while the case is offered to or assigned to that
 * partner, and decides which partner's staff may see the case. An appeal is a new case linked to this
 * one, with its own deadline.
 *
 * <p>Each step of the case is a method here (and on {@link CaseOffer} for the partner's answer) that checks
 * the step's own rules (the move {@link CaseStatus} allows, required facts, lengths, dates in order, as of the
 * {@code today} it is given) and returns the timeline entries it causes, unsaved: a service checks who may
 * take the step ({@link CaseStep}), calls it, and saves the case and the entries. A refused step changes nothing.
 *
 * <p>A case may be <em>confidential</em> (asylum, VAWA, T or U: see {@link ConfidentialityReason}): then
 * only the fund's administrators and the organization that accepted it see its client and details
 * ({@link CaseAccess}), and it keeps who marked it and when. An appeal of a confidential case is
 * confidential too.
 */
@Entity
@Table(name = "legal_case")
public class LegalCase extends Timestamped implements NamedRecord, OfClient {

    private static final long serialVersionUID = 1L;

    /** Days after the judge's decision within which a BIA appeal (EOIR-26) must be filed. */
    public static final int BIA_APPEAL_DAYS = 30;

    /** The longest note, reason or other free text a step puts on the timeline. */
    static final int TEXT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true, length = 20, updatable = false)
    private String caseNumber;

    @NotNull
    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    /** The client's id as a plain column, for queries that need no join to the client (name search). */
    @Column(name = "client_id", insertable = false, updatable = false)
    private Long clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseStatus status = CaseStatus.REFERRED;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Priority priority;

    /** Priority as a number for ordering (urgent first, none last), computed by the database from {@link #priority}. */
    @Column(name = "priority_rank", insertable = false, updatable = false)
    private Integer priorityRank;

    /** The status's place on the case's path ({@link CaseStatus#pathRank()}), computed by the database, for sorting. */
    @Column(name = "status_rank", insertable = false, updatable = false)
    private Integer statusRank;

    /**
     * The name the case sorts under in the lists: its client's last name, or empty while it is a confidential
     * case only offered to a partner. Written by the database session before commit ({@link CaseSortNames}).
     */
    @Column(name = "client_sort_name", insertable = false, updatable = false)
    private String clientSortName;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "referral_source_id")
    private ReferenceItem referralSource;

    /** Sealed under the client's key, as every text of the case that can name or reach them ({@link #texts}). */
    @Column(name = "referrer_name")
    @ClientText(sealed = true)
    private String referrerName;

    @Column(name = "referrer_contact")
    @ClientText(sealed = true)
    private String referrerContact;

    @NotNull(message = "{case.referralDate.required}")
    @PastOrPresent(message = "{case.referralDate.future}")
    @Column(name = "referral_date", nullable = false)
    private LocalDate referralDate;

    @Column(nullable = false)
    private boolean detained;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "facility_id")
    private ReferenceItem facility;

    @Column(name = "next_hearing_date")
    private LocalDate nextHearingDate;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "court_id")
    private ReferenceItem court;

    /** The court's id as a plain column, for the lists' court filter (no join to the reference data). */
    @Column(name = "court_id", insertable = false, updatable = false)
    private Long courtId;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "case_type_id")
    private ReferenceItem caseType;

    @Column(name = "notes")
    @ClientText(sealed = true)
    private String notes;

    @Column(name = "lives_in_service_area")
    private Boolean livesInServiceArea;

    @Column(name = "in_removal_proceedings")
    private Boolean inRemovalProceedings;

    @Column(name = "income_eligible")
    private Boolean incomeEligible;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "ineligibility_reason_id")
    private ReferenceItem ineligibilityReason;

    @Column(name = "referred_elsewhere")
    @ClientText(sealed = true)
    private String referredElsewhere;

    /** The sealed texts above in clear, once opened or set; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

    @Column(name = "screened_at")
    private Instant screenedAt;

    @Column(name = "partner_id")
    private Long partnerId;

    @Size(max = 200, message = "{field.tooLong}")
    @Column(name = "attorney_name", length = 200)
    private String attorneyName;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "notice_of_appearance_date")
    private LocalDate noticeOfAppearanceDate;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "outcome_id")
    private ReferenceItem outcome;

    @ManyToOne
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "custody_result_id")
    private ReferenceItem custodyResult;

    @Column(name = "outcome_date")
    private LocalDate outcomeDate;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The case whose decision this one appeals, by id and number (kept here: a list never loads the other case). */
    @Column(name = "appeal_of_id", updatable = false)
    private Long appealOfId;

    @Column(name = "appeal_of_number", length = 20, updatable = false)
    private String appealOfNumber;

    @Column(name = "appeal_deadline")
    private LocalDate appealDeadline;

    @Column(nullable = false)
    private boolean confidential;

    @Enumerated(EnumType.STRING)
    @Column(name = "confidential_reason", length = 20)
    private ConfidentialityReason confidentialReason;

    @Column(name = "confidential_marked_by", length = 254)
    private String confidentialMarkedBy;

    @Column(name = "confidential_marked_at")
    private Instant confidentialMarkedAt;

    @Version
    private long version;

    protected LegalCase() {
    }

    /** A new referral, in status REFERRED. */
    public LegalCase(String caseNumber, Client client, LocalDate referralDate) {
        this.caseNumber = caseNumber;
        this.client = client;
        this.referralDate = referralDate;
    }

    /** The entry a new referral starts its timeline with, naming where it came from. */
    CaseEvent referred(String actor) {
        return CaseEvent.of(this, actor, CaseEventKind.REFERRED, null, TimelineText.of(TimelineText.item(referralSource)), null);
    }

    /**
     * Confidentiality at intake: the reason chosen, or else the one the case's type calls for (asylum-only,
     * credible or reasonable fear, withholding-only); none when neither applies.
     */
    List<CaseEvent> protectAtIntake(ConfidentialityReason chosen, String actor) {
        if (chosen != null) {
            return protect(chosen, null, actor);
        }
        if (caseType == null) {
            return List.of();
        }
        return ConfidentialityReason.forCaseType(caseType.getCode())
                .map(reason -> protect(reason, caseType.getName(), actor)).orElse(List.of());
    }

    /**
     * Records the screening decision and moves the case to ELIGIBLE, PENDING_DOCUMENTS or INELIGIBLE; an
     * ineligible decision needs its reason (and closes the case). Priority is computed from custody and the
     * next hearing, as of {@code today}.
     */
    CaseEvent screen(Screening screening, LocalDate today, String actor) {
        CaseStatus decision = screening.decision();
        if (decision != CaseStatus.ELIGIBLE && decision != CaseStatus.PENDING_DOCUMENTS && decision != CaseStatus.INELIGIBLE) {
            throw new BusinessException("case.screening.decision", "decision");
        }
        if (decision == CaseStatus.INELIGIBLE && screening.ineligibilityReason() == null) {
            throw new BusinessException("case.screening.reasonRequired", "ineligibilityReason");
        }
        CaseStatus from = status;
        from.requireMoveTo(decision);
        livesInServiceArea = screening.livesInServiceArea();
        inRemovalProceedings = screening.inRemovalProceedings();
        incomeEligible = screening.incomeEligible();
        ineligibilityReason = decision == CaseStatus.INELIGIBLE ? screening.ineligibilityReason() : null;
        referredElsewhere = seal("referredElsewhere", decision == CaseStatus.INELIGIBLE ? screening.referredElsewhere() : null);
        priority = Priority.of(detained, nextHearingDate, today);
        screenedAt = Instant.now(FundClock.current());
        status = decision;
        if (status == CaseStatus.INELIGIBLE) {
            closedAt = screenedAt;
        }
        return CaseEvent.of(this, actor, CaseEventKind.SCREENED, from,
                TimelineText.of(TimelineText.item(ineligibilityReason)), screening.referredElsewhere());
    }

    /** Offers the case to the offer's partner (named for the timeline), with the fund's note. */
    CaseEvent offerTo(CaseOffer offer, String partnerName, String note) {
        if (offer.getLegalCase() != this) {
            throw new IllegalArgumentException("offer " + offer.getId() + " is not of case " + caseNumber);
        }
        CaseStatus from = status;
        from.requireMoveTo(CaseStatus.OFFERED);
        status = CaseStatus.OFFERED;
        partnerId = offer.getPartnerId();
        return CaseEvent.of(this, offer.getOfferedBy(), CaseEventKind.OFFERED, from, TimelineText.of(TimelineText.words(partnerName)), note);
    }

    /** The offered partner accepted and named the attorney (the offer checks the name). */
    void assign(String attorney) {
        status.requireMoveTo(CaseStatus.ASSIGNED);
        status = CaseStatus.ASSIGNED;
        attorneyName = attorney;
        assignedAt = Instant.now(FundClock.current());
    }

    /** A declined or withdrawn offer, or a reassignment: back in the queue, with no partner. */
    void returnToQueue() {
        status.requireMoveTo(CaseStatus.ELIGIBLE);
        status = CaseStatus.ELIGIBLE;
        partnerId = null;
        attorneyName = null;
        assignedAt = null;
    }

    /** Takes an assigned case back from its partner, saying why; the partner's history stays on the timeline. */
    CaseEvent reassign(String reason, String actor) {
        if (status != CaseStatus.ASSIGNED) {
            throw new BusinessException("case.reassign.notAssigned", null, status);
        }
        requireText(reason, "case.reassign.reasonRequired", "reason");
        CaseStatus from = status;
        String previous = attorneyName;
        returnToQueue();
        return CaseEvent.of(this, actor, CaseEventKind.RETURNED_TO_QUEUE, from, TimelineText.of(TimelineText.words(previous)), reason);
    }

    /**
     * Closes the case with an outcome and the date of the decision, which can't be in the future or before
     * the referral; the custody result is kept apart from the merits.
     */
    CaseEvent close(Closing closing, LocalDate today, String actor) {
        CaseStatus from = status;
        from.requireMoveTo(CaseStatus.CLOSED);
        if (closing.outcome() == null) {
            throw new BusinessException("case.outcome.required", "outcome");
        }
        LocalDate decidedOn = closing.decidedOn();
        if (decidedOn == null) {
            throw new BusinessException("case.outcomeDate.required", "outcomeDate");
        }
        if (decidedOn.isAfter(today)) {
            throw new BusinessException("case.outcomeDate.future", "outcomeDate");
        }
        if (decidedOn.isBefore(referralDate)) {
            throw new BusinessException("case.outcomeDate.beforeReferral", "outcomeDate");
        }
        status = CaseStatus.CLOSED;
        outcome = closing.outcome();
        custodyResult = closing.custodyResult();
        outcomeDate = decidedOn;
        closedAt = Instant.now(FundClock.current());
        return CaseEvent.of(this, actor, CaseEventKind.CLOSED, from, TimelineText.of(TimelineText.item(outcome),
                custodyResult == null ? null : TimelineText.words("; "), TimelineText.item(custodyResult)), null);
    }

    /** Whether the case ended with a decision in court, the only kind that can be appealed. */
    boolean isDecidedInCourt() {
        return status == CaseStatus.CLOSED && outcome != null && outcome.isCompletedInCourt();
    }

    /** An appeal just opened: the new case and the timeline entries of both cases. */
    record AppealOpened(LegalCase appeal, List<CaseEvent> timeline) {
    }

    /**
     * Opens the appeal of this case's decision: a new case in REFERRED, due {@value #BIA_APPEAL_DAYS} days after
     * the decision, confidential if this one is; this case is untouched but for its timeline. Only a case closed
     * with a decision in court can be appealed. The appeal must be saved before its entries.
     */
    AppealOpened appeal(String newCaseNumber, LocalDate today, String actor) {
        if (!isDecidedInCourt()) {
            throw new BusinessException("case.appeal.notDecided", null);
        }
        LegalCase appeal = new LegalCase(newCaseNumber, client, today);
        appeal.appealOfId = id;
        appeal.appealOfNumber = caseNumber;
        appeal.appealDeadline = (outcomeDate == null ? today : outcomeDate).plusDays(BIA_APPEAL_DAYS);
        appeal.detained = custodyResult != null && "REMAINED_DETAINED".equals(custodyResult.getCode());
        appeal.court = court;
        appeal.caseType = caseType;
        List<CaseEvent> entries = new ArrayList<>();
        entries.add(CaseEvent.of(appeal, actor, CaseEventKind.APPEAL_OPENED, null, TimelineText.of(TimelineText.words(caseNumber)), null));
        if (confidential) {
            appeal.setConfidential(confidentialReason, confidentialMarkedBy);
            entries.add(CaseEvent.of(appeal, actor, CaseEventKind.MARKED_CONFIDENTIAL, appeal.status,
                    TimelineText.of(TimelineText.label("confidentialityReason", confidentialReason)), caseNumber));
        }
        entries.add(CaseEvent.of(this, actor, CaseEventKind.APPEAL_OPENED, status, TimelineText.of(TimelineText.words(newCaseNumber)), null));
        return new AppealOpened(appeal, List.copyOf(entries));
    }

    /**
     * Marks the case confidential for a reason, with an optional note of at most 1000 characters; a new
     * reason replaces the old one, the same reason again changes nothing (and causes no entry).
     */
    List<CaseEvent> markConfidential(ConfidentialityReason reason, String note, String actor) {
        if (reason == null) {
            throw new BusinessException("case.confidential.reasonRequired", "confidentialReason");
        }
        requireLength(note, "confidentialNote");
        return protect(reason, note, actor);
    }

    /** Marks the case confidential (unless it already is, for this reason) and says why on its timeline. */
    List<CaseEvent> protect(ConfidentialityReason reason, String why, String actor) {
        if (confidential && confidentialReason == reason) {
            return List.of();
        }
        setConfidential(reason, actor);
        return List.of(CaseEvent.of(this, actor, CaseEventKind.MARKED_CONFIDENTIAL, status,
                TimelineText.of(TimelineText.label("confidentialityReason", reason)), why));
    }

    private void setConfidential(ConfidentialityReason reason, String actor) {
        confidential = true;
        confidentialReason = reason;
        confidentialMarkedBy = actor;
        confidentialMarkedAt = Instant.now(FundClock.current());
    }

    /** Lifts the confidentiality, saying why: the case is read like any other again. */
    CaseEvent liftConfidentiality(String why, String actor) {
        if (!confidential) {
            throw BusinessException.general("case.confidential.notMarked", caseNumber);
        }
        requireText(why, "case.confidential.liftReasonRequired", "liftReason");
        ConfidentialityReason was = confidentialReason;
        confidential = false;
        confidentialReason = null;
        confidentialMarkedBy = null;
        confidentialMarkedAt = null;
        return CaseEvent.of(this, actor, CaseEventKind.CONFIDENTIALITY_LIFTED, status,
                TimelineText.of(TimelineText.label("confidentialityReason", was)), why);
    }

    /** A note on the timeline: some text, at most 1000 characters. */
    CaseEvent note(String text, String actor) {
        requireText(text, "case.note.required", "text");
        return CaseEvent.of(this, actor, CaseEventKind.NOTE, status, TimelineText.of(TimelineText.words(text.trim())), null);
    }

    /** The entry that says a partner must never get this case's client. */
    CaseEvent conflictRecorded(String partnerName, String note, String actor) {
        return CaseEvent.of(this, actor, CaseEventKind.CONFLICT_RECORDED, status, TimelineText.of(TimelineText.words(partnerName)), note);
    }

    /** The entry of a funding step: the sub-award the case is charged to, or a cost approved beyond its sub-award. */
    CaseEvent fundingStep(CaseEventKind kind, TimelineText summary, String reason, String actor) {
        if (kind != CaseEventKind.CHARGED && kind != CaseEventKind.BUDGET_OVERRIDE) {
            throw new IllegalArgumentException("not a funding step: " + kind);
        }
        return CaseEvent.of(this, actor, kind, status, summary, reason);
    }

    /**
     * A hearing of the assigned case: its date and time, at most ten years before the referral (an older one
     * is a typing error). The case's next hearing is the caller's to refresh, from all its hearings.
     */
    CaseEvent recordHearing(Hearing hearing, String actor) {
        requireAssigned();
        if (hearing.getScheduledAt() == null) {
            throw new BusinessException("hearing.scheduledAt.required", "scheduledAt");
        }
        if (hearing.getScheduledAt().toLocalDate().isBefore(referralDate.minusYears(10))) {
            throw new BusinessException("hearing.scheduledAt.implausible", "scheduledAt");
        }
        hearing.attach(this, actor);
        return CaseEvent.of(this, actor, CaseEventKind.HEARING_RECORDED, status, TimelineText.of(
                TimelineText.label("hearingKind", hearing.getKind()), TimelineText.words(" "), TimelineText.moment(hearing.getScheduledAt()),
                hearing.getResult() == null ? null : TimelineText.words(": " + hearing.getResult())), null);
    }

    /**
     * Moves a hearing of the assigned case that is still to come ({@link Hearing#isChangeableAt}) to a later time than
     * {@code now} (the fund's local time), and to another court when one is given, saying why (required, at most
     * {@value #TEXT_MAX} characters). The entry says from what time to what time. The case's next hearing is the
     * caller's to refresh, from all its hearings.
     */
    CaseEvent rescheduleHearing(Hearing hearing, LocalDateTime newTime, ReferenceItem newCourt, String reason, LocalDateTime now, String actor) {
        requireAssigned();
        requireChangeable(hearing, now);
        if (newTime == null) {
            throw new BusinessException("hearing.scheduledAt.required", "scheduledAt");
        }
        if (!newTime.isAfter(now)) {
            throw new BusinessException("hearing.reschedule.notAhead", "scheduledAt");
        }
        boolean courtChanges = newCourt != null && !newCourt.equals(hearing.getCourt());
        if (newTime.equals(hearing.getScheduledAt()) && !courtChanges) {
            throw new BusinessException("hearing.reschedule.unchanged", "scheduledAt");
        }
        requireText(reason, "hearing.change.reasonRequired", "reason");
        LocalDateTime from = hearing.getScheduledAt();
        hearing.moveTo(newTime, newCourt);
        return CaseEvent.of(this, actor, CaseEventKind.HEARING_RESCHEDULED, status, TimelineText.of(
                TimelineText.label("hearingKind", hearing.getKind()), TimelineText.words(" "), TimelineText.moment(from),
                TimelineText.words(" → "), TimelineText.moment(newTime),
                courtChanges ? TimelineText.words(" · ") : null, courtChanges ? TimelineText.item(newCourt) : null), reason);
    }

    /**
     * Cancels a hearing of the assigned case that is still to come ({@link Hearing#isChangeableAt}), saying why
     * (required, at most {@value #TEXT_MAX} characters). The hearing stays, marked cancelled. The case's next hearing is
     * the caller's to refresh, from all its hearings.
     */
    CaseEvent cancelHearing(Hearing hearing, String reason, LocalDateTime now, Instant at, String actor) {
        requireAssigned();
        requireChangeable(hearing, now);
        requireText(reason, "hearing.change.reasonRequired", "reason");
        hearing.cancel(reason, actor, at);
        return CaseEvent.of(this, actor, CaseEventKind.HEARING_CANCELLED, status, TimelineText.of(
                TimelineText.label("hearingKind", hearing.getKind()), TimelineText.words(" "), TimelineText.moment(hearing.getScheduledAt())),
                reason);
    }

    private static void requireChangeable(Hearing hearing, LocalDateTime now) {
        if (hearing.isCancelled()) {
            throw new BusinessException("hearing.change.cancelled", "hearing");
        }
        if (!hearing.isChangeableAt(now)) {
            throw new BusinessException("hearing.change.past", "hearing");
        }
    }

    /**
     * A change of custody of the assigned case's client, on a date not in the future: a release on bond
     * needs the bond, a detention or transfer the facility. The case is detained or not from then on.
     */
    CaseEvent recordCustody(CustodyEvent event, LocalDate today, String actor) {
        requireAssigned();
        if (event.getEventDate() == null) {
            throw new BusinessException("custody.date.required", "eventDate");
        }
        if (event.getEventDate().isAfter(today)) {
            throw new BusinessException("custody.date.future", "eventDate");
        }
        if (event.getKind() == CustodyEventKind.RELEASED_BOND && event.getBondAmount() == null) {
            throw new BusinessException("custody.bond.required", "bondAmount");
        }
        if (!event.getKind().isRelease() && event.getFacility() == null) {
            throw new BusinessException("custody.facility.required", "facility");
        }
        event.attach(this, actor);
        setDetention(!event.getKind().isRelease(), event.getFacility(), today);
        return CaseEvent.of(this, actor, CaseEventKind.CUSTODY_CHANGED, status, TimelineText.of(
                TimelineText.label("custodyEventKind", event.getKind()), TimelineText.words(" "), TimelineText.day(event.getEventDate()),
                event.getFacility() == null ? null : TimelineText.words(", "), TimelineText.item(event.getFacility()),
                event.getBondAmount() == null ? null : TimelineText.words(", "),
                event.getBondAmount() == null ? null : TimelineText.label("timeline.bond"),
                event.getBondAmount() == null ? null : TimelineText.words(" "), TimelineText.amount(event.getBondAmount())), event.getNotes());
    }

    /**
     * An application for relief in the assigned case, decided (if it is) on or after its filing. A relief that
     * is confidential by law ({@link ConfidentialityReason#forRelief}) marks the case confidential if it isn't.
     */
    List<CaseEvent> recordRelief(ReliefApplication relief, String actor) {
        requireAssigned();
        if (relief.getReliefType() == null) {
            throw new BusinessException("relief.type.required", "reliefType");
        }
        if (relief.getDecision() == null) {
            throw new BusinessException("relief.decision.required", "decision");
        }
        if (!relief.isDecidedAfterFiling()) {
            throw new BusinessException("relief.dates.order", "decidedOn");
        }
        relief.attach(this, actor);
        List<CaseEvent> entries = new ArrayList<>();
        entries.add(CaseEvent.of(this, actor, CaseEventKind.RELIEF_RECORDED, status, TimelineText.of(TimelineText.item(relief.getReliefType()),
                TimelineText.words(", "), TimelineText.label("reliefDecision", relief.getDecision())), relief.getNotes()));
        if (!confidential) {
            ConfidentialityReason.forRelief(relief.getReliefType().getCode())
                    .ifPresent(reason -> entries.addAll(protect(reason, relief.getReliefType().getName(), actor)));
        }
        return List.copyOf(entries);
    }

    /** The notice of appearance (EOIR-28) of the assigned case, filed between the referral and today. */
    CaseEvent recordNoticeOfAppearance(LocalDate filedOn, LocalDate today, String actor) {
        requireAssigned();
        if (filedOn == null) {
            throw new BusinessException("case.noa.required", "noticeOfAppearanceDate");
        }
        if (filedOn.isAfter(today) || filedOn.isBefore(referralDate)) {
            throw new BusinessException("case.noa.outOfRange", "noticeOfAppearanceDate");
        }
        noticeOfAppearanceDate = filedOn;
        return CaseEvent.of(this, actor, CaseEventKind.NOTICE_OF_APPEARANCE, status, TimelineText.of(TimelineText.day(filedOn)), null);
    }

    private void requireAssigned() {
        if (status != CaseStatus.ASSIGNED) {
            throw new BusinessException("case.notAssigned", null, status);
        }
    }

    /** Text a step needs: not blank, at most {@value #TEXT_MAX} characters. */
    private static void requireText(String text, String requiredKey, String field) {
        if (text == null || text.isBlank()) {
            throw new BusinessException(requiredKey, field);
        }
        requireLength(text, field);
    }

    private static void requireLength(String text, String field) {
        if (text != null && text.trim().length() > TEXT_MAX) {
            throw new BusinessException("case.note.tooLong", field, TEXT_MAX);
        }
    }

    void setDetention(boolean isDetained, ReferenceItem where, LocalDate today) {
        detained = isDetained;
        facility = isDetained ? where : null;
        if (priority != null) {
            priority = Priority.of(detained, nextHearingDate, today);
        }
    }

    void setNextHearing(LocalDate date, ReferenceItem where, LocalDate today) {
        nextHearingDate = date;
        if (where != null) {
            court = where;
        }
        if (priority != null) {
            priority = Priority.of(detained, nextHearingDate, today);
        }
    }

    void describeReferral(ReferenceItem source, String referrer, String referrerContactDetails, ReferenceItem type, String caseNotes) {
        referralSource = source;
        referrerName = seal("referrerName", referrer);
        referrerContact = seal("referrerContact", referrerContactDetails);
        caseType = type;
        notes = seal("notes", caseNotes);
    }

    /** A text of the case sealed under its client's key, remembered in clear (only if it changed: an unchanged one is left as stored). */
    private String seal(String field, String clear) {
        String stored = switch (field) {
            case "referrerName" -> referrerName;
            case "referrerContact" -> referrerContact;
            case "notes" -> notes;
            default -> referredElsewhere;
        };
        if (java.util.Objects.equals(clear, open(field, stored))) {
            return stored;
        }
        texts.set(field, clear);
        return client.sealText(OpenedTexts.column(this, field), clear);
    }

    /** A sealed text of the case in clear (opened once; null when the client's data is erased). */
    private String open(String field, String stored) {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts.get(field, stored, value -> client == null ? value : client.openText(OpenedTexts.column(this, field), value));
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Client getClient() {
        return client;
    }

    /** The client's id (null until a new case's client is persisted). */
    public Long getClientId() {
        return clientId != null ? clientId : client == null ? null : client.getId();
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public ReferenceItem getReferralSource() {
        return referralSource;
    }

    @Size(max = 200, message = "{field.tooLong}")
    public String getReferrerName() {
        return open("referrerName", referrerName);
    }

    @Size(max = 200, message = "{field.tooLong}")
    public String getReferrerContact() {
        return open("referrerContact", referrerContact);
    }

    public LocalDate getReferralDate() {
        return referralDate;
    }

    public boolean isDetained() {
        return detained;
    }

    public ReferenceItem getFacility() {
        return facility;
    }

    public LocalDate getNextHearingDate() {
        return nextHearingDate;
    }

    public ReferenceItem getCourt() {
        return court;
    }

    public ReferenceItem getCaseType() {
        return caseType;
    }

    @Size(max = 4000, message = "{field.tooLong}")
    public String getNotes() {
        return open("notes", notes);
    }

    public Boolean getLivesInServiceArea() {
        return livesInServiceArea;
    }

    public Boolean getInRemovalProceedings() {
        return inRemovalProceedings;
    }

    public Boolean getIncomeEligible() {
        return incomeEligible;
    }

    public ReferenceItem getIneligibilityReason() {
        return ineligibilityReason;
    }

    @Size(max = 300, message = "{field.tooLong}")
    public String getReferredElsewhere() {
        return open("referredElsewhere", referredElsewhere);
    }

    public Instant getScreenedAt() {
        return screenedAt;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public String getAttorneyName() {
        return attorneyName;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public LocalDate getNoticeOfAppearanceDate() {
        return noticeOfAppearanceDate;
    }

    public ReferenceItem getOutcome() {
        return outcome;
    }

    public ReferenceItem getCustodyResult() {
        return custodyResult;
    }

    public LocalDate getOutcomeDate() {
        return outcomeDate;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Long getAppealOfId() {
        return appealOfId;
    }

    public String getAppealOfNumber() {
        return appealOfNumber;
    }

    public LocalDate getAppealDeadline() {
        return appealDeadline;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public ConfidentialityReason getConfidentialReason() {
        return confidentialReason;
    }

    public String getConfidentialMarkedBy() {
        return confidentialMarkedBy;
    }

    public Instant getConfidentialMarkedAt() {
        return confidentialMarkedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getCaseNumber();
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return getClientId();
    }
}
