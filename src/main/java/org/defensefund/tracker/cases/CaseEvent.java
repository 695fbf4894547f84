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
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.OfClient;

/** One entry of a case's timeline: what happened, from which status to which, who did it, when and why. Never changed. */
@Entity
@Table(name = "case_event")
public class CaseEvent implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    private LegalCase legalCase;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 254)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private CaseEventKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false, length = 20)
    private CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", updatable = false, length = 20)
    private CaseStatus toStatus;

    @Column(nullable = false, updatable = false, length = 1000)
    @ClientText
    private String summary;

    @Column(updatable = false, length = 1000)
    @ClientText
    private String reason;

    /** The summary as facts ({@link TimelineText}, JSON), for the reader's language; none on entries written before V27. */
    @Column(name = "summary_parts", updatable = false, length = 4000)
    @ClientText
    private String summaryParts;

    protected CaseEvent() {
    }

    /**
     * The entry a step of the case causes, as it stands after the step: {@code from} the status before it, to the
     * case's status now. A blank reason is none; a longer reason than {@value LegalCase#TEXT_MAX} characters is
     * refused, never cut (the step's form refuses it first, beside its field). The summary, which the step itself
     * writes from names and kinds, keeps at most 1000.
     */
    static CaseEvent of(LegalCase legalCase, String actor, CaseEventKind kind, CaseStatus from, TimelineText summary, String reason) {
        CaseEvent entry = new CaseEvent(legalCase, actor, kind, from, legalCase.getStatus(), summary.plain(),
                reason == null || reason.isBlank() ? null : reason.trim());
        String json = summary.wordsOnly() ? null : summary.json();
        entry.summaryParts = json == null || json.length() > 4000 ? null : json;
        return entry;
    }

    CaseEvent(LegalCase legalCase, String actor, CaseEventKind kind, CaseStatus from, CaseStatus to, String summary, String reason) {
        this.legalCase = legalCase;
        this.actor = actor;
        this.kind = kind;
        this.fromStatus = from;
        this.toStatus = to;
        this.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
        if (reason != null && reason.length() > LegalCase.TEXT_MAX) {
            throw new org.defensefund.tracker.shared.BusinessException("case.note.tooLong", null, LegalCase.TEXT_MAX);
        }
        this.reason = reason;
        this.occurredAt = Instant.now(FundClock.current());
    }

    public Long getId() {
        return id;
    }

    /** The case the entry belongs to. */
    LegalCase legalCase() {
        return legalCase;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public CaseEventKind getKind() {
        return kind;
    }

    public CaseStatus getFromStatus() {
        return fromStatus;
    }

    public CaseStatus getToStatus() {
        return toStatus;
    }

    /** The plain summary: words, English names, codes and ISO dates (as every entry has it). */
    public String getSummary() {
        return summary;
    }

    /** The summary as facts to say in the reader's language; none for an entry written before they were kept. */
    public TimelineText getText() {
        return TimelineText.parse(summaryParts);
    }

    public String getReason() {
        return reason;
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return legalCase == null ? null : legalCase.getClientId();
    }
}
