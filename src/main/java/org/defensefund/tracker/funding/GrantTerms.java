package org.defensefund.tracker.funding;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.defensefund.tracker.reference.ReferenceItem;

/**
 * What an administrator types to record or edit a {@link Grant}: its funder (fixed once recorded), name,
 * money, period, purpose, reporting schedule and restrictions. The grant takes these terms as a whole
 * ({@code GrantService.create}, {@code GrantService.update}); the form is never the grant itself, so a
 * refused save leaves the grant as it was.
 */
public class GrantTerms implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "{grant.funder.required}")
    private Funder funder;

    @NotBlank(message = "{grant.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String name;

    @Size(max = 60, message = "{field.tooLong}")
    private String reference;

    @NotNull(message = "{money.required}")
    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    private BigDecimal amount;

    @NotNull(message = "{grant.awardDate.required}")
    private LocalDate awardDate;

    @NotNull(message = "{period.start.required}")
    private LocalDate periodStart;

    @NotNull(message = "{period.end.required}")
    private LocalDate periodEnd;

    @Size(max = 2000, message = "{field.tooLong}")
    private String purpose;

    @NotNull(message = "{grant.reportingSchedule.required}")
    private ReportingSchedule reportingSchedule = ReportingSchedule.QUARTERLY;

    private Set<ReferenceItem> caseTypes = new LinkedHashSet<>();

    private Set<ReferenceItem> reliefTypes = new LinkedHashSet<>();

    private boolean detainedOnly;

    private Set<String> municipalities = new TreeSet<>();

    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    private BigDecimal maxPerCase;

    private Set<CostCategory> excludedUses = EnumSet.noneOf(CostCategory.class);

    @Size(max = 2000, message = "{field.tooLong}")
    private String restrictionNotes;

    public GrantTerms() {
    }

    /** The essential terms, awarded on the first day of the period, unrestricted. */
    public GrantTerms(Funder funder, String name, BigDecimal amount, LocalDate periodStart, LocalDate periodEnd) {
        this.funder = funder;
        this.name = name;
        this.amount = amount;
        this.awardDate = periodStart;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    /** The grant's current terms, to edit. */
    public static GrantTerms of(Grant grant) {
        GrantTerms terms = new GrantTerms(grant.getFunder(), grant.getName(), grant.getAmount(), grant.getPeriodStart(), grant.getPeriodEnd());
        terms.reference = grant.getReference();
        terms.awardDate = grant.getAwardDate();
        terms.purpose = grant.getPurpose();
        terms.reportingSchedule = grant.getReportingSchedule();
        terms.setCaseTypes(grant.getCaseTypes());
        terms.setReliefTypes(grant.getReliefTypes());
        terms.detainedOnly = grant.isDetainedOnly();
        terms.setMunicipalities(grant.getMunicipalities());
        terms.maxPerCase = grant.getMaxPerCase();
        terms.setExcludedUses(grant.getExcludedUses());
        terms.restrictionNotes = grant.getRestrictionNotes();
        return terms;
    }

    /** A copy naming the stored funder and reference items the service resolved, leaving the form as typed. */
    GrantTerms resolved(Funder storedFunder, Set<ReferenceItem> storedCaseTypes, Set<ReferenceItem> storedReliefTypes) {
        GrantTerms copy = new GrantTerms(storedFunder, name, amount, periodStart, periodEnd);
        copy.reference = reference;
        copy.awardDate = awardDate;
        copy.purpose = purpose;
        copy.reportingSchedule = reportingSchedule;
        copy.setCaseTypes(storedCaseTypes);
        copy.setReliefTypes(storedReliefTypes);
        copy.detainedOnly = detainedOnly;
        copy.setMunicipalities(municipalities);
        copy.maxPerCase = maxPerCase;
        copy.setExcludedUses(excludedUses);
        copy.restrictionNotes = restrictionNotes;
        return copy;
    }

    public Funder getFunder() {
        return funder;
    }

    public void setFunder(Funder funder) {
        this.funder = funder;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public LocalDate getAwardDate() {
        return awardDate;
    }

    public void setAwardDate(LocalDate awardDate) {
        this.awardDate = awardDate;
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

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public ReportingSchedule getReportingSchedule() {
        return reportingSchedule;
    }

    public void setReportingSchedule(ReportingSchedule reportingSchedule) {
        this.reportingSchedule = reportingSchedule;
    }

    public Set<ReferenceItem> getCaseTypes() {
        return caseTypes;
    }

    public void setCaseTypes(Set<ReferenceItem> caseTypes) {
        this.caseTypes = caseTypes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(caseTypes);
    }

    public Set<ReferenceItem> getReliefTypes() {
        return reliefTypes;
    }

    public void setReliefTypes(Set<ReferenceItem> reliefTypes) {
        this.reliefTypes = reliefTypes == null ? new LinkedHashSet<>() : new LinkedHashSet<>(reliefTypes);
    }

    public boolean isDetainedOnly() {
        return detainedOnly;
    }

    public void setDetainedOnly(boolean detainedOnly) {
        this.detainedOnly = detainedOnly;
    }

    public Set<String> getMunicipalities() {
        return municipalities;
    }

    /** The municipalities clients must live in; names are trimmed and blanks dropped. */
    public void setMunicipalities(Set<String> municipalities) {
        this.municipalities = GrantRestrictions.cleaned(municipalities);
    }

    public BigDecimal getMaxPerCase() {
        return maxPerCase;
    }

    public void setMaxPerCase(BigDecimal maxPerCase) {
        this.maxPerCase = maxPerCase;
    }

    public Set<CostCategory> getExcludedUses() {
        return excludedUses;
    }

    public void setExcludedUses(Set<CostCategory> excludedUses) {
        this.excludedUses = excludedUses == null || excludedUses.isEmpty() ? EnumSet.noneOf(CostCategory.class) : EnumSet.copyOf(excludedUses);
    }

    public String getRestrictionNotes() {
        return restrictionNotes;
    }

    public void setRestrictionNotes(String restrictionNotes) {
        this.restrictionNotes = restrictionNotes;
    }
}
