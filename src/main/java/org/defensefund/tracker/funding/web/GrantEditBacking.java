package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.funding.GrantTerms;
import org.defensefund.tracker.funding.ReportingSchedule;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/grants/edit.xhtml}: records a grant ({@code ?id} absent, {@code ?funder} to preselect
 * one) or edits one: its terms and its restrictions. A stale save is refused and the form keeps what
 * was typed.
 */
@Named
@ViewScoped
public class GrantEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "form";

    @Inject
    private GrantService grants;

    @Inject
    private FunderService funders;

    @Inject
    private ReferenceDataService referenceData;

    private String id;
    private String funderId;
    private Grant grant;
    private GrantTerms terms;
    private String municipalityList;
    private List<CostCategory> excludedUses;
    private List<Funder> funderChoices;
    private List<ReferenceItem> caseTypeChoices;
    private List<ReferenceItem> reliefTypeChoices;

    /** Loads the grant and, once per view, the choices: the same objects on every postback, as the select converter needs. */
    public void load() {
        funderChoices = funders.active();
        caseTypeChoices = referenceData.active(ReferenceList.CASE_TYPE);
        reliefTypeChoices = referenceData.active(ReferenceList.RELIEF_TYPE);
        if (id == null || id.isBlank()) {
            grant = null;
            terms = new GrantTerms();
            if (funderId != null && funderId.matches("\\d{1,18}")) {
                funderChoices.stream().filter(f -> f.getId().equals(Long.valueOf(funderId))).findFirst().ifPresent(terms::setFunder);
            }
        } else {
            grant = grants.find(PageIds.required(id, "Grant"));
            terms = GrantTerms.of(grant);
            funderChoices.stream().filter(f -> f.getId().equals(grant.getFunder().getId())).findFirst().ifPresent(terms::setFunder);
            terms.setCaseTypes(sameAs(terms.getCaseTypes(), caseTypeChoices));
            terms.setReliefTypes(sameAs(terms.getReliefTypes(), reliefTypeChoices));
        }
        municipalityList = String.join(", ", terms.getMunicipalities());
        excludedUses = new java.util.ArrayList<>(terms.getExcludedUses());
    }

    public String save() {
        try {
            boolean created = grant == null;
            terms.setMunicipalities(municipalities(municipalityList));
            terms.setExcludedUses(new java.util.HashSet<>(excludedUses));
            Grant saved = created ? grants.create(terms) : grants.update(grant.getId(), grant.getVersion(), terms);
            PageMessages.done(created ? "grants_edit.created" : "grants_edit.saved", saved.getName());
            return "/budget/grant?faces-redirect=true&id=" + saved.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
            return null;
        }
    }

    /** The municipalities typed on one line, separated by commas, semicolons or line breaks; trimmed, empty ones dropped. */
    static java.util.Set<String> municipalities(String typed) {
        return typed == null ? java.util.Set.of() : java.util.Arrays.stream(typed.split("[,;\\n]"))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    public boolean isNew() {
        return grant == null;
    }

    private static java.util.Set<ReferenceItem> sameAs(java.util.Set<ReferenceItem> chosen, List<ReferenceItem> choices) {
        java.util.Set<Long> ids = chosen.stream().map(ReferenceItem::getId).collect(java.util.stream.Collectors.toSet());
        java.util.Set<ReferenceItem> same = new java.util.LinkedHashSet<>();
        choices.stream().filter(c -> ids.contains(c.getId())).forEach(same::add);
        chosen.stream().filter(c -> same.stream().noneMatch(s -> s.getId().equals(c.getId()))).forEach(same::add);
        return same;
    }

    public List<Funder> getFunders() {
        return funderChoices;
    }

    public List<ReferenceItem> getCaseTypes() {
        return caseTypeChoices;
    }

    public List<ReferenceItem> getReliefTypes() {
        return reliefTypeChoices;
    }

    public CostCategory[] getCostCategories() {
        return CostCategory.values();
    }

    public ReportingSchedule[] getSchedules() {
        return ReportingSchedule.values();
    }

    public Grant getGrant() {
        return grant;
    }

    public GrantTerms getTerms() {
        return terms;
    }

    public String getMunicipalityList() {
        return municipalityList;
    }

    public void setMunicipalityList(String municipalityList) {
        this.municipalityList = municipalityList;
    }

    public List<CostCategory> getExcludedUses() {
        return excludedUses;
    }

    public void setExcludedUses(List<CostCategory> excludedUses) {
        this.excludedUses = excludedUses;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getFunderId() {
        return funderId;
    }

    public void setFunderId(String funderId) {
        this.funderId = funderId;
    }
}
