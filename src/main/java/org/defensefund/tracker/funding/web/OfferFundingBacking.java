package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.SubAwardOption;

/**
 * The funding column of the offer screen ({@code /cases/offer.xhtml}): for each partner, the current
 * sub-awards the case would qualify for under their grants' restrictions, read once per view.
 */
@Named
@ViewScoped
public class OfferFundingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ChargeService charges;

    private Long loadedFor;
    private Map<Long, List<SubAwardOption>> byPartner = Map.of();

    /** Labels of the partner's sub-awards the case qualifies for. */
    public List<String> qualifying(Long caseId, Long partnerId) {
        return options(caseId, partnerId).stream().filter(SubAwardOption::qualifies).map(SubAwardOption::label).toList();
    }

    /** How many of the partner's current sub-awards the case does not qualify for. */
    public long notQualifying(Long caseId, Long partnerId) {
        return options(caseId, partnerId).stream().filter(o -> !o.qualifies()).count();
    }

    private List<SubAwardOption> options(Long caseId, Long partnerId) {
        if (caseId == null) {
            return List.of();
        }
        if (!caseId.equals(loadedFor)) {
            byPartner = charges.qualifyingByPartner(caseId);
            loadedFor = caseId;
        }
        return byPartner.getOrDefault(partnerId, List.of());
    }
}
