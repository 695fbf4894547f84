package org.defensefund.tracker.shared;

import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * Bean Validation's clock ({@code META-INF/validation.xml}): {@code @Past} and {@code @PastOrPresent} judge dates by
 * the fund's today, not the server's.
 */
public class FundClockProvider implements ClockProvider {

    @Override
    public Clock getClock() {
        return FundClock.current();
    }
}
