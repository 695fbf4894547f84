package org.defensefund.tracker.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/**
 * A partner organization that must never get this client's cases, for example because it represents an
 * adverse party (a co-respondent in a domestic case). Checked whenever a case is offered.
 */
@Entity
@Table(name = "client_conflict")
public class ClientConflict implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id", nullable = false, updatable = false)
    private Client client;

    @Column(name = "partner_id", nullable = false, updatable = false)
    private Long partnerId;

    /** Sealed under the client's key ({@link Client#sealText}). */
    @Column(name = "note")
    @ClientText(sealed = true)
    private String note;

    /** The note in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 254)
    private String recordedBy;

    protected ClientConflict() {
    }

    ClientConflict(Client client, Long partnerId, String note, String recordedBy) {
        this.client = client;
        this.partnerId = partnerId;
        this.texts.set("note", note);
        this.note = client.sealText(OpenedTexts.column(this, "note"), note);
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now(FundClock.current());
    }

    public Long getId() {
        return id;
    }

    public Client getClient() {
        return client;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public String getNote() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts.get("note", note, value -> client.openText(OpenedTexts.column(this, "note"), value));
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return client == null ? null : client.getId();
    }
}
