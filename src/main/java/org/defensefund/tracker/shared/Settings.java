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

    static Optional<String> read(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
