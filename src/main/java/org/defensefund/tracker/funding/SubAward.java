package org.defensefund.tracker.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * The part of a {@link Grant} given to one partner organization for a period ({@link Grant#award}). Its
 * amount and period change only through an amendment ({@link #amend}, kept as a {@link SubAwardAmendment}),
 * never beyond the grant nor below what is approved from it. Cases of that partner
 * are charged to it, and their approved costs are paid from it. The partner is held by id (partners
 * are their own feature).
 */
@Entity
@Table(name = "sub_award")
public class SubAward extends Timestamped implements NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "grant_id", nullable = false, updatable = false)
    private Grant grant;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private Long partnerId;

    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Version
    private long version;

    protected SubAward() {
    }

    SubAward(Grant grant, Long partnerId, SubAwardTerms terms) {
        this.grant = grant;
        this.partnerId = partnerId;
        apply(terms);
    }

    /**
     * Changes the amount or period, with a reason, and returns the amendment that keeps the old terms. The
     * period stays inside the grant's; the amount can't take the grant's sub-awards ({@code allocatedOnGrant},
     * this one included at its current amount) above the grant, nor fall below what is already approved
     * from this sub-award.
     */
    SubAwardAmendment amend(SubAwardTerms terms, BigDecimal allocatedOnGrant, BigDecimal approved, String actor) {
        if (terms.reason() == null || terms.reason().isBlank()) {
            throw new BusinessException("subAward.reason.required", "reason");
        }
        grant.checkPeriod(terms);
        grant.requireRoom(allocatedOnGrant.subtract(amount), terms.amount());
        if (terms.amount().compareTo(approved) < 0) {
            throw new BusinessException("subAward.belowApproved", "amount", approved);
        }
        SubAwardTerms before = terms();
        apply(terms);
        return new SubAwardAmendment(this, before, terms, terms.reason().trim(), actor);
    }

    private void apply(SubAwardTerms terms) {
        this.amount = terms.amount();
        this.periodStart = terms.periodStart();
        this.periodEnd = terms.periodEnd();
    }

    /** Whether the day falls in the sub-award's period. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
    }

    public SubAwardTerms terms() {
        return new SubAwardTerms(amount, periodStart, periodEnd, null);
    }

    public Long getId() {
        return id;
    }

    public Grant getGrant() {
        return grant;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getGrant().getName();
    }
}
