package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.EmailAddress;
import org.defensefund.tracker.shared.FundClock;

/**
 * What the intake form collects: the client (new, or an existing one to link to), the referral, custody
 * and court facts. The A-number is kept as typed; the service reads and normalises it. A confidentiality
 * reason, if chosen, makes the case confidential from its first moment.
 */
public class Referral implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long existingClientId;
    private Client client = new Client();
    private String aNumber;
    private LocalDate referralDate = LocalDate.now(FundClock.current());
    private ReferenceItem source;
    private String referrerName;
    private String referrerContact;
    private boolean detained;
    private ReferenceItem facility;
    private LocalDate nextHearingDate;
    private ReferenceItem court;
    private ReferenceItem caseType;
    private String notes;
    private ConfidentialityReason confidentialReason;
    private boolean reminderConsent;
    private String reminderEmail;

    public Long getExistingClientId() {
        return existingClientId;
    }

    public void setExistingClientId(Long existingClientId) {
        this.existingClientId = existingClientId;
    }

    public Client getClient() {
        return client;
    }

    public void setClient(Client client) {
        this.client = client;
    }

    public String getANumber() {
        return aNumber;
    }

    public void setANumber(String aNumber) {
        this.aNumber = aNumber;
    }

    public LocalDate getReferralDate() {
        return referralDate;
    }

    public void setReferralDate(LocalDate referralDate) {
        this.referralDate = referralDate;
    }

    public ReferenceItem getSource() {
        return source;
    }

    public void setSource(ReferenceItem source) {
        this.source = source;
    }

    public String getReferrerName() {
        return referrerName;
    }

    public void setReferrerName(String referrerName) {
        this.referrerName = referrerName;
    }

    public String getReferrerContact() {
        return referrerContact;
    }

    public void setReferrerContact(String referrerContact) {
        this.referrerContact = referrerContact;
    }

    public boolean isDetained() {
        return detained;
    }

    public void setDetained(boolean detained) {
        this.detained = detained;
    }

    public ReferenceItem getFacility() {
        return facility;
    }

    public void setFacility(ReferenceItem facility) {
        this.facility = facility;
    }

    public LocalDate getNextHearingDate() {
        return nextHearingDate;
    }

    public void setNextHearingDate(LocalDate nextHearingDate) {
        this.nextHearingDate = nextHearingDate;
    }

    public ReferenceItem getCourt() {
        return court;
    }

    public void setCourt(ReferenceItem court) {
        this.court = court;
    }

    public ReferenceItem getCaseType() {
        return caseType;
    }

    public void setCaseType(ReferenceItem caseType) {
        this.caseType = caseType;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    /** Why the case is confidential, or null if nothing is known yet that makes it so. */
    public ConfidentialityReason getConfidentialReason() {
        return confidentialReason;
    }

    public void setConfidentialReason(ConfidentialityReason confidentialReason) {
        this.confidentialReason = confidentialReason;
    }

    /** Whether the client consents to hearing reminders by e-mail (client reminders). */
    public boolean isReminderConsent() {
        return reminderConsent;
    }

    public void setReminderConsent(boolean reminderConsent) {
        this.reminderConsent = reminderConsent;
    }

    /** The client's e-mail address for the reminders; needed with the consent, ignored without it. */
    public String getReminderEmail() {
        return reminderEmail;
    }

    public void setReminderEmail(String reminderEmail) {
        this.reminderEmail = reminderEmail;
    }

    /** The address the reminders go to: trimmed, with the consent only; null without. */
    String reminderAddress() {
        return reminderConsent && reminderEmail != null && !reminderEmail.isBlank() ? reminderEmail.trim() : null;
    }

    /**
     * The referral's own rules: a referral date, not after {@code today}; a next hearing, if known, not before
     * the referral; a new client born before the referral.
     */
    void check(LocalDate today) {
        if (referralDate == null) {
            throw new BusinessException("case.referralDate.required", "referralDate");
        }
        if (referralDate.isAfter(today)) {
            throw new BusinessException("case.referralDate.future", "referralDate");
        }
        if (nextHearingDate != null && nextHearingDate.isBefore(referralDate)) {
            throw new BusinessException("case.nextHearing.beforeReferral", "nextHearingDate");
        }
        if (existingClientId == null && client != null && client.getBirthDate() != null && client.getBirthDate().isAfter(referralDate)) {
            throw new BusinessException("client.birthDate.afterReferral", "birthDate");
        }
        checkReminderEmail(reminderConsent, reminderEmail);
    }

    /** With the consent to reminders, one valid e-mail address; without it, the address isn't read. */
    static void checkReminderEmail(boolean consent, String email) {
        if (!consent) {
            return;
        }
        if (email == null || email.isBlank()) {
            throw new BusinessException("reminders.email.required", "reminderEmail");
        }
        if (!EmailAddress.isValid(email.trim())) {
            throw new BusinessException("reminders.email.invalid", "reminderEmail");
        }
    }
}
