package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import org.apache.commons.codec.binary.Base32;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;

/**
 * Two-factor sign-in with an authenticator app (TOTP, {@link TotpCodes}) and recovery codes.
 *
 * <p>Setting up proves possession: the app's first code must match the new secret before it is saved.
 * Each code is good once (the account keeps the last accepted step). Ten recovery codes are made at
 * set-up and shown once; each signs in once in place of a code. The sign-in steps
 * ({@link #verifyAtSignIn}, {@link #recoverAtSignIn}) need the proof that the account's password was
 * just given ({@link SignInTickets}); setting up ({@link #enableAfterLink}, {@link #enableWithLink})
 * needs an e-mailed link as well, so a stolen password can't enrol a thief's phone. The other actions
 * are the signed-in user's own, or an administrator's {@link #reset} for a lost phone.
 */
@ApplicationScoped
@Transactional
public class TwoFactorService {

    private static final Logger LOG = Logger.getLogger(TwoFactorService.class.getName());
    static final int RECOVERY_CODES = 10;

    /**
     * The seeded demo accounts and their published secrets. Demo mode shows a code at sign-in for these
     * only: never for another account at demo.test, such as one an administrator added.
     */
    public static final java.util.Map<String, String> DEMO_SECRETS = java.util.Map.of(
            "admin@demo.test", "DEMOADMINTWOFACTORSECRETKEY23456",
            "partner@demo.test", "DEMOPARTNERTWOFACTORSECRETKEY234");

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private SignInTickets tickets;

    @Inject
    private PasswordService passwords;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private org.defensefund.tracker.shared.Settings settings;

    /**
     * Sets up two-factor sign-in from an e-mailed link's page: saves the secret once the code proves the
     * user's app has it, and returns the new recovery codes. Needs a proof of the mailbox and the password
     * ({@link PasswordService#setWithLink} gives one when a set-up is due); a password alone never enrols.
     */
    public List<String> enableAfterLink(String proof, String secret, String code) {
        Long accountId = tickets.accountMayEnrol(proof).orElseThrow(() -> new AccessDeniedException("no e-mailed link was opened for this set-up"));
        List<String> codes = enable(accountId, secret, code);
        tickets.forget(proof);
        return codes;
    }

    /**
     * Sets up two-factor sign-in with the link e-mailed to a user who signed in without it: the link (the
     * mailbox), the account's password and the app's first code are all needed; the link is then used up.
     */
    public List<String> enableWithLink(String token, char[] password, String secret, String code) {
        return enableAfterLink(passwords.proofFromSetUpLink(token, password), secret, code);
    }

