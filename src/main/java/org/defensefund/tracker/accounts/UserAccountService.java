package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.CallerDirectory;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.access.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.EmailAddress;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec.Match;
import org.defensefund.tracker.shared.list.ListSpec;

/**
 * Accounts: opening, listing, changing, disabling, and the password check of sign-in. Everything but
 * the sign-in check is an administrator's act; the binding of a partner or funder user to their
 * organization is checked here, not in the page. E-mails are kept in lower case so that sign-in
 * doesn't depend on how a person types theirs. Accounts are never deleted.
 */
@ApplicationScoped
@Transactional
public class UserAccountService implements CallerDirectory {

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

    @Inject
    private FundClock clock;

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

    @Inject
    private PasswordService passwords;

    @Inject
    private SignInTickets tickets;

    private static final ListSpec<UserAccount> LIST = new ListSpec<>(UserAccount.class,
            Map.of("email", Match.CONTAINS, "displayName", Match.CONTAINS, "role", Match.EQUALS, "active", Match.EQUALS,
                    "partnerId", Match.EQUALS, "funderId", Match.EQUALS),
            Set.of("email", "displayName", "role", "active", "lastSignInAt", "createdAt"), "displayName");

    /** The active account with this e-mail; used to resolve the caller on each request. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Optional<UserAccount> activeAccount(String email) {
        return em.createQuery("select u from UserAccount u where u.email = :email and u.active = true", UserAccount.class)
                .setParameter("email", normalise(email))
                .getResultStream().findFirst();
    }

    /**
     * The sign-in name (e-mail) of the active account with this id, for work done on its behalf when a credential of its
     * own was shown without a session (a calendar feed's secret address); empty for a disabled or unknown account.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> activeEmail(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return em.createQuery("select u.email from UserAccount u where u.id = :id and u.active = true", String.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * Checks an e-mail and password at sign-in. A right password gives the account and a proof of it,
     * which the two-factor step needs next; it is not a sign-in yet. A wrong e-mail costs as much time as
     * a wrong password, so the answer doesn't tell which accounts exist. An account without a password
     * yet (opened with a link) never matches.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FirstFactor> checkPassword(String email, char[] password) {
        Optional<UserAccount> account = activeAccount(email);
        boolean matches = hashing.verify(password, account.map(UserAccount::getPasswordHash).orElse(null));
        return account.isPresent() && matches ? Optional.of(new FirstFactor(account.get(), tickets.proveFirstFactor(account.get()))) : Optional.empty();
    }

    /** Records a completed sign-in (every factor checked, see {@link AccountIdentityStore}) and returns the account, if it is still active. */
    Optional<UserAccount> recordSignIn(String email) {
        return activeAccount(email).map(found -> {
            UserAccount managed = em.find(UserAccount.class, found.getId());
            managed.recordSignIn(clock.now());
            return managed;
        });
    }

    /**
     * Opens an account; only an administrator may. Without a password (the usual way) the new user is
     * e-mailed a one-time link to set their own, in the account's language when one is given; if the e-mail
     * can't be sent nothing is saved.
     */
    public UserAccount create(NewAccount request) {
        currentUser.requireAdmin("open accounts");
        String email = normalise(request.email());
        if (email.isEmpty()) {
            throw new BusinessException("account.email.required", "email");
        }
        if (!EmailAddress.isValid(email)) {
            throw new BusinessException("account.email.invalid", "email");
        }
        if (emailTaken(email)) {
            throw new BusinessException("account.email.taken", "email", email);
        }
        if (request.displayName() == null || request.displayName().isBlank()) {
            throw new BusinessException("account.name.required", "displayName");
        }
        if (request.password() != null) {
            checkPassword(request.password());
        }
        checkBinding(request.role(), request.partnerId(), request.funderId());
        String language = request.language() == null || request.language().isBlank() ? null
                : Languages.installed().find(request.language()).map(UiLanguage::tag)
                        .orElseThrow(() -> new BusinessException("account.language.unknown", "language"));
        UserAccount account = new UserAccount(email, request.displayName().trim(), request.role(),
                request.partnerId(), request.funderId(), request.password() == null ? null : hashing.hash(request.password()));
        account.chooseLanguage(language);
        em.persist(account);
        if (request.password() == null) {
            em.flush();
            passwords.sendLink(account);
        }
        return account;
    }

