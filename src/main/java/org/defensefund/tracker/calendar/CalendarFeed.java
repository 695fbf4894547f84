package org.defensefund.tracker.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A user's private calendar feed: the address a calendar app subscribes to, {@code /calendar/<token>.ics}. Only the
 * SHA-256 of the address's random token is kept (the audit trail records neither), so a copy of the database opens no
 * feed. A feed is made active and stays so until it is revoked, by its owner turning it off or replacing it with a new
 * address; a revoked feed is never active again. A user has at most one active feed ({@link CalendarFeedService}). The
 * owner is held by id (accounts are their own feature); what the feed shows is decided at every read by the owner's
 * rights at that moment. The time of the last read is written by the feed itself, outside this entity, so that reads
 * fill no audit entries.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** Written by {@link CalendarFeedService#read} in SQL, never through the entity. */
    @Column(name = "last_read_at", insertable = false, updatable = false)
    private Instant lastReadAt;

    protected CalendarFeed() {
    }

    CalendarFeed(Long userId, String tokenHash, Instant createdAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    /** Stops the feed: its address no longer works, for good. Revoking a revoked feed changes nothing. */
    void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastReadAt() {
        return lastReadAt;
    }
}
