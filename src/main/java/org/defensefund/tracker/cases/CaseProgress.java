package org.defensefund.tracker.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * The case's path as the case page draws it: referred, screened, offered, assigned, closed, each stage done,
 * current or still ahead. A stage off the main road replaces the one it stands for (waiting for documents
 * sits between referral and eligibility; an ineligible case ends there); a case closed before any partner
 * took it never passed the offer and assignment stages, so they are left out.
 */
public final class CaseProgress {

    private static final List<CaseStatus> MAIN_ROAD =
            List.of(CaseStatus.REFERRED, CaseStatus.ELIGIBLE, CaseStatus.OFFERED, CaseStatus.ASSIGNED, CaseStatus.CLOSED);

    private CaseProgress() {
    }

    /**
     * The stages of a case in {@code status}; {@code everAssigned} says whether a partner ever held it (a closed
     * case that never was assigned skips the offer and the assignment).
     */
    public static List<Stage> of(CaseStatus status, boolean everAssigned) {
        List<Stage> stages = new ArrayList<>();
        if (status == CaseStatus.INELIGIBLE) {
            stages.add(new Stage(CaseStatus.REFERRED, "done"));
            stages.add(new Stage(CaseStatus.INELIGIBLE, "current"));
            return stages;
        }
        for (CaseStatus stage : MAIN_ROAD) {
            if (status == CaseStatus.CLOSED && !everAssigned && (stage == CaseStatus.OFFERED || stage == CaseStatus.ASSIGNED)) {
                continue;
            }
            if (status == CaseStatus.PENDING_DOCUMENTS && stage == CaseStatus.ELIGIBLE) {
                stages.add(new Stage(CaseStatus.PENDING_DOCUMENTS, "current"));
                stages.add(new Stage(CaseStatus.ELIGIBLE, "ahead"));
                continue;
            }
            String state = stage == status ? "current" : stage.pathRank() < status.pathRank() ? "done" : "ahead";
            stages.add(new Stage(stage, state));
        }
        return stages;
    }

    /** One stage: the status it stands for and whether it is done, current or ahead (a class: pages read it by EL). */
    public static final class Stage {
        private final CaseStatus status;
        private final String state;

        Stage(CaseStatus status, String state) {
            this.status = status;
            this.state = state;
        }

        public CaseStatus getStatus() {
            return status;
        }

        /** "done", "current" or "ahead". */
        public String getState() {
            return state;
        }

        public boolean isCurrent() {
            return "current".equals(state);
        }

        @Override
        public String toString() {
            return status + ":" + state;
        }
    }
}
