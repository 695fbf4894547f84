package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Confidential cases (asylum, VAWA, T, U): administrators mark a case at any time, and the organization that
 * accepted it may mark it too (it often learns of the claim first; a case only offered to it is not yet its
 * own); only an administrator lifts it ({@link CaseStep#MARK_CONFIDENTIAL}, {@link CaseStep#LIFT_CONFIDENTIALITY}).
 * Intake marks a case whose type calls for it, and representation one whose relief sought does, through the
 * case itself ({@link LegalCase#protect}). Who then sees what is {@link CaseAccess}'s rule.
 */
@ApplicationScoped
@Transactional
public class ConfidentialityService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CaseAccess access;

    @Inject
    private CaseRepository repository;

    @Inject
    private Timeline timeline;

    /**
     * Marks a case confidential for a reason, with an optional note on the timeline. Marking again with another
     * reason changes the reason.
     */
    public LegalCase markConfidential(Long caseId, long readVersion, ConfidentialityReason reason, String note) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "mark confidential");
        access.requireAllowed(legalCase, CaseStep.MARK_CONFIDENTIAL);
        timeline.record(legalCase.markConfidential(reason, note, access.actor()));
        return repository.flushed(legalCase);
    }

    /** Lifts a case's confidentiality, saying why on the timeline. */
    public LegalCase liftConfidentiality(Long caseId, long readVersion, String why) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "lift the confidentiality of");
        access.requireAllowed(legalCase, CaseStep.LIFT_CONFIDENTIALITY);
        timeline.record(legalCase.liftConfidentiality(why, access.actor()));
        return repository.flushed(legalCase);
    }

    /**
     * What the case's facts suggest about its confidentiality when it isn't marked: the reason its type or
     * a relief sought in it calls for. Empty for a confidential case, or when nothing suggests it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConfidentialityReason> suggestedConfidentiality(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        if (legalCase.isConfidential()) {
            return Optional.empty();
        }
        Optional<ConfidentialityReason> byType = legalCase.getCaseType() == null ? Optional.empty()
                : ConfidentialityReason.forCaseType(legalCase.getCaseType().getCode());
        if (byType.isPresent()) {
            return byType;
        }
        return em.createQuery("select r.reliefType.code from ReliefApplication r where r.legalCase = :case order by r.id", String.class)
                .setParameter("case", legalCase).getResultList().stream()
                .map(ConfidentialityReason::forRelief).flatMap(Optional::stream).findFirst();
    }
}
