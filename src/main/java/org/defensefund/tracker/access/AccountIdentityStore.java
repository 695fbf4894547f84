package org.defensefund.tracker.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The identity store behind the sign-in form: accounts in MariaDB, passwords checked by
 * {@link UserAccountService#signIn}. The account's role becomes its one group, which Jakarta Security
 * maps to the security role of the same name.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    private UserAccountService accounts;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.signIn(credential.getCaller(), credential.getPassword().getValue())
                .map(account -> {
                    LOG.info(() -> "Sign-in of account " + account.getId() + " (" + account.getRole() + ")");
                    return new CredentialValidationResult(account.getEmail(), Set.of(account.getRole().name()));
                })
                .orElseGet(() -> {
                    LOG.info("Failed sign-in attempt");
                    return CredentialValidationResult.INVALID_RESULT;
                });
    }
}
