package org.defensefund.tracker.funding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.shared.FundClock;

/**
 * One change of a sub-award's amount or period, with who made it, when and why. The first one records
 * the award itself (no old values). Never changed or deleted.
 */
@Entity
@Table(name = "sub_award_amendment")
public class SubAwardAmendment implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sub_award_id", nullable = false, updatable = false)
    private SubAward subAward;

    @Column(name = "amended_at", nullable = false, updatable = false)
    private Instant amendedAt;

    @Column(name = "amended_by", nullable = false, updatable = false, length = 254)
    private String amendedBy;

    @Column(name = "old_amount", updatable = false, precision = 19, scale = 2)
    private BigDecimal oldAmount;

    @Column(name = "new_amount", nullable = false, updatable = false, precision = 19, scale = 2)
    private BigDecimal newAmount;

    @Column(name = "old_start", updatable = false)
    private LocalDate oldStart;

    @Column(name = "new_start", nullable = false, updatable = false)
    private LocalDate newStart;

    @Column(name = "old_end", updatable = false)
    private LocalDate oldEnd;

    @Column(name = "new_end", nullable = false, updatable = false)
    private LocalDate newEnd;

    @Column(nullable = false, updatable = false, length = 1000)
    private String reason;

    protected SubAwardAmendment() {
    }

    SubAwardAmendment(SubAward subAward, SubAwardTerms before, SubAwardTerms after, String reason, String actor) {
        this.subAward = subAward;
        this.amendedAt = Instant.now(FundClock.current());
        this.amendedBy = actor;
        if (before != null) {
            this.oldAmount = before.amount();
            this.oldStart = before.periodStart();
            this.oldEnd = before.periodEnd();
        }
        this.newAmount = after.amount();
        this.newStart = after.periodStart();
        this.newEnd = after.periodEnd();
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getAmendedAt() {
        return amendedAt;
    }

    public String getAmendedBy() {
        return amendedBy;
    }

    public BigDecimal getOldAmount() {
        return oldAmount;
    }

    public BigDecimal getNewAmount() {
        return newAmount;
    }

    public LocalDate getOldStart() {
        return oldStart;
    }

    public LocalDate getNewStart() {
        return newStart;
    }

    public LocalDate getOldEnd() {
        return oldEnd;
    }

    public LocalDate getNewEnd() {
        return newEnd;
    }

    public String getReason() {
        return reason;
    }
}
