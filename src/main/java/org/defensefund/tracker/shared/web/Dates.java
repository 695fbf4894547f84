package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.defensefund.tracker.shared.Settings;

/**
 * Dates and times as pages show them ({@code #{dates.of(x)}}), in the fund's time zone: in English as the
 * date fields take them ("12/01/2026 2:05 PM"); in another language by its conventions with the month by name
 * ("1 dic. 2026 2:05 p. m."), which can't be mistaken for the month-first digits the date fields take in
 * every language.
 */
@Named("dates")
@ApplicationScoped
public class Dates {

    public static final String INPUT_PATTERN = "MM/dd/yyyy";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(INPUT_PATTERN);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(INPUT_PATTERN + " h:mm a");
    private static final java.util.regex.Pattern STORED_INSTANT =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern(INPUT_PATTERN + " h:mm:ss a");

    @Inject
    private Settings settings;

    public String of(Object value) {
        return of(value, settings.zone(), LanguageView.formats());
    }

    /** A date or time in the given zone and by the conventions of the given locale (English: as the fields take it). */
    static String of(Object value, java.time.ZoneId zone, Locale formats) {
        if (value instanceof LocalDate date) {
            return dateFormat(formats).format(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTimeFormat(formats).format(dateTime);
        }
        if (value instanceof Instant instant) {
            return dateTimeFormat(formats).format(instant.atZone(zone));
        }
        return value == null ? "" : value.toString();
    }

    private static boolean usEnglish(Locale formats) {
        return formats == null || Locale.US.equals(formats);
    }

    private static DateTimeFormatter dateFormat(Locale formats) {
        return usEnglish(formats) ? DATE : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(formats);
    }

    private static DateTimeFormatter dateTimeFormat(Locale formats) {
        return usEnglish(formats) ? DATE_TIME : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(formats);
    }

    private static DateTimeFormatter toTheSecondFormat(Locale formats) {
        return usEnglish(formats) ? TO_THE_SECOND : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(formats);
    }

    /** A date and time to the second (the audit trail), a {@code LocalDateTime} being in the fund's zone already. */
    public String toTheSecond(Object value) {
        Locale formats = LanguageView.formats();
        if (value instanceof LocalDateTime dateTime) {
            return toTheSecondFormat(formats).format(dateTime);
        }
        if (value instanceof Instant instant) {
            return toTheSecondFormat(formats).format(instant.atZone(settings.zone()));
        }
        return value == null ? "" : value.toString();
    }

    /**
     * A value as the audit trail stored it, for people: an instant ("2026-12-01T06:04:16.9771Z") becomes the
     * fund's time to the second; any other text stays as it is.
     */
    public String readable(String stored) {
        return readable(stored, settings.zone(), LanguageView.formats());
    }

    static String readable(String stored, java.time.ZoneId zone) {
        return readable(stored, zone, Locale.US);
    }

    static String readable(String stored, java.time.ZoneId zone, Locale formats) {
        if (stored == null || !STORED_INSTANT.matcher(stored).matches()) {
            return stored;
        }
        return toTheSecondFormat(formats).format(Instant.parse(stored).atZone(zone));
    }

    /** The fund's zone as people name it ("ET" for America/New_York). */
    public String getZoneName() {
        return settings.zone().getDisplayName(TextStyle.SHORT, LanguageView.formats());
    }

    public String getInputPattern() {
        return INPUT_PATTERN;
    }

    /** The last year a date field takes ({@link org.defensefund.tracker.shared.PlausibleDates}), for the calendar's year list. */
    public int getLatestYear() {
        return org.defensefund.tracker.shared.PlausibleDates.latest(LocalDate.now(org.defensefund.tracker.shared.FundClock.current())).getYear();
    }

}
