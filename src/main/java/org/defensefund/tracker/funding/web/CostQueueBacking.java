package org.defensefund.tracker.funding.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.defensefund.tracker.funding.CostLine;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.CostStatus;
import org.defensefund.tracker.funding.Disbursement;
import org.defensefund.tracker.funding.DisbursementStatus;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/**
 * {@code /admin/costs.xhtml}: the administrator's money queues: costs waiting for a decision and
 * disbursements waiting to be paid, each paged by the database, oldest first.
 */
@Named
@ViewScoped
public class CostQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CostService costs;

    @Inject
    private PartnerService partners;

    private ServiceLazyModel<CostLine> submitted;
    private ServiceLazyModel<Disbursement> scheduled;
    private Map<Long, String> partnerNames;

    @PostConstruct
    void init() {
        submitted = ServiceLazyModel.of(costs::queueCount, costs::queue, costs::find, line -> line.cost().getId());
        submitted.setFilters(Map.of("status", CostStatus.SUBMITTED));
        scheduled = ServiceLazyModel.of(costs::paymentCount, costs::payments, id -> null, Disbursement::getId);
        scheduled.setFilters(Map.of("status", DisbursementStatus.SCHEDULED));
        partnerNames = partners.names();
    }

    public ServiceLazyModel<CostLine> getSubmitted() {
        return submitted;
    }

    public ServiceLazyModel<Disbursement> getScheduled() {
        return scheduled;
    }

    public String partnerName(Long partnerId) {
        return partnerNames.get(partnerId);
    }
}
