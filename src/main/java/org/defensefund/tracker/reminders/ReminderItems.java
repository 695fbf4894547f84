package org.defensefund.tracker.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.cases.CaseRow;
import org.defensefund.tracker.cases.Hearing;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.deadlines.Deadline;
import org.defensefund.tracker.deadlines.DeadlineRule;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.deadlines.DeadlineView;
import org.defensefund.tracker.funding.BudgetAlert;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * What the reminders of the current caller have to tell, read through the services and queries the caller's own lists
 * use, as the caller: so a reminder names only what the caller's lists show (partner staff: their organization's cases
 * and the offers made to it, a confidential case's number only while it is merely offered; administrators: the fund's).
 * The planner calls it while running as the recipient.
 */
@ApplicationScoped
class ReminderItems {

    /** The case deadlines of the digest's and the immediate reminders (a grant's report is the administrators'). */
    private static final Set<DeadlineRule> CASE_RULES = EnumSet.complementOf(EnumSet.of(DeadlineRule.FUNDER_REPORT));

    /** The days before a case's deadline on which the digest tells it. */
    private static final Set<Long> DEADLINE_DAYS = Set.of(7L, 3L, 1L);

    /** How far back the digest looks for what is still waiting (offers unanswered, reports overdue). */
    private static final int LOOK_BACK_DAYS = 30;

    private static final Duration SOON = Duration.ofHours(24);

    @Inject
    private CaseQueries cases;

    @Inject
    private RepresentationService representation;

    @Inject
    private DeadlineService deadlines;

    @Inject
    private BudgetService budgets;

    @Inject
    private PartnerService partners;

    /** The findings of partner staff: their organization's hearings, deadlines and offers. */
    Findings ofPartnerStaff(Instant now, LocalDate today, ZoneId zone) {
        List<ReminderItem> digest = new ArrayList<>();
        List<ReminderItem> soon = new ArrayList<>();
        hearings(now, today, zone, digest, soon);
        for (DeadlineView view : deadlines.dueBetween(today.minusDays(LOOK_BACK_DAYS), today.plusDays(7), CASE_RULES)) {
            Deadline deadline = view.deadline();
            if (deadline.getRule() == DeadlineRule.OFFER_ANSWER) {
                digest.add(new ReminderItem(ReminderKind.OFFER_TO_ANSWER, deadline.getCaseId(), deadline.getCaseNumber(), deadline.getDueOn(),
                        deadline.getDueAt(), null, view.daysLeft(), "OFFER:" + deadline.getId()));
            } else if (DEADLINE_DAYS.contains(view.daysLeft())) {
                digest.add(new ReminderItem(ReminderKind.DEADLINE, deadline.getCaseId(), deadline.getCaseNumber(), deadline.getDueOn(),
                        null, deadline.getRule().name(), view.daysLeft(), "DEADLINE:" + deadline.getId()));
            }
            if (dueWithin(deadline, now, zone)) {
                soon.add(new ReminderItem(ReminderKind.DEADLINE_SOON, deadline.getCaseId(), deadline.getCaseNumber(), deadline.getDueOn(),
                        deadline.getDueAt(), deadline.getRule().name(), view.daysLeft(), soonKey(deadline)));
            }
        }
        return new Findings(digest, Map.of(), soon);
    }

    /** The findings of administrators: offers overdue, detained people without an attorney, funders' reports, sub-awards at the alert share. */
    Findings ofAdministrators(Instant now, LocalDate today, ZoneId zone) {
        List<ReminderItem> digest = new ArrayList<>();
        List<ReminderItem> soon = new ArrayList<>();
        Map<ReminderKind, Long> totals = new EnumMap<>(ReminderKind.class);
        queue(CaseQueue.OFFER_OVERDUE, ReminderKind.OFFER_OVERDUE, digest, totals);
        queue(CaseQueue.DETAINED_NO_ATTORNEY, ReminderKind.DETAINED_NO_ATTORNEY, digest, totals);
        for (DeadlineView view : deadlines.dueBetween(today.minusDays(LOOK_BACK_DAYS), today.plusDays(7), EnumSet.of(DeadlineRule.FUNDER_REPORT))) {
            Deadline report = view.deadline();
            digest.add(new ReminderItem(ReminderKind.FUNDER_REPORT, null, report.getGrantName(), report.getDueOn(), null,
                    DeadlineRule.FUNDER_REPORT.name(), view.daysLeft(), "REPORT:" + report.getId()));
            if (dueWithin(report, now, zone)) {
                soon.add(new ReminderItem(ReminderKind.FUNDER_REPORT_SOON, null, report.getGrantName(), report.getDueOn(), null,
                        DeadlineRule.FUNDER_REPORT.name(), view.daysLeft(), soonKey(report)));
            }
        }
        List<BudgetAlert> alerts = budgets.alerts();
        if (!alerts.isEmpty()) {
            Map<Long, String> partnerNames = partners.namesOf(alerts.stream().map(a -> a.subAward().getPartnerId()).distinct().toList());
            for (BudgetAlert alert : alerts) {
                String label = alert.subAward().recordName() + " — " + partnerNames.getOrDefault(alert.subAward().getPartnerId(), "");
                digest.add(new ReminderItem(ReminderKind.SUB_AWARD_ALERT, null, label, null, null, alert.getPercentSpent().toPlainString(), 0,
                        "SUBAWARD:" + alert.subAward().getId()));
            }
        }
        return new Findings(digest, totals, soon);
    }

