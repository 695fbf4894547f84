package org.defensefund.tracker.cases.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.PartnerMatch;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /cases/offer.xhtml}: the administrator picks the partner to offer a case to. Partners are listed
 * best fit first, with open cases against capacity, language and practice; a conflicted partner is shown
 * but can't be chosen (and the service refuses it whatever is posted).
 */
@Named
@ViewScoped
public class CaseOfferBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    private String id;
    private LegalCase legalCase;
    private List<PartnerMatch> matches;
    private Long partnerId;
    private String note;

    public void load() {
        Long caseId = PageIds.required(id, "Case");
        legalCase = cases.find(caseId);
        matches = assignment.partnerMatches(caseId);
    }

    public String offer() {
        try {
            assignment.offer(legalCase.getId(), legalCase.getVersion(), partnerId, note);
            PageMessages.done("cases_offer.offered", legalCase.getCaseNumber());
            return "detail?faces-redirect=true&id=" + legalCase.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, "offer");
            return null;
        }
    }

    public LegalCase getLegalCase() {
        return legalCase;
    }

    public List<PartnerMatch> getMatches() {
        return matches;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