    /**
     * Demo mode only, at start: sets up the seeded demo accounts (e-mail at demo.test) with their published
     * secrets, so that a visitor can sign in with the code the demo sign-in page shows. Refused otherwise.
     */
    public void seedDemo(Long accountId, String secret) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!settings.demoMode() || !currentUser.isSystem() || account == null || !seededDemo(account.getEmail(), secret)) {
            throw new AccessDeniedException("demo set-up outside demo start-up");
        }
        if (!account.isTwoFactorEnabled()) {
            account.enableTwoFactor(secret, TotpCodes.stepAt(clock.now()) - 2, clock.now());
        }
    }

    private List<String> enable(Long accountId, String secret, String code) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isActive()) {
            throw new AccessDeniedException("no active account " + accountId);
        }
        if (account.isTwoFactorEnabled()) {
            throw BusinessException.general("twoFactor.alreadyOn");
        }
        if (secret == null || secret.length() < 32) {
            throw new BusinessException("twoFactor.code.wrong", "code");
        }
        OptionalLong step = TotpCodes.matchingStep(secret, code, clock.now());
        if (step.isEmpty()) {
            throw new BusinessException("twoFactor.code.wrong", "code");
        }
        account.enableTwoFactor(secret, step.getAsLong(), clock.now());
        LOG.info(() -> "Two-factor sign-in set up by account " + accountId);
        return replaceRecoveryCodes(accountId);
    }

    /** The signed-in user sets up two-factor sign-in for their own account. */
    public List<String> enableOwn(String secret, String code) {
        return enable(ownId(), secret, code);
    }

    /**
     * At sign-in: whether the code is the current one of the account whose password the proof shows was
     * given, and not used before. A good code is then used up and the second factor counts as passed.
     */
    public boolean verifyAtSignIn(String proof, String code) {
        Optional<Long> accountId = tickets.accountOf(proof);
        if (accountId.isEmpty() || !verify(accountId.get(), code)) {
            return false;
        }
        tickets.secondFactorPassed(proof);
        return true;
    }

    /** At sign-in, in place of a code: whether the recovery code is one of the account's unused ones; a good one is used up. */
    public boolean recoverAtSignIn(String proof, String code) {
        Optional<Long> accountId = tickets.accountOf(proof);
        if (accountId.isEmpty() || !useRecoveryCode(accountId.get(), code)) {
            return false;
        }
        tickets.secondFactorPassed(proof);
        return true;
    }

    private boolean verify(Long accountId, String code) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isActive() || !account.isTwoFactorEnabled()) {
            return false;
        }
        OptionalLong step = TotpCodes.matchingStep(account.getTotpSecret(), code, clock.now());
        boolean good = step.isPresent() && account.acceptStep(step.getAsLong());
        if (step.isPresent() && !good) {
            LOG.warning(() -> "A two-factor code was used a second time for account " + accountId);
        }
        return good;
    }

    /**
     * A signed-in user's code, asked again on "My account": wrong ones are slowed down like failed sign-ins
     * ({@link SignInThrottle}), so the page can't be used to guess codes.
     */
    private void verifyThrottled(Long accountId, String code) {
        String key = "code:" + accountId;
        java.time.Duration wait = throttle.waitForSecret(key, clock.now());
        if (!wait.isZero()) {
            LOG.warning(() -> "Two-factor code check throttled for account " + accountId);
            throw new BusinessException("login.throttled", "code", SignInThrottle.seconds(wait));
        }
        if (!verify(accountId, code)) {
            throttle.secretFailed(key, clock.now());
            LOG.warning(() -> "Wrong two-factor code given again by account " + accountId);
            throw new BusinessException("twoFactor.code.wrong", "code");
        }
        throttle.secretPassed(key);
    }

    private boolean useRecoveryCode(Long accountId, String typed) {
        String code = normalise(typed);
        if (code.isEmpty()) {
            return false;
        }
        em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        for (RecoveryCode stored : unusedCodes(accountId)) {
            if (Secrets.same(stored.getCodeHash(), Secrets.sha256(stored.getSalt() + code))) {
                stored.use(clock.now());
                LOG.warning(() -> "Account " + accountId + " signed in with a recovery code; " + (unusedCodes(accountId).size()) + " left");
                return true;
            }
        }
        return false;
    }

    /**
     * In demo mode only, the current code of a seeded demo account ({@link #DEMO_SECRETS}), which the
     * sign-in page shows so that a visitor can try the product without an authenticator app. Empty for
     * every other account, and always outside demo mode.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> demoCode(String proof) {
        UserAccount account = tickets.accountOf(proof).map(id -> em.find(UserAccount.class, id)).orElse(null);
        if (!settings.demoMode() || account == null || !account.isTwoFactorEnabled() || !seededDemo(account.getEmail(), account.getTotpSecret())) {
            return Optional.empty();
        }
        return Optional.of(TotpCodes.codeFor(account.getTotpSecret(), Math.max(TotpCodes.stepAt(clock.now()), account.getTotpLastStep() + 1)));
    }

    /** Whether this is a seeded demo account with its published secret ({@link #DEMO_SECRETS}). */
    static boolean seededDemo(String email, String secret) {
        return email != null && secret != null && secret.equals(DEMO_SECRETS.get(email.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** How many unused recovery codes the signed-in user has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int recoveryCodesLeft() {
        return unusedCodes(ownId()).size();
    }

    /**
     * Asks the signed-in user for a fresh code of their app again before a grave step (an emergency purge's confirmation):
     * refused beside the field {@code code} when wrong or used before, slowed down like a failed sign-in; the code is used
     * up. A recovery code doesn't count: the step wants the phone in hand.
     */
    public void confirmOwnCode(String code) {
        verifyThrottled(ownId(), code);
    }

    /** New recovery codes for the signed-in user (the old ones stop working); needs their current code. */
    public List<String> newRecoveryCodes(String code) {
        Long id = ownId();
        verifyThrottled(id, code);
        return replaceRecoveryCodes(id);
    }

    /** A funder turns two-factor sign-in off for their own account; others must keep it. */
    public void disableOwn(String code) {
        UserAccount own = currentUser.account(UserAccount.class).orElseThrow(() -> new AccessDeniedException("sign in first"));
        if (own.isTwoFactorRequired()) {
            throw BusinessException.general("twoFactor.required");
        }
        verifyThrottled(own.getId(), code);
        clear(own.getId());
        LOG.info(() -> "Two-factor sign-in turned off by account " + own.getId());
    }

    /** An administrator removes a user's two-factor set-up (lost phone and codes): they set it up again at their next sign-in. */
    public void reset(Long accountId) {
        currentUser.requireAdmin("reset two-factor sign-in");
        if (em.find(UserAccount.class, accountId) == null) {
            throw new org.defensefund.tracker.shared.RecordNotFoundException("UserAccount", accountId);
        }
        clear(accountId);
        LOG.warning(() -> "Two-factor sign-in of account " + accountId + " reset by an administrator");
    }

    private void clear(Long accountId) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        account.removeTwoFactor(clock.now());
        em.createQuery("delete from RecoveryCode c where c.userId = :user").setParameter("user", accountId).executeUpdate();
    }

    private List<String> replaceRecoveryCodes(Long accountId) {
        em.createQuery("delete from RecoveryCode c where c.userId = :user").setParameter("user", accountId).executeUpdate();
        List<String> codes = new ArrayList<>();
        Base32 base32 = new Base32();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String raw = base32.encodeToString(Secrets.randomBytes(15)).toLowerCase(Locale.ROOT);
            String code = raw.substring(0, 6) + "-" + raw.substring(6, 12) + "-" + raw.substring(12, 18) + "-" + raw.substring(18, 24);
            String salt = HexFormat.of().formatHex(Secrets.randomBytes(16));
            em.persist(new RecoveryCode(accountId, Secrets.sha256(salt + normalise(code)), salt));
            codes.add(code);
        }
        return codes;
    }

    private List<RecoveryCode> unusedCodes(Long accountId) {
        return em.createQuery("select c from RecoveryCode c where c.userId = :user and c.usedAt is null", RecoveryCode.class)
                .setParameter("user", accountId).getResultList();
    }

    private Long ownId() {
        return currentUser.account(UserAccount.class).map(UserAccount::getId).orElseThrow(() -> new AccessDeniedException("sign in first"));
    }

    /** Recovery codes are compared without dashes, spaces or case. */
    static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
