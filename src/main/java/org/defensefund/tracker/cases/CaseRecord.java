package org.defensefund.tracker.cases;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.OfClient;
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

    void attach(LegalCase toCase, String by) {
        legalCase = toCase;
        recordedBy = by;
        createdAt = Instant.now(FundClock.current());
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
