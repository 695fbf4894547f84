package org.defensefund.tracker.funding;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What an administrator types to award or amend a sub-award: amount, period and the reason. */
public class SubAwardTerms implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{money.required}")
    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    private BigDecimal amount;

    @NotNull(message = "{period.start.required}")
    private LocalDate periodStart;

    @NotNull(message = "{period.end.required}")
    private LocalDate periodEnd;

    @Size(max = 1000, message = "{field.tooLong}")
    private String reason;

    public SubAwardTerms() {
    }

    public SubAwardTerms(BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, String reason) {
        this.amount = amount;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.reason = reason;
    }

    public BigDecimal amount() {
        return amount;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public String reason() {
        return reason;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public void setPeriodStart(LocalDate periodStart) {
        this.periodStart = periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public void setPeriodEnd(LocalDate periodEnd) {
        this.periodEnd = periodEnd;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
