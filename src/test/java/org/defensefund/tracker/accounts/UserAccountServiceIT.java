package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts: how passwords are stored and checked, and who may open accounts bound to what. */
@ExtendWith(ArquillianExtension.class)
class UserAccountServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private UserAccountService accounts;

    @Inject
    private InContainer given;

    @PersistenceContext
    private EntityManager em;

    @Test
    void passwordsAreStoredAsPbkdf2Sha256WithSixHundredThousandIterations() {
        UserAccount admin = given.admin();
        String stored = em.find(UserAccount.class, admin.getId()).getPasswordHash();
        String[] parts = stored.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 600_000, "iterations " + parts[1]);
        assertTrue(!stored.contains(InContainer.PASSWORD));
    }

    @Test
    void signInChecksThePasswordAndRecordsTheTime() {
        UserAccount admin = given.admin();
        assertTrue(accounts.checkPassword(admin.getEmail(), "wrong password entirely".toCharArray()).isEmpty());
        assertTrue(accounts.checkPassword("nobody-" + admin.getEmail(), InContainer.PASSWORD.toCharArray()).isEmpty());
        UserAccount checked = accounts.checkPassword(admin.getEmail().toUpperCase(), InContainer.PASSWORD.toCharArray()).orElseThrow().account();
        assertEquals(admin.getId(), checked.getId());
        assertNull(em.find(UserAccount.class, admin.getId()).getLastSignInAt(), "a right password alone is not a sign-in yet");
        accounts.recordSignIn(admin.getEmail());
        assertNotNull(em.find(UserAccount.class, admin.getId()).getLastSignInAt());
    }

    @Test
    void aPartnerUserMustBelongToAnActivePartnerAndAFunderUserToAFunder() {
        UserAccount admin = given.admin();
        BusinessException noPartner = assertThrows(BusinessException.class, () -> given.as(admin, () ->
                accounts.create(new NewAccount("np-" + admin.getEmail(), "No Partner", Role.PARTNER, null, null, InContainer.PASSWORD.toCharArray()))));
        assertEquals("account.partner.required", noPartner.messageKey());
        BusinessException noFunder = assertThrows(BusinessException.class, () -> given.as(admin, () ->
                accounts.create(new NewAccount("nf-" + admin.getEmail(), "No Funder", Role.FUNDER, null, 424242L, InContainer.PASSWORD.toCharArray()))));
        assertEquals("account.funder.required", noFunder.messageKey());
        BusinessException shortPassword = assertThrows(BusinessException.class, () -> given.as(admin, () ->
                accounts.create(new NewAccount("sp-" + admin.getEmail(), "Short", Role.ADMIN, null, null, "short".toCharArray()))));
        assertEquals("account.password.tooShort", shortPassword.messageKey());
    }

    @Test
    void onlyAnAdministratorOpensAccounts() {
        PartnerOrganization partner = given.partner(InContainer.unique("Account Org"));
        UserAccount staff = given.partnerStaff(partner);
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () ->
                accounts.create(new NewAccount("x-" + staff.getEmail(), "Escalation", Role.ADMIN, null, null, InContainer.PASSWORD.toCharArray()))));
        assertEquals(partner.getId(), staff.getPartnerId());
    }
}
