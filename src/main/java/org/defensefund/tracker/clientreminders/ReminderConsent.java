package org.defensefund.tracker.clientreminders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;

/**
 * One change of a case's consent to hearing reminders by e-mail: given (with the address it applies to) or withdrawn,
 * where ({@link ConsentSource}), by whom and when. The history of a case is its rows in order; the consent in force is
 * the latest. Never changed once written. The address is the client's personal data: sealed under the client's own key
 * ({@link ClientTexts}; the audit trail copies that ciphertext), so destroying the key makes it unreadable. An address
 * written before, under the fund's key ({@code v1:}), is read as it is until the start moves it.
 */
@Entity
@Table(name = "reminder_consent")
public class ReminderConsent implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(nullable = false, updatable = false)
    private boolean given;

    @Column(length = 1200, updatable = false)
    @ClientText(sealed = true)
    private String email;

    /** The address in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private ConsentSource source;

    @Column(name = "recorded_by", nullable = false, length = 254, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected ReminderConsent() {
    }

    private ReminderConsent(Long caseId, boolean given, String email, ConsentSource source, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.given = given;
        texts.set("email", email);
        this.email = ClientTexts.seal(this, "email", ClientTexts.clientOfCase(caseId), email);
        this.source = source;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** A consent given for the address (already checked as one valid address). */
    static ReminderConsent given(Long caseId, String email, ConsentSource source, String recordedBy, Instant at) {
        return new ReminderConsent(caseId, true, email.trim(), source, recordedBy, at);
    }

    /** A consent withdrawn: no address kept with it. */
    static ReminderConsent withdrawn(Long caseId, ConsentSource source, String recordedBy, Instant at) {
        return new ReminderConsent(caseId, false, null, source, recordedBy, at);
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public boolean isGiven() {
        return given;
    }

    /** The address the consent applies to; null for a withdrawal. */
    public String getEmail() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts.get("email", email, value -> ClientTexts.open(this, "email", ClientTexts.clientOfCase(caseId), value));
    }

    public ConsentSource getSource() {
        return source;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** The case whose client's key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerCaseId() {
        return caseId;
    }
}
