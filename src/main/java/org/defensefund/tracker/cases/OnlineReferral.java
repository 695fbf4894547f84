package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.BusinessException;

/**
 * A referral as the public form hands it over ({@link IntakeService#referOnline}): the person referred (a new
 * client: names, birth date, country, language and interpreter need, phone, city), custody and the next
 * hearing if known, who refers, and the consent to be contacted. It becomes an ordinary {@link Referral} dated
 * today with the source "Online form", so the referral's own rules ({@link Referral#check}) apply as they do to
 * the fund's staff; {@link #check} adds the form's: consent given, the referrer said, and a way to reach someone.
 */
public class OnlineReferral implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Client client = new Client();
    private boolean detained;
    private ReferenceItem facility;
    private LocalDate nextHearingDate;
    private ReferenceItem court;
    private ReferrerKind referrerKind;
    private String referrerName;
    private String referrerContact;
    private boolean contactConsent;
    private boolean reminderConsent;
    private String reminderEmail;
    private String formLanguage = "en";

    /** The person referred; the form fills it in. */
    public Client getClient() {
        return client;
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

    public ReferrerKind getReferrerKind() {
        return referrerKind;
    }

    public void setReferrerKind(ReferrerKind referrerKind) {
        this.referrerKind = referrerKind;
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

    public boolean isContactConsent() {
        return contactConsent;
    }

    public void setContactConsent(boolean contactConsent) {
        this.contactConsent = contactConsent;
    }

    /** Whether the person referred consents to hearing reminders by e-mail (optional, apart from being contacted). */
    public boolean isReminderConsent() {
        return reminderConsent;
    }

    public void setReminderConsent(boolean reminderConsent) {
        this.reminderConsent = reminderConsent;
    }

    /** The person's own e-mail address for the reminders. */
    public String getReminderEmail() {
        return reminderEmail;
    }

    public void setReminderEmail(String reminderEmail) {
        this.reminderEmail = reminderEmail;
    }

    /** The language tag the form was filled in (en, es, zh-TW...), so the fund answers in it. */
    public String getFormLanguage() {
        return formLanguage;
    }

    public void setFormLanguage(String formLanguage) {
        this.formLanguage = formLanguage;
    }

    /**
     * The form's own rules: consent to be contacted; who refers; the referrer's name unless it is the person
     * themselves; and a way to reach someone (the person's phone or the referrer's contact).
     */
    void check() {
        if (referrerKind == null) {
            throw new BusinessException("onlineReferral.referrerKind.required", "referrerKind");
        }
        if (referrerKind != ReferrerKind.SELF && blank(referrerName)) {
            throw new BusinessException("onlineReferral.referrerName.required", "referrerName");
        }
        if (blank(client.getPhone()) && blank(referrerContact)) {
            throw new BusinessException("onlineReferral.contact.required", "phone");
        }
        if (!contactConsent) {
            throw new BusinessException("onlineReferral.consent.required", "consent");
        }
    }

    /** The referral the fund's intake records, dated today, from the source given. */
    Referral asReferral(LocalDate today, ReferenceItem onlineForm) {
        Referral referral = new Referral();
        referral.setClient(client);
        referral.setReferralDate(today);
        referral.setSource(onlineForm);
        referral.setReferrerName(referrerKind == ReferrerKind.SELF ? null : trimmed(referrerName));
        referral.setDetained(detained);
        referral.setFacility(detained ? facility : null);
        referral.setNextHearingDate(nextHearingDate);
        referral.setCourt(court);
        referral.setReminderConsent(reminderConsent);
        referral.setReminderEmail(reminderConsent ? trimmed(reminderEmail) : null);
        return referral;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trimmed(String text) {
        return blank(text) ? null : text.trim();
    }
}
