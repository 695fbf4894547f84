package org.defensefund.tracker.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time link sent by e-mail: to set the first password of a new account, to reset a forgotten
 * one, or to set up two-factor sign-in. Only the SHA-256 of the random token is kept, so a copy of the database opens no account. A token
 * is good once, until it expires, and only while it is its account's newest of its purpose.
 */
@Entity
@Table(name = "account_token")
public class AccountToken {

    /** What the link is for, and how long it lasts. */
    public enum Purpose {
        SET_PASSWORD(java.time.Duration.ofHours(72)),
        RESET_PASSWORD(java.time.Duration.ofHours(1)),
        /** Sent at sign-in to an administrator or partner user who has no authenticator yet. */
        SET_UP_TWO_FACTOR(java.time.Duration.ofHours(1));

        private final java.time.Duration lifetime;

        Purpose(java.time.Duration lifetime) {
            this.lifetime = lifetime;
        }

        public java.time.Duration lifetime() {
            return lifetime;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
    }

    AccountToken(Long userId, Purpose purpose, String tokenHash, Instant createdAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = createdAt.plus(purpose.lifetime());
    }

    /** A token that lasts for another time than its purpose's usual one (the first administrator's set-up link). */
    AccountToken(Long userId, Purpose purpose, String tokenHash, Instant createdAt, java.time.Duration lifetime) {
        this(userId, purpose, tokenHash, createdAt);
        this.expiresAt = createdAt.plus(lifetime);
    }

    boolean usableAt(Instant when) {
        return usedAt == null && when.isBefore(expiresAt);
    }

    void use(Instant when) {
        this.usedAt = when;
    }

    /** Makes an unused token worthless (a newer link was sent, or the account was disabled). */
    void revoke(Instant when) {
        if (usedAt == null && expiresAt.isAfter(when)) {
            this.expiresAt = when;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
