package org.defensefund.tracker.cases;

import java.util.Set;

/**
 * What other features may know of a case by its id, without reaching into its records: its number, status
 * and partner, its type, the relief sought, whether the client was ever detained during it and the
 * municipality the client lives in. Funding checks a grant's restrictions against these facts.
 */
public record CaseFacts(Long caseId, String caseNumber, CaseStatus status, Long partnerId, Long caseTypeId, Set<Long> reliefTypeIds,
                        boolean everDetained, String municipality) {

    public CaseFacts {
        reliefTypeIds = reliefTypeIds == null ? Set.of() : Set.copyOf(reliefTypeIds);
        municipality = municipality == null || municipality.isBlank() ? null : municipality.trim();
    }
}
