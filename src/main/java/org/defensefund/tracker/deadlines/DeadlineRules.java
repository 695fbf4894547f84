package org.defensefund.tracker.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which deadlines a case's recorded facts call for, by the rules of {@link DeadlineRule} with the periods in force.
 * Pure: no database, no clock, so every rule is tested with plain JUnit.
 *
 * <ul>
 * <li>An immigration judge's decision starts a {@link DeadlineRule#BIA_APPEAL}: a relief application granted or denied
 * (bond denied included: the respondent's custody appeal), or the case closed with a decision in court. One deadline per
 * decision day (a relief decided the day the case closed is the same decision). Once the case's appeal is opened, the
 * appeal of its closing decision belongs to the appeal case, which gets it from the appealed case's decision date.</li>
 * <li>A bond granted starts a {@link DeadlineRule#DHS_BOND_APPEAL}: the day DHS's automatic stay lapses unless it appeals.</li>
 * <li>An appeal case closed with a decision (the BIA's) starts a {@link DeadlineRule#PETITION_FOR_REVIEW}.</li>
 * <li>An assigned case starts a {@link DeadlineRule#NOTICE_OF_APPEARANCE} on the day it was accepted, met once the
 * notice is recorded.</li>
 * </ul>
 */
public final class DeadlineRules {

    private DeadlineRules() {
    }

    /** A deadline the facts call for: its rule, the fact that starts it (a stable key), dates, and the day it was met by a fact. */
    public record Due(DeadlineRule rule, String source, LocalDate triggeredOn, LocalDate dueOn, LocalDate metOn) {
    }

    /** The deadlines the facts call for, with {@code periods} in days by rule (a rule missing takes its default). */
    public static List<Due> dueFor(CaseDeadlineFacts facts, Map<DeadlineRule, Integer> periods) {
        Map<String, Due> due = new LinkedHashMap<>();
        for (CaseDeadlineFacts.Decision decision : facts.decisions()) {
            if (decision.decidedOn() == null) {
                continue;
            }
            if (decision.bond() && decision.granted()) {
                add(due, DeadlineRule.DHS_BOND_APPEAL, "bond:" + decision.decidedOn(), decision.decidedOn(), null, periods);
            } else if (!facts.appeal()) {
                add(due, DeadlineRule.BIA_APPEAL, "ij:" + decision.decidedOn(), decision.decidedOn(), null, periods);
            }
        }
        if (facts.appeal()) {
            if (facts.appealOfDecidedOn() != null) {
                add(due, DeadlineRule.BIA_APPEAL, "ij:" + facts.appealOfDecidedOn(), facts.appealOfDecidedOn(), null, periods);
            }
            if (facts.decidedInCourtOn() != null) {
                add(due, DeadlineRule.PETITION_FOR_REVIEW, "bia:" + facts.decidedInCourtOn(), facts.decidedInCourtOn(), null, periods);
            }
        } else if (facts.decidedInCourtOn() != null) {
            String key = "ij:" + facts.decidedInCourtOn();
            if (facts.appealed()) {
                due.remove(DeadlineRule.BIA_APPEAL + "/" + key);
            } else {
                add(due, DeadlineRule.BIA_APPEAL, key, facts.decidedInCourtOn(), null, periods);
            }
        }
        if (facts.assigned() && facts.assignedOn() != null) {
            add(due, DeadlineRule.NOTICE_OF_APPEARANCE, "assigned:" + facts.assignedOn(), facts.assignedOn(), facts.noticeOfAppearanceOn(), periods);
        }
        return new ArrayList<>(due.values());
    }

    private static void add(Map<String, Due> due, DeadlineRule rule, String source, LocalDate from, LocalDate metOn,
                            Map<DeadlineRule, Integer> periods) {
        int days = periods.getOrDefault(rule, rule.defaultPeriod());
        due.putIfAbsent(rule + "/" + source, new Due(rule, source, from, rule.dueOn(from, days), metOn));
    }
}
