package org.defensefund.tracker.cases.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.ConfidentialityReason;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /intake/referral.xhtml}: records a referral. Before a new client is saved, possible duplicates
 * (same A-number, or same name and birth date) are shown, with a way to link the referral to one of
 * them; the user may also confirm that this is a different person. A confidentiality reason chosen here
 * makes the case confidential from the start.
 */
@Named
@ViewScoped
public class ReferralBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "form";

    @Inject
    private IntakeService intake;

    @Inject
    private ClientService clients;

    @Inject
    private ReferenceDataService referenceData;

    private Referral referral = new Referral();
    private ReferenceOptions options;
    private List<Language> languages;
    private List<Client> duplicates = List.of();
    private Client linkedClient;
    private boolean confirmedNewPerson;

    @PostConstruct
    void init() {
        options = new ReferenceOptions(referenceData, ReferenceList.REFERRAL_SOURCE, ReferenceList.CASE_TYPE,
                ReferenceList.COURT, ReferenceList.DETENTION_FACILITY);
        languages = referenceData.activeLanguages();
    }

    /** Looks for clients this person may already be; run before saving and on demand. */
    public void checkDuplicates() {
        try {
            Client draft = referral.getClient();
            duplicates = clients.possibleDuplicates(ANumber.parse(referral.getANumber()),
                    draft.getFirstName(), draft.getLastName(), draft.getBirthDate());
            if (duplicates.isEmpty()) {
                PageMessages.error(null, "intake_referral.noDuplicates");
            }
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
        }
    }

    public void link(Client client) {
        linkedClient = client;
        referral.setExistingClientId(client.getId());
        duplicates = List.of();
    }

    public void unlink() {
        linkedClient = null;
        referral.setExistingClientId(null);
    }

    /** Saves as a new client although possible duplicates were shown. */
    public String saveAsNewPerson() {
        confirmedNewPerson = true;
        return save();
    }

    public String save() {
        try {
            if (linkedClient == null && !confirmedNewPerson) {
                Client draft = referral.getClient();
                duplicates = clients.possibleDuplicates(ANumber.parse(referral.getANumber()),
                        draft.getFirstName(), draft.getLastName(), draft.getBirthDate());
                if (!duplicates.isEmpty()) {
                    PageMessages.error(null, "intake_referral.duplicatesFound", duplicates.size());
                    return null;
                }
            }
            LegalCase created = intake.refer(referral);
            PageMessages.done("intake_referral.saved", created.getCaseNumber());
            return "/cases/detail?faces-redirect=true&id=" + created.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
            return null;
        }
    }

    public ConfidentialityReason[] getConfidentialityReasons() {
        return ConfidentialityReason.values();
    }

    public ReferenceOptions getOptions() {
        return options;
    }

    public List<Language> getLanguages() {
        return languages;
    }

    public Referral getReferral() {
        return referral;
    }

    public List<Client> getDuplicates() {
        return duplicates;
    }

    public Client getLinkedClient() {
        return linkedClient;
    }
}
