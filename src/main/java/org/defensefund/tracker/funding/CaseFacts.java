package org.defensefund.tracker.funding;

import java.util.Set;
import org.defensefund.tracker.cases.CaseStatus;

/**
 * What grant restrictions look at in a case: its type, the relief sought, whether the client was ever
 * detained during it, the municipality the client lives in, its status and partner.
 */
public record CaseFacts(Long caseId, CaseStatus status, Long partnerId, Long caseTypeId, Set<Long> reliefTypeIds,
                        boolean everDetained, String municipality) {

    public CaseFacts {
        reliefTypeIds = reliefTypeIds == null ? Set.of() : Set.copyOf(reliefTypeIds);
        municipality = municipality == null || municipality.isBlank() ? null : municipality.trim();
    }
}
