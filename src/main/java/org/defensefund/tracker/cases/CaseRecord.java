package org.defensefund.tracker.cases;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/** What every record made during representation has: its case, who recorded it and when. */
@MappedSuperclass
public abstract class CaseRecord implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private LegalCase legalCase;

    @Column(name = "recorded_by", nullable = false, length = 254)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The record's sealed texts in clear, once opened or set; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

    void attach(LegalCase toCase, String by) {
        legalCase = toCase;
        recordedBy = by;
        createdAt = Instant.now(FundClock.current());
        sealTexts();
    }

    /** Seals the texts set before the record was attached to its case (whose client's key seals them): {@link #sealNow}. */
    protected abstract void sealTexts();

    /**
     * A text of the record as stored: sealed under its case's client's key ({@code v2:}, bound to {@code Type.field});
     * an unchanged one left as stored; one set before the record is attached kept in clear until {@link #attach} seals it.
     */
    protected String sealText(String field, String stored, String clear) {
        if (Objects.equals(clear, openText(field, stored))) {
            return stored;
        }
        texts().set(field, clear);
        return legalCase == null ? null : sealNow(field, clear);
    }

    /** A text sealed under the case's client's key now. */
    protected String sealNow(String field, String clear) {
        texts().set(field, clear);
        return legalCase.getClient().sealText(OpenedTexts.column(this, field), clear);
    }

    /** A sealed text in clear (opened once; null when the client's personal data is erased). */
    protected String openText(String field, String stored) {
        return texts().get(field, stored, value -> legalCase == null ? value : legalCase.getClient().openText(OpenedTexts.column(this, field), value));
    }

    private OpenedTexts texts() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts;
    }

    public LegalCase getLegalCase() {
        return legalCase;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return legalCase == null ? null : legalCase.getClientId();
    }
}
