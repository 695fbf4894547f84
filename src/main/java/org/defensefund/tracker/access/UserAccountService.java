package org.defensefund.tracker.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;

/**
 * Opens accounts and checks passwords. Opening an account is an administrator's act; the binding of a
 * partner or funder user to their organization is checked here, not in the page. E-mails are kept in
 * lower case so that sign-in doesn't depend on how a person types theirs.
 */
@ApplicationScoped
@Transactional
public class UserAccountService {

    /** Shortest password accepted (NIST SP 800-63B and ASVS ask for at least 8; we ask for 12). */
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int MAX_PASSWORD_LENGTH = 128;

    /**
     * Least zxcvbn score (0 to 4) accepted. zxcvbn bundles lists of common and leaked passwords (about
     * 30,000) and finds keyboard patterns, repeats, sequences and dates: "password1234", "qwertyuiop123",
     * "P@ssw0rd12345" or twelve x's score 0 or 1 and are refused; a passphrase of ordinary words passes.
     */
    static final int MIN_STRENGTH = 3;
    private static final com.nulabinc.zxcvbn.Zxcvbn STRENGTH = new com.nulabinc.zxcvbn.Zxcvbn();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing hashing;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    /** The active account with this e-mail; used to resolve the caller on each request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserAccount> findActiveByEmail(String email) {
        return em.createQuery("select u from UserAccount u where u.email = :email and u.active = true", UserAccount.class)
                .setParameter("email", normalise(email))
                .getResultStream().findFirst();
    }

    /**
     * Checks an e-mail and password; on success records the sign-in and returns the account. A wrong
     * e-mail costs as much time as a wrong password, so the answer doesn't tell which accounts exist.
     */
    public Optional<UserAccount> signIn(String email, char[] password) {
        Optional<UserAccount> account = findActiveByEmail(email);
        boolean matches = hashing.verify(password, account.map(UserAccount::getPasswordHash).orElse(null));
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        UserAccount managed = em.find(UserAccount.class, account.get().getId());
        managed.recordSignIn(Instant.now());
        return Optional.of(managed);
    }

    /** Opens an account; only an administrator may. */
    public UserAccount create(NewAccount request) {
        currentUser.requireAdmin("open accounts");
        String email = normalise(request.email());
        if (email.isEmpty()) {
            throw new BusinessException("account.email.required", "email");
        }
        if (emailTaken(email)) {
            throw new BusinessException("account.email.taken", "email", email);
        }
        checkPassword(request.password());
        if (request.role() == null) {
            throw new BusinessException("account.role.required", "role");
        }
        if (request.role() == Role.PARTNER && (request.partnerId() == null || !partners.isActive(request.partnerId()))) {
            throw new BusinessException("account.partner.required", "partner");
        }
        if (request.role() == Role.FUNDER && (request.funderId() == null || !funders.isActive(request.funderId()))) {
            throw new BusinessException("account.funder.required", "funder");
        }
        UserAccount account = new UserAccount(email, request.displayName().trim(), request.role(),
                request.partnerId(), request.funderId(), hashing.hash(request.password()));
        em.persist(account);
        return account;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean emailTaken(String email) {
        return em.createQuery("select count(u) from UserAccount u where u.email = :email", Long.class)
                .setParameter("email", normalise(email))
                .getSingleResult() > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countActiveAdmins() {
        return em.createQuery("select count(u) from UserAccount u where u.role = :role and u.active = true", Long.class)
                .setParameter("role", Role.ADMIN)
                .getSingleResult();
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new BusinessException("account.password.tooShort", "password", MIN_PASSWORD_LENGTH);
        }
        if (password.length > MAX_PASSWORD_LENGTH) {
            throw new BusinessException("account.password.tooLong", "password", MAX_PASSWORD_LENGTH);
        }
        if (STRENGTH.measure(new String(password)).getScore() < MIN_STRENGTH) {
            throw new BusinessException("account.password.common", "password");
        }
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
