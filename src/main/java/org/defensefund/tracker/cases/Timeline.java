package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Saves and reads a case's timeline. The entries are the ones the case's own steps return: each method of
 * {@link LegalCase} and {@link CaseOffer} that changes a case says what it caused. Entries hold facts (kind,
 * statuses, details such as a partner's name or a date), not sentences, so the page says them in the
 * reader's language.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class Timeline {

    @PersistenceContext
    private EntityManager em;

    /** Saves the entries a step of a case caused (its case, and any case it opened, saved first). */
    void record(List<CaseEvent> entries) {
        entries.forEach(em::persist);
    }

    void record(CaseEvent entry) {
        em.persist(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<CaseEvent> of(LegalCase legalCase) {
        return em.createQuery("select e from CaseEvent e where e.legalCase = :case order by e.occurredAt, e.id", CaseEvent.class)
                .setParameter("case", legalCase)
                .getResultList();
    }
}
