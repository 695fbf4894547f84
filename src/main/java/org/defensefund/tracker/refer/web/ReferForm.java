package org.defensefund.tracker.refer.web;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.defensefund.tracker.cases.OnlineReferral;
import org.defensefund.tracker.cases.ReferrerKind;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.PlausibleDates;
import org.defensefund.tracker.shared.web.NumberInput;

/**
 * What the public form posts, as typed: every value a string (or a tick), read strictly into an
 * {@link OnlineReferral} by {@link #read}. Anything that isn't exactly right (a day that doesn't exist, digits
 * other than ASCII, a choice the form didn't offer, a text over its length) becomes a problem beside its field,
 * never a value bent to fit. The referral's own rules are the intake service's; this only reads.
 */
public class ReferForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The longest referrer's name and contact (the case's columns). */
    static final int REFERRER_MAX = 200;
    /** The longest e-mail address for the reminders. */
    static final int EMAIL_MAX = 254;
    /** A date part longer than this can't be right ("2026" is the longest). */
    private static final int DATE_PART_MAX = 4;

    /** The choices the form offered, to check a posted one against. */
    record Choices(Set<String> countries, Map<String, Language> languages, Map<String, ReferenceItem> facilities,
            Map<String, ReferenceItem> courts) {
    }

    /** A problem with one field: the text's key in the form's bundle and its arguments. */
    record Problem(String key, Object... arguments) {
    }

    private String firstName;
    private String lastName;
    private String birthDay;
    private String birthMonth;
    private String birthYear;
    private String country;
    private String language;
    private boolean interpreter;
    private String phone;
    private String city;
    private boolean detained;
    private String facility;
    private String hearingDay;
    private String hearingMonth;
    private String hearingYear;
    private String court;
    private String referrerKind;
    private String referrerName;
    private String referrerContact;
    private boolean consent;
    private boolean reminders;
    private String reminderEmail;
    /** The trap: hidden from people, so only a robot fills it in. */
    private String website;

    /** Reads the form into a referral; the problems found go into {@code problems} by field, in the form's order. */
    OnlineReferral read(LocalDate today, Choices choices, Map<String, Problem> problems) {
        OnlineReferral referral = new OnlineReferral();
        referral.getClient().setFirstName(firstName);
        referral.getClient().setLastName(lastName);
        date(birthDay, birthMonth, birthYear, today, "birthDate", problems).ifPresent(referral.getClient()::setBirthDate);
        referral.getClient().setCountryOfBirth(choice(country, code -> choices.countries().contains(code) ? code : null, "country", problems));
        referral.getClient().setPreferredLanguage(choice(language, choices.languages()::get, "language", problems));
        referral.getClient().setInterpreterNeeded(interpreter);
        referral.getClient().setPhone(blank(phone) ? null : phone.trim());
        referral.getClient().getAddress().setCity(blank(city) ? null : city.trim());
        referral.setDetained(detained);
        if (detained) {
            referral.setFacility(choice(facility, choices.facilities()::get, "facility", problems));
        }
        date(hearingDay, hearingMonth, hearingYear, today, "nextHearingDate", problems).ifPresent(referral::setNextHearingDate);
        referral.setCourt(choice(court, choices.courts()::get, "court", problems));
        referral.setReferrerKind(choice(referrerKind, ReferForm::kind, "referrerKind", problems));
        referral.setReferrerName(text(referrerName, "referrerName", problems));
        referral.setReferrerContact(text(referrerContact, "referrerContact", problems));
        referral.setContactConsent(consent);
        referral.setReminderConsent(reminders);
        if (reminders && !blank(reminderEmail)) {
            if (reminderEmail.trim().length() > EMAIL_MAX) {
                problems.putIfAbsent("reminderEmail", new Problem("error.tooLong", EMAIL_MAX));
            }
            referral.setReminderEmail(reminderEmail.trim());
        }
        return referral;
    }

    /** Whether the trap field was filled in. */
    boolean trapped() {
        return !blank(website);
    }

    /** A date from its three parts: none given is no date; otherwise all three, ASCII digits, a real day in plausible years. */
    static Optional<LocalDate> date(String day, String month, String year, LocalDate today, String field, Map<String, Problem> problems) {
        if (blank(day) && blank(month) && blank(year)) {
            return Optional.empty();
        }
        Optional<Long> d = part(day);
        Optional<Long> m = part(month);
        Optional<Long> y = part(year);
        if (d.isPresent() && m.isPresent() && y.isPresent()) {
            try {
                LocalDate date = LocalDate.of(Math.toIntExact(y.get()), Math.toIntExact(m.get()), Math.toIntExact(d.get()));
                if (y.get() >= 1000 && PlausibleDates.contains(date, today)) {
                    return Optional.of(date);
                }
            } catch (DateTimeException | ArithmeticException notADay) {
                // reported below
            }
        }
        problems.putIfAbsent(field, new Problem("error.date"));
        return Optional.empty();
    }

    private static Optional<Long> part(String typed) {
        if (blank(typed) || typed.trim().length() > DATE_PART_MAX || typed.trim().startsWith("+") || typed.trim().startsWith("-")) {
            return Optional.empty();
        }
        return NumberInput.whole(typed.trim());
    }

    /** A posted choice looked up among the offered ones; none posted is none chosen, one not offered is a problem. */
    private static <T> T choice(String posted, Function<String, T> offered, String field, Map<String, Problem> problems) {
        if (blank(posted)) {
            return null;
        }
        T found = offered.apply(posted);
        if (found == null) {
            problems.putIfAbsent(field, new Problem("error.choice"));
        }
        return found;
    }

    private static ReferrerKind kind(String posted) {
        for (ReferrerKind kind : ReferrerKind.values()) {
            if (kind.name().equals(posted)) {
                return kind;
            }
        }
        return null;
    }

    private static String text(String typed, String field, Map<String, Problem> problems) {
        if (blank(typed)) {
            return null;
        }
        if (typed.trim().length() > REFERRER_MAX) {
            problems.putIfAbsent(field, new Problem("error.tooLong", REFERRER_MAX));
        }
        return typed.trim();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** An empty map of problems in the form's order. */
    static Map<String, Problem> problems() {
        return new LinkedHashMap<>();
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getBirthDay() {
        return birthDay;
    }

    public void setBirthDay(String birthDay) {
        this.birthDay = birthDay;
    }

    public String getBirthMonth() {
        return birthMonth;
    }

    public void setBirthMonth(String birthMonth) {
        this.birthMonth = birthMonth;
    }

    public String getBirthYear() {
        return birthYear;
    }

    public void setBirthYear(String birthYear) {
        this.birthYear = birthYear;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isInterpreter() {
        return interpreter;
    }

    public void setInterpreter(boolean interpreter) {
        this.interpreter = interpreter;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public boolean isDetained() {
        return detained;
    }

    public void setDetained(boolean detained) {
        this.detained = detained;
    }

    public String getFacility() {
        return facility;
    }

    public void setFacility(String facility) {
        this.facility = facility;
    }

    public String getHearingDay() {
        return hearingDay;
    }

    public void setHearingDay(String hearingDay) {
        this.hearingDay = hearingDay;
    }

    public String getHearingMonth() {
        return hearingMonth;
    }

    public void setHearingMonth(String hearingMonth) {
        this.hearingMonth = hearingMonth;
    }

    public String getHearingYear() {
        return hearingYear;
    }

    public void setHearingYear(String hearingYear) {
        this.hearingYear = hearingYear;
    }

    public String getCourt() {
        return court;
    }

    public void setCourt(String court) {
        this.court = court;
    }

    public String getReferrerKind() {
        return referrerKind;
    }

    public void setReferrerKind(String referrerKind) {
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

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    /** Whether the person referred wants hearing reminders by e-mail. */
    public boolean isReminders() {
        return reminders;
    }

    public void setReminders(boolean reminders) {
        this.reminders = reminders;
    }

    /** The person's e-mail address for the reminders, as typed. */
    public String getReminderEmail() {
        return reminderEmail;
    }

    public void setReminderEmail(String reminderEmail) {
        this.reminderEmail = reminderEmail;
    }
}
