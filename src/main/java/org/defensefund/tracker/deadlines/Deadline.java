package org.defensefund.tracker.deadlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.NamedRecord;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;

/**
 * A deadline of a case (or, for a report due to a funder, of a grant): the rule, the day the fact that started it happened, the day it is due, and where it stands.
 * Deadlines are computed from the case's facts ({@link DeadlineRules}) and written by {@link DeadlineListener} before
 * each commit that changes the case; while OPEN their dates follow the facts (and one whose fact is gone is removed).
 * A person closes one: {@link #meet} (the filing was made; a note is optional) or {@link #waive} (it no longer applies:
 * a reason is required). A closed deadline is never reopened, met twice or waived after being met, and the facts no
 * longer change it. The case and its partner are held by id (cases are their own feature).
 */
@Entity
@Table(name = "deadline")
public class Deadline implements Serializable, NamedRecord, OfClient {

    private static final long serialVersionUID = 1L;

    /** The longest reason or note. */
    public static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", updatable = false)
    private Long caseId;

    @Column(name = "case_number", updatable = false, length = 20)
    private String caseNumber;

    @Column(name = "partner_id")
    private Long partnerId;

    @Column(name = "grant_id", updatable = false)
    private Long grantId;

    @Column(name = "grant_name", length = 200)
    private String grantName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private DeadlineRule rule;

    @Column(nullable = false, updatable = false, length = 40)
    private String source;

    @Column(name = "triggered_on", nullable = false)
    private LocalDate triggeredOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "due_at")
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeadlineState state = DeadlineState.OPEN;

    /**
     * Sealed under the case's client's key (a waiver's reason can name the client: "the client chose not to appeal"); a
     * grant's deadline, which has no client, keeps it in clear.
     */
    @Column(name = "reason")
    @ClientText(sealed = true)
    private String reason;

    /** The reason in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

    @Column(name = "closed_by", length = 254)
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Deadline() {
    }

    /** An open deadline (for tests and the listener's rules; the listener itself writes rows directly). */
    public Deadline(Long caseId, String caseNumber, Long partnerId, DeadlineRule rule, String source, LocalDate triggeredOn, LocalDate dueOn) {
        this.caseId = caseId;
        this.caseNumber = caseNumber;
        this.partnerId = partnerId;
        this.rule = rule;
        this.source = source;
        this.triggeredOn = triggeredOn;
        this.dueOn = dueOn;
    }

    /** Whether it is still open and its due date is before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return state == DeadlineState.OPEN && dueOn.isBefore(today);
    }

    /** Whether it is still open and past due: its time when it has one (an offer's answer), else its day. */
    public boolean isOverdue(Instant now, LocalDate today) {
        return dueAt == null ? isOverdue(today) : state == DeadlineState.OPEN && dueAt.isBefore(now);
    }

    /** Marks the deadline met (the filing was made), with an optional note. */
    public void meet(String note, String actor, Instant at) {
        requireOpen();
        reason = seal(text(note));
        close(DeadlineState.MET, actor, at);
    }

    /** Waives the deadline (it no longer applies: the client chose not to appeal, say), with the reason. */
    public void waive(String why, String actor, Instant at) {
        requireOpen();
        String given = text(why);
        if (given == null) {
            throw new BusinessException("deadline.waive.reasonRequired", "reason");
        }
        reason = seal(given);
        close(DeadlineState.WAIVED, actor, at);
    }

    private void close(DeadlineState to, String actor, Instant at) {
        state = to;
        closedBy = actor;
        closedAt = at;
    }

    private void requireOpen() {
        if (state != DeadlineState.OPEN) {
            throw BusinessException.general("deadline.notOpen", state);
        }
    }

    private static String text(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String trimmed = given.trim();
        if (trimmed.length() > REASON_MAX) {
            throw new BusinessException("deadline.reason.tooLong", "reason", REASON_MAX);
        }
        return trimmed;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    /** The grant whose report this is; null for a case's deadline. */
    public Long getGrantId() {
        return grantId;
    }

    public String getGrantName() {
        return grantName;
    }

    /** The time it is due, for a deadline due at a time (an offer's answer); else null (due by the end of its day). */
    public Instant getDueAt() {
        return dueAt;
    }

    public DeadlineRule getRule() {
        return rule;
    }

    public String getSource() {
        return source;
    }

    public LocalDate getTriggeredOn() {
        return triggeredOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    /** A new due date for an open deadline (its rule's period changed). */
    void reschedule(LocalDate due) {
        if (state == DeadlineState.OPEN) {
            dueOn = due;
        }
    }

    public DeadlineState getState() {
        return state;
    }

    public boolean isOpen() {
        return state == DeadlineState.OPEN;
    }

    public String getReason() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return caseId == null ? reason : texts.get("reason", reason, value -> ClientTexts.open(this, "reason", ClientTexts.clientOfCase(caseId), value));
    }

    /** The reason as stored: sealed under the case's client's key, in clear for a grant's deadline. */
    private String seal(String clear) {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        texts.set("reason", clear);
        return caseId == null ? clear : ClientTexts.seal(this, "reason", ClientTexts.clientOfCase(caseId), clear);
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String recordName() {
        return (caseNumber != null ? caseNumber : grantName) + " " + rule;
    }

    /** The case whose client's key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerCaseId() {
        return caseId;
    }
}
