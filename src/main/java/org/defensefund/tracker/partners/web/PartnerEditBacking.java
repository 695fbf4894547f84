package org.defensefund.tracker.partners.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.partners.PracticeArea;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/partners/edit.xhtml}: records a new partner ({@code ?id} absent) or edits one. The form
 * edits a detached copy; if someone else saved the partner meanwhile, the save is refused, the user is
 * told, and what they typed stays in the form until they choose to load the newer version.
 */
@Named
@ViewScoped
public class PartnerEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "form";

    @Inject
    private PartnerService partners;

    @Inject
    private ReferenceDataService referenceData;

    private String id;
    private PartnerOrganization partner;
    private List<Language> languageOptions;
    private boolean conflict;

    /** Runs on the first GET (view action): loads the partner, or starts a new one. A malformed id is not found. */
    public void load() {
        partner = id == null || id.isBlank() ? new PartnerOrganization() : partners.find(PageIds.required(id, "Partner organization"));
        languageOptions = referenceData.activeLanguages();
    }

    public String save() {
        try {
            boolean created = partner.getId() == null;
            partner = created ? partners.create(partner) : partners.update(partner);
            PageMessages.done(created ? "partners_edit.created" : "partners_edit.saved", partner.getName());
            return "list?faces-redirect=true";
        } catch (ConcurrentEditException e) {
            conflict = true;
            PageMessages.show(e, FORM);
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
        }
        return null;
    }

    /** After a conflict: drops what the user typed and shows the newest saved version. */
    public void loadLatest() {
        partner = partners.find(partner.getId());
        conflict = false;
        PageMessages.error(null, "partners_edit.reloaded");
    }

    public String deactivate() {
        return changeStatus(false);
    }

    public String reactivate() {
        return changeStatus(true);
    }

    private String changeStatus(boolean active) {
        try {
            partner = active ? partners.reactivate(partner.getId(), partner.getVersion())
                    : partners.deactivate(partner.getId(), partner.getVersion());
            PageMessages.done(active ? "partners_edit.reactivated" : "partners_edit.deactivated", partner.getName());
            return "list?faces-redirect=true";
        } catch (ConcurrentEditException e) {
            conflict = true;
            PageMessages.show(e, FORM);
            return null;
        }
    }

    public boolean isNew() {
        return partner == null || partner.getId() == null;
    }

    public PracticeArea[] getPracticeAreaOptions() {
        return PracticeArea.values();
    }

    public List<Language> getLanguageOptions() {
        return languageOptions;
    }

    public boolean isConflict() {
        return conflict;
    }

    public PartnerOrganization getPartner() {
        return partner;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
