package org.defensefund.tracker.funding;

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
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * A cost partner staff record against a case, paid from the sub-award the case is charged to: attorney
 * hours at a rate (the amount is hours × rate, rounded half up to the cent), a flat per-case fee, or an
 * expense. An administrator approves it (then a {@link Disbursement} is scheduled) or rejects it with a
 * reason. Approving beyond the sub-award's amount needs an explicit override, which is marked here.
 */
@Entity
@Table(name = "case_cost")
public class CaseCost implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "sub_award_id", nullable = false, updatable = false)
    private SubAward subAward;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private CostCategory category;

    @Column(precision = 7, scale = 2, updatable = false)
    private BigDecimal hours;

    @Column(precision = 19, scale = 2, updatable = false)
    private BigDecimal rate;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Column(name = "cost_date", nullable = false, updatable = false)
    private LocalDate costDate;

    /** Sealed under the case's client's key, as the decision's note: a cost's note can name the client. */
    @Column(updatable = false)
    @ClientText(sealed = true)
    private String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CostStatus status = CostStatus.SUBMITTED;

    @Column(name = "submitted_by", nullable = false, length = 254, updatable = false)
    private String submittedBy;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "decided_by", length = 254)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note")
    @ClientText(sealed = true)
    private String decisionNote;

    /** The sealed texts in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();


    @Column(name = "over_budget", nullable = false)
    private boolean overBudget;

    @Version
    private long version;

    protected CaseCost() {
    }

    CaseCost(Long caseId, SubAward subAward, CostEntry entry, String actor) {
        this.caseId = caseId;
        this.subAward = subAward;
        this.category = entry.getCategory();
        if (category.isHourly()) {
            this.hours = entry.getHours();
            this.rate = entry.getRate();
        }
        this.amount = entry.total();
        this.costDate = entry.getCostDate();
        this.note = seal("note", entry.getNote() == null || entry.getNote().isBlank() ? null : entry.getNote().trim());
        this.submittedBy = actor;
        this.submittedAt = Instant.now(FundClock.current());
    }

    /** Hours × rate to the cent, half up: 1.25 h at 150.10 = 187.63 (187.625 rounded up). */
    static BigDecimal hoursTimesRate(BigDecimal hours, BigDecimal rate) {
        return hours.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    void decide(CostStatus decision, String actor, String reason, boolean beyondBudget) {
        this.status = decision;
        this.decidedBy = actor;
        this.decidedAt = Instant.now(FundClock.current());
        this.decisionNote = seal("decisionNote", reason == null || reason.isBlank() ? null : reason.trim());
        this.overBudget = beyondBudget;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public SubAward getSubAward() {
        return subAward;
    }

    public CostCategory getCategory() {
        return category;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getCostDate() {
        return costDate;
    }

    public String getNote() {
        return open("note", note);
    }

    public CostStatus getStatus() {
        return status;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return open("decisionNote", decisionNote);
    }

    public boolean isOverBudget() {
        return overBudget;
    }

    public long getVersion() {
        return version;
    }

    /** The case whose client's key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerCaseId() {
        return caseId;
    }

    /** A text of the record sealed under its client's key ({@link ClientTexts}), remembered in clear. */
    private String seal(String field, String clear) {
        texts().set(field, clear);
        return ClientTexts.seal(this, field, ClientTexts.clientOfCase(caseId), clear);
    }

    /** A sealed text in clear (opened once; null once the client's personal data is erased). */
    private String open(String field, String stored) {
        return texts().get(field, stored, value -> ClientTexts.open(this, field, ClientTexts.clientOfCase(caseId), value));
    }

    private OpenedTexts texts() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts;
    }
}
