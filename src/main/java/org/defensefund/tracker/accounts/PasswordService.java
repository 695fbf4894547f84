package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;

/**
 * Passwords after the account is opened: the one-time links to set a first password or reset a
 * forgotten one (sent by {@link AccountMail}), and a signed-in user's change of their own password.
 * Every way of setting a password applies the same rules ({@link UserAccountService#checkPassword}),
 * ends the account's other sessions, and makes any other outstanding link worthless.
 *
 * <p>Asking for a reset never tells whether the e-mail belongs to an account, and at most one reset
 * e-mail per account is sent per {@link #RESET_INTERVAL}, so the form can't be used to flood a mailbox.
 */
@ApplicationScoped
@Transactional
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class.getName());

    /** Least time between two reset e-mails to one account. */
    static final Duration RESET_INTERVAL = Duration.ofMinutes(2);

    /** How long the first administrator's set-up link, written to the server's console at start, can be used. */
    public static final Duration FIRST_ADMINISTRATOR_LINK = Duration.ofHours(24);

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private AccountMail mail;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private UserAccountService accounts;

    @Inject
    private SignInTickets tickets;

    /** This service through its proxy, so that the background half of a reset runs in its own transaction. */
    @Inject
    private PasswordService self;

    @jakarta.annotation.Resource
    private jakarta.enterprise.concurrent.ManagedExecutorService executor;

    /** What a link is, for the page that opens it: whose account, and what for. */
    public record LinkInfo(String email, AccountToken.Purpose purpose) implements java.io.Serializable {
    }

    /** Sends a new account's owner a link to set their first password (or a reset link if they have one). */
    void sendLink(UserAccount account) {
        AccountToken.Purpose purpose = account.hasPassword() ? AccountToken.Purpose.RESET_PASSWORD : AccountToken.Purpose.SET_PASSWORD;
        String token = issue(account, purpose);
        if (purpose == AccountToken.Purpose.SET_PASSWORD) {
            mail.sendWelcome(account, token);
        } else {
            mail.sendReset(account, token);
        }
    }

    /**
     * "Forgot password": answers at once and says nothing; in the background, e-mails a reset link if the
     * address belongs to an active account that has had no reset e-mail in the last two minutes. Doing
     * the work in the background makes the answer take the same time whether or not the account exists.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void requestReset(String email) {
        String address = email == null ? "" : email;
        executor.execute(() -> self.resetInBackground(address));
    }

    /** The background half of {@link #requestReset}. */
    public void resetInBackground(String email) {
        Optional<UserAccount> found = accounts.activeAccount(email);
        if (found.isEmpty()) {
            LOG.info("Password reset asked for an address without an active account");
            return;
        }
        UserAccount account = em.find(UserAccount.class, found.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        boolean recent = em.createQuery("select count(t) from AccountToken t where t.userId = :user and t.purpose = :purpose"
                        + " and t.createdAt > :since", Long.class)
                .setParameter("user", account.getId()).setParameter("purpose", AccountToken.Purpose.RESET_PASSWORD)
                .setParameter("since", now.minus(RESET_INTERVAL)).getSingleResult() > 0;
        if (recent) {
            LOG.info(() -> "Password reset for account " + account.getId() + " asked again within " + RESET_INTERVAL.toMinutes() + " minutes; not sent");
            return;
        }
        mail.sendResetAfterCommit(account, issue(account, AccountToken.Purpose.RESET_PASSWORD));
    }

    /** The account and purpose of a link that can still be used; empty for an unknown, used or expired one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LinkInfo> check(String token) {
        return usable(token, false).map(t -> new LinkInfo(em.find(UserAccount.class, t.getUserId()).getEmail(), t.getPurpose()));
    }

    /**
     * Sets the password through a link to set or reset one; the link is then used up. Refused for an
     * unusable link or a weak password. When the account must set up two-factor sign-in and hasn't, the
     * answer is a proof of mailbox and password ({@link SignInTickets}) with which the same page sets it up.
     */
    public Optional<String> setWithLink(String token, char[] newPassword) {
        AccountToken link = usable(token, true).filter(t -> t.getPurpose() != AccountToken.Purpose.SET_UP_TWO_FACTOR)
                .orElseThrow(() -> new BusinessException("password.link.invalid", "password"));
        UserAccountService.checkPassword(newPassword);
        UserAccount account = em.find(UserAccount.class, link.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        link.use(now);
        revokeLinks(account.getId(), now);
        account.changePassword(hashing.hash(newPassword), now);
        LOG.info(() -> "Password set with a " + link.getPurpose() + " link by account " + account.getId());
        return account.isTwoFactorRequired() && !account.isTwoFactorEnabled()
                ? Optional.of(tickets.proveMailboxAndPassword(account)) : Optional.empty();
    }

    /**
     * At sign-in, for an administrator or partner user with a right password but no authenticator yet:
     * e-mails a link to set one up (at most one per {@link #RESET_INTERVAL}). The password alone never
     * sets up an authenticator; the mailbox must be shown too.
     */
    public void sendSetUpLink(String proof) {
        Long accountId = tickets.accountOf(proof).orElseThrow(() -> new org.defensefund.tracker.shared.AccessDeniedException("no password was given"));
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.isTwoFactorRequired() || account.isTwoFactorEnabled()) {
            return;
        }
        Instant now = clock.now();
        boolean recent = em.createQuery("select count(t) from AccountToken t where t.userId = :user and t.purpose = :purpose"
                        + " and t.createdAt > :since", Long.class)
                .setParameter("user", account.getId()).setParameter("purpose", AccountToken.Purpose.SET_UP_TWO_FACTOR)
                .setParameter("since", now.minus(RESET_INTERVAL)).getSingleResult() > 0;
        if (!recent) {
            mail.sendSetUpAfterCommit(account, issue(account, AccountToken.Purpose.SET_UP_TWO_FACTOR));
        }
    }

    /**
     * The page of a set-up link: with the account's right password, a proof of mailbox and password, and
     * the link is used up (undone if the set-up that follows fails in the same transaction).
     */
    String proofFromSetUpLink(String token, char[] password) {
        AccountToken link = usable(token, true).filter(t -> t.getPurpose() == AccountToken.Purpose.SET_UP_TWO_FACTOR)
                .orElseThrow(() -> new BusinessException("password.link.invalid", "password"));
        UserAccount account = em.find(UserAccount.class, link.getUserId(), LockModeType.PESSIMISTIC_WRITE);
        checkPasswordThrottled(account, password, "password");
        link.use(clock.now());
        return tickets.proveMailboxAndPassword(account);
    }

    /**
     * At a production start, before anyone can sign in as an administrator: a one-time link with which the
     * first administrator (the active administrator with this e-mail) sets a password and then two-factor
     * sign-in on the page, without a mail server. Good once, for {@link #FIRST_ADMINISTRATOR_LINK}; an
     * earlier such link stops working; only its SHA-256 is stored. Empty once any active administrator
     * has two-factor sign-in set up, or when the account is not an active administrator without it. The
     * start-up only (the caller writes the link to the server's console).
     */
    public Optional<String> firstAdministratorLink(String email) {
        if (!currentUser.isSystem()) {
            throw new org.defensefund.tracker.shared.AccessDeniedException("a first administrator's set-up link outside start-up");
        }
        long setUp = em.createQuery("select count(u) from UserAccount u where u.role = :role and u.active = true and u.totpSecret is not null", Long.class)
                .setParameter("role", org.defensefund.tracker.access.Role.ADMIN).getSingleResult();
        Optional<UserAccount> admin = accounts.activeAccount(email)
                .filter(a -> a.getRole() == org.defensefund.tracker.access.Role.ADMIN && !a.isTwoFactorEnabled());
        if (setUp > 0 || admin.isEmpty()) {
            return Optional.empty();
        }
        UserAccount account = em.find(UserAccount.class, admin.get().getId(), LockModeType.PESSIMISTIC_WRITE);
        String token = issue(account, AccountToken.Purpose.SET_PASSWORD, FIRST_ADMINISTRATOR_LINK);
        LOG.info(() -> "A first administrator's set-up link was issued for account " + account.getId());
        return Optional.of(mail.link("account/set-password.xhtml", token));
    }

    /** A signed-in user changes their own password, giving the current one. Their other sessions end. */
    public void changeOwn(char[] currentPassword, char[] newPassword) {
        UserAccount own = currentUser.account(UserAccount.class).orElseThrow(() -> new org.defensefund.tracker.shared.AccessDeniedException("sign in to change a password"));
        UserAccount account = em.find(UserAccount.class, own.getId(), LockModeType.PESSIMISTIC_WRITE);
        checkPasswordThrottled(account, currentPassword, "current");
        UserAccountService.checkPassword(newPassword);
        if (hashing.verify(newPassword, account.getPasswordHash())) {
            throw new BusinessException("password.same", "password");
        }
        Instant now = clock.now();
        account.changePassword(hashing.hash(newPassword), now);
        revokeLinks(account.getId(), now);
        mail.sendPasswordChanged(account);
        LOG.info(() -> "Password changed by account " + account.getId());
    }

    /**
     * The account's password, given again to prove it is its owner: wrong ones are slowed down like failed
     * sign-ins ({@link SignInThrottle}), so the check can't be used to guess it.
     */
    private void checkPasswordThrottled(UserAccount account, char[] password, String field) {
        String key = "password:" + account.getId();
        java.time.Duration wait = throttle.waitForSecret(key, clock.now());
        if (!wait.isZero()) {
            LOG.warning(() -> "Password check throttled for account " + account.getId());
            throw new BusinessException("login.throttled", field, SignInThrottle.seconds(wait));
        }
        if (!hashing.verify(password, account.getPasswordHash())) {
            throttle.secretFailed(key, clock.now());
            LOG.warning(() -> "Wrong password given again by account " + account.getId());
            throw new BusinessException("password.current.wrong", field);
        }
        throttle.secretPassed(key);
    }

    /** Makes every unused link of the account worthless (a newer one was sent, it was disabled, or a password was set). */
    void revokeLinks(Long accountId, Instant when) {
        em.createQuery("select t from AccountToken t where t.userId = :user and t.usedAt is null and t.expiresAt > :now", AccountToken.class)
                .setParameter("user", accountId).setParameter("now", when)
                .getResultList().forEach(t -> t.revoke(when));
    }

    /**
     * A new link; earlier unused links of the same purpose stop working. (A reset asked by anyone who
     * knows the address must not kill the new account's welcome link; setting a password ends them all.)
     */
    private String issue(UserAccount account, AccountToken.Purpose purpose) {
        return issue(account, purpose, purpose.lifetime());
    }

    private String issue(UserAccount account, AccountToken.Purpose purpose, Duration lifetime) {
        Instant now = clock.now();
        em.createQuery("select t from AccountToken t where t.userId = :user and t.purpose = :purpose and t.usedAt is null and t.expiresAt > :now",
                        AccountToken.class)
                .setParameter("user", account.getId()).setParameter("purpose", purpose).setParameter("now", now)
                .getResultList().forEach(t -> t.revoke(now));
        String token = Secrets.token();
        em.persist(new AccountToken(account.getId(), purpose, Secrets.sha256(token), now, lifetime));
        return token;
    }

    private Optional<AccountToken> usable(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        var query = em.createQuery("select t from AccountToken t where t.tokenHash = :hash", AccountToken.class)
                .setParameter("hash", Secrets.sha256(token.trim()));
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        Instant now = clock.now();
        return query.getResultStream().findFirst()
                .filter(t -> t.usableAt(now))
                .filter(t -> em.find(UserAccount.class, t.getUserId()).isActive());
    }
}
