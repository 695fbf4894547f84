package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.access.CurrentUser;

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

    @Inject
    private CurrentUser currentUser;

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

    /**
     * The hearings not cancelled of open cases (neither closed nor screened out) from the first day to the last, both included, in
     * order: what the client reminders need to remind a client and no more ({@link UpcomingHearing}). For the system's
     * jobs and administrators only, since it crosses every case. One statement.
     */
    public List<UpcomingHearing> upcomingHearings(LocalDate first, LocalDate last) {
        currentUser.requireAdmin("list the hearings of every case");
        return em.createQuery("select new org.defensefund.tracker.cases.UpcomingHearing(c.id, h.id, h.scheduledAt, ct.name, ct.detail, lg.code)"
                        + " from Hearing h join h.legalCase c join c.client cl left join h.court ct left join cl.preferredLanguage lg"
                        + " where h.scheduledAt >= :from and h.scheduledAt < :to and h.cancelledAt is null and c.status not in :ended"
                        + " order by h.scheduledAt, h.id",
                        UpcomingHearing.class)
                .setParameter("from", first.atStartOfDay()).setParameter("to", last.plusDays(1).atStartOfDay())
                .setParameter("ended", List.of(CaseStatus.CLOSED, CaseStatus.INELIGIBLE)).getResultList();
    }
}
