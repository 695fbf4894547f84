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
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.Timestamped;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * Money a funder gives the fund: an amount for a period, for a purpose, reported on a schedule, and
 * bound by restrictions on what it may pay for ({@link GrantRestrictions}, built from its columns). The
 * fund splits it into {@link SubAward}s to partners ({@link #award}); their sum never exceeds the amount,
 * and a revision ({@link #revise}) never takes the amount below them nor the period away from one. The
 * restrictions are checked when a case is charged to one of its sub-awards and when a cost is recorded.
 * Its terms change only as a whole, from what an administrator typed ({@link GrantTerms}); its funder
 * never changes.
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
    @Column(name = "municipality", length = MUNICIPALITY_LENGTH)
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

    /** The longest municipality name a grant keeps (its column's size). */
    static final int MUNICIPALITY_LENGTH = 100;

    protected Grant() {
    }

    /** A new grant of the funder on the terms typed (name, money, period, reporting, restrictions). */
    Grant(Funder funder, GrantTerms terms) {
        this.funder = funder;
        apply(terms);
    }

    /**
     * Changes the grant's terms, read with its sub-awards: the amount can't fall below what is already
     * allocated to them ({@code allocated}), and the period must still hold every sub-award's. The funder
     * stays.
     *
     * @param partnerName the name of a sub-award's partner, for the message
     */
    void revise(GrantTerms terms, BigDecimal allocated, List<SubAward> subAwards, Function<Long, String> partnerName) {
        if (terms.getAmount().compareTo(allocated) < 0) {
            throw new BusinessException("grant.amount.belowSubAwards", "amount", allocated, allocated.subtract(terms.getAmount()));
        }
        for (SubAward subAward : subAwards) {
            if (subAward.getPeriodStart().isBefore(terms.getPeriodStart()) || subAward.getPeriodEnd().isAfter(terms.getPeriodEnd())) {
                throw new BusinessException("grant.period.excludesSubAward", "periodStart", partnerName.apply(subAward.getPartnerId()));
            }
        }
        apply(terms);
    }

    private void apply(GrantTerms terms) {
        terms.getMunicipalities().stream().filter(m -> m.length() > MUNICIPALITY_LENGTH).findFirst().ifPresent(tooLong -> {
            throw new BusinessException("grant.municipality.tooLong", "municipalities", MUNICIPALITY_LENGTH, tooLong.substring(0, 20) + "…");
        });
        this.name = terms.getName() == null ? null : terms.getName().trim();
        this.reference = terms.getReference();
        this.amount = terms.getAmount();
        this.awardDate = terms.getAwardDate();
        this.periodStart = terms.getPeriodStart();
        this.periodEnd = terms.getPeriodEnd();
        this.purpose = terms.getPurpose();
        this.reportingSchedule = terms.getReportingSchedule();
        this.caseTypes = new LinkedHashSet<>(terms.getCaseTypes());
        this.reliefTypes = new LinkedHashSet<>(terms.getReliefTypes());
        this.detainedOnly = terms.isDetainedOnly();
        this.municipalities = GrantRestrictions.cleaned(terms.getMunicipalities());
        this.maxPerCase = terms.getMaxPerCase();
        this.excludedUses = terms.getExcludedUses().isEmpty() ? EnumSet.noneOf(CostCategory.class) : EnumSet.copyOf(terms.getExcludedUses());
        this.restrictionNotes = terms.getRestrictionNotes();
    }

    /**
     * Gives part of the grant to a partner: the sub-award's period must lie inside the grant's, and the
     * grant's sub-awards ({@code allocated} so far, plus this one) must not add up to more than the grant.
     */
    SubAward award(Long partnerId, SubAwardTerms terms, BigDecimal allocated) {
        checkPeriod(terms);
        requireRoom(allocated, terms.amount());
        return new SubAward(this, partnerId, terms);
    }

    /** Refuses a sub-award period that ends before it starts or lies outside the grant's period. */
    void checkPeriod(SubAwardTerms terms) {
        if (terms.periodEnd().isBefore(terms.periodStart())) {
            throw new BusinessException("period.endBeforeStart", "periodEnd");
        }
        if (terms.periodStart().isBefore(periodStart) || terms.periodEnd().isAfter(periodEnd)) {
            throw new BusinessException("subAward.period.outsideGrant", "periodStart", periodStart, periodEnd);
        }
    }

    /** Refuses, with the excess, when {@code allocatedOthers} plus {@code amount} exceeds the grant. */
    void requireRoom(BigDecimal allocatedOthers, BigDecimal amount) {
        BigDecimal after = allocatedOthers.add(amount);
        if (after.compareTo(this.amount) > 0) {
            throw new BusinessException("subAward.exceedsGrant", "amount", after.subtract(this.amount), this.amount);
        }
    }

    /** The grant's restrictions as one value, to check a case or a cost against. */
    public GrantRestrictions restrictions() {
        return new GrantRestrictions(namesById(caseTypes), namesById(reliefTypes), detainedOnly, municipalities, maxPerCase, excludedUses);
    }

    /** Whether the grant limits its cases or costs in any way; for the restriction summary. */
    public boolean isRestricted() {
        return restrictions().isRestricted();
    }

    private static Map<Long, String> namesById(Set<ReferenceItem> items) {
        Map<Long, String> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.getId(), item.getName()));
        return byId;
    }

    public Long getId() {
        return id;
    }

    public Funder getFunder() {
        return funder;
    }

    public String getName() {
        return name;
    }

    public String getReference() {
        return reference;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getAwardDate() {
        return awardDate;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public String getPurpose() {
        return purpose;
    }

    public ReportingSchedule getReportingSchedule() {
        return reportingSchedule;
    }

    /** The next report due after the given day (the grant's end once every report date has passed): {@link ReportingSchedule#reportDates}. */
    public LocalDate nextReportDue(LocalDate after) {
        return reportingSchedule.reportDates(periodStart, periodEnd).stream().filter(d -> d.isAfter(after)).findFirst().orElse(periodEnd);
    }

    public Set<ReferenceItem> getCaseTypes() {
        return caseTypes;
    }

    public Set<ReferenceItem> getReliefTypes() {
        return reliefTypes;
    }

    public boolean isDetainedOnly() {
        return detainedOnly;
    }

    public Set<String> getMunicipalities() {
        return municipalities;
    }

    /** The municipalities as one line, comma separated, for the grant's page. */
    public String getMunicipalityList() {
        return String.join(", ", municipalities);
    }

    public BigDecimal getMaxPerCase() {
        return maxPerCase;
    }

    public Set<CostCategory> getExcludedUses() {
        return excludedUses;
    }

    public String getRestrictionNotes() {
        return restrictionNotes;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getName();
    }
}
