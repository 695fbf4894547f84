package org.defensefund.tracker.access;

import java.io.Serializable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A person who signs in. Their e-mail is the sign-in name. The role decides what they reach: a partner
 * user is bound to exactly one partner organization and a funder user to exactly one funder (both by
 * id, the features stay apart); an administrator to neither. Accounts are disabled, never deleted, so
 * that what a person did stays attributable.
 */
@Entity
@Table(name = "user_account")
public class UserAccount implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "partner_id")
    private Long partnerId;

    @Column(name = "funder_id")
    private Long funderId;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String email, String displayName, Role role, Long partnerId, Long funderId, String passwordHash) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.partnerId = role == Role.PARTNER ? partnerId : null;
        this.funderId = role == Role.FUNDER ? funderId : null;
        this.passwordHash = passwordHash;
        this.createdAt = Instant.now();
    }

    void recordSignIn(Instant when) {
        this.lastSignInAt = when;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public Long getFunderId() {
        return funderId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
