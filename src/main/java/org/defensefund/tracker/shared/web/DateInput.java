package org.defensefund.tracker.shared.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import org.defensefund.tracker.shared.PlausibleDates;

/**
 * How a typed date is read, strictly: a day that exists ("02/30/2026" is refused, not moved to the 28th), in ASCII
 * digits, month first ({@value Dates#INPUT_PATTERN}, one or two digits for month and day), and within the
 * {@link PlausibleDates plausible} years. Pure, so the rule is tested without a server; {@link DateConverter}
 * applies it to every date field.
 */
public final class DateInput {

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("M/d/uuuu").toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("M/d/uuuu h:mm a").toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.US);
    static final DateTimeFormatter SHOWN_DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/uuuu hh:mm a", Locale.US);

    private DateInput() {
    }

    /** The date typed, or empty when it is no real date or not a plausible one seen from today. */
    public static Optional<LocalDate> date(String typed, LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(typed.strip(), DATE);
            return PlausibleDates.contains(date, today) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The date and time typed ("03/02/2026 10:30 AM"), or empty as for {@link #date}. */
    public static Optional<LocalDateTime> dateTime(String typed, LocalDate today) {
        try {
            LocalDateTime dateTime = LocalDateTime.parse(typed.strip().replaceAll("\\s+", " "), DATE_TIME);
            return PlausibleDates.contains(dateTime.toLocalDate(), today) ? Optional.of(dateTime) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
