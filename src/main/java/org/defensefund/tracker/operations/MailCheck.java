package org.defensefund.tracker.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.defensefund.tracker.shared.Settings;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * In production, ready only with an SMTP server configured ({@code TRACKER_SMTP_HOST}): without one, nobody
 * can be sent the link to set or reset a password. Demo mode writes e-mails to the log and needs none.
 */
@Readiness
@ApplicationScoped
public class MailCheck implements HealthCheck {

    static final String NAME = "mail";

    @Inject
    private Settings settings;

    @Override
    public HealthCheckResponse call() {
        if (settings.demoMode()) {
            return HealthCheckResponse.named(NAME).up().withData("mode", "demo: e-mails go to the log").build();
        }
        return settings.smtpHost()
                .map(host -> HealthCheckResponse.named(NAME).up().withData("smtp", host).build())
                .orElseGet(() -> HealthCheckResponse.named(NAME).down().withData("error", "TRACKER_SMTP_HOST is not set").build());
    }
}
