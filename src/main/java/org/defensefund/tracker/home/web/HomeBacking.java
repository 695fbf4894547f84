package org.defensefund.tracker.home.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.defensefund.tracker.cases.CaseLoad;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;

/** {@code /index.xhtml}: a welcome for the signed-in user; partner staff see their organization, funders their funder. */
@Named
@RequestScoped
public class HomeBacking {


    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    @Inject
    private CaseQueries caseQueries;

    private PartnerOrganization ownPartner;
    private Funder ownFunder;
    private List<Map.Entry<CaseQueue, Long>> queues = List.of();
    private CaseLoad caseLoad;

    @PostConstruct
    void init() {
        ownPartner = partners.own().orElse(null);
        ownFunder = funders.own().orElse(null);
        if (!caseQueries.queues().isEmpty()) {
            queues = new ArrayList<>(new TreeMap<>(caseQueries.queueSizes()).entrySet());
        }
        if (ownPartner != null) {
            caseLoad = caseQueries.ownCaseLoad();
        }
    }

    /** The caller's work queues and how many cases each holds, in the queues' order. */
    public List<Map.Entry<CaseQueue, Long>> getQueues() {
        return queues;
    }

    /** The partner's open cases and offers against its capacity (partner staff only). */
    public CaseLoad getCaseLoad() {
        return caseLoad;
    }

    public PartnerOrganization getOwnPartner() {
        return ownPartner;
    }

    public Funder getOwnFunder() {
        return ownFunder;
    }
}
