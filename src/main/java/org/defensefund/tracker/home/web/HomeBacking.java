package org.defensefund.tracker.home.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;

/** {@code /index.xhtml}: a welcome for the signed-in user; partner staff see their organization, funders their funder. */
@Named
@RequestScoped
public class HomeBacking {

    @Inject
    private CurrentUser currentUser;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    private PartnerOrganization ownPartner;
    private Funder ownFunder;

    @PostConstruct
    void init() {
        if (currentUser.isPartnerStaff()) {
            ownPartner = partners.own().orElse(null);
        } else if (currentUser.isFunder()) {
            ownFunder = funders.own().orElse(null);
        }
    }

    public PartnerOrganization getOwnPartner() {
        return ownPartner;
    }

    public Funder getOwnFunder() {
        return ownFunder;
    }
}
