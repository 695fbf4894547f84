package org.defensefund.tracker.reminders;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The text of the reminders, from the message bundle in the recipient's language: the daily digest (a section per kind
 * with lines, at most {@link #LINES} per section and "and N more") and an immediate reminder (one item). Cases are named
 * by their number only, never by their client: an e-mail leaves the application, and a number means something only to
 * who may open the case. Pure: tested without a server.
 */
final class ReminderMail {

    /** The most lines of one kind a digest lists; the rest are counted. */
    static final int LINES = 20;

    /** The order of the digest's sections. */
    private static final List<ReminderKind> SECTIONS = List.of(ReminderKind.HEARING_TOMORROW, ReminderKind.HEARING_IN_7_DAYS,
            ReminderKind.DEADLINE, ReminderKind.OFFER_TO_ANSWER, ReminderKind.OFFER_OVERDUE, ReminderKind.DETAINED_NO_ATTORNEY,
            ReminderKind.FUNDER_REPORT, ReminderKind.SUB_AWARD_ALERT);

    /** A composed e-mail. */
    record Composed(String subject, String body) {
    }

    /**
     * What every reminder needs to be written: the texts in the recipient's language, the formats of that language, the
     * fund's zone, name and address, the recipient's name and the fund's today.
     */
    record Context(ResourceBundle texts, Locale formats, ZoneId zone, String fundName, String url, String recipientName, LocalDate today) {
    }

    private ReminderMail() {
    }

    /** The daily digest of the findings' lines; null when there is nothing to tell. */
    static Composed digest(Findings findings, Context context) {
        if (findings.digest().isEmpty()) {
            return null;
        }
        StringBuilder body = new StringBuilder(format(context, "reminder.digest.intro", context.recipientName(), longDate(context, context.today())));
        for (ReminderKind kind : SECTIONS) {
            List<ReminderItem> lines = findings.digest().stream().filter(i -> i.kind() == kind).limit(LINES).toList();
            if (lines.isEmpty()) {
                continue;
            }
            long total = findings.total(kind);
            body.append('\n').append(format(context, "reminder.section." + kind.name(), total)).append('\n');
            for (ReminderItem item : lines) {
                body.append("- ").append(line(item, context)).append('\n');
            }
            if (total > lines.size()) {
                body.append(format(context, "reminder.more", total - lines.size())).append('\n');
            }
        }
        body.append(format(context, "reminder.digest.footer", context.url()));
        return new Composed(format(context, "reminder.digest.subject", context.fundName(), longDate(context, context.today())), body.toString());
    }

    /** The immediate reminder of one item due within 24 hours. */
    static Composed soon(ReminderItem item, Context context) {
        String subject = format(context, "reminder.soon.subject." + item.kind().name(), item.label());
        String body = format(context, "reminder.soon.body", context.recipientName(), line(item, context), context.url());
        return new Composed(subject, body);
    }

    /** The line of one item: what it is, its case number or name, when. */
    static String line(ReminderItem item, Context context) {
        return format(context, "reminder.line." + item.kind().name(), item.label(), detail(item, context), when(item, context), item.daysLeft());
    }

    private static String detail(ReminderItem item, Context context) {
        if (item.detail() == null) {
            return "";
        }
        return switch (item.kind()) {
            case HEARING_TOMORROW, HEARING_IN_7_DAYS, HEARING_SOON -> text(context, "hearingKind." + item.detail());
            case DEADLINE, DEADLINE_SOON -> text(context, "deadlineRule." + item.detail());
            case SUB_AWARD_ALERT -> NumberFormat.getPercentInstance(context.formats()).format(new BigDecimal(item.detail()).movePointLeft(2));
            default -> item.detail();
        };
    }

    /** The day, with its time when the item has one, in the fund's zone and the recipient's formats. */
    private static String when(ReminderItem item, Context context) {
        if (item.at() != null) {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(context.formats())
                    .format(item.at().atZone(context.zone()));
        }
        return item.day() == null ? "" : longDate(context, item.day());
    }

    private static String longDate(Context context, LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(context.formats()).format(day);
    }

    private static String text(ResourceBundle texts, String key) {
        return texts.getString(key);
    }

    private static String text(Context context, String key) {
        return text(context.texts(), key);
    }

    private static String format(Context context, String key, Object... arguments) {
        return new MessageFormat(text(context, key), context.formats()).format(arguments);
    }
}
