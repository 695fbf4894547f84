package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes and reads a case's timeline. Entries hold facts (kind, statuses, details such as a partner's
 * name or a date), not sentences, so the page says them in the reader's language.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class Timeline {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CaseAccess access;

    void record(LegalCase legalCase, CaseEventKind kind, CaseStatus from, String details, String reason) {
        em.persist(new CaseEvent(legalCase, access.actor(), kind, from, legalCase.getStatus(),
                details == null ? "" : details, reason == null || reason.isBlank() ? null : reason.trim()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<CaseEvent> of(LegalCase legalCase) {
        return em.createQuery("select e from CaseEvent e where e.legalCase = :case order by e.occurredAt, e.id", CaseEvent.class)
                .setParameter("case", legalCase)
                .getResultList();
    }
}
