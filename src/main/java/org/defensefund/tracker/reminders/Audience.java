package org.defensefund.tracker.reminders;

/** Who gets which reminders: partner staff about their organization's cases, administrators about the fund's. */
public enum Audience {
    PARTNER_STAFF("STAFF_DIGEST", "STAFF_SOON"),
    ADMINISTRATORS("ADMIN_DIGEST", "ADMIN_SOON");

    private final String digestKind;
    private final String soonKind;

    Audience(String digestKind, String soonKind) {
        this.digestKind = digestKind;
        this.soonKind = soonKind;
    }

    /** The outbox's kind of this audience's daily digest. */
    public String digestKind() {
        return digestKind;
    }

    /** The outbox's kind of this audience's immediate reminders. */
    public String soonKind() {
        return soonKind;
    }
}
