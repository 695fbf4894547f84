package org.defensefund.tracker.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Optional;

/**
 * Deployment settings. Each is read from a system property ({@code tracker.x.y}) or else from an
 * environment variable ({@code TRACKER_X_Y}), so the same WAR runs in demo mode and in production.
 */
@Named
@ApplicationScoped
public class Settings {

    /** Demo mode seeds one account per role and prints them at start. Never on in production. */
    public boolean demoMode() {
        return read("tracker.demo").map(Boolean::parseBoolean).orElse(false);
    }

    /** The fund's name, shown in every page's header. */
    public String getFundName() {
        return read("tracker.fund.name").orElse("Greater Boston Immigrant Defense Fund");
    }

    /** The address users open, printed at start. */
    public String publicUrl() {
        return read("tracker.public.url").orElse("http://localhost:8080/");
    }

    /**
     * Whether the read models (dashboards' figures, name index) are made again from the base tables at
     * start: for an operator who changed rows straight in the database (default false).
     */
    public boolean rebuildReadModels() {
        return read("tracker.rebuild.read.models").map(Boolean::parseBoolean).orElse(false);
    }

    /** The fund's time zone, for showing times (default America/New_York). */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(read("tracker.zone").orElse("America/New_York"));
    }

    /** How long a partner has to answer an offer before the fund's queue flags it (default 48 hours). */
    public java.time.Duration offerResponseTime() {
        return java.time.Duration.ofHours(read("tracker.offer.response.hours").map(Long::parseLong).orElse(48L));
    }

    /** The share of a sub-award spent (approved) at which the administrator's home page flags it (default 90). */
    public int budgetAlertPercent() {
        int percent = read("tracker.budget.alert.percent").map(Integer::parseInt).orElse(90);
        return Math.max(1, Math.min(100, percent));
    }

    /** Counts below this are shown to funders as "fewer than" (small-cell suppression, default 5). */
    public int smallCellThreshold() {
        return Math.max(2, read("tracker.small.cell.threshold").map(Integer::parseInt).orElse(5));
    }

    /** How long a signed-in session may last however active it is (default 8 hours). */
    public java.time.Duration absoluteSessionLimit() {
        return java.time.Duration.ofMinutes(read("tracker.session.absolute.minutes").map(Long::parseLong).orElse(480L));
    }

    /** The SMTP server account e-mails go through, when one is configured (the mail session's default is localhost). */
    public Optional<String> smtpHost() {
        return read("tracker.smtp.host");
    }

    /**
     * The longest the application waits on the SMTP server to connect, to answer and to take what it
     * writes, each ({@code tracker.smtp.timeout.ms}), so that a stalled mail server never holds a page.
     */
    public java.time.Duration smtpTimeout() {
        return java.time.Duration.ofMillis(read("tracker.smtp.timeout.ms").map(Long::parseLong).orElse(5000L));
    }

    /** E-mail and password of the first administrator, created at start only while no administrator exists. */
    public Optional<String> bootstrapAdminEmail() {
        return read("tracker.bootstrap.admin.email");
    }

    public Optional<String> bootstrapAdminPassword() {
        return read("tracker.bootstrap.admin.password");
    }

    /** Referrals the public form accepts from one address in a {@link #referralWindow} (default 10). */
    public int referralsPerAddress() {
        return Math.max(1, read("tracker.refer.address.limit").map(Integer::parseInt).orElse(10));
    }

    /** Referrals the public form accepts from everyone together in a {@link #referralWindow} (default 200). */
    public int referralsInAll() {
        return Math.max(1, read("tracker.refer.global.limit").map(Integer::parseInt).orElse(200));
    }

    /** The window the public form's limits count in (default 60 minutes). */
    public java.time.Duration referralWindow() {
        return java.time.Duration.ofMinutes(Math.max(1, read("tracker.refer.window.minutes").map(Long::parseLong).orElse(60L)));
    }

    /**
     * Whether this server runs the outbox's delivery on a schedule ({@code tracker.outbox.schedule}, default true). The
     * integration tests' server turns it off and calls the delivery itself, so no test receives a message it didn't send.
     */
    public boolean outboxScheduled() {
        return read("tracker.outbox.schedule").map(Boolean::parseBoolean).orElse(true);
    }

    /** How often the outbox's delivery looks for messages due (default every 60 seconds, at least 1). */
    public java.time.Duration outboxPeriod() {
        return java.time.Duration.ofSeconds(Math.max(1, read("tracker.outbox.period.seconds").map(Long::parseLong).orElse(60L)));
    }

    /** The wait before a failed message's first retry, doubled at each further one (default 60 seconds). */
    public java.time.Duration outboxRetryDelay() {
        return java.time.Duration.ofSeconds(Math.max(1, read("tracker.outbox.retry.seconds").map(Long::parseLong).orElse(60L)));
    }

    /** How many times a message is tried before it is marked failed (default 8, at least 1). */
    public int outboxMaxAttempts() {
        return Math.max(1, read("tracker.outbox.max.attempts").map(Integer::parseInt).orElse(8));
    }

    /**
     * Whether this server plans the staff's reminders on a schedule ({@code tracker.reminders.schedule}, default true);
     * off in the integration tests' server, whose tests call the planner themselves.
     */
    public boolean remindersScheduled() {
        return read("tracker.reminders.schedule").map(Boolean::parseBoolean).orElse(true);
    }

    /** How often the reminders' planner runs (default every 15 minutes, at least 1). */
    public java.time.Duration remindersPeriod() {
        return java.time.Duration.ofMinutes(Math.max(1, read("tracker.reminders.period.minutes").map(Long::parseLong).orElse(15L)));
    }

    /** The hour of the morning, in the fund's zone, from which each user's daily digest is sent (default 7, 0 to 23). */
    public int digestHour() {
        return Math.max(0, Math.min(23, read("tracker.reminders.digest.hour").map(Integer::parseInt).orElse(7)));
    }

    /** A setting: the system property, else the environment variable of the same name in capitals with underscores; blank is none. */
    public static Optional<String> read(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
