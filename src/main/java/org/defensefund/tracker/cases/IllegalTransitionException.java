package org.defensefund.tracker.cases;

import org.defensefund.tracker.shared.BusinessException;

/** A case was asked to move where its state machine doesn't allow ({@link CaseStatus#next()}). */
public class IllegalTransitionException extends BusinessException {

    private final CaseStatus from;
    private final CaseStatus to;

    public IllegalTransitionException(CaseStatus from, CaseStatus to) {
        super("case.transition.illegal", null, from, to);
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }
}
