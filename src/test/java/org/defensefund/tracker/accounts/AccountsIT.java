package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * User administration, one-time links and two-factor sign-in at the service level: who may change
 * accounts, what ends sessions, links that work once, codes that work once. (The e-mails themselves
 * and the pages are in AccountLinksWebIT.)
 */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private UserAccountService accounts;

    @Inject
    private PasswordService passwords;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private SignInTickets tickets;

    @Inject
    private InContainer given;

    @PersistenceContext
    private EntityManager em;

    @Test
    void onlyAdministratorsListReadAndChangeAccounts() {
        PartnerOrganization partner = given.partner(InContainer.unique("Accounts Org"));
        UserAccount staff = given.partnerStaff(partner);
        UserAccount funderUser = given.funderUser(given.funder(InContainer.unique("Accounts Funder")));
        UserAccount admin = given.admin();
        for (UserAccount caller : List.of(staff, funderUser)) {
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.list(ListQuery.firstPage(10))));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.count(ListQuery.firstPage(10))));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.find(admin.getId())));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.update(caller.getId(), caller.getVersion(),
                    "Promoted", Role.ADMIN, null, null)));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.disable(admin.getId(), admin.getVersion())));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.enable(admin.getId(), admin.getVersion())));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> accounts.sendLink(admin.getId())));
            assertThrows(AccessDeniedException.class, () -> given.as(caller, () -> twoFactor.reset(admin.getId())));
        }
        assertEquals(Role.PARTNER, em.find(UserAccount.class, staff.getId()).getRole(), "nothing changed");
        List<UserAccount> found = given.as(admin, () -> accounts.list(ListQuery.firstPage(10).withFilter("email", staff.getEmail())));
        assertEquals(List.of(staff.getId()), found.stream().map(UserAccount::getId).toList());
        assertEquals(1L, given.as(admin, () -> accounts.count(ListQuery.firstPage(10).withFilter("email", staff.getEmail()))));
    }

    @Test
    void changingTheRoleOrOrganizationEndsTheSessionsButARenameDoesNot() {
        UserAccount admin = given.admin();
        PartnerOrganization first = given.partner(InContainer.unique("First Org"));
        PartnerOrganization second = given.partner(InContainer.unique("Second Org"));
        UserAccount staff = given.partnerStaff(first);
        assertNull(staff.getSessionsValidFrom());

        UserAccount renamed = given.as(admin, () -> accounts.update(staff.getId(), staff.getVersion(), "New Name", Role.PARTNER, first.getId(), null));
        assertEquals("New Name", renamed.getDisplayName());
        assertNull(em.find(UserAccount.class, staff.getId()).getSessionsValidFrom(), "a rename keeps the sessions");

        Instant before = Instant.now();
        UserAccount moved = given.as(admin, () -> accounts.update(staff.getId(), renamed.getVersion(), "New Name", Role.PARTNER, second.getId(), null));
        assertEquals(second.getId(), moved.getPartnerId());
        Instant ended = em.find(UserAccount.class, staff.getId()).getSessionsValidFrom();
        assertNotNull(ended, "moving to another organization ends the sessions");
        assertFalse(ended.isBefore(before.minusMillis(1)));

        assertThrows(ConcurrentEditException.class, () -> given.as(admin, () ->
                accounts.update(staff.getId(), staff.getVersion(), "Stale", Role.PARTNER, first.getId(), null)), "a stale form is refused");
        BusinessException unbound = assertThrows(BusinessException.class, () -> given.as(admin, () ->
                accounts.update(staff.getId(), moved.getVersion(), "New Name", Role.FUNDER, null, null)));
        assertEquals("account.funder.required", unbound.messageKey());
    }

    @Test
    void anAdministratorCantLockThemselvesOutNorLeaveTheFundWithoutOne() {
        UserAccount admin = given.admin();
        BusinessException self = assertThrows(BusinessException.class, () -> given.as(admin, () -> accounts.disable(admin.getId(), admin.getVersion())));
        assertEquals("account.self.disable", self.messageKey());
        BusinessException demote = assertThrows(BusinessException.class, () -> given.as(admin, () ->
                accounts.update(admin.getId(), admin.getVersion(), "Me", Role.FUNDER, null, given.funder(InContainer.unique("F")).getId())));
        assertEquals("account.self.role", demote.messageKey());

        UserAccount other = given.admin();
        UserAccount disabled = given.as(admin, () -> accounts.disable(other.getId(), other.getVersion()));
        assertFalse(disabled.isActive());
        assertNotNull(disabled.getSessionsValidFrom(), "disabling ends the sessions");
        UserAccount enabled = given.as(admin, () -> accounts.enable(other.getId(), disabled.getVersion()));
        assertTrue(enabled.isActive());
    }

    @Test
    void aLinkSetsThePasswordOnceAndOnlyWhileFresh() {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Link Org")));
        String token = link(staff, AccountToken.Purpose.RESET_PASSWORD, Instant.now());
        assertEquals(staff.getEmail(), passwords.check(token).orElseThrow().email());

        BusinessException weak = assertThrows(BusinessException.class, () -> passwords.setWithLink(token, "password1234".toCharArray()));
        assertEquals("account.password.common", weak.messageKey());
        assertTrue(passwords.check(token).isPresent(), "a refused password leaves the link usable");

        String before = em.find(UserAccount.class, staff.getId()).getPasswordHash();
        passwords.setWithLink(token, "violet tractor umbrella harbour".toCharArray());
        UserAccount after = em.find(UserAccount.class, staff.getId());
        assertNotEquals(before, after.getPasswordHash());
        assertTrue(accounts.checkPassword(staff.getEmail(), "violet tractor umbrella harbour".toCharArray()).isPresent());
        assertTrue(accounts.checkPassword(staff.getEmail(), InContainer.PASSWORD.toCharArray()).isEmpty(), "the old password is gone");
        assertNotNull(after.getSessionsValidFrom(), "setting a password ends the other sessions");

        BusinessException reused = assertThrows(BusinessException.class, () -> passwords.setWithLink(token, "another fine passphrase here".toCharArray()));
        assertEquals("password.link.invalid", reused.messageKey());
        assertTrue(passwords.check(token).isEmpty());

        String expired = link(staff, AccountToken.Purpose.RESET_PASSWORD, Instant.now().minus(AccountToken.Purpose.RESET_PASSWORD.lifetime()).minusSeconds(1));
        assertTrue(passwords.check(expired).isEmpty(), "an expired link");
        assertThrows(BusinessException.class, () -> passwords.setWithLink(expired, "another fine passphrase here".toCharArray()));
        assertTrue(passwords.check("not-a-token").isEmpty());
        assertTrue(passwords.check(null).isEmpty());
    }

    @Test
    void aDisabledAccountsLinksStopWorking() {
        UserAccount admin = given.admin();
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Disabled Link Org")));
        String token = link(staff, AccountToken.Purpose.SET_PASSWORD, Instant.now());
        UserAccount disabled = given.as(admin, () -> accounts.disable(staff.getId(), staff.getVersion()));
        assertTrue(passwords.check(token).isEmpty());
        assertThrows(BusinessException.class, () -> passwords.setWithLink(token, "violet tractor umbrella harbour".toCharArray()));
        given.as(admin, () -> accounts.enable(staff.getId(), disabled.getVersion()));
        assertTrue(passwords.check(token).isEmpty(), "revoked, not only hidden while disabled: enabling the account again doesn't bring it back");
    }

    @Test
    void aTwoFactorCodeIsGoodOnceAndRecoveryCodesToo() {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Code Org")));
        String secret = TotpCodes.newSecret();
        long now = TotpCodes.stepAt(Instant.now());
        String proof = accounts.checkPassword(staff.getEmail(), InContainer.PASSWORD.toCharArray()).orElseThrow().proof();
        assertTrue(tickets.ticket(proof).isEmpty(), "partner staff get no ticket on a password alone");

        String wrongCode = "000000".equals(TotpCodes.codeFor(secret, now)) ? "111111" : "000000";
        assertThrows(AccessDeniedException.class, () -> twoFactor.enableAfterLink(proof, secret, TotpCodes.codeFor(secret, now)),
                "a password alone never sets up an authenticator");
        assertThrows(AccessDeniedException.class, () -> twoFactor.enableAfterLink("made-up-proof", secret, TotpCodes.codeFor(secret, now)));
        String setUp = link(staff, AccountToken.Purpose.SET_UP_TWO_FACTOR, Instant.now());
        BusinessException noPassword = assertThrows(BusinessException.class,
                () -> twoFactor.enableWithLink(setUp, "not the password".toCharArray(), secret, TotpCodes.codeFor(secret, now)));
        assertEquals("password.current.wrong", noPassword.messageKey(), "the mailbox alone is not enough either");
        BusinessException wrong = assertThrows(BusinessException.class, () -> twoFactor.enableWithLink(setUp, InContainer.PASSWORD.toCharArray(), secret, wrongCode));
        assertEquals("twoFactor.code.wrong", wrong.messageKey());
        assertFalse(em.find(UserAccount.class, staff.getId()).isTwoFactorEnabled(), "a wrong first code saves nothing");
        assertTrue(passwords.check(setUp).isPresent(), "and leaves the link usable");

        List<String> recovery = twoFactor.enableWithLink(setUp, InContainer.PASSWORD.toCharArray(), secret, TotpCodes.codeFor(secret, now));
        assertEquals(10, recovery.size());
        assertEquals(10, new HashSet<>(recovery).size());
        assertTrue(recovery.stream().allMatch(c -> c.matches("[a-z2-7]{6}-[a-z2-7]{6}-[a-z2-7]{6}-[a-z2-7]{6}")), recovery.toString());
        assertTrue(em.find(UserAccount.class, staff.getId()).isTwoFactorEnabled());
        assertTrue(passwords.check(setUp).isEmpty(), "the set-up link is used up");
        String stored = (String) em.createNativeQuery("select totp_secret from user_account where id = ?").setParameter(1, staff.getId()).getSingleResult();
        assertTrue(stored.startsWith("v1:") && !stored.contains(secret), "the secret is encrypted in its column: " + stored);
        assertTrue(tickets.ticket(proof).isEmpty(), "two-factor on: the password's proof gives no ticket");

        String again = accounts.checkPassword(staff.getEmail(), InContainer.PASSWORD.toCharArray()).orElseThrow().proof();
        assertTrue(tickets.ticket(again).isEmpty(), "two-factor on: no ticket on a password alone");
        assertFalse(twoFactor.verifyAtSignIn(again, TotpCodes.codeFor(secret, now)), "the set-up code can't sign in again");
        assertFalse(twoFactor.verifyAtSignIn("made-up-proof", TotpCodes.codeFor(secret, now + 1)), "no code without the password");
        assertTrue(twoFactor.verifyAtSignIn(again, TotpCodes.codeFor(secret, now + 1)), "the next step's code (clock ahead)");
        assertFalse(twoFactor.verifyAtSignIn(again, TotpCodes.codeFor(secret, now + 1)), "replayed");
        assertFalse(twoFactor.verifyAtSignIn(again, TotpCodes.codeFor(secret, now + 3)), "too far ahead");
        assertFalse(twoFactor.verifyAtSignIn(again, "12345"));
        assertTrue(tickets.ticket(again).isPresent());

        String third = accounts.checkPassword(staff.getEmail(), InContainer.PASSWORD.toCharArray()).orElseThrow().proof();
        assertTrue(twoFactor.recoverAtSignIn(third, recovery.get(0).toUpperCase().replace("-", " ")), "case and spacing don't matter");
        assertFalse(twoFactor.recoverAtSignIn(third, recovery.get(0)), "a recovery code is good once");
        assertFalse(twoFactor.recoverAtSignIn(third, "aaaaaa-bbbbbb-cccccc-dddddd"));
        assertFalse(twoFactor.recoverAtSignIn("made-up-proof", recovery.get(1)));
        assertEquals(9, given.as(staff, () -> twoFactor.recoveryCodesLeft()));

        Long codeRows = em.createQuery("select count(c) from RecoveryCode c where c.userId = :u and c.codeHash = :plain", Long.class)
                .setParameter("u", staff.getId()).setParameter("plain", TwoFactorService.normalise(recovery.get(1))).getSingleResult();
        assertEquals(0L, codeRows, "recovery codes are not stored as typed");

        UserAccount admin = given.admin();
        given.as(admin, () -> twoFactor.reset(staff.getId()));
        UserAccount reset = em.find(UserAccount.class, staff.getId());
        assertFalse(reset.isTwoFactorEnabled());
        assertNotNull(reset.getSessionsValidFrom());
        String fourth = accounts.checkPassword(staff.getEmail(), InContainer.PASSWORD.toCharArray()).orElseThrow().proof();
        assertFalse(twoFactor.recoverAtSignIn(fourth, recovery.get(1)), "reset removes the recovery codes");
        assertTrue(tickets.ticket(fourth).isEmpty(), "after a reset partner staff must set two-factor up again");
    }

    @Test
    void aFunderWithoutTwoFactorGetsATicketForTheirPassword() {
        UserAccount funderUser = given.funderUser(given.funder(InContainer.unique("Ticket Funder")));
        String proof = accounts.checkPassword(funderUser.getEmail(), InContainer.PASSWORD.toCharArray()).orElseThrow().proof();
        assertTrue(tickets.ticket(proof).isPresent());
        assertTrue(tickets.ticket("made-up-proof").isEmpty());
    }

    @Test
    void onlyFundersMayTurnTwoFactorOff() {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Required Org")));
        String secret = TotpCodes.newSecret();
        long now = TotpCodes.stepAt(Instant.now());
        twoFactor.enableWithLink(link(staff, AccountToken.Purpose.SET_UP_TWO_FACTOR, Instant.now()), InContainer.PASSWORD.toCharArray(),
                secret, TotpCodes.codeFor(secret, now));
        BusinessException required = assertThrows(BusinessException.class, () -> given.as(staff, () -> twoFactor.disableOwn(TotpCodes.codeFor(secret, now + 1))));
        assertEquals("twoFactor.required", required.messageKey());

        UserAccount funderUser = given.funderUser(given.funder(InContainer.unique("Optional Funder")));
        String funderSecret = TotpCodes.newSecret();
        given.as(funderUser, () -> twoFactor.enableOwn(funderSecret, TotpCodes.codeFor(funderSecret, now)));
        assertTrue(em.find(UserAccount.class, funderUser.getId()).isTwoFactorEnabled());
        given.as(funderUser, () -> twoFactor.disableOwn(TotpCodes.codeFor(funderSecret, now + 1)));
        assertFalse(em.find(UserAccount.class, funderUser.getId()).isTwoFactorEnabled());
    }

    @Test
    void thePasswordCheckAloneNeverRecordsASignInAndAnAccountWithoutAPasswordNeverMatches() {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("No Password Org")));
        given.inTransaction(() -> {
            em.find(UserAccount.class, staff.getId()).changePassword(null, Instant.now());
            return null;
        });
        assertTrue(accounts.checkPassword(staff.getEmail(), InContainer.PASSWORD.toCharArray()).isEmpty());
        assertTrue(accounts.checkPassword(staff.getEmail(), "".toCharArray()).isEmpty());
    }

    /** A link as the e-mail would carry it, made as if at the given time. */
    private String link(UserAccount account, AccountToken.Purpose purpose, Instant createdAt) {
        String token = Secrets.token();
        given.inTransaction(() -> {
            em.persist(new AccountToken(account.getId(), purpose, Secrets.sha256(token), createdAt));
            return null;
        });
        return token;
    }
}
