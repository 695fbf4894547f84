package org.defensefund.tracker.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * <li>An offer to a partner starts an {@link DeadlineRule#OFFER_ANSWER}, due the offer's hours after it was made, met
 * by the answer; the offered partner's, whoever the case's partner is.</li>
 * <li>A grant's reporting schedule starts a {@link DeadlineRule#FUNDER_REPORT} on each of its report dates
 * ({@link #dueForGrant}).</li>
 * </ul>
 * Deadlines due before the day deadlines are kept from ({@code keptFrom}: history nobody can act on any more, recorded
 * before the rules existed) are not called for.
 */
public final class DeadlineRules {

    private DeadlineRules() {
    }

    /**
     * A deadline the facts call for: its rule, the fact that starts it (a stable key), dates, the day it was met by a
     * fact, the time it is due when it has one ({@code dueAt}, the offer's answer) and whose it is when not the case's
     * partner's ({@code partnerId}, the partner offered the case).
     */
    public record Due(DeadlineRule rule, String source, LocalDate triggeredOn, LocalDate dueOn, LocalDate metOn, Instant dueAt,
                      Long partnerId) {

        /** A deadline due on a day, the case's partner's. */
        public Due(DeadlineRule rule, String source, LocalDate triggeredOn, LocalDate dueOn, LocalDate metOn) {
            this(rule, source, triggeredOn, dueOn, metOn, null, null);
        }
    }

    /** How the rules are set: periods in days by rule (a rule missing takes its default), the offer's hours, the fund's zone. */
    public record RuleSettings(Map<DeadlineRule, Integer> periods, Duration offerAnswer, ZoneId zone, LocalDate keptFrom) {

        /** The default periods, 48 hours for an offer, in {@code zone}, keeping every deadline. */
        public static RuleSettings defaults(ZoneId zone) {
            return new RuleSettings(Map.of(), Duration.ofHours(48), zone, LocalDate.MIN);
        }
    }

    /** The deadlines the facts call for, with {@code periods} in days by rule (a rule missing takes its default). */
    public static List<Due> dueFor(CaseDeadlineFacts facts, Map<DeadlineRule, Integer> periods) {
        return dueFor(facts, new RuleSettings(periods, Duration.ofHours(48), ZoneId.of("UTC"), LocalDate.MIN));
    }

    /** The deadlines the facts call for, as {@code settings} set the rules. */
    public static List<Due> dueFor(CaseDeadlineFacts facts, RuleSettings settings) {
        Map<DeadlineRule, Integer> periods = settings.periods();
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
        for (CaseDeadlineFacts.Offer offer : facts.offers()) {
            Instant dueAt = offer.offeredAt().plus(settings.offerAnswer());
            due.putIfAbsent(DeadlineRule.OFFER_ANSWER + "/offer:" + offer.id(), new Due(DeadlineRule.OFFER_ANSWER, "offer:" + offer.id(),
                    offer.offeredAt().atZone(settings.zone()).toLocalDate(), dueAt.atZone(settings.zone()).toLocalDate(),
                    offer.answeredAt() == null ? null : offer.answeredAt().atZone(settings.zone()).toLocalDate(), dueAt, offer.partnerId()));
        }
        return kept(due.values(), settings.keptFrom());
    }

    /**
     * The report deadlines of a grant running from {@code start} to {@code end} on {@code schedule}'s report dates
     * (given by the grant's schedule: {@code ReportingSchedule#reportDates}); each is started by the grant's start.
     */
    public static List<Due> dueForGrant(LocalDate start, List<LocalDate> reportDates, LocalDate keptFrom) {
        List<Due> due = new ArrayList<>();
        for (LocalDate date : reportDates) {
            due.add(new Due(DeadlineRule.FUNDER_REPORT, "report:" + date, start.isAfter(date) ? date : start, date, null));
        }
        return kept(due, keptFrom);
    }

    private static List<Due> kept(java.util.Collection<Due> due, LocalDate keptFrom) {
        return due.stream().filter(d -> !d.dueOn().isBefore(keptFrom)).toList();
    }

    private static void add(Map<String, Due> due, DeadlineRule rule, String source, LocalDate from, LocalDate metOn,
                            Map<DeadlineRule, Integer> periods) {
        int days = periods.getOrDefault(rule, rule.defaultPeriod());
        due.putIfAbsent(rule + "/" + source, new Due(rule, source, from, rule.dueOn(from, days), metOn));
    }
}
