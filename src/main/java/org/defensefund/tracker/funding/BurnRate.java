package org.defensefund.tracker.funding;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When the money runs out at the pace spent so far: approved money divided by the days of the period
 * gone by (today counted, at least one) gives a daily rate; what remains divided by that rate gives the
 * days left. The forecast says whether the money lasts the period, runs out on a date inside it, is
 * already spent, or can't be told yet because nothing has been spent.
 */
public record BurnRate(Outlook outlook, BigDecimal perDay, LocalDate runsOutOn) implements Serializable {

    /** What the forecast says. */
    public enum Outlook { NOTHING_SPENT, LASTS_THE_PERIOD, RUNS_OUT, SPENT, NOT_STARTED }

    public static BurnRate of(BigDecimal awarded, BigDecimal approved, LocalDate start, LocalDate end, LocalDate today) {
        if (today.isBefore(start)) {
            return new BurnRate(Outlook.NOT_STARTED, BigDecimal.ZERO, null);
        }
        if (approved.signum() == 0) {
            return new BurnRate(Outlook.NOTHING_SPENT, BigDecimal.ZERO, null);
        }
        LocalDate asOf = today.isAfter(end) ? end : today;
        long days = Math.max(1, ChronoUnit.DAYS.between(start, asOf) + 1);
        BigDecimal perDay = approved.divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
        BigDecimal remaining = awarded.subtract(approved);
        if (remaining.signum() <= 0) {
            return new BurnRate(Outlook.SPENT, perDay, null);
        }
        long daysLeft = remaining.multiply(BigDecimal.valueOf(days)).divide(approved, 0, RoundingMode.FLOOR).longValueExact();
        LocalDate runsOut = asOf.plusDays(daysLeft);
        return runsOut.isAfter(end)
                ? new BurnRate(Outlook.LASTS_THE_PERIOD, perDay, runsOut)
                : new BurnRate(Outlook.RUNS_OUT, perDay, runsOut);
    }

    public Outlook getOutlook() {
        return outlook;
    }

    public BigDecimal getPerDay() {
        return perDay;
    }

    public LocalDate getRunsOutOn() {
        return runsOutOn;
    }
}
