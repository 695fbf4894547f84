package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.defensefund.tracker.shared.Settings;

/** Dates and times as pages show them: in the fund's time zone, one format everywhere ({@code #{dates.of(x)}}). */
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
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DATE_TIME.format(dateTime);
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(settings.zone()));
        }
        return value == null ? "" : value.toString();
    }

    /** A date and time to the second (the audit trail), a {@code LocalDateTime} being in the fund's zone already. */
    public String toTheSecond(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return TO_THE_SECOND.format(dateTime);
        }
        if (value instanceof Instant instant) {
            return TO_THE_SECOND.format(instant.atZone(settings.zone()));
        }
        return value == null ? "" : value.toString();
    }

    /**
     * A value as the audit trail stored it, for people: an instant ("2026-12-01T06:04:16.9771Z") becomes the
     * fund's time to the second; any other text stays as it is.
     */
    public String readable(String stored) {
        return readable(stored, settings.zone());
    }

    static String readable(String stored, java.time.ZoneId zone) {
        if (stored == null || !STORED_INSTANT.matcher(stored).matches()) {
            return stored;
        }
        return TO_THE_SECOND.format(Instant.parse(stored).atZone(zone));
    }

    /** The fund's zone as people name it ("ET" for America/New_York). */
    public String getZoneName() {
        return settings.zone().getDisplayName(TextStyle.SHORT, Locale.US);
    }

    public String getInputPattern() {
        return INPUT_PATTERN;
    }

    /** The last year a date field takes ({@link org.defensefund.tracker.shared.PlausibleDates}), for the calendar's year list. */
    public int getLatestYear() {
        return org.defensefund.tracker.shared.PlausibleDates.latest(LocalDate.now(org.defensefund.tracker.shared.FundClock.current())).getYear();
    }

}
