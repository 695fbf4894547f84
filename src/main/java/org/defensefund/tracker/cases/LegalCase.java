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
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;
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
 * <p>A case may be <em>confidential</em> (asylum, VAWA, T or U: see {@link ConfidentialityReason}): then
 * only the fund's administrators and the organization that accepted it see its client and details
 * ({@link CaseAccess}), and it keeps who marked it and when. An appeal of a confidential case is
 * confidential too.
 */
@Entity
@Table(name = "legal_case")
public class LegalCase extends Timestamped implements NamedRecord {

    private static final long serialVersionUID = 1L;

    /** Days after the judge's decision within which a BIA appeal (EOIR-26) must be filed. */
    public static final int BIA_APPEAL_DAYS = 30;

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

    @Size(max = 200, message = "{field.tooLong}")
    @Column(name = "referrer_name", length = 200)
    private String referrerName;

    @Size(max = 200, message = "{field.tooLong}")
    @Column(name = "referrer_contact", length = 200)
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

    @Size(max = 4000, message = "{field.tooLong}")
    @Column(length = 4000)
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

    @Size(max = 300, message = "{field.tooLong}")
    @Column(name = "referred_elsewhere", length = 300)
    private String referredElsewhere;

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

    /**
     * Records the screening decision and moves the case to ELIGIBLE, PENDING_DOCUMENTS or INELIGIBLE.
     * Priority is computed from custody and the next hearing, as of {@code today}.
     */
    void screen(Screening screening, LocalDate today) {
        status.requireMoveTo(screening.decision());
        livesInServiceArea = screening.livesInServiceArea();
        inRemovalProceedings = screening.inRemovalProceedings();
        incomeEligible = screening.incomeEligible();
        ineligibilityReason = screening.decision() == CaseStatus.INELIGIBLE ? screening.ineligibilityReason() : null;
        referredElsewhere = screening.decision() == CaseStatus.INELIGIBLE ? screening.referredElsewhere() : null;
        priority = Priority.of(detained, nextHearingDate, today);
        screenedAt = Instant.now(FundClock.current());
        status = screening.decision();
        if (status == CaseStatus.INELIGIBLE) {
            closedAt = screenedAt;
        }
    }

    void offerTo(Long partner) {
        status.requireMoveTo(CaseStatus.OFFERED);
        status = CaseStatus.OFFERED;
        partnerId = partner;
    }

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

    void close(ReferenceItem caseOutcome, ReferenceItem custody, LocalDate decidedOn) {
        status.requireMoveTo(CaseStatus.CLOSED);
        status = CaseStatus.CLOSED;
        outcome = caseOutcome;
        custodyResult = custody;
        outcomeDate = decidedOn;
        closedAt = Instant.now(FundClock.current());
    }

    /** A new case for the appeal of this one's decision, due {@value #BIA_APPEAL_DAYS} days after it. */
    LegalCase appeal(String newCaseNumber, LocalDate today) {
        LegalCase appeal = new LegalCase(newCaseNumber, client, today);
        appeal.appealOfId = id;
        appeal.appealOfNumber = caseNumber;
        appeal.appealDeadline = (outcomeDate == null ? today : outcomeDate).plusDays(BIA_APPEAL_DAYS);
        appeal.detained = custodyResult != null && "REMAINED_DETAINED".equals(custodyResult.getCode());
        appeal.court = court;
        appeal.caseType = caseType;
        if (confidential) {
            appeal.markConfidential(confidentialReason, confidentialMarkedBy);
        }
        return appeal;
    }

    /** Marks the case confidential for the reason, by the actor, now; a new reason replaces the old one. */
    void markConfidential(ConfidentialityReason reason, String actor) {
        confidential = true;
        confidentialReason = reason;
        confidentialMarkedBy = actor;
        confidentialMarkedAt = Instant.now(FundClock.current());
    }

    /** Lifts the confidentiality: the case is read like any other again. */
    void liftConfidentiality() {
        confidential = false;
        confidentialReason = null;
        confidentialMarkedBy = null;
        confidentialMarkedAt = null;
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

    void recordNoticeOfAppearance(LocalDate filedOn) {
        noticeOfAppearanceDate = filedOn;
    }

    void describeReferral(ReferenceItem source, String referrer, String referrerContactDetails, ReferenceItem type, String caseNotes) {
        referralSource = source;
        referrerName = referrer;
        referrerContact = referrerContactDetails;
        caseType = type;
        notes = caseNotes;
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

    public CaseStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public ReferenceItem getReferralSource() {
        return referralSource;
    }

    public String getReferrerName() {
        return referrerName;
    }

    public String getReferrerContact() {
        return referrerContact;
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

    public String getNotes() {
        return notes;
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

    public String getReferredElsewhere() {
        return referredElsewhere;
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
}