    /**
     * The key of a hearing's item at a time: the hearing and its time, so that a hearing moved to another time is a new
     * item (and the reminders of its old time can be found: {@link HearingReminderWithdrawal}).
     */
    static String hearingKey(Long hearingId, LocalDateTime scheduledAt) {
        return "HEARING:" + hearingId + ":" + scheduledAt;
    }

    /**
     * The hearings of the caller's open cases in the next 7 days (the case list's filter on the next hearing, then each
     * case's hearings): tomorrow's and those in 7 days for the digest, those within 24 hours for an immediate reminder.
     */
    private void hearings(Instant now, LocalDate today, ZoneId zone, List<ReminderItem> digest, List<ReminderItem> soon) {
        ListQuery query = ListQuery.firstPage(ListQuery.MAX_PAGE_SIZE).withFilter(CaseQueries.QUEUE, CaseQueue.MY_OPEN_CASES.name())
                .withFilter(CaseQueries.HEARING_FROM, today).withFilter(CaseQueries.HEARING_TO, today.plusDays(7));
        for (CaseRow row : cases.list(query)) {
            for (Hearing hearing : representation.hearings(row.getId())) {
                if (hearing.isCancelled()) {
                    continue;
                }
                LocalDateTime scheduled = hearing.getScheduledAt();
                Instant at = scheduled.atZone(zone).toInstant();
                LocalDate day = scheduled.toLocalDate();
                String key = hearingKey(hearing.getId(), scheduled);
                if (day.equals(today.plusDays(1))) {
                    digest.add(new ReminderItem(ReminderKind.HEARING_TOMORROW, row.getId(), row.getCaseNumber(), day, at, hearing.getKind().name(), 1, key));
                } else if (day.equals(today.plusDays(7))) {
                    digest.add(new ReminderItem(ReminderKind.HEARING_IN_7_DAYS, row.getId(), row.getCaseNumber(), day, at, hearing.getKind().name(), 7, key));
                }
                if (at.isAfter(now) && !at.isAfter(now.plus(SOON))) {
                    soon.add(new ReminderItem(ReminderKind.HEARING_SOON, row.getId(), row.getCaseNumber(), day, at, hearing.getKind().name(),
                            java.time.temporal.ChronoUnit.DAYS.between(today, day), key));
                }
            }
        }
    }

    /** The first cases of a fund queue, and how many it holds. */
    private void queue(CaseQueue queue, ReminderKind kind, List<ReminderItem> digest, Map<ReminderKind, Long> totals) {
        ListQuery query = ListQuery.firstPage(ReminderMail.LINES).withFilter(CaseQueries.QUEUE, queue.name());
        List<CaseRow> rows = cases.list(query);
        for (CaseRow row : rows) {
            digest.add(new ReminderItem(kind, row.getId(), row.getCaseNumber(), null, null, null, 0, kind.name() + ":" + row.getId()));
        }
        if (rows.size() >= ReminderMail.LINES) {
            totals.put(kind, cases.count(query));
        }
    }

    /** Whether the deadline's end (its time, or the end of its day in the fund's zone) is in the next 24 hours. */
    static boolean dueWithin(Deadline deadline, Instant now, ZoneId zone) {
        Instant end = deadline.getDueAt() != null ? deadline.getDueAt() : deadline.getDueOn().plusDays(1).atStartOfDay(zone).toInstant();
        return end.isAfter(now) && !end.isAfter(now.plus(SOON));
    }

    /** The key of a deadline's immediate reminder: a deadline moved to another day is told again. */
    private static String soonKey(Deadline deadline) {
        return "DEADLINE:" + deadline.getId() + ":" + (deadline.getDueAt() != null ? deadline.getDueAt() : deadline.getDueOn());
    }
}
