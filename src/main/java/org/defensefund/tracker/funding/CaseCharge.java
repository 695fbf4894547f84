package org.defensefund.tracker.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * The sub-award a case is charged to now: one per case. New costs of the case are paid from it.
 * Moving a case to another sub-award replaces the row; the move is on the case's timeline and costs
 * already recorded stay on the sub-award they were recorded against.
 */
@Entity
@Table(name = "case_charge")
public class CaseCharge implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "sub_award_id", nullable = false)
    private SubAward subAward;

    @Column(name = "charged_at", nullable = false)
    private Instant chargedAt;

    @Column(name = "charged_by", nullable = false, length = 254)
    private String chargedBy;

    @Version
    private long version;

    protected CaseCharge() {
    }

    CaseCharge(Long caseId, SubAward subAward, String actor) {
        this.caseId = caseId;
        moveTo(subAward, actor);
    }

    final void moveTo(SubAward target, String actor) {
        this.subAward = target;
        this.chargedAt = Instant.now(FundClock.current());
        this.chargedBy = actor;
    }

    public Long getCaseId() {
        return caseId;
    }

    public SubAward getSubAward() {
        return subAward;
    }

    public Instant getChargedAt() {
        return chargedAt;
    }

    public String getChargedBy() {
        return chargedBy;
    }

    public long getVersion() {
        return version;
    }
}
