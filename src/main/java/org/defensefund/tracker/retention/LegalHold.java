package org.defensefund.tracker.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.OfClient;

/**
 * A legal hold on a client (litigation, a subpoena, a complaint): while it is in force neither the retention job nor an
 * emergency purge erases the client. Placed with a reason by an administrator, lifted with a reason by one; a lifted
 * hold stays as history and a new hold is a new row. A client has at most one hold in force (checked by the service with
 * the client's holds read in the same transaction).
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold implements Serializable, OfClient {

    private static final long serialVersionUID = 1L;

    /** The longest reason kept. */
    public static final int REASON_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(nullable = false, length = REASON_MAX)
    @ClientText
    private String reason;

    @Column(name = "placed_by", nullable = false, length = 254)
    private String placedBy;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "lift_reason", length = REASON_MAX)
    @ClientText
    private String liftReason;

    @Column(name = "lifted_by", length = 254)
    private String liftedBy;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Version
    private long version;

    protected LegalHold() {
    }

    LegalHold(Long clientId, String reason, String by, Instant at) {
        this.clientId = clientId;
        this.reason = requireReason(reason, "reason");
        this.placedBy = by;
        this.placedAt = at;
    }

    /** Lifts the hold; refused when it was lifted already. */
    void lift(String why, String by, Instant at) {
        if (!isInForce()) {
            throw new BusinessException("retention.hold.lifted", null);
        }
        this.liftReason = requireReason(why, "liftReason");
        this.liftedBy = by;
        this.liftedAt = at;
    }

    static String requireReason(String text, String field) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new BusinessException("retention.hold.reason.required", field);
        }
        if (trimmed.length() > REASON_MAX) {
            throw new BusinessException("retention.hold.reason.tooLong", field, REASON_MAX);
        }
        return trimmed;
    }

    public boolean isInForce() {
        return liftedAt == null;
    }

    public Long getId() {
        return id;
    }

    public Long getClientId() {
        return clientId;
    }

    public String getReason() {
        return reason;
    }

    public String getPlacedBy() {
        return placedBy;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public String getLiftReason() {
        return liftReason;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public long getVersion() {
        return version;
    }

    /** The client whose key seals this record's texts in the audit trail ({@link ClientText}). */
    @Override
    public Long ownerClientId() {
        return clientId;
    }
}
