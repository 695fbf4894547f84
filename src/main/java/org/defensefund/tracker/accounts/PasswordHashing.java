package org.defensefund.tracker.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 at 600,000 iterations and a 32-byte random salt (OWASP's
 * figure for that function; the Jakarta Security default of 2,048 is far too weak). The hash records
 * its own parameters, so raising them later still verifies older hashes.
 */
@ApplicationScoped
public class PasswordHashing {

    public static final int ITERATIONS = 600_000;

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    /** A hash to verify against when the account doesn't exist, so the answer takes as long either way. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy-password-never-used".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        return pbkdf2.verify(password, storedHash == null ? decoy : storedHash);
    }
}
