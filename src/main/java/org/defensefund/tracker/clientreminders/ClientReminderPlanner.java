package org.defensefund.tracker.clientreminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.cases.CaseFactsService;
import org.defensefund.tracker.cases.UpcomingHearing;
import org.defensefund.tracker.outbox.Channel;
import org.defensefund.tracker.outbox.OutgoingMessage;
import org.defensefund.tracker.outbox.Outbox;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;

/**
 * Plans the hearing reminders: for every hearing of an open case in the next {@value #WEEK} days (the fund's days,
 * {@link FundClock}) whose client's consent is in force, one e-mail a week ahead ({@link #WEEK_AHEAD}: sent from seven
 * days before the hearing, or at once when the hearing or the consent comes later) and one a day ahead
 * ({@link #DAY_AHEAD}: from the day before, until the hearing's time), in the client's language ({@link ReminderText}),
 * through the {@link Outbox}, which sends it and keeps it once: the dedupe key is the kind, the hearing and its date
 * and time, so a planner run again changes nothing and a hearing moved to another day gets reminders of its own.
 * Nothing for a closed or screened-out case, a hearing past, or a consent withdrawn. Runs as the system (it reads every
 * case's hearings); scheduled by {@link ClientReminderSchedule}, and callable from tests at a fixed clock.
 */
@ApplicationScoped
public class ClientReminderPlanner {

    /** The kind of the reminder a week ahead. */
    public static final String WEEK_AHEAD = "CLIENT_HEARING_7D";
    /** The kind of the reminder a day ahead. */
    public static final String DAY_AHEAD = "CLIENT_HEARING_1D";
    /** How many days ahead the first reminder goes. */
    static final int WEEK = 7;

    @Inject
    private CallerContext caller;

    @Inject
    private CaseFactsService caseFacts;

    @Inject
    private ClientReminderService consents;

    @Inject
    private Outbox outbox;

    @Inject
    private FundClock clock;

    @Inject
    private Settings settings;

    /** The dedupe key of a reminder of a kind of a hearing at a time. */
    static String dedupeKey(String kind, Long hearingId, LocalDateTime scheduledAt) {
        return kind + ":" + hearingId + ":" + scheduledAt;
    }

    /** Whether a kind of outgoing message is a client's hearing reminder. */
    public static boolean isReminder(String kind) {
        return WEEK_AHEAD.equals(kind) || DAY_AHEAD.equals(kind);
    }

    /** Plans what is due at the fund clock's moment; returns how many reminders were newly put in the outbox. */
    @ActivateRequestContext
    @Transactional
    public int planDue() {
        return caller.runAs(CallerContext.SYSTEM, this::plan);
    }

    private int plan() {
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<UpcomingHearing> hearings = caseFacts.upcomingHearings(today, today.plusDays(WEEK));
        Map<Long, String> addresses = consents.consentedAddresses(hearings.stream().map(UpcomingHearing::caseId).collect(Collectors.toSet()));
        int planned = 0;
        for (UpcomingHearing hearing : hearings) {
            String recipient = addresses.get(hearing.caseId());
            if (recipient == null || !hearing.scheduledAt().atZone(clock.zone()).toInstant().isAfter(now)) {
                continue;
            }
            long daysAhead = ChronoUnit.DAYS.between(today, hearing.scheduledAt().toLocalDate());
            String kind = daysAhead <= 1 ? DAY_AHEAD : WEEK_AHEAD;
            Locale language = ReminderLanguages.localeOf(hearing.clientLanguage());
            ReminderText text = ReminderText.hearing(language, settings.getFundName(), contact(), hearing.scheduledAt(),
                    hearing.courtName(), hearing.courtAddress());
            String dedupeKey = dedupeKey(kind, hearing.hearingId(), hearing.scheduledAt());
            if (outbox.enqueue(new OutgoingMessage(dedupeKey, Channel.EMAIL, recipient, language, text.subject(), text.body(), now,
                    hearing.caseId(), kind))) {
                planned++;
            }
        }
        return planned;
    }

    /**
     * How a client reaches the fund, as the reminders say it: {@code tracker.client.reminders.contact} (or
     * {@code TRACKER_CLIENT_REMINDERS_CONTACT}), a phone number and an e-mail address, say; else the fund's public address.
     */
    private String contact() {
        return Optional.ofNullable(ClientReminderSchedule.read("tracker.client.reminders.contact")).orElse(settings.publicUrl());
    }
}
