package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The facts of a case that other features read by case id (funding, to check a grant's restrictions and to
 * name the case a cost belongs to), so that they never query the case's own records. Facts of one case
 * follow the case access rule ({@link CaseAccess#readable}); case numbers identify no client.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseFactsService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CaseAccess access;

    /** The facts of a case the caller may read; 404 if there is none, 403 if it isn't theirs. */
    public CaseFacts facts(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        List<Long> reliefTypes = em.createQuery("select r.reliefType.id from ReliefApplication r where r.legalCase = :case", Long.class)
                .setParameter("case", legalCase).getResultList();
        boolean everDetained = legalCase.isDetained() || em.createQuery(
                        "select count(e) from CustodyEvent e where e.legalCase = :case and e.kind in :kinds", Long.class)
                .setParameter("case", legalCase).setParameter("kinds", List.of(CustodyEventKind.DETAINED, CustodyEventKind.TRANSFERRED))
                .getSingleResult() > 0;
        return new CaseFacts(legalCase.getId(), legalCase.getCaseNumber(), legalCase.getStatus(), legalCase.getPartnerId(),
                legalCase.getCaseType() == null ? null : legalCase.getCaseType().getId(), new HashSet<>(reliefTypes), everDetained,
                legalCase.getClient().getAddress().getCity());
    }

    /**
     * Case numbers by case id, in one query, for records the caller was already allowed to read (a sub-award's
     * costs, say); a case number identifies no client.
     */
    public Map<Long, String> caseNumbers(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> numbers = new HashMap<>();
        em.createQuery("select c.id, c.caseNumber from LegalCase c where c.id in :ids", Object[].class)
                .setParameter("ids", List.copyOf(caseIds)).getResultList().forEach(row -> numbers.put((Long) row[0], (String) row[1]));
        return numbers;
    }
}
