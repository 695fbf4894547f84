package org.defensefund.tracker.funding;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * Money a funder gives the fund: an amount for a period, for a purpose, reported on a schedule, and
 * bound by restrictions on what it may pay for. The fund splits it into {@link SubAward}s to partners,
 * whose sum never exceeds the amount. Restrictions are checked when a case is charged to one of its
 * sub-awards ({@link #check}) and when a cost is recorded (maximum per case, excluded uses). An empty
 * restriction list means no restriction of that kind.
 */
@Entity
@Table(name = "grant_award")
public class Grant extends Timestamped implements NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull(message = "{grant.funder.required}")
    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "funder_id", nullable = false)
    private Funder funder;

    @NotBlank(message = "{grant.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @Column(nullable = false, length = 200)
    private String name;

    @Size(max = 60, message = "{field.tooLong}")
    @Column(length = 60)
    private String reference;

    @NotNull(message = "{money.required}")
    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    @Column(nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @NotNull(message = "{grant.awardDate.required}")
    @Column(name = "award_date", nullable = false)
    private LocalDate awardDate;

    @NotNull(message = "{period.start.required}")
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @NotNull(message = "{period.end.required}")
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Size(max = 2000, message = "{field.tooLong}")
    @Column(length = 2000)
    private String purpose;

    @NotNull(message = "{grant.reportingSchedule.required}")
    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_schedule", nullable = false, length = 20)
    private ReportingSchedule reportingSchedule = ReportingSchedule.QUARTERLY;

    @ManyToMany(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "grant_case_type", joinColumns = @JoinColumn(name = "grant_id"), inverseJoinColumns = @JoinColumn(name = "item_id"))
    private Set<ReferenceItem> caseTypes = new LinkedHashSet<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "grant_relief_type", joinColumns = @JoinColumn(name = "grant_id"), inverseJoinColumns = @JoinColumn(name = "item_id"))
    private Set<ReferenceItem> reliefTypes = new LinkedHashSet<>();

    @Column(name = "detained_only", nullable = false)
    private boolean detainedOnly;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "grant_municipality", joinColumns = @JoinColumn(name = "grant_id"))
    @Column(name = "municipality", length = 100)
    private Set<String> municipalities = new TreeSet<>();

    @DecimalMin(value = "0.01", message = "{money.positive}")
    @Digits(integer = 17, fraction = 2, message = "{money.cents}")
    @Column(name = "max_per_case", precision = 19, scale = 2)
    private BigDecimal maxPerCase;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @Enumerated(EnumType.STRING)
    @CollectionTable(name = "grant_excluded_use", joinColumns = @JoinColumn(name = "grant_id"))
    @Column(name = "category", length = 20)
    private Set<CostCategory> excludedUses = EnumSet.noneOf(CostCategory.class);

    @Size(max = 2000, message = "{field.tooLong}")
    @Column(name = "restriction_notes", length = 2000)
    private String restrictionNotes;

    @Version
    private long version;

    public Grant() {
    }

    public Grant(Funder funder, String name, BigDecimal amount, LocalDate periodStart, LocalDate periodEnd) {
        this.funder = funder;
        this.name = name;
        this.amount = amount;
        this.awardDate = periodStart;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    /**
     * The grant's own restrictions a case fails, in a fixed order; empty when it qualifies. The maximum
     * per case and excluded uses concern costs and are checked by {@link #checkCost}.
     */
    public List<RestrictionFailure> check(CaseFacts facts) {
        List<RestrictionFailure> failed = new ArrayList<>();
        if (!caseTypes.isEmpty() && (facts.caseTypeId() == null || caseTypes.stream().noneMatch(t -> t.getId().equals(facts.caseTypeId())))) {
            failed.add(new RestrictionFailure(RestrictionKind.CASE_TYPE, names(caseTypes)));
        }
        if (!reliefTypes.isEmpty() && reliefTypes.stream().noneMatch(t -> facts.reliefTypeIds().contains(t.getId()))) {
            failed.add(new RestrictionFailure(RestrictionKind.RELIEF_TYPE, names(reliefTypes)));
        }
        if (detainedOnly && !facts.everDetained()) {
            failed.add(new RestrictionFailure(RestrictionKind.DETAINED_ONLY, ""));
        }
        if (!municipalities.isEmpty() && (facts.municipality() == null
                || municipalities.stream().noneMatch(m -> comparable(m).equals(comparable(facts.municipality()))))) {
            failed.add(new RestrictionFailure(RestrictionKind.MUNICIPALITY, String.join(", ", municipalities)));
        }
        return failed;
    }

    /**
     * The cost restrictions a new cost fails: an excluded use, or a case total (what is already submitted
     * or approved on this grant for the case, plus this cost) above the maximum per case.
     */
    public List<RestrictionFailure> checkCost(CostCategory category, BigDecimal amount, BigDecimal alreadyOnCase) {
        List<RestrictionFailure> failed = new ArrayList<>();
        if (excludedUses.contains(category)) {
            failed.add(new RestrictionFailure(RestrictionKind.EXCLUDED_USE, category.name()));
        }
        if (maxPerCase != null && alreadyOnCase.add(amount).compareTo(maxPerCase) > 0) {
            failed.add(new RestrictionFailure(RestrictionKind.MAX_PER_CASE, maxPerCase.toPlainString()));
        }
        return failed;
    }

    /** Whether the grant limits its cases in any way; for the restriction summary. */
    public boolean isRestricted() {
        return !caseTypes.isEmpty() || !reliefTypes.isEmpty() || detainedOnly || !municipalities.isEmpty()
                || maxPerCase != null || !excludedUses.isEmpty();
    }

    private static String names(Set<ReferenceItem> items) {
        return items.stream().map(ReferenceItem::getName).sorted().collect(Collectors.joining(", "));
    }

    /** Municipalities compare without case, accents or surrounding spaces: "Chelsea" = " chelsea". */
    static String comparable(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
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
        this.name = name == null ? null : name.trim();
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

    /** The next report due after the given day: every few months from the period start, or at its end. */
    public LocalDate nextReportDue(LocalDate after) {
        if (reportingSchedule.months() == 0 || periodStart == null) {
            return periodEnd;
        }
        LocalDate due = periodStart.plusMonths(reportingSchedule.months()).minusDays(1);
        while (!due.isAfter(after) && due.isBefore(periodEnd)) {
            due = due.plusDays(1).plusMonths(reportingSchedule.months()).minusDays(1);
        }
        return due.isAfter(periodEnd) ? periodEnd : due;
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

    public void setMunicipalities(Set<String> municipalities) {
        this.municipalities = new TreeSet<>();
        if (municipalities != null) {
            municipalities.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).forEach(this.municipalities::add);
        }
    }

    /** The municipalities as one line, comma separated, for the edit form. */
    public String getMunicipalityList() {
        return String.join(", ", municipalities);
    }

    public void setMunicipalityList(String list) {
        setMunicipalities(list == null ? Set.of() : Set.of(list.split("[,;\\n]")).stream().collect(Collectors.toSet()));
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

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getName();
    }
}
