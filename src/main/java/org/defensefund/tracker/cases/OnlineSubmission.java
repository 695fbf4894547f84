package org.defensefund.tracker.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;

/**
 * What the public form collected beyond an ordinary referral, for the case it made: the receipt shown to the
 * visitor (random, so it orders, counts and opens nothing), the form's language, who referred and their
 * contact (sealed under the client's own key, as the client's phone is), and the consent to be contacted with its time.
 */
@Entity
@Table(name = "online_referral")
public class OnlineSubmission implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "receipt_number", nullable = false, length = 9, updatable = false)
    private String receiptNumber;

    @Column(name = "form_language", nullable = false, length = 12, updatable = false)
    private String formLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "referrer_kind", nullable = false, length = 20, updatable = false)
    private ReferrerKind referrerKind;

    /** Sealed under the client's key, as the client's own phone is ({@code v1:} under the fund's key before V38). */
    @Column(name = "referrer_contact", length = 1200)
    @ClientText(sealed = true)
    private String referrerContact;

    /** The contact in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

    @Column(name = "contact_consent", nullable = false)
    private boolean contactConsent;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Version
    private long version;

    protected OnlineSubmission() {
    }

    OnlineSubmission(LegalCase legalCase, String receiptNumber, OnlineReferral form, Instant submittedAt) {
        this.caseId = legalCase.getId();
        this.receiptNumber = receiptNumber;
        this.formLanguage = form.getFormLanguage();
        this.referrerKind = form.getReferrerKind();
        String contact = form.getReferrerContact();
        String given = contact == null || contact.isBlank() ? null : contact.trim();
        texts.set("referrerContact", given);
        this.referrerContact = legalCase.getClient().sealText(OpenedTexts.column(this, "referrerContact"), given);
        this.contactConsent = form.isContactConsent();
        this.submittedAt = submittedAt;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public String getFormLanguage() {
        return formLanguage;
    }

    public ReferrerKind getReferrerKind() {
        return referrerKind;
    }

    public String getReferrerContact() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts.get("referrerContact", referrerContact,
                value -> ClientTexts.open(this, "referrerContact", ClientTexts.clientOfCase(caseId), value));
    }

    public boolean isContactConsent() {
        return contactConsent;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** The case whose client's key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerCaseId() {
        return caseId;
    }
}
