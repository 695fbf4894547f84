package org.defensefund.tracker.operations;

import jakarta.enterprise.context.ApplicationScoped;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with the personal-data key loaded: without it no client's A-number, birth date or address can be read. */
@Readiness
@ApplicationScoped
public class PersonalDataKeyCheck implements HealthCheck {

    static final String NAME = "personal-data-key";

    @Override
    public HealthCheckResponse call() {
        try {
            PiiCipher.current();
            return HealthCheckResponse.up(NAME);
        } catch (RuntimeException | ExceptionInInitializerError e) {
            return HealthCheckResponse.named(NAME).down().withData("error", "no usable personal-data key (see the server log)").build();
        }
    }
}
