package org.defensefund.tracker.funding;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.defensefund.tracker.cases.CaseFacts;

/**
 * What a grant may pay for, as one value: the case types and relief sought it funds (by reference item id,
 * with their names for the message), detained clients only, the municipalities clients must live in, a
 * maximum per case and the cost categories it excludes. An empty list means no restriction of that kind.
 * {@link #check} says which restrictions a case fails, {@link #checkCost} which a new cost fails; both
 * return the failures in a fixed order, empty when the case or cost qualifies. Built from the grant's
 * columns by {@link Grant#restrictions()}.
 */
public final class GrantRestrictions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A grant that pays for any case and any cost. */
    public static final GrantRestrictions NONE = new GrantRestrictions(Map.of(), Map.of(), false, Set.of(), null, Set.of());

    private final Map<Long, String> caseTypes;
    private final Map<Long, String> reliefTypes;
    private final boolean detainedOnly;
    private final Set<String> municipalities;
    private final BigDecimal maxPerCase;
    private final Set<CostCategory> excludedUses;

    /**
     * @param caseTypes      the case types funded, name by id (empty: any)
     * @param reliefTypes    the relief sought funded, name by id (empty: any); a case qualifies with one of them
     * @param municipalities where clients must live (empty: anywhere); blanks dropped, spaces trimmed
     * @param maxPerCase     the most the grant pays for one case (null: no maximum)
     * @param excludedUses   cost categories the grant never pays
     */
    public GrantRestrictions(Map<Long, String> caseTypes, Map<Long, String> reliefTypes, boolean detainedOnly,
                             Collection<String> municipalities, BigDecimal maxPerCase, Collection<CostCategory> excludedUses) {
        this.caseTypes = Collections.unmodifiableMap(new TreeMap<>(caseTypes));
        this.reliefTypes = Collections.unmodifiableMap(new TreeMap<>(reliefTypes));
        this.detainedOnly = detainedOnly;
        this.municipalities = Collections.unmodifiableSet(cleaned(municipalities));
        this.maxPerCase = maxPerCase;
        this.excludedUses = Collections.unmodifiableSet(excludedUses.isEmpty() ? EnumSet.noneOf(CostCategory.class) : EnumSet.copyOf(excludedUses));
    }

    /** Municipality names trimmed, blanks dropped, sorted. */
    static TreeSet<String> cleaned(Collection<String> municipalities) {
        TreeSet<String> clean = new TreeSet<>();
        if (municipalities != null) {
            municipalities.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).forEach(clean::add);
        }
        return clean;
    }

    /**
     * The restrictions a case fails: case type, relief sought, detained only, municipality, in that order.
     * The maximum per case and excluded uses concern costs ({@link #checkCost}).
     */
    public List<RestrictionFailure> check(CaseFacts facts) {
        List<RestrictionFailure> failed = new ArrayList<>();
        if (!caseTypes.isEmpty() && (facts.caseTypeId() == null || !caseTypes.containsKey(facts.caseTypeId()))) {
            failed.add(new RestrictionFailure(RestrictionKind.CASE_TYPE, names(caseTypes)));
        }
        if (!reliefTypes.isEmpty() && reliefTypes.keySet().stream().noneMatch(facts.reliefTypeIds()::contains)) {
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
     * The restrictions a new cost fails: an excluded use, or a case total (what is already submitted or
     * approved on this grant for the case, plus this cost) above the maximum per case.
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

    /** Whether the grant limits its cases or costs in any way. */
    public boolean isRestricted() {
        return !caseTypes.isEmpty() || !reliefTypes.isEmpty() || detainedOnly || !municipalities.isEmpty()
                || maxPerCase != null || !excludedUses.isEmpty();
    }

    private static String names(Map<Long, String> items) {
        return String.join(", ", new TreeSet<>(items.values()));
    }

    /** Municipalities compare without case, accents or surrounding spaces: "Chelsea" = " chelsea". */
    static String comparable(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    public boolean isDetainedOnly() {
        return detainedOnly;
    }

    public Set<String> getMunicipalities() {
        return municipalities;
    }

    public BigDecimal getMaxPerCase() {
        return maxPerCase;
    }

    public Set<CostCategory> getExcludedUses() {
        return excludedUses;
    }
}
