package org.defensefund.tracker.clients;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

    @Column(length = 1000)
    @ClientText
    private String note;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 254)
    private String recordedBy;

    protected ClientConflict() {
    }

    ClientConflict(Client client, Long partnerId, String note, String recordedBy) {
        this.client = client;
        this.partnerId = partnerId;
        this.note = note;
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
        return note;
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
