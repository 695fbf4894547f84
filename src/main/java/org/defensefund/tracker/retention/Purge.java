package org.defensefund.tracker.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.defensefund.tracker.shared.BusinessException;

/**
 * An emergency purge of clients' personal data ({@link PurgeStatus} has the path). Proposed by one administrator with its
 * selection; confirmed by a different one within {@link #CONFIRM_WITHIN} (the service also asks the confirmer for a fresh
 * two-factor code); then run in batches, the cursor ({@code lastClientId}) and the count moving with each committed
 * batch. No personal data: ids, counts, who and when.
 */
@Entity
@Table(name = "erasure_purge")
public class Purge implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How long a proposal waits for its confirmation. */
    public static final Duration CONFIRM_WITHIN = Duration.ofMinutes(30);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PurgeSelection selection;

    @Column(name = "keep_held", nullable = false)
    private boolean keepHeld;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PurgeStatus status;

    @Column(name = "proposed_by", nullable = false, length = 254)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "decided_by", length = 254)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    private Long total;

    @Column(nullable = false)
    private long erased;

    @Column(name = "last_client_id", nullable = false)
    private long lastClientId;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** The last client whose key this purge destroyed (the first phase's cursor). */
    @Column(name = "keys_cursor", nullable = false)
    private long keysCursor;

    @Column(name = "keys_destroyed", nullable = false)
    private long keysDestroyed;

    /** When every matching client's key was destroyed: their sealed data unreadable from then on. */
    @Column(name = "keys_destroyed_at")
    private Instant keysDestroyedAt;

    @Version
    private long version;

    protected Purge() {
    }

    Purge(PurgeSelection selection, boolean keepHeld, String by, Instant at) {
        if (selection == null) {
            throw new BusinessException("purge.selection.required", "selection");
        }
        this.selection = selection;
        this.keepHeld = keepHeld;
        this.status = PurgeStatus.PROPOSED;
        this.proposedBy = by;
        this.proposedAt = at;
    }

    /** Whether a proposal is past its time to be confirmed at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return status == PurgeStatus.PROPOSED && now.isAfter(proposedAt.plus(CONFIRM_WITHIN));
    }

    /** Confirmed by a second administrator in time: it runs, over {@code matching} clients counted now. */
    void confirm(String by, Instant at, long matching) {
        requireConfirmableBy(by, at);
        status = PurgeStatus.RUNNING;
        decidedBy = by;
        decidedAt = at;
        total = matching;
    }

    /** Checks what confirming would refuse before the code is used up. */
    void requireConfirmableBy(String by, Instant at) {
        requireProposed();
        if (by.equalsIgnoreCase(proposedBy)) {
            throw new BusinessException("purge.sameAdministrator", "code");
        }
        if (isExpiredAt(at)) {
            throw new BusinessException("purge.expired", "code", CONFIRM_WITHIN.toMinutes());
        }
    }

    void cancel(String by, Instant at) {
        requireProposed();
        status = PurgeStatus.CANCELLED;
        decidedBy = by;
        decidedAt = at;
    }

    /** A batch committed: the cursor moves past its last client, the count by what it erased. */
    void advance(long lastClientIdOfBatch, int erasedInBatch) {
        lastClientId = Math.max(lastClientId, lastClientIdOfBatch);
        erased += erasedInBatch;
    }

    /** A chunk of keys destroyed: the first phase's cursor moves past its last client. */
    void keysAdvance(long lastClientIdOfChunk, int destroyedInChunk) {
        keysCursor = Math.max(keysCursor, lastClientIdOfChunk);
        keysDestroyed += destroyedInChunk;
    }

    /** Every matching client's key is destroyed; the emptying follows. */
    void keysDone(Instant at) {
        keysDestroyedAt = at;
    }

    public long getKeysCursor() {
        return keysCursor;
    }

    public long getKeysDestroyed() {
        return keysDestroyed;
    }

    public Instant getKeysDestroyedAt() {
        return keysDestroyedAt;
    }

    void finish(Instant at) {
        status = PurgeStatus.DONE;
        finishedAt = at;
    }

    private void requireProposed() {
        if (status != PurgeStatus.PROPOSED) {
            throw new BusinessException("purge.notProposed", null);
        }
    }

    public Long getId() {
        return id;
    }

    public PurgeSelection getSelection() {
        return selection;
    }

    public boolean isKeepHeld() {
        return keepHeld;
    }

    public PurgeStatus getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Long getTotal() {
        return total;
    }

    public long getErased() {
        return erased;
    }

    public long getLastClientId() {
        return lastClientId;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public long getVersion() {
        return version;
    }
}
