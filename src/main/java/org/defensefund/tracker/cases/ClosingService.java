package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.FundClock;

/**
 * The end of a case and what may follow it: closing with an outcome (and, apart from the merits, the custody
 * result), and opening a BIA appeal of a decision as a new, linked case with its deadline. The assigned partner
 * or an administrator closes; a case not yet assigned (the client withdrew or was lost) only an administrator
 * ({@link CaseStep#CLOSE}). The case checks its own dates and returns the timeline entries this service saves.
 */
@ApplicationScoped
@Transactional
public class ClosingService {

    @Inject
    private FundClock clock;

    @Inject
    private CaseAccess access;

    @Inject
    private CaseRepository repository;

    @Inject
    private Timeline timeline;

    @Inject
    private ReferenceDataService referenceData;

    /**
     * Closes a case with an outcome from the reference list and its date; the custody result is kept
     * apart from the merits.
     */
    public LegalCase close(Long caseId, long readVersion, ReferenceItem outcome, ReferenceItem custodyResult, LocalDate decidedOn) {
        LegalCase legalCase = access.changeable(caseId, readVersion, "close");
        access.requireAllowed(legalCase, CaseStep.CLOSE);
        referenceData.requireIn(ReferenceList.OUTCOME, outcome, "outcome");
        referenceData.requireIn(ReferenceList.CUSTODY_RESULT, custodyResult, "custodyResult");
        timeline.record(legalCase.close(new Closing(outcome, custodyResult, decidedOn), clock.today(), access.actor()));
        return repository.flushed(legalCase);
    }

    /**
     * Opens an appeal of a closed case's decision as a new, linked case in REFERRED, with the BIA deadline
     * ({@value LegalCase#BIA_APPEAL_DAYS} days after the decision). The first case's outcome is untouched.
     */
    public LegalCase openAppeal(Long caseId) {
        LegalCase decided = access.readable(caseId);
        access.requireAllowed(decided, CaseStep.OPEN_APPEAL);
        LegalCase.AppealOpened opened = decided.appeal(repository.nextCaseNumber(), clock.today(), access.actor());
        repository.add(opened.appeal());
        timeline.record(opened.timeline());
        return opened.appeal();
    }
}
