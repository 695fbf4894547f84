package org.defensefund.tracker.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fund's one clock: "now", and "today" as the fund sees it, in the fund's zone ({@code tracker.zone}, default
 * America/New_York). Every date a rule compares with today (no future dates, the hearings of the next 14 days,
 * the year in a case number, a dashboard's period, a budget's burn rate) comes from here, never from the server's
 * own zone: a server runs in UTC, where from 8 pm to midnight in Boston (7 pm in winter) it is already tomorrow.
 *
 * <p>Services inject it; aggregates and entity callbacks, which CDI doesn't reach, read the same clock through
 * {@link #current()} ({@code Instant.now(FundClock.current())}). Bean Validation's {@code @Past} and
 * {@code @PastOrPresent} use it too ({@link FundClockProvider}). {@code ArchitectureTest} fails any other call of
 * {@code now()}.
 *
 * <p>Tests set it with {@link #fixedAt(Instant)} and put it back by closing what that returns.
 */
@ApplicationScoped
public class FundClock {

    private static final AtomicReference<Clock> CLOCK = new AtomicReference<>(Clock.system(new Settings().zone()));

    /**
     * What {@link #current()} hands out: a clock that asks the set one at every reading, so that whoever keeps it
     * (Bean Validation keeps the clock of each {@code @PastOrPresent} from its first use) follows a test's setting.
     */
    private static final Clock LIVE = new Clock() {
        @Override
        public ZoneId getZone() {
            return CLOCK.get().getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return CLOCK.get().withZone(zone);
        }

        @Override
        public Instant instant() {
            return CLOCK.get().instant();
        }

        @Override
        public long millis() {
            return CLOCK.get().millis();
        }

        @Override
        public String toString() {
            return "FundClock[" + CLOCK.get() + "]";
        }
    };

    /** The clock itself, in the fund's zone. */
    public static Clock current() {
        return LIVE;
    }

    /** This instant. */
    public Instant now() {
        return CLOCK.get().instant();
    }

    /** Today's date in the fund's zone. */
    public LocalDate today() {
        return LocalDate.now(CLOCK.get());
    }

    /** The fund's zone. */
    public ZoneId zone() {
        return CLOCK.get().getZone();
    }

    /**
     * Stops the clock at {@code instant} (in the fund's zone) until the returned handle is closed, which puts back
     * the clock that ran before. For tests: one server serves them one at a time.
     */
    public static Setting fixedAt(Instant instant) {
        Clock previous = CLOCK.getAndSet(Clock.fixed(instant, CLOCK.get().getZone()));
        return () -> CLOCK.set(previous);
    }

    /** A clock setting to be undone ({@code try (var fixed = FundClock.fixedAt(...)) { ... }}). */
    @FunctionalInterface
    public interface Setting extends AutoCloseable {
        @Override
        void close();
    }
}
