package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.partners.PracticeArea;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * Assignment: who represents the client. The fund matches partners to an eligible case ({@link #partnerMatches}:
 * room, language, practice, conflicts), offers it to one, and the partner accepts (naming the attorney) or
 * declines with a reason; the fund may withdraw an offer not yet answered, take an assigned case back
 * ({@link #reassign}) to offer it elsewhere, and record that a partner must never get the client (a conflict).
 * Who may take each step, and in which state of the case, is {@link CaseStep}'s rule; the case and its
 * offers keep their own invariants and return the timeline entries this service saves. Each step is one
 * transaction, and a stale version is refused.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CaseAccess access;

    @Inject
    private CaseRepository repository;

    @Inject
    private Timeline timeline;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private ClientService clients;

    @Inject
    private PartnerService partners;

    /**
     * The active partners for an offer of this case, best fit first: room against capacity, language,
     * practice, and conflicts (which make a partner unselectable). Three queries whatever the number of partners.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerMatch> partnerMatches(Long caseId) {
        currentUser.requireAdmin("match partners");
        LegalCase legalCase = access.readable(caseId);
        List<PartnerOrganization> candidates = partners.active();
        Map<Long, Long> open = new HashMap<>();
        em.createQuery("select c.partnerId, count(c) from LegalCase c where c.partnerId is not null and c.status in :open group by c.partnerId",
                        Object[].class)
                .setParameter("open", CaseQueries.OPEN_FOR_A_PARTNER)
                .getResultList()
                .forEach(row -> open.put((Long) row[0], (Long) row[1]));
        Set<Long> conflicted = clients.conflictedPartners(legalCase.getClient().getId());
        PracticeArea needed = legalCase.isDetained() ? PracticeArea.DETAINED_REMOVAL : PracticeArea.NON_DETAINED_REMOVAL;
        List<PartnerMatch> matches = new ArrayList<>();
        for (PartnerOrganization partner : candidates) {
            boolean speaks = legalCase.getClient().getPreferredLanguage() != null
                    && partner.getLanguages().contains(legalCase.getClient().getPreferredLanguage());
            matches.add(new PartnerMatch(partner, open.getOrDefault(partner.getId(), 0L), speaks,
                    partner.getPracticeAreas().contains(needed), conflicted.contains(partner.getId())));
        }
        matches.sort(Comparator.comparingInt(PartnerMatch::score).reversed()
                .thenComparing(Comparator.comparingLong(PartnerMatch::getRoomLeft).reversed())
                .thenComparing(match -> match.partner().getName()));
        return matches;
    }

    /**
     * Offers an eligible case to a partner organization. A partner with a conflict for this client, or an
     * inactive one, can't be chosen.
     */
    public CaseOffer offer(Long caseId, long readVersion, Long partnerId, String note) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "offer");
        access.requireAllowed(legalCase, CaseStep.OFFER);
        if (partnerId == null || !partners.isActive(partnerId)) {
            throw new BusinessException("offer.partner.required", "partner");
        }
        if (clients.conflictedPartners(legalCase.getClient().getId()).contains(partnerId)) {
            throw new BusinessException("offer.partner.conflict", "partner");
        }
        CaseOffer offer = new CaseOffer(legalCase, partnerId, access.actor());
        CaseEvent offered = legalCase.offerTo(offer, partners.find(partnerId).getName(), note);
        em.persist(offer);
        timeline.record(offered);
        repository.flushed(legalCase);
        return offer;
    }

    /** The partner accepts a pending offer and names the attorney: the case is assigned to it. */
    public LegalCase acceptOffer(Long offerId, String attorneyName) {
        CaseOffer offer = pendingOffer(offerId, CaseStep.ANSWER_OFFER);
        timeline.record(offer.accept(attorneyName, access.actor()));
        return repository.flushed(offer.getLegalCase());
    }

    /** The partner declines a pending offer with a reason: the case goes back to the queue. */
    public LegalCase declineOffer(Long offerId, ReferenceItem reason, String note) {
        CaseOffer offer = pendingOffer(offerId, CaseStep.ANSWER_OFFER);
        referenceData.requireIn(ReferenceList.DECLINE_REASON, reason, "declineReason");
        timeline.record(offer.decline(reason, note, access.actor()));
        return repository.flushed(offer.getLegalCase());
    }

    /** The fund takes back an offer not yet answered (for example, one pending too long). */
    public LegalCase withdrawOffer(Long offerId, String note) {
        CaseOffer offer = pendingOffer(offerId, CaseStep.WITHDRAW_OFFER);
        timeline.record(offer.withdraw(note, access.actor()));
        return repository.flushed(offer.getLegalCase());
    }

    /** Takes an assigned case back from its partner to offer it elsewhere; the history stays. */
    public LegalCase reassign(Long caseId, long readVersion, String reason) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "reassign");
        access.requireAllowed(legalCase, CaseStep.REASSIGN);
        timeline.record(legalCase.reassign(reason, access.actor()));
        return repository.flushed(legalCase);
    }

    /** Records that a partner must never get this case's client, and notes it on the timeline. */
    public void recordConflict(Long caseId, Long partnerId, String note) {
        LegalCase legalCase = access.readable(caseId);
        access.requireAllowed(legalCase, CaseStep.RECORD_CONFLICT);
        if (partnerId == null) {
            throw new BusinessException("offer.partner.required", "partner");
        }
        clients.recordConflict(legalCase.getClient().getId(), partnerId, note);
        timeline.record(legalCase.conflictRecorded(partners.find(partnerId).getName(), note, access.actor()));
    }

    /** Every offer of the case the caller may see (an administrator all, a partner its own), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseOffer> offers(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return em.createQuery("select o from CaseOffer o where o.legalCase = :case order by o.offeredAt, o.id", CaseOffer.class)
                .setParameter("case", legalCase)
                .getResultList()
                .stream()
                .filter(o -> currentUser.isAdmin() || o.getPartnerId().equals(currentUser.partnerId().orElse(null)))
                .toList();
    }

    /**
     * A pending offer whose case the caller may take the step in: 404 if there is none, 403 if the case isn't
     * the caller's or the step not theirs (a pending offer's partner is its case's partner, so an answer is the
     * offered partner's or an administrator's).
     */
    private CaseOffer pendingOffer(Long offerId, CaseStep step) {
        CaseOffer offer = offerId == null ? null : em.find(CaseOffer.class, offerId);
        if (offer == null) {
            throw new RecordNotFoundException("Offer", offerId);
        }
        LegalCase legalCase = offer.getLegalCase();
        access.requireReach(legalCase, "answer offers of");
        offer.requirePending();
        access.requireAllowed(legalCase, step);
        return offer;
    }
}
