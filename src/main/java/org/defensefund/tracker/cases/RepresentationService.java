package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * What the assigned partner records while representing the client: hearings, custody changes, relief
 * applications and the notice of appearance. Only the case's assigned partner (or an administrator) may
 * record, and only while the case is assigned ({@link CaseStep}). The case checks each record's dates and
 * required facts, updates what it shows (next hearing, detained or not, priority) and returns the timeline
 * entries this service saves. Recording a relief that is confidential by law
 * (asylum, withholding, CAT, VAWA, T, U: {@link ConfidentialityReason#forRelief}) marks the case confidential.
 *
 * <p>A hearing still to come may be rescheduled or cancelled, by the same callers and in the same state as recording
 * one ({@link CaseStep#RECORD_HEARING}), from the version of the hearing the caller read (a second writer is told,
 * {@link ConcurrentEditException}). In the same transaction the case's next hearing is worked out again, the timeline
 * says what changed and why, and {@link HearingChanged} is fired so that the reminders planned for the old time are
 * withdrawn from the outbox.
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
    private Event<HearingChanged> hearingChanged;

    @Inject
    private CaseRepository repository;

    /** Records a hearing; the case's next hearing (and its court) follow from all its hearings. */
    public Hearing recordHearing(Long caseId, Hearing hearing) {
        LegalCase legalCase = allowed(caseId, CaseStep.RECORD_HEARING);
        hearing.setCourt(referenceData.requireIn(ReferenceList.COURT, hearing.getCourt(), "court"));
        CaseEvent recorded = legalCase.recordHearing(hearing, access.actor());
        em.persist(hearing);
        refreshNextHearing(legalCase, hearing.getCourt());
        timeline.record(recorded);
        em.flush();
        return hearing;
    }

    /**
     * Moves a hearing still to come to a later time, and to another court when one is given (null keeps its court),
     * saying why; {@code readVersion} is the hearing's version the caller read.
     */
    public Hearing rescheduleHearing(Long caseId, Long hearingId, long readVersion, LocalDateTime newTime, ReferenceItem court, String reason) {
        LegalCase legalCase = allowed(caseId, CaseStep.RECORD_HEARING);
        Hearing hearing = changeableHearing(legalCase, hearingId, readVersion);
        ReferenceItem newCourt = referenceData.requireIn(ReferenceList.COURT, court, "court");
        LocalDateTime previous = hearing.getScheduledAt();
        CaseEvent rescheduled = legalCase.rescheduleHearing(hearing, newTime, newCourt, reason, localNow(), access.actor());
        refreshNextHearing(legalCase, newCourt);
        timeline.record(rescheduled);
        repository.flushed(legalCase);
        hearingChanged.fire(new HearingChanged(legalCase.getId(), hearing.getId(), previous, false));
        return hearing;
    }

    /** Cancels a hearing still to come, saying why; {@code readVersion} is the hearing's version the caller read. */
    public Hearing cancelHearing(Long caseId, Long hearingId, long readVersion, String reason) {
        LegalCase legalCase = allowed(caseId, CaseStep.RECORD_HEARING);
        Hearing hearing = changeableHearing(legalCase, hearingId, readVersion);
        CaseEvent cancelled = legalCase.cancelHearing(hearing, reason, localNow(), clock.now(), access.actor());
        refreshNextHearing(legalCase, null);
        timeline.record(cancelled);
        repository.flushed(legalCase);
        hearingChanged.fire(new HearingChanged(legalCase.getId(), hearing.getId(), hearing.getScheduledAt(), true));
        return hearing;
    }

    /** Records a change of custody: the case is detained (and where) or released from its date. */
    public CustodyEvent recordCustody(Long caseId, CustodyEvent event) {
        LegalCase legalCase = allowed(caseId, CaseStep.RECORD_CUSTODY);
        event.setFacility(referenceData.requireIn(ReferenceList.DETENTION_FACILITY, event.getFacility(), "facility"));
        CaseEvent recorded = legalCase.recordCustody(event, clock.today(), access.actor());
        em.persist(event);
        timeline.record(recorded);
        em.flush();
        return event;
    }

    /** Records an application for relief, and marks the case confidential if the relief calls for it. */
    public ReliefApplication recordRelief(Long caseId, ReliefApplication relief) {
        LegalCase legalCase = allowed(caseId, CaseStep.RECORD_RELIEF);
        relief.setReliefType(referenceData.requireIn(ReferenceList.RELIEF_TYPE, relief.getReliefType(), "reliefType"));
        List<CaseEvent> recorded = legalCase.recordRelief(relief, access.actor());
        em.persist(relief);
        timeline.record(recorded);
        em.flush();
        return relief;
    }

    /** Records the date the notice of appearance (EOIR-28) was filed. */
    public LegalCase recordNoticeOfAppearance(Long caseId, long readVersion, LocalDate filedOn) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "record the notice of appearance of");
        access.requireAllowed(legalCase, CaseStep.FILE_NOTICE_OF_APPEARANCE);
        timeline.record(legalCase.recordNoticeOfAppearance(filedOn, clock.today(), access.actor()));
        em.flush();
        return legalCase;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Hearing> hearings(Long caseId) {
        LegalCase legalCase = access.readable(caseId);
        return em.createQuery("select h from Hearing h where h.legalCase = :case order by h.scheduledAt, h.id", Hearing.class)
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

    /** The case's next hearing: the soonest of its hearings from today on that isn't cancelled (none: no date). */
    private void refreshNextHearing(LegalCase legalCase, ReferenceItem court) {
        LocalDateTime now = clock.today().atStartOfDay();
        List<LocalDateTime> upcoming = em.createQuery("select min(h.scheduledAt) from Hearing h where h.legalCase = :case and h.scheduledAt >= :now"
                                + " and h.cancelledAt is null",
                        LocalDateTime.class)
                .setParameter("case", legalCase).setParameter("now", now).getResultList();
        LocalDateTime next = upcoming.isEmpty() ? null : upcoming.get(0);
        legalCase.setNextHearing(next == null ? null : next.toLocalDate(), court, clock.today());
    }

    /**
     * The case's hearing, as the caller read it: 404 for an id that isn't one of the case's hearings (another case's
     * is not told apart from none), {@link ConcurrentEditException} when it changed since.
     */
    private Hearing changeableHearing(LegalCase legalCase, Long hearingId, long readVersion) {
        Hearing hearing = hearingId == null ? null : em.find(Hearing.class, hearingId);
        if (hearing == null || !hearing.getLegalCase().getId().equals(legalCase.getId())) {
            throw new RecordNotFoundException("Hearing", hearingId);
        }
        if (hearing.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        return hearing;
    }

    /** Now as a hearing's time is written: the fund's local time. */
    private LocalDateTime localNow() {
        return LocalDateTime.ofInstant(clock.now(), clock.zone());
    }

    private LegalCase allowed(Long caseId, CaseStep step) {
        LegalCase legalCase = access.readable(caseId);
        access.requireAllowed(legalCase, step);
        return legalCase;
    }
}
