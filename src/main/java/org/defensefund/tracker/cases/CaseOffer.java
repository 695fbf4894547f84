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
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * An offer of a case to one partner organization, and the partner's answer. Offers are kept after they
 * are answered, so a case's history shows every partner it went to and why it came back. An offer is
 * answered once: the partner accepts (naming the attorney) or declines (with a reason), or the fund withdraws
 * it; each answer moves its case and returns the timeline entry it causes.
 */
@Entity
@Table(name = "case_offer")
public class CaseOffer implements Serializable, OfClient {

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

    /** Sealed under the case's client's key: a partner's answer can name or reach the client. */
    @Column(name = "response_note")
    @ClientText(sealed = true)
    private String responseNote;

    /** The answer's note in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

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

    /**
     * The partner accepts and names the attorney (at most 200 characters): the case is assigned to it. Returns
     * the timeline entry.
     */
    CaseEvent accept(String attorney, String by) {
        if (attorney == null || attorney.isBlank()) {
            throw new BusinessException("offer.attorney.required", "attorney");
        }
        String name = attorney.trim();
        if (name.length() > 200) {
            throw new BusinessException("offer.attorney.tooLong", "attorney");
        }
        CaseStatus from = legalCase.getStatus();
        answer(OfferStatus.ACCEPTED, by, null, null);
        attorneyName = name;
        legalCase.assign(name);
        return CaseEvent.of(legalCase, by, CaseEventKind.OFFER_ACCEPTED, from, TimelineText.of(TimelineText.words(name)), null);
    }

    /** The partner declines with a reason and an optional note: the case goes back to the queue. */
    CaseEvent decline(ReferenceItem reason, String note, String by) {
        if (reason == null) {
            throw new BusinessException("offer.declineReason.required", "declineReason");
        }
        CaseStatus from = legalCase.getStatus();
        answer(OfferStatus.DECLINED, by, reason, note);
        legalCase.returnToQueue();
        return CaseEvent.of(legalCase, by, CaseEventKind.OFFER_DECLINED, from, TimelineText.of(TimelineText.item(reason)), note);
    }

    /** The fund takes the offer back before it is answered: the case goes back to the queue. */
    CaseEvent withdraw(String note, String by) {
        CaseStatus from = legalCase.getStatus();
        answer(OfferStatus.WITHDRAWN, by, null, note);
        legalCase.returnToQueue();
        return CaseEvent.of(legalCase, by, CaseEventKind.OFFER_WITHDRAWN, from, TimelineText.none(), note);
    }

    private void answer(OfferStatus answer, String by, ReferenceItem reason, String note) {
        requirePending();
        String text = note == null || note.isBlank() ? null : note.trim();
        if (text != null && text.length() > LegalCase.TEXT_MAX) {
            throw new BusinessException("case.note.tooLong", "note", LegalCase.TEXT_MAX);
        }
        status = answer;
        respondedAt = Instant.now(FundClock.current());
        respondedBy = by;
        declineReason = reason;
        texts().set("responseNote", text);
        responseNote = legalCase.getClient().sealText(OpenedTexts.column(this, "responseNote"), text);
    }

    /** Refuses an offer already answered (accepted, declined or withdrawn). */
    void requirePending() {
        if (status != OfferStatus.PENDING) {
            throw new BusinessException("offer.alreadyAnswered", null, status);
        }
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
        return texts().get("responseNote", responseNote,
                value -> legalCase.getClient().openText(OpenedTexts.column(this, "responseNote"), value));
    }

    private OpenedTexts texts() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts;
    }

    public String getAttorneyName() {
        return attorneyName;
    }

    public long getVersion() {
        return version;
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return legalCase == null ? null : legalCase.getClientId();
    }
}
