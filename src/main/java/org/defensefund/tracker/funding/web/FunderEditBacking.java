package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderKind;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/funders/edit.xhtml}: records a new funder ({@code ?id} absent) or edits one. A stale save
 * is refused with a message and the form keeps what was typed.
 */
@Named
@ViewScoped
public class FunderEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "form";

    @Inject
    private FunderService funders;

    private String id;
    private Funder funder;

    public void load() {
        if (id == null || id.isBlank()) {
            funder = new Funder();
            return;
        }
        funder = funders.find(PageIds.required(id, "Funder"));
    }

    public String save() {
        try {
            boolean created = funder.getId() == null;
            funder = created ? funders.create(funder) : funders.update(funder);
            PageMessages.done(created ? "funders_edit.created" : "funders_edit.saved", funder.getName());
            return "list?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
            return null;
        }
    }

    public String toggleActive() {
        try {
            funder = funders.setActive(funder.getId(), funder.getVersion(), !funder.isActive());
            PageMessages.done(funder.isActive() ? "funders_edit.reactivated" : "funders_edit.deactivated", funder.getName());
            return "list?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
            return null;
        }
    }

    public boolean isNew() {
        return funder == null || funder.getId() == null;
    }

    public FunderKind[] getKinds() {
        return FunderKind.values();
    }

    public Funder getFunder() {
        return funder;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
