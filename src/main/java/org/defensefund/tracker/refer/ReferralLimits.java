package org.defensefund.tracker.refer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.defensefund.tracker.shared.Settings;

/**
 * How often the public form may be used, so that nobody can flood the intake queue: at most
 * {@link Settings#referralsPerAddress} submissions from one address and {@link Settings#referralsInAll} from
 * everyone together in a sliding {@link Settings#referralWindow} (10 and 200 an hour by default). Counted are the
 * submissions the form accepted or answered as if accepted (a filled-in trap field): a person correcting a
 * mistake spends nothing. Kept in memory, per server, like the sign-in throttle; an address's count is forgotten
 * once its window has passed. The address is the connection's: no proxy is trusted to tell another.
 */
@ApplicationScoped
public class ReferralLimits {

    /** Which limit a submission met. */
    public enum Limit { ADDRESS, EVERYONE }

    /** Addresses kept at most; past this, quiet ones are dropped first, and if all are busy the form waits for everyone. */
    static final int MAX_ADDRESSES = 50_000;

    @Inject
    private Settings settings;

    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
    private final Deque<Instant> everyone = new ArrayDeque<>();

    /** The limit a new submission from this address would pass, if any: empty means it may go ahead. */
    public synchronized Optional<Limit> reached(String address, Instant now) {
        Instant since = now.minus(settings.referralWindow());
        forgetBefore(everyone, since);
        if (everyone.size() >= settings.referralsInAll()) {
            return Optional.of(Limit.EVERYONE);
        }
        Deque<Instant> mine = byAddress.get(address);
        if (mine != null) {
            forgetBefore(mine, since);
            if (mine.size() >= settings.referralsPerAddress()) {
                return Optional.of(Limit.ADDRESS);
            }
        }
        if (mine == null && byAddress.size() >= MAX_ADDRESSES) {
            prune(since);
            if (byAddress.size() >= MAX_ADDRESSES) {
                return Optional.of(Limit.EVERYONE);
            }
        }
        return Optional.empty();
    }

    /** Counts a submission from this address. */
    public synchronized void counted(String address, Instant now) {
        everyone.addLast(now);
        byAddress.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(now);
    }

    /** How long until the window has room again, for a "try again later" answer. */
    public Duration window() {
        return settings.referralWindow();
    }

    /** Forgets every count (tests, and an operator who raised the limits). */
    public synchronized void forgetAll() {
        byAddress.clear();
        everyone.clear();
    }

    private void prune(Instant since) {
        Iterator<Deque<Instant>> counts = byAddress.values().iterator();
        while (counts.hasNext()) {
            Deque<Instant> times = counts.next();
            forgetBefore(times, since);
            if (times.isEmpty()) {
                counts.remove();
            }
        }
    }

    private static void forgetBefore(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.removeFirst();
        }
    }
}
