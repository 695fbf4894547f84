package org.defensefund.tracker.deadlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.NamedRecord;

/** The period in force of one deadline rule, in days (or business days, as the rule counts), and who last changed it. */
@Entity
@Table(name = "deadline_rule_period")
public class DeadlineRulePeriod implements Serializable, NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private DeadlineRule rule;

    @Column(nullable = false)
    private int period;

    @Column(name = "updated_by", length = 254)
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected DeadlineRulePeriod() {
    }

    /** Sets a new period: from 1 to {@value DeadlineRule#MAX_PERIOD} days. */
    void change(int days, String actor, Instant at) {
        if (days < 1 || days > DeadlineRule.MAX_PERIOD) {
            throw new BusinessException("deadline.period.range", "period", DeadlineRule.MAX_PERIOD);
        }
        period = days;
        updatedBy = actor;
        updatedAt = at;
    }

    public DeadlineRule getRule() {
        return rule;
    }

    public int getPeriod() {
        return period;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return rule.name();
    }
}
