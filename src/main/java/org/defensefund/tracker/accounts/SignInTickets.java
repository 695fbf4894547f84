package org.defensefund.tracker.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.defensefund.tracker.shared.FundClock;

/**
 * What a sign-in has proved so far, kept on the server. The password check ({@link
 * UserAccountService#checkPassword}) makes a <em>proof</em>: a random value good for five minutes that
 * the two-factor steps ({@link TwoFactorService}) need, so no code can be tried for an account whose
 * password wasn't just given. Setting up an authenticator needs more: a proof made by an e-mailed link's
 * page ({@link PasswordService}), which shows both the mailbox and the password. A proof becomes a <em>ticket</em> (a
 * random value good once, for thirty seconds) only when the second factor passed, or when the account
 * neither has nor needs one; the identity store accepts nothing but a ticket. So no way in skips a factor.
 */
@ApplicationScoped
public class SignInTickets {

    static final Duration PROOF_LIFETIME = Duration.ofMinutes(5);
    static final Duration TICKET_LIFETIME = Duration.ofSeconds(30);

    /** What a proof shows: whose password was given; whether it came with a mailbox (a link) and may set up an authenticator. */
    private record Proof(Long accountId, Instant expires, boolean secondFactorPassed, boolean mayEnrol) {
    }

    private record Ticket(String email, Instant expires) {
    }

    private final Map<String, Proof> proofs = new ConcurrentHashMap<>();
    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private UserAccountService accounts;

    /** A proof that the account's password was just given; made only by the password check. */
    String proveFirstFactor(UserAccount account) {
        return prove(account, false);
    }

    /**
     * A proof that the account's owner holds its mailbox and its password (a link from an e-mail, with the
     * password set or given on its page); only such a proof may set up an authenticator, so a stolen
     * password alone can't enrol the thief's phone.
     */
    String proveMailboxAndPassword(UserAccount account) {
        return prove(account, true);
    }

    private String prove(UserAccount account, boolean mayEnrol) {
        Instant now = clock.now();
        proofs.values().removeIf(p -> p.expires().isBefore(now));
        String proof = Secrets.token();
        proofs.put(proof, new Proof(account.getId(), now.plus(PROOF_LIFETIME), false, mayEnrol));
        return proof;
    }

    /** The account of a fresh proof that may set up an authenticator. */
    Optional<Long> accountMayEnrol(String proof) {
        Proof found = proof == null ? null : proofs.get(proof);
        return found == null || !found.mayEnrol() || found.expires().isBefore(clock.now()) ? Optional.empty() : Optional.of(found.accountId());
    }

    /** The account whose password the proof shows was given, while the proof is fresh. */
    Optional<Long> accountOf(String proof) {
        Proof found = proof == null ? null : proofs.get(proof);
        return found == null || found.expires().isBefore(clock.now()) ? Optional.empty() : Optional.of(found.accountId());
    }

    /** Records that the second factor passed for this proof. */
    void secondFactorPassed(String proof) {
        proofs.computeIfPresent(proof, (key, p) -> new Proof(p.accountId(), p.expires(), true, p.mayEnrol()));
    }

    /**
     * A ticket for Jakarta Security, if the proof is fresh and its account is active and either passed
     * its second factor or neither has nor needs one. The proof is used up.
     */
    public Optional<String> ticket(String proof) {
        Proof found = proof == null ? null : proofs.get(proof);
        if (found == null || found.expires().isBefore(clock.now())) {
            return Optional.empty();
        }
        UserAccount account = em.find(UserAccount.class, found.accountId());
        boolean secondFactorDue = account != null && (account.isTwoFactorEnabled() || account.isTwoFactorRequired());
        boolean setUpMissing = account != null && account.isTwoFactorRequired() && !account.isTwoFactorEnabled();
        if (account == null || !account.isActive() || setUpMissing || (secondFactorDue && !found.secondFactorPassed())) {
            return Optional.empty();
        }
        proofs.remove(proof);
        Instant now = clock.now();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
        String ticket = Secrets.token();
        tickets.put(ticket, new Ticket(account.getEmail(), now.plus(TICKET_LIFETIME)));
        return Optional.of(ticket);
    }

    /** Forgets a proof (the user started again, or gave too many wrong codes). */
    public void forget(String proof) {
        if (proof != null) {
            proofs.remove(proof);
        }
    }

    /** The e-mail the ticket was issued for, if it is known and fresh; a ticket is good once. */
    Optional<String> redeem(String ticket) {
        Ticket found = ticket == null ? null : tickets.remove(ticket);
        return found == null || found.expires().isBefore(clock.now()) ? Optional.empty() : Optional.of(found.email());
    }
}
