package org.defensefund.tracker.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without locking anyone out. Failed sign-ins are counted per account and
 * address together, per account and per address; after three, each further attempt must wait a delay
 * that doubles with every failure (2 s, 4 s, 8 s...), up to a cap: a minute for one account from one
 * address, five minutes for an address trying many accounts, fifteen seconds for an account tried
 * from many addresses, so that an attacker elsewhere can slow a real user's account but never shut its
 * owner out. Nothing is checked while a delay runs. A successful sign-in clears the account's counts and
 * its address's; counts are forgotten after fifteen quiet minutes. Kept in memory, per server.
 * <p>
 * Every other check of a secret (the current password when changing it, a two-factor code asked again
 * on "My account", the password given with an e-mailed set-up link, unknown links from one address)
 * counts on its own key with the same delays, capped at a minute: {@link #waitForSecret},
 * {@link #secretFailed}, {@link #secretPassed}.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration PAIR_CAP = Duration.ofMinutes(1);
    static final Duration ADDRESS_CAP = Duration.ofMinutes(5);
    static final Duration ACCOUNT_CAP = Duration.ofSeconds(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> byPair = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySecret = new ConcurrentHashMap<>();

    /** How long the next attempt for this account from this address must still wait (zero: go ahead). */
    public Duration waitFor(String email, String address, Instant now) {
        Duration wait = remaining(byPair.get(pair(email, address)), PAIR_CAP, now);
        wait = max(wait, remaining(byAccount.get(account(email)), ACCOUNT_CAP, now));
        return max(wait, remaining(byAddress.get(address), ADDRESS_CAP, now));
    }

    public void failed(String email, String address, Instant now) {
        prune(now);
        count(byPair, pair(email, address), now);
        count(byAccount, account(email), now);
        count(byAddress, address, now);
    }

    public void succeeded(String email, String address) {
        byPair.remove(pair(email, address));
        byAccount.remove(account(email));
        byAddress.remove(address);
    }

    /** How long the next check of a secret guarded by this key (say "password:" and the account's id) must still wait. */
    public Duration waitForSecret(String key, Instant now) {
        return remaining(bySecret.get(key), PAIR_CAP, now);
    }

    public void secretFailed(String key, Instant now) {
        prune(now);
        count(bySecret, key, now);
    }

    public void secretPassed(String key) {
        bySecret.remove(key);
    }

    /** Forgets every count (tests that share one server, and an operator after an incident is over). */
    public void forgetAll() {
        byPair.clear();
        byAccount.clear();
        byAddress.clear();
        bySecret.clear();
    }

    /** Seconds to show for a wait: at least one, rounded up. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
    }

    /** The delay after this many failures: none for the first three, then 2, 4, 8... seconds, capped. */
    static Duration delay(int failures, Duration cap) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(20, failures - FREE_FAILURES + 1);
        return seconds > cap.getSeconds() ? cap : Duration.ofSeconds(seconds);
    }

    private static Duration remaining(Failures failures, Duration cap, Instant now) {
        if (failures == null || failures.last().plus(FORGET_AFTER).isBefore(now)) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last().plus(delay(failures.count(), cap)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void count(Map<String, Failures> map, String key, Instant now) {
        map.compute(key, (k, old) -> old == null || old.last().plus(FORGET_AFTER).isBefore(now)
                ? new Failures(1, now) : new Failures(old.count() + 1, now));
    }

    private void prune(Instant now) {
        if (byPair.size() + byAddress.size() + bySecret.size() > 50_000) {
            for (Map<String, Failures> map : java.util.List.of(byPair, byAccount, byAddress, bySecret)) {
                map.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
            }
        }
    }

    private static String account(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String pair(String email, String address) {
        return account(email) + "|" + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
