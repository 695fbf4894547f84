package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.reference.ReferenceItem;

/**
 * A case's file: opening and reading a case, its summary, its timeline and the steps the caller may take in
 * it ({@link #steps}), and adding to its timeline (notes, and the funding steps taken elsewhere). The steps
 * of the case's path are their own services: {@link IntakeService} (referral, screening),
 * {@link AssignmentService} (matching, offers, answers, reassignment, conflicts), {@link RepresentationService}
 * (hearings, custody, relief, notice of appearance), {@link ClosingService} (closing, appeals) and
 * {@link ConfidentialityService}.
 *
 * <p>Who reaches a case and who sees its details is {@link CaseAccess}'s rule. Every reading of a confidential
 * case's details ({@link #open}, {@link #openFunding}, {@link #summary}) is written to the audit trail.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private AuditService audit;

    @Inject
    private CaseAccess access;

    @Inject
    private Timeline timeline;

    /** Adds a note to the case's timeline; the case's partner or an administrator may. */
    public void addNote(Long caseId, String text) {
        LegalCase legalCase = access.readable(caseId);
        access.requireAllowed(legalCase, CaseStep.ADD_NOTE);
        timeline.record(legalCase.note(text, access.actor()));
    }

    /**
     * The steps the caller may take in a case they reach, now (for a confidential case only offered to their
     * organization, only the answer). What the case page offers; the services refuse the others.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseSteps steps(Long caseId) {
        return access.steps(access.reachable(caseId));
    }

    /**
     * Opens a case's file for reading: the case if the caller may read its details, with the opening of
     * its client's record written to the audit trail (who, when), and for a confidential case the view of
     * the case itself.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public LegalCase open(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        audit.viewed("Client", legalCase.getClient().getId());
        if (legalCase.isConfidential()) {
            audit.viewed("LegalCase", legalCase.getId(), "CASE_FILE");
        }
        return legalCase;
    }

    /** Opens a case's funding (its charge and costs): as {@link #find}, with a confidential case's view audited. */
    @Transactional(Transactional.TxType.REQUIRED)
    public LegalCase openFunding(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        if (legalCase.isConfidential()) {
            audit.viewed("LegalCase", legalCase.getId(), "FUNDING");
        }
        return legalCase;
    }

    /**
     * What the caller may know of a case they reach: the whole of it for whoever sees its details, and for
     * an organization a confidential case is only offered to, the facts it needs to decide. The view of a
     * confidential case is audited.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public CaseSummary summary(Long caseId) {
        LegalCase legalCase = access.reachable(caseId);
        if (legalCase.isConfidential()) {
            audit.viewed("LegalCase", legalCase.getId(), "SUMMARY");
        }
        Long pendingOffer = em.createQuery("select o.id from CaseOffer o where o.legalCase = :case and o.status = :pending"
                        + " and o.partnerId = :partner order by o.id", Long.class)
                .setParameter("case", legalCase).setParameter("pending", OfferStatus.PENDING)
                .setParameter("partner", legalCase.getPartnerId() == null ? -1L : legalCase.getPartnerId())
                .getResultList().stream().findFirst().orElse(null);
        var client = legalCase.getClient();
        return new CaseSummary(legalCase.getId(), legalCase.getCaseNumber(), legalCase.getStatus(), legalCase.getPriority(),
                legalCase.isConfidential(), legalCase.getCaseType(), legalCase.getCourt(), legalCase.isDetained(),
                legalCase.getFacility(), client.getPreferredLanguage(),
                client.isInterpreterNeeded(), legalCase.getNextHearingDate(), pendingOffer);
    }

    /** Whether the caller sees the details of a case they reach (or only its {@link #summary}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean seesDetails(Long caseId) {
        return access.seesDetails(access.reachable(caseId));
    }

    /** A case the caller may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LegalCase find(Long caseId) {
        return access.readable(caseId);
    }

    /**
     * What the public form collected for a case it made (the receipt the visitor was shown, the form's language, who
     * referred and how to reach them, the consent to be contacted), for whoever may read the case's file; empty for a
     * case referred otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<OnlineSubmission> onlineSubmission(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return java.util.Optional.ofNullable(em.find(OnlineSubmission.class, legalCase.getId()));
    }

    /** The case's timeline, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseEvent> timeline(Long caseId) {
        return timeline.of(access.readable(caseId));
    }
}
