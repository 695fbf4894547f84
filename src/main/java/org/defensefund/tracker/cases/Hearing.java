package org.defensefund.tracker.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.pii.ClientText;

/**
 * A hearing of a case: master calendar, bond (custody redetermination) or individual merits. Until it has taken place
 * a hearing may be rescheduled (its time, and perhaps its court, change) or cancelled (it stays, marked with when, by
 * whom and why, and counts no more: not the case's next hearing, not reminded, not in a calendar); the case says when
 * ({@link LegalCase#rescheduleHearing}, {@link LegalCase#cancelHearing}). A hearing past or cancelled no longer changes.
 */
@Entity
@Table(name = "hearing")
public class Hearing extends CaseRecord {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull(message = "{hearing.kind.required}")
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private HearingKind kind;

    @ManyToOne
    @JoinColumn(name = "court_id")
    private ReferenceItem court;

    @NotNull(message = "{hearing.scheduledAt.required}")
    @Column(name = "scheduled_at", nullable = false)
    private LocalDateTime scheduledAt;

    @Size(max = 500, message = "{field.tooLong}")
    @Column(length = 500)
    private String result;

    /** Sealed under the client's key ({@link CaseRecord#sealText}). */
    @Column(name = "notes")
    @ClientText(sealed = true)
    private String notes;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancelled_by", length = 254)
    private String cancelledBy;

    /** Sealed under the client's key, as the notes. */
    @Column(name = "cancel_reason")
    @ClientText(sealed = true)
    private String cancelReason;

    @Version
    private long version;

    public Hearing() {
    }

    public Hearing(HearingKind kind, LocalDateTime scheduledAt) {
        this.kind = kind;
        this.scheduledAt = scheduledAt;
    }

    public Long getId() {
        return id;
    }

    public HearingKind getKind() {
        return kind;
    }

    public void setKind(HearingKind kind) {
        this.kind = kind;
    }

    public ReferenceItem getCourt() {
        return court;
    }

    public void setCourt(ReferenceItem court) {
        this.court = court;
    }

    public LocalDateTime getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(LocalDateTime scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    @Size(max = 2000, message = "{field.tooLong}")
    public String getNotes() {
        return openText("notes", notes);
    }

    public void setNotes(String notes) {
        this.notes = sealText("notes", this.notes, notes);
    }

    @Override
    protected void sealTexts() {
        notes = sealNow("notes", getNotes());
    }

    public long getVersion() {
        return version;
    }

    /** Whether the hearing was cancelled. */
    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /**
     * Whether the hearing may still be rescheduled or cancelled at {@code now} (the fund's local time): not cancelled,
     * and its time still to come.
     */
    public boolean isChangeableAt(LocalDateTime now) {
        return !isCancelled() && scheduledAt != null && scheduledAt.isAfter(now);
    }

    /** Moves the hearing to another time, and to another court when one is given (null keeps the court). */
    void moveTo(LocalDateTime at, ReferenceItem where) {
        scheduledAt = at;
        if (where != null) {
            court = where;
        }
    }

    void cancel(String reason, String by, Instant at) {
        cancelledAt = at;
        cancelledBy = by;
        cancelReason = sealNow("cancelReason", reason.trim());
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelledBy() {
        return cancelledBy;
    }

    @Size(max = 1000, message = "{field.tooLong}")
    public String getCancelReason() {
        return openText("cancelReason", cancelReason);
    }
}
