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
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.FundClock;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * An offer of a case to one partner organization, and the partner's answer. Offers are kept after they
 * are answered, so a case's history shows every partner it went to and why it came back.
 */
@Entity
@Table(name = "case_offer")
public class CaseOffer implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private LegalCase legalCase;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private Long partnerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private OfferStatus status = OfferStatus.PENDING;

    @Column(name = "offered_at", nullable = false, updatable = false)
    private Instant offeredAt;

    @Column(name = "offered_by", nullable = false, updatable = false, length = 254)
    private String offeredBy;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Column(name = "responded_by", length = 254)
    private String respondedBy;

    @ManyToOne
    @JoinColumn(name = "decline_reason_id")
    private ReferenceItem declineReason;

    @Column(name = "response_note", length = 1000)
    private String responseNote;

    @Column(name = "attorney_name", length = 200)
    private String attorneyName;

    @Version
    private long version;

    protected CaseOffer() {
    }

    CaseOffer(LegalCase legalCase, Long partnerId, String offeredBy) {
        this.legalCase = legalCase;
        this.partnerId = partnerId;
        this.offeredBy = offeredBy;
        this.offeredAt = Instant.now(FundClock.current());
    }

    void accept(String attorney, String by) {
        answer(OfferStatus.ACCEPTED, by, null, null);
        attorneyName = attorney;
    }

    void decline(ReferenceItem reason, String note, String by) {
        answer(OfferStatus.DECLINED, by, reason, note);
    }

    void withdraw(String note, String by) {
        answer(OfferStatus.WITHDRAWN, by, null, note);
    }

    private void answer(OfferStatus answer, String by, ReferenceItem reason, String note) {
        if (status != OfferStatus.PENDING) {
            throw new org.defensefund.tracker.shared.BusinessException("offer.alreadyAnswered", null, status);
        }
        status = answer;
        respondedAt = Instant.now(FundClock.current());
        respondedBy = by;
        declineReason = reason;
        responseNote = note;
    }

    /** Whether a pending offer has waited longer than the partner is given to answer. */
    public boolean isOverdue(Duration allowed, Instant now) {
        return status == OfferStatus.PENDING && offeredAt.plus(allowed).isBefore(now);
    }

    public Long getId() {
        return id;
    }

    public LegalCase getLegalCase() {
        return legalCase;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public OfferStatus getStatus() {
        return status;
    }

    public Instant getOfferedAt() {
        return offeredAt;
    }

    public String getOfferedBy() {
        return offeredBy;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }

    public ReferenceItem getDeclineReason() {
        return declineReason;
    }

    public String getResponseNote() {
        return responseNote;
    }

    public String getAttorneyName() {
        return attorneyName;
    }

    public long getVersion() {
        return version;
    }
}
