package org.defensefund.tracker.reminders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.NamedRecord;

/**
 * The reminders a user chose in "My account": the daily digest and the immediate e-mails, each on or off. A user without
 * a row gets both ({@link ReminderChoice#DEFAULT}); the row is written the first time the user saves a choice, held by
 * the account's id (accounts are their own feature) and removed with the account.
 */
@Entity
@Table(name = "reminder_preference")
public class ReminderPreference implements Serializable, NamedRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "daily_digest", nullable = false)
    private boolean dailyDigest = true;

    @Column(nullable = false)
    private boolean immediate = true;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ReminderPreference() {
    }

    ReminderPreference(Long userId, Instant at) {
        this.userId = userId;
        this.updatedAt = at;
    }

    /** Keeps the user's choice. */
    void choose(ReminderChoice choice, Instant at) {
        dailyDigest = choice.dailyDigest();
        immediate = choice.immediate();
        updatedAt = at;
    }

    public ReminderChoice choice() {
        return new ReminderChoice(dailyDigest, immediate);
    }

    public Long getUserId() {
        return userId;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return "reminders of user " + userId;
    }
}
