package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.CallerAccount;
import org.defensefund.tracker.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.NamedRecord;

/**
 * A person who signs in. Their e-mail is the sign-in name. The role decides what they reach: a partner
 * user is bound to exactly one partner organization and a funder user to exactly one funder (both by
 * id, the features stay apart); an administrator to neither. Accounts are disabled, never deleted, so
 * that what a person did stays attributable.
 *
 * <p>An account opened by an administrator has no password until its owner follows the one-time link
 * e-mailed to them. Administrators and partner staff must also sign in with a TOTP code from an
 * authenticator app (funders may choose to). Disabling the account, changing its role or organization,
 * or changing its password moves {@link #getSessionsValidFrom()}, which ends every older session on its
 * next request.
 */
@Entity
@Table(name = "user_account")
public class UserAccount implements Serializable, NamedRecord, CallerAccount {

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

    /** PBKDF2 hash; null while an account opened with a link has no password yet. */
    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** Sessions signed in before this instant end on their next request (disabling, role change, password change). */
    @Column(name = "sessions_valid_from")
    private Instant sessionsValidFrom;

    /**
     * The TOTP shared secret (Base32) once two-factor sign-in is set up; null before. Encrypted in its
     * column like clients' personal data: a copy of the database gives no one the codes.
     */
    @Convert(converter = org.defensefund.tracker.shared.pii.EncryptedStringConverter.class)
    @Column(name = "totp_secret", length = 255)
    private String totpSecret;

    @Column(name = "totp_enabled_at")
    private Instant totpEnabledAt;

    /** The last 30-second step whose code was accepted; a code is good only once. */
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

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

    /** The language its owner chose for pages and e-mails (a tag of {@code shared.Languages}); null until they choose. */
    @Column(length = 10)
    private String language;

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
        this.createdAt = Instant.now(FundClock.current());
        this.passwordChangedAt = passwordHash == null ? null : createdAt;
    }

    void recordSignIn(Instant when) {
        this.lastSignInAt = when;
    }

    void changePassword(String newHash, Instant when) {
        this.passwordHash = newHash;
        this.passwordChangedAt = when;
        endSessions(when);
    }

    void rename(String newName) {
        this.displayName = newName;
    }

    /** Changes what the account reaches; its sessions end, so the new role applies at once. */
    void bind(Role newRole, Long newPartnerId, Long newFunderId, Instant when) {
        Long partner = newRole == Role.PARTNER ? newPartnerId : null;
        Long funder = newRole == Role.FUNDER ? newFunderId : null;
        if (newRole != role || !java.util.Objects.equals(partner, partnerId) || !java.util.Objects.equals(funder, funderId)) {
            endSessions(when);
        }
        this.role = newRole;
        this.partnerId = partner;
        this.funderId = funder;
    }

    void disable(Instant when) {
        this.active = false;
        endSessions(when);
    }

    void enable() {
        this.active = true;
    }

    /** Keeps the language its owner chose; the caller checked it is one of the application's. */
    void chooseLanguage(String tag) {
        this.language = tag;
    }

    void endSessions(Instant when) {
        this.sessionsValidFrom = when;
    }

    void enableTwoFactor(String secret, long acceptedStep, Instant when) {
        this.totpSecret = secret;
        this.totpEnabledAt = when;
        this.totpLastStep = acceptedStep;
    }

    void removeTwoFactor(Instant when) {
        this.totpSecret = null;
        this.totpEnabledAt = null;
        this.totpLastStep = 0;
        endSessions(when);
    }

    /** Records that the code of this step was used; false if it (or a later one) was used before. */
    boolean acceptStep(long step) {
        if (step <= totpLastStep) {
            return false;
        }
        this.totpLastStep = step;
        return true;
    }

    long getTotpLastStep() {
        return totpLastStep;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    public boolean isTwoFactorEnabled() {
        return totpSecret != null;
    }

    /** Administrators and partner staff must use two-factor sign-in; funders may. */
    public boolean isTwoFactorRequired() {
        return role != Role.FUNDER;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Instant getTotpEnabledAt() {
        return totpEnabledAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Instant getSessionsValidFrom() {
        return sessionsValidFrom;
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

    /** The tag of the language chosen for pages and e-mails, or null when none was chosen yet. */
    public String getLanguage() {
        return language;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return getEmail();
    }
}
