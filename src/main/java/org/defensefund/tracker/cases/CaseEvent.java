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
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;

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

    /** Sealed under the client's key, as the reason and the facts: a timeline text can name or reach the client. */
    @Column(nullable = false, updatable = false)
    @ClientText(sealed = true)
    private String summary;

    @Column(updatable = false)
    @ClientText(sealed = true)
    private String reason;

    /** The summary as facts ({@link TimelineText}, JSON), for the reader's language; none on entries written before V27. */
    @Column(name = "summary_parts", updatable = false)
    @ClientText(sealed = true)
    private String summaryParts;

    /** The sealed texts in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

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
        entry.summaryParts = entry.seal("summaryParts", json == null || json.length() > 4000 ? null : json);
        return entry;
    }

    CaseEvent(LegalCase legalCase, String actor, CaseEventKind kind, CaseStatus from, CaseStatus to, String summary, String reason) {
        this.legalCase = legalCase;
        this.actor = actor;
        this.kind = kind;
        this.fromStatus = from;
        this.toStatus = to;
        this.summary = seal("summary", summary.length() > 1000 ? summary.substring(0, 1000) : summary);
        if (reason != null && reason.length() > LegalCase.TEXT_MAX) {
            throw new org.defensefund.tracker.shared.BusinessException("case.note.tooLong", null, LegalCase.TEXT_MAX);
        }
        this.reason = seal("reason", reason);
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
        return open("summary", summary);
    }

    /** The summary as facts to say in the reader's language; none for an entry written before they were kept. */
    public TimelineText getText() {
        return TimelineText.parse(open("summaryParts", summaryParts));
    }

    public String getReason() {
        return open("reason", reason);
    }

    /** A text of the entry sealed under the case's client's key, remembered in clear. */
    private String seal(String field, String clear) {
        texts.set(field, clear);
        return legalCase.getClient().sealText(OpenedTexts.column(this, field), clear);
    }

    /** A sealed text in clear (opened once; null when the client's personal data is erased). */
    private String open(String field, String stored) {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts.get(field, stored, value -> legalCase == null ? value : legalCase.getClient().openText(OpenedTexts.column(this, field), value));
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return legalCase == null ? null : legalCase.getClientId();
    }
}
