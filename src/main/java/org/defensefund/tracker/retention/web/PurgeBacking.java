package org.defensefund.tracker.retention.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.retention.Purge;
import org.defensefund.tracker.retention.PurgeSelection;
import org.defensefund.tracker.retention.PurgeService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/purge.xhtml}: proposing an emergency purge (whose data: every client or those whose cases ended; legal
 * holds kept or not), confirming another administrator's proposal with a fresh code of one's authenticator app, cancelling
 * one, and the progress of a running purge (erased of total).
 */
@Named
@ViewScoped
public class PurgeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PurgeService purges;

    private List<Purge> latest;
    private String selection;
    private boolean keepHeld = true;
    private final Map<Long, String> codes = new HashMap<>();

    public void load() {
        latest = purges.latest();
    }

    public String propose() {
        PurgeSelection chosen = Arrays.stream(PurgeSelection.values()).filter(s -> s.name().equals(selection)).findFirst().orElse(null);
        try {
            purges.propose(chosen, keepHeld);
            PageMessages.done("admin_purge.proposed");
            return "purge?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "propose");
            return null;
        }
    }

    public String confirm(Purge purge) {
        try {
            purges.confirm(purge.getId(), purge.getVersion(), codes.get(purge.getId()));
            PageMessages.done("admin_purge.confirmed");
            return "purge?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "decide_" + purge.getId());
            return null;
        }
    }

    public String cancel(Purge purge) {
        try {
            purges.cancel(purge.getId(), purge.getVersion());
            PageMessages.done("admin_purge.cancelled");
            return "purge?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "decide_" + purge.getId());
            return null;
        }
    }

    public List<Purge> getLatest() {
        return latest;
    }

    public List<String> getSelections() {
        return Arrays.stream(PurgeSelection.values()).map(Enum::name).toList();
    }

    public String getSelection() {
        return selection;
    }

    public void setSelection(String selection) {
        this.selection = selection;
    }

    public boolean isKeepHeld() {
        return keepHeld;
    }

    public void setKeepHeld(boolean keepHeld) {
        this.keepHeld = keepHeld;
    }

    /** The code typed to confirm each proposal, by the purge's id. */
    public Map<Long, String> getCodes() {
        return codes;
    }
}
