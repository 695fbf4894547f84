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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * The payment of one approved cost to the partner: scheduled when the cost is approved, then paid on a
 * date with the fund's payment reference.
 */
@Entity
@Table(name = "disbursement")
public class Disbursement implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "cost_id", nullable = false, updatable = false)
    private CaseCost cost;

    @ManyToOne(optional = false)
    @JoinColumn(name = "sub_award_id", nullable = false, updatable = false)
    private SubAward subAward;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DisbursementStatus status = DisbursementStatus.SCHEDULED;

    @Column(name = "scheduled_date", nullable = false)
    private LocalDate scheduledDate;

    @Column(name = "paid_date")
    private LocalDate paidDate;

    @Column(name = "payment_ref", length = 100)
    private String paymentRef;

    @Version
    private long version;

    protected Disbursement() {
    }

    Disbursement(CaseCost cost, LocalDate scheduledDate) {
        this.cost = cost;
        this.subAward = cost.getSubAward();
        this.amount = cost.getAmount();
        this.scheduledDate = scheduledDate;
    }

    void paid(LocalDate on, String reference) {
        this.status = DisbursementStatus.PAID;
        this.paidDate = on;
        this.paymentRef = reference == null || reference.isBlank() ? null : reference.trim();
    }

    public Long getId() {
        return id;
    }

    public CaseCost getCost() {
        return cost;
    }

    public SubAward getSubAward() {
        return subAward;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public DisbursementStatus getStatus() {
        return status;
    }

    public LocalDate getScheduledDate() {
        return scheduledDate;
    }

    public LocalDate getPaidDate() {
        return paidDate;
    }

    public String getPaymentRef() {
        return paymentRef;
    }

    public long getVersion() {
        return version;
    }
}
