package org.defensefund.tracker.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.shared.BusinessException;

/**
 * The fund's retention rule: a client's personal data is erased {@link #getYearsAfterClose() N} whole years after the
 * last of their cases ended (closed or found ineligible), unless a legal hold is in force. One row (id 1), changed only
 * by administrators, every change kept in the audit trail. The default (3 years) is explained in the README.
 */
@Entity
@Table(name = "retention_rule")
public class RetentionRule implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The fewest and most years the rule may say. */
    public static final int MIN_YEARS = 1;
    public static final int MAX_YEARS = 50;

    @Id
    private Integer id;

    @Column(name = "years_after_close", nullable = false)
    private int yearsAfterClose;

    @Column(name = "changed_by", nullable = false, length = 254)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected RetentionRule() {
    }

    public int getYearsAfterClose() {
        return yearsAfterClose;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }

    /** Cases that ended before this day are past the rule on {@code today}. */
    public LocalDate endedBefore(LocalDate today) {
        return today.minusYears(yearsAfterClose);
    }

    /** Sets the number of years, refused outside {@value #MIN_YEARS}..{@value #MAX_YEARS}. */
    void change(int years, String by, Instant at) {
        if (years < MIN_YEARS || years > MAX_YEARS) {
            throw new BusinessException("retention.years.range", "years", MIN_YEARS, MAX_YEARS);
        }
        this.yearsAfterClose = years;
        this.changedBy = by;
        this.changedAt = at;
    }
}
