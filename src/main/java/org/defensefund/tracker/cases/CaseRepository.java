package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;

/** What the case services share to save cases: their numbers, and a flush that turns a lost race into a stale edit. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class CaseRepository {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundClock clock;

    /** Saves a new case (a referral or an appeal) and flushes, so that it has its id. */
    LegalCase add(LegalCase legalCase) {
        em.persist(legalCase);
        em.flush();
        return legalCase;
    }

    /** Writes the case's changes now; another transaction's change in between is a {@link ConcurrentEditException}. */
    LegalCase flushed(LegalCase legalCase) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        return legalCase;
    }

    /** "2026-00042": the year and a number from a database sequence, so two intakes never share one. */
    String nextCaseNumber() {
        Number next = (Number) em.createNativeQuery("SELECT NEXT VALUE FOR case_number_seq").getSingleResult();
        return CaseNumbers.of(clock.today().getYear(), next.longValue());
    }
}
