package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;

/**
 * What the assigned partner records while representing the client: hearings, custody changes, relief
 * applications and the notice of appearance. Only the case's assigned partner (or an administrator) may
 * record, and only while the case is assigned. Each record updates what the case shows (next hearing,
 * detained or not, priority) and writes the timeline. Recording a relief that is confidential by law
 * (asylum, withholding, CAT, VAWA, T, U: {@link ConfidentialityReason#forRelief}) marks the case confidential.
 */
@ApplicationScoped
@Transactional
public class RepresentationService {

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CaseAccess access;

    @Inject
    private Timeline timeline;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private CaseService cases;

    public Hearing recordHearing(Long caseId, Hearing hearing) {
        LegalCase legalCase = assigned(caseId, "record hearings of");
        if (hearing.getScheduledAt() == null) {
            throw new BusinessException("hearing.scheduledAt.required", "scheduledAt");
        }
        if (hearing.getScheduledAt().toLocalDate().isBefore(legalCase.getReferralDate().minusYears(10))) {
            throw new BusinessException("hearing.scheduledAt.implausible", "scheduledAt");
        }
        ReferenceItem court = referenceData.requireIn(ReferenceList.COURT, hearing.getCourt(), "court");
        hearing.setCourt(court);
        hearing.attach(legalCase, access.actor());
        em.persist(hearing);
        refreshNextHearing(legalCase, court);
        timeline.record(legalCase, CaseEventKind.HEARING_RECORDED, legalCase.getStatus(),
                hearing.getKind() + " " + hearing.getScheduledAt().truncatedTo(ChronoUnit.MINUTES)
                        + (hearing.getResult() == null ? "" : ": " + hearing.getResult()), null);
        em.flush();
        return hearing;
    }

    public CustodyEvent recordCustody(Long caseId, CustodyEvent event) {
        LegalCase legalCase = assigned(caseId, "record custody of");
        if (event.getEventDate() == null) {
            throw new BusinessException("custody.date.required", "eventDate");
        }
        if (event.getEventDate().isAfter(clock.today())) {
            throw new BusinessException("custody.date.future", "eventDate");
        }
        if (event.getKind() == CustodyEventKind.RELEASED_BOND && event.getBondAmount() == null) {
            throw new BusinessException("custody.bond.required", "bondAmount");
        }
        if (!event.getKind().isRelease() && event.getFacility() == null) {
            throw new BusinessException("custody.facility.required", "facility");
        }
        event.setFacility(referenceData.requireIn(ReferenceList.DETENTION_FACILITY, event.getFacility(), "facility"));
        event.attach(legalCase, access.actor());
        em.persist(event);
        legalCase.setDetention(!event.getKind().isRelease(), event.getFacility(), clock.today());
        timeline.record(legalCase, CaseEventKind.CUSTODY_CHANGED, legalCase.getStatus(),
                event.getKind() + " " + event.getEventDate()
                        + (event.getFacility() == null ? "" : ", " + event.getFacility().getName())
                        + (event.getBondAmount() == null ? "" : ", bond " + event.getBondAmount().toPlainString()), event.getNotes());
        em.flush();
        return event;
    }

    public ReliefApplication recordRelief(Long caseId, ReliefApplication relief) {
        LegalCase legalCase = assigned(caseId, "record relief of");
        if (relief.getReliefType() == null) {
            throw new BusinessException("relief.type.required", "reliefType");
        }
        if (!relief.isDecidedAfterFiling()) {
            throw new BusinessException("relief.dates.order", "decidedOn");
        }
        relief.setReliefType(referenceData.requireIn(ReferenceList.RELIEF_TYPE, relief.getReliefType(), "reliefType"));
        relief.attach(legalCase, access.actor());
        em.persist(relief);
        timeline.record(legalCase, CaseEventKind.RELIEF_RECORDED, legalCase.getStatus(),
                relief.getReliefType().getName() + ", " + relief.getDecision(), relief.getNotes());
        if (!legalCase.isConfidential()) {
            ConfidentialityReason.forRelief(relief.getReliefType().getCode())
                    .ifPresent(reason -> cases.protect(legalCase, reason, relief.getReliefType().getName()));
        }
        em.flush();
        return relief;
    }

    public LegalCase recordNoticeOfAppearance(Long caseId, long readVersion, LocalDate filedOn) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "record the notice of appearance of");
        requireAssigned(legalCase);
        if (filedOn == null) {
            throw new BusinessException("case.noa.required", "noticeOfAppearanceDate");
        }
        if (filedOn.isAfter(clock.today()) || filedOn.isBefore(legalCase.getReferralDate())) {
            throw new BusinessException("case.noa.outOfRange", "noticeOfAppearanceDate");
        }
        legalCase.recordNoticeOfAppearance(filedOn);
        timeline.record(legalCase, CaseEventKind.NOTICE_OF_APPEARANCE, legalCase.getStatus(), filedOn.toString(), null);
        em.flush();
        return legalCase;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hearing> hearings(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return em.createQuery("select h from Hearing h where h.legalCase = :case order by h.scheduledAt", Hearing.class)
                .setParameter("case", legalCase).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CustodyEvent> custodyEvents(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return em.createQuery("select c from CustodyEvent c where c.legalCase = :case order by c.eventDate, c.id", CustodyEvent.class)
                .setParameter("case", legalCase).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReliefApplication> reliefApplications(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return em.createQuery("select r from ReliefApplication r where r.legalCase = :case order by r.id", ReliefApplication.class)
                .setParameter("case", legalCase).getResultList();
    }

    /** Days the client has spent detained in this case, from its custody timeline (to today while still detained). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long daysDetained(Long caseId) {
        return DetentionDays.count(custodyEvents(caseId), clock.today());
    }

    private void refreshNextHearing(LegalCase legalCase, ReferenceItem court) {
        LocalDateTime now = clock.today().atStartOfDay();
        List<LocalDateTime> upcoming = em.createQuery("select min(h.scheduledAt) from Hearing h where h.legalCase = :case and h.scheduledAt >= :now",
                        LocalDateTime.class)
                .setParameter("case", legalCase).setParameter("now", now).getResultList();
        LocalDateTime next = upcoming.isEmpty() ? null : upcoming.get(0);
        legalCase.setNextHearing(next == null ? null : next.toLocalDate(), court, clock.today());
    }

    private LegalCase assigned(Long caseId, String action) {
        LegalCase legalCase = access.readable(caseId);
        access.requireReach(legalCase, action);
        requireAssigned(legalCase);
        return legalCase;
    }

    private static void requireAssigned(LegalCase legalCase) {
        if (legalCase.getStatus() != CaseStatus.ASSIGNED) {
            throw new BusinessException("case.notAssigned", null, legalCase.getStatus());
        }
    }

}
