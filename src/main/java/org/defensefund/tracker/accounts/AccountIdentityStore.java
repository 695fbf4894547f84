package org.defensefund.tracker.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The identity store behind the sign-in page. It accepts only a {@link SignInTicket}, which
 * {@link SignInTickets} issues only when every factor passed, so no other way in skips a factor. The account's role becomes its one group, which Jakarta
 * Security maps to the security role of the same name.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    private SignInTickets tickets;

    @Inject
    private UserAccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof SignInTicket ticket)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tickets.redeem(ticket.value())
                .flatMap(accounts::recordSignIn)
                .map(account -> {
                    LOG.info(() -> "Sign-in of account " + account.getId() + " (" + account.getRole() + ")");
                    return new CredentialValidationResult(account.getEmail(), Set.of(account.getRole().name()));
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
