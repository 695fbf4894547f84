package org.defensefund.tracker.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One of the recovery codes a user gets when they set up two-factor sign-in, for the day their phone is
 * lost: each signs in once in place of an authenticator code. Kept as a salted SHA-256 (a code carries
 * 120 random bits, so guessing is hopeless and a slow hash would add nothing).
 */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "code_hash", nullable = false, length = 64, updatable = false)
    private String codeHash;

    @Column(nullable = false, length = 32, updatable = false)
    private String salt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(Long userId, String codeHash, String salt) {
        this.userId = userId;
        this.codeHash = codeHash;
        this.salt = salt;
    }

    String getCodeHash() {
        return codeHash;
    }

    String getSalt() {
        return salt;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    void use(Instant when) {
        this.usedAt = when;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }
}
