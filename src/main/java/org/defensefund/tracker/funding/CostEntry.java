package org.defensefund.tracker.funding;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What partner staff type to record a cost: the category, then hours and rate (attorney hours) or the
 * amount (a flat fee or an expense), the date and a note.
 */
public class CostEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{cost.category.required}")
    private CostCategory category;

    @DecimalMin(value = "0.01", message = "{cost.hours.positive}")
    @DecimalMax(value = "1000", message = "{cost.hours.tooMany}")
    @Digits(integer = 5, fraction = 2, message = "{cost.hours.format}")
    private BigDecimal hours;

    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    private BigDecimal rate;

    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    private BigDecimal amount;

    @NotNull(message = "{cost.date.required}")
    @PastOrPresent(message = "{cost.date.future}")
    private LocalDate costDate;

    @Size(max = 1000, message = "{field.tooLong}")
    private String note;

    /** The amount this entry comes to; null while the needed parts are missing. */
    public BigDecimal total() {
        if (category == null) {
            return null;
        }
        if (category.isHourly()) {
            return hours == null || rate == null ? null : CaseCost.hoursTimesRate(hours, rate);
        }
        return amount;
    }

    public CostCategory getCategory() {
        return category;
    }

    public void setCategory(CostCategory category) {
        this.category = category;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public BigDecimal getRate() {
        return rate;
    }

    public void setRate(BigDecimal rate) {
        this.rate = rate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getCostDate() {
        return costDate;
    }

    public void setCostDate(LocalDate costDate) {
        this.costDate = costDate;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
