package org.defensefund.tracker.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ResourceBundle;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.outbox.Channel;
import org.defensefund.tracker.outbox.Outbox;
import org.defensefund.tracker.outbox.OutgoingMessage;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.Settings;

/**
 * One user's reminders at one moment, in a transaction of their own (one user's trouble doesn't hold the others'): the
 * daily digest once the morning's hour has come in the fund's zone, once a day (its dedupe key is the user and the day),
 * and an immediate reminder of each item due within 24 hours, once per item (its key is the user and the item), each as
 * the user chose, in the user's language, written to the outbox.
 */
@ApplicationScoped
class UserReminders {

    @Inject
    private Outbox outbox;

    @Inject
    private ReminderItems items;

    @Inject
    private ReminderService choices;

    @Inject
    private CallerContext caller;

    @Inject
    private Settings settings;

    /** Writes what is due for the recipient now; how many messages were written. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int plan(Recipient recipient, Instant now, ZoneId zone) {
        ReminderChoice choice = choices.choiceOf(recipient.id());
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        String digestKey = recipient.audience().digestKind() + ":" + recipient.id() + ":" + today;
        boolean digestDue = choice.dailyDigest() && local.getHour() >= settings.digestHour() && !outbox.holds(digestKey);
        if (!digestDue && !choice.immediate()) {
            return 0;
        }
        Findings findings = caller.runAs(recipient.email(), () -> recipient.audience() == Audience.ADMINISTRATORS
                ? items.ofAdministrators(now, today, zone) : items.ofPartnerStaff(now, today, zone));
        ReminderMail.Context context = context(recipient, zone, today);
        int written = 0;
        if (digestDue) {
            ReminderMail.Composed digest = ReminderMail.digest(findings, context);
            if (digest != null && outbox.enqueue(message(recipient, digestKey, recipient.audience().digestKind(), digest, null))) {
                written++;
            }
        }
        if (choice.immediate()) {
            for (ReminderItem item : findings.soon()) {
                String key = recipient.audience().soonKind() + ":" + recipient.id() + ":" + item.key();
                if (!outbox.holds(key)
                        && outbox.enqueue(message(recipient, key, recipient.audience().soonKind(), ReminderMail.soon(item, context), item.caseId()))) {
                    written++;
                }
            }
        }
        return written;
    }

    private ReminderMail.Context context(Recipient recipient, ZoneId zone, LocalDate today) {
        // No fallback to the server's own language: English is the bundle's base.
        ResourceBundle texts = ResourceBundle.getBundle(Languages.BUNDLE, recipient.language().locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String url = settings.publicUrl();
        return new ReminderMail.Context(texts, recipient.language().formats(), zone, settings.getFundName(),
                url.endsWith("/") ? url : url + "/", recipient.name(), today);
    }

    private static OutgoingMessage message(Recipient recipient, String key, String kind, ReminderMail.Composed mail, Long caseId) {
        return new OutgoingMessage(key, Channel.EMAIL, recipient.email(), recipient.language().locale(), cut(mail.subject()),
                mail.body(), null, caseId, kind);
    }

    private static String cut(String subject) {
        return subject.length() > OutgoingMessage.SUBJECT_MAX ? subject.substring(0, OutgoingMessage.SUBJECT_MAX - 1) + "…" : subject;
    }
}
