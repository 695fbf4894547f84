package org.defensefund.tracker.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;

/**
 * A step a caller may take in a case, as the case page offers them. Whether a step is open is one rule,
 * here, used both by the services (which refuse a step that isn't: {@link #require}) and by the page (which
 * shows only the steps that are: {@link CaseSteps}). The rule has two halves:
 * <ul>
 * <li><em>who</em>, from the caller's {@link CaseRole} in the case: administrators screen, offer, withdraw
 * offers, reassign, lift confidentiality and record conflicts; the partner the case is offered to answers
 * (as may an administrator); the assigned partner or an administrator records hearings, custody, relief and
 * the notice of appearance, closes, appeals, marks confidential and adds notes; a case not yet assigned only
 * an administrator closes; funders and other partners take no step. A caller the half refuses gets
 * {@link AccessDeniedException}.</li>
 * <li><em>when</em>, from the case's state, the moves of {@link CaseStatus} and the case's facts (an appeal
 * needs a decision in court, lifting needs a confidential case). A step the half refuses is a
 * {@link BusinessException} that says why ({@link #refusal}).</li>
 * </ul>
 */
public enum CaseStep {
    /** Screen a referral: eligible, pending documents or ineligible. */
    SCREEN("screen"),
    /** Offer an eligible case to a partner (the offer screen). */
    OFFER("offer"),
    /** Accept or decline the pending offer. */
    ANSWER_OFFER("answer"),
    /** Take back the pending offer. */
    WITHDRAW_OFFER("withdraw"),
    /** Take an assigned case back from its partner. */
    REASSIGN("reassign"),
    /** Close the case with an outcome. */
    CLOSE("close"),
    /** Open the BIA appeal of a decided case. */
    OPEN_APPEAL("appeal"),
    /** Mark the case confidential, or change the reason. */
    MARK_CONFIDENTIAL("markConfidential"),
    /** Lift the case's confidentiality. */
    LIFT_CONFIDENTIALITY("liftConfidential"),
    /** Add a note to the timeline. */
    ADD_NOTE("note"),
    /** Record that a partner must never get the client. */
    RECORD_CONFLICT("conflict"),
    /** Record a hearing. */
    RECORD_HEARING("represent"),
    /** Record a change of custody. */
    RECORD_CUSTODY("represent"),
    /** Record an application for relief. */
    RECORD_RELIEF("represent"),
    /** Record the notice of appearance (EOIR-28). */
    FILE_NOTICE_OF_APPEARANCE("represent");

    private final String key;

    CaseStep(String key) {
        this.key = key;
    }

    /**
     * The word the case page has used for the card or form of this step ({@code bean.can('close')}); the four
     * steps of representation share one, "represent", the card that holds their forms.
     */
    public String key() {
        return key;
    }

    /**
     * The steps a word stands for: a step's name ({@code RECORD_HEARING}) or its {@link #key} ({@code represent}).
     *
     * @throws IllegalArgumentException for a word that names no step (a typing error in a page)
     */
    public static Set<CaseStep> named(String word) {
        EnumSet<CaseStep> steps = EnumSet.noneOf(CaseStep.class);
        Arrays.stream(values()).filter(step -> step.name().equals(word) || step.key.equals(word)).forEach(steps::add);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no case step is called " + word);
        }
        return steps;
    }

    /** Whether the caller, in this role, may take the step in the case: both halves of the rule. */
    boolean isOpen(CaseRole role, LegalCase legalCase) {
        return permits(role, legalCase) && fits(legalCase);
    }

    /** Refuses the step unless it is open: {@link AccessDeniedException} for who, {@link #refusal} for when. */
    void require(CaseRole role, LegalCase legalCase) {
        if (!permits(role, legalCase)) {
            throw new AccessDeniedException("a caller in the role " + role + " may not " + this + " in case " + legalCase.getId());
        }
        if (!fits(legalCase)) {
            throw refusal(legalCase);
        }
    }

    /** Who: whether the role may take this step in the case, whatever its state. */
    boolean permits(CaseRole role, LegalCase legalCase) {
        return switch (this) {
            case SCREEN, OFFER, WITHDRAW_OFFER, REASSIGN, LIFT_CONFIDENTIALITY, RECORD_CONFLICT -> role == CaseRole.ADMINISTRATOR;
            case ANSWER_OFFER -> role.reaches();
            case CLOSE -> role == CaseRole.ADMINISTRATOR || role == CaseRole.OWN_PARTNER && legalCase.getStatus() == CaseStatus.ASSIGNED;
            case MARK_CONFIDENTIAL -> role == CaseRole.ADMINISTRATOR || role == CaseRole.OWN_PARTNER && legalCase.getStatus() != CaseStatus.OFFERED;
            case OPEN_APPEAL, ADD_NOTE, RECORD_HEARING, RECORD_CUSTODY, RECORD_RELIEF, FILE_NOTICE_OF_APPEARANCE -> role.seesDetailsOf(legalCase);
        };
    }

    /** When: whether the case's state allows this step. */
    boolean fits(LegalCase legalCase) {
        CaseStatus status = legalCase.getStatus();
        return switch (this) {
            case SCREEN -> status.isAwaitingScreening();
            case OFFER -> status.canMoveTo(CaseStatus.OFFERED);
            case ANSWER_OFFER, WITHDRAW_OFFER -> status == CaseStatus.OFFERED;
            case CLOSE -> status.canMoveTo(CaseStatus.CLOSED);
            case OPEN_APPEAL -> legalCase.isDecidedInCourt();
            case LIFT_CONFIDENTIALITY -> legalCase.isConfidential();
            case REASSIGN, RECORD_HEARING, RECORD_CUSTODY, RECORD_RELIEF, FILE_NOTICE_OF_APPEARANCE -> status == CaseStatus.ASSIGNED;
            case MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT -> true;
        };
    }

    /** Why the case's state doesn't allow this step, in words a page shows. */
    BusinessException refusal(LegalCase legalCase) {
        CaseStatus status = legalCase.getStatus();
        return switch (this) {
            case SCREEN -> new BusinessException("case.screening.notAwaiting", null, status);
            case OFFER -> new IllegalTransitionException(status, CaseStatus.OFFERED);
            case ANSWER_OFFER, WITHDRAW_OFFER -> BusinessException.general("offer.none");
            case CLOSE -> new IllegalTransitionException(status, CaseStatus.CLOSED);
            case OPEN_APPEAL -> new BusinessException("case.appeal.notDecided", null);
            case LIFT_CONFIDENTIALITY -> BusinessException.general("case.confidential.notMarked", legalCase.getCaseNumber());
            case REASSIGN -> new BusinessException("case.reassign.notAssigned", null, status);
            case RECORD_HEARING, RECORD_CUSTODY, RECORD_RELIEF, FILE_NOTICE_OF_APPEARANCE -> new BusinessException("case.notAssigned", null, status);
            case MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT -> throw new IllegalStateException(this + " fits every state");
        };
    }
}