    /** One page of accounts, filtered and sorted in the database; administrators only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserAccount> list(ListQuery query) {
        currentUser.requireAdmin("list accounts");
        return LIST.rows(em, query, (cb, root) -> List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ListQuery query) {
        currentUser.requireAdmin("list accounts");
        return LIST.count(em, query, (cb, root) -> List.of());
    }

    /** An account by id; administrators only. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserAccount find(Long id) {
        currentUser.requireAdmin("read accounts");
        UserAccount account = id == null ? null : em.find(UserAccount.class, id);
        if (account == null) {
            throw new RecordNotFoundException("UserAccount", id);
        }
        return account;
    }

    /**
     * Changes an account's name, role and organization; administrators only. A change of role or
     * organization ends the account's sessions, so it applies from the user's next request. An
     * administrator can't take away their own administrator role, nor leave the fund without one.
     */
    public UserAccount update(Long id, long readVersion, String displayName, Role role, Long partnerId, Long funderId) {
        currentUser.requireAdmin("change accounts");
        UserAccount account = current(id, readVersion);
        if (displayName == null || displayName.isBlank()) {
            throw new BusinessException("account.name.required", "displayName");
        }
        checkBinding(role, partnerId, funderId);
        if (account.getRole() == Role.ADMIN && role != Role.ADMIN) {
            requireNotSelf(account, "account.self.role", "role");
            requireAnotherAdmin(account);
        }
        account.rename(displayName.trim());
        account.bind(role, partnerId, funderId, clock.now());
        return account;
    }

    /** Disables an account: its sessions end at their next request and its links stop working. Never deleted. */
    public UserAccount disable(Long id, long readVersion) {
        currentUser.requireAdmin("disable accounts");
        UserAccount account = current(id, readVersion);
        requireNotSelf(account, "account.self.disable", null);
        if (account.getRole() == Role.ADMIN && account.isActive()) {
            requireAnotherAdmin(account);
        }
        Instant now = clock.now();
        account.disable(now);
        passwords.revokeLinks(account.getId(), now);
        return account;
    }

    public UserAccount enable(Long id, long readVersion) {
        currentUser.requireAdmin("enable accounts");
        UserAccount account = current(id, readVersion);
        account.enable();
        return account;
    }

    /**
     * Keeps the language the caller chose (in the header or on "My account") on their own account, for their
     * pages at every sign-in and for the e-mails sent to them. Anyone may choose a language; without an
     * account there is nothing to keep it on (the page keeps it in the session), so nothing is saved and the
     * answer is empty. Only a language whose texts are installed is taken.
     */
    public Optional<UserAccount> chooseOwnLanguage(String tag) {
        UiLanguage language = Languages.installed().find(tag)
                .orElseThrow(() -> new BusinessException("account.language.unknown", "language"));
        Optional<UserAccount> own = currentUser.account(UserAccount.class);
        own.ifPresent(account -> {
            UserAccount managed = em.find(UserAccount.class, account.getId());
            managed.chooseLanguage(language.tag());
        });
        return own.map(account -> em.find(UserAccount.class, account.getId()));
    }

    /**
     * Sets the language of another person's account (for the e-mails sent to them before they first sign in,
     * and for their pages); administrators only. Null clears it: their browser's language is shown, and their
     * e-mails are in English.
     */
    public UserAccount setLanguage(Long id, String tag) {
        currentUser.requireAdmin("change accounts");
        UserAccount account = find(id);
        if (tag == null || tag.isBlank()) {
            account.chooseLanguage(null);
            return account;
        }
        UiLanguage language = Languages.installed().find(tag)
                .orElseThrow(() -> new BusinessException("account.language.unknown", "language"));
        account.chooseLanguage(language.tag());
        return account;
    }

    /** E-mails the user a new link: to set a first password, or to reset theirs. Earlier links stop working. */
    public void sendLink(Long id) {
        currentUser.requireAdmin("send account links");
        UserAccount account = find(id);
        if (!account.isActive()) {
            throw BusinessException.general("account.inactive");
        }
        passwords.sendLink(account);
    }

    private UserAccount current(Long id, long readVersion) {
        UserAccount account = find(id);
        if (account.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        em.lock(account, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return account;
    }

    private void requireNotSelf(UserAccount account, String key, String field) {
        if (currentUser.account(UserAccount.class).map(UserAccount::getId).filter(account.getId()::equals).isPresent()) {
            throw new BusinessException(key, field);
        }
    }

    /**
     * Refuses unless another active administrator remains. The active administrators' rows are locked
     * first, so two administrators disabling or demoting each other at once can't both pass.
     */
    private void requireAnotherAdmin(UserAccount account) {
        long others = em.createQuery("select u from UserAccount u where u.role = :role and u.active = true", UserAccount.class)
                .setParameter("role", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().filter(u -> !u.getId().equals(account.getId())).count();
        if (others == 0) {
            throw BusinessException.general("account.lastAdmin");
        }
    }

    private void checkBinding(Role role, Long partnerId, Long funderId) {
        if (role == null) {
            throw new BusinessException("account.role.required", "role");
        }
        if (role == Role.PARTNER && (partnerId == null || !partners.isActive(partnerId))) {
            throw new BusinessException("account.partner.required", "partner");
        }
        if (role == Role.FUNDER && (funderId == null || !funders.isActive(funderId))) {
            throw new BusinessException("account.funder.required", "funder");
        }
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
