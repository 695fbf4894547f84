package org.defensefund.tracker.clientreminders;

import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The text of a hearing reminder in the client's language, from the reminders' own bundle
 * ({@code org/defensefund/tracker/client-reminders*.properties}, no fallback but English): the hearing's date and time,
 * the court's name and address, what to bring (a fixed list in the bundle) and how to reach the fund. Nothing else of
 * the case: no A-number, no case number, no charges or case type, no partner or lawyer.
 *
 * @param subject the e-mail's subject
 * @param body the e-mail's plain text
 */
public record ReminderText(String subject, String body) {

    static final String BUNDLE = "org.defensefund.tracker.client-reminders";

    /** The reminder of a hearing at {@code when}, at the court named (null when not recorded). */
    public static ReminderText hearing(Locale locale, String fundName, String fundContact, LocalDateTime when, String courtName,
                                       String courtAddress) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ReminderText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String date = when.toLocalDate().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale));
        String time = when.toLocalTime().format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
        String court = courtName == null || courtName.isBlank() ? texts.getString("hearing.courtUnknown") : courtName;
        String address = courtAddress == null || courtAddress.isBlank() ? "" : courtAddress;
        String subject = format(texts.getString("hearing.subject"), locale, date);
        String body = format(texts.getString("hearing.body"), locale, fundName, date, time, court, address,
                texts.getString("hearing.bring"), fundContact);
        return new ReminderText(subject, body);
    }

    private static String format(String pattern, Locale locale, Object... arguments) {
        return new MessageFormat(pattern, locale).format(arguments);
    }
}
