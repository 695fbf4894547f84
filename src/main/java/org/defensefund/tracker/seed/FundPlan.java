package org.defensefund.tracker.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.funding.CostCategory;

/**
 * What the cases are generated against, fixed before the first case: the reference items (by list and
 * code), the partners with their staff and attorneys, the sub-awards with their grants' restrictions, the
 * first ids of each table and the case number sequence. Read-only once built, shared by every chunk.
 */
final class FundPlan {

    /** A partner organization of the run: who its staff are (for who-did-what columns) and its attorneys. */
    record Partner(long id, String name, int weight, boolean detainedPractice, List<String> staff, List<String> attorneys) {
    }

    /** A sub-award of the run, with what its grant allows (empty sets: no restriction of that kind). */
    record SubAward(int index, long id, long partnerId, LocalDate start, LocalDate end, String grantLabel, int preference,
                    Set<Long> caseTypeIds, Set<Long> reliefTypeIds, boolean detainedOnly, Set<String> municipalities,
                    BigDecimal maxPerCase, Set<CostCategory> excludedUses) {

        boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }

        /** The grant's case restrictions, as {@code Grant.check} applies them. */
        boolean allows(Long caseTypeId, Set<Long> reliefTypes, boolean everDetained, String city) {
            if (!caseTypeIds.isEmpty() && (caseTypeId == null || !caseTypeIds.contains(caseTypeId))) {
                return false;
            }
            if (!reliefTypeIds.isEmpty() && reliefTypeIds.stream().noneMatch(reliefTypes::contains)) {
                return false;
            }
            if (detainedOnly && !everDetained) {
                return false;
            }
            return municipalities.isEmpty() || municipalities.stream().anyMatch(m -> m.equalsIgnoreCase(city));
        }
    }

    final Map<String, Long> referenceIds = new HashMap<>();
    final Map<Long, String> referenceNames = new HashMap<>();
    final Map<Long, String> referenceCodes = new HashMap<>();
    final List<Partner> partners;
    final List<SubAward> subAwards;
    final List<String> admins;
    final long caseIdBase;
    final long clientIdBase;
    final long costIdBase;
    final long firstCaseNumber;
    final long seed;
    final LocalDate today;
    final LocalDate firstDay;
    final int totalPartnerWeight;

    FundPlan(Map<String, Long> referenceIds, Map<Long, String> referenceNames, List<Partner> partners, List<SubAward> subAwards,
             List<String> admins, long caseIdBase, long clientIdBase, long costIdBase, long firstCaseNumber, long seed,
             LocalDate today, LocalDate firstDay) {
        this.referenceIds.putAll(referenceIds);
        this.referenceNames.putAll(referenceNames);
        referenceIds.forEach((key, id) -> referenceCodes.put(id, key.substring(key.indexOf(':') + 1)));
        this.partners = List.copyOf(partners);
        this.subAwards = List.copyOf(subAwards);
        this.admins = List.copyOf(admins);
        this.caseIdBase = caseIdBase;
        this.clientIdBase = clientIdBase;
        this.costIdBase = costIdBase;
        this.firstCaseNumber = firstCaseNumber;
        this.seed = seed;
        this.today = today;
        this.firstDay = firstDay;
        this.totalPartnerWeight = partners.stream().mapToInt(Partner::weight).sum();
    }

    /** The id of a reference item, e.g. {@code ref("OUTCOME", "RELIEF_GRANTED")}. */
    long ref(String list, String code) {
        Long id = referenceIds.get(list + ":" + code);
        if (id == null) {
            throw new IllegalStateException("reference item " + list + ":" + code + " is missing from reference_item");
        }
        return id;
    }

    String refName(long id) {
        return referenceNames.get(id);
    }
}
