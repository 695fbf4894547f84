package org.defensefund.tracker.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.OpenedTexts;

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

    /** Sealed under the client's key, as the lift's reason: a subpoena's or a suit's description can name the client. */
    @Column(nullable = false)
    @ClientText(sealed = true)
    private String reason;

    @Column(name = "placed_by", nullable = false, length = 254)
    private String placedBy;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "lift_reason")
    @ClientText(sealed = true)
    private String liftReason;

    /** The reasons in clear, once opened or written; never stored. */
    @Transient
    private OpenedTexts texts = new OpenedTexts();

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
        this.reason = seal("reason", requireReason(reason, "reason"));
        this.placedBy = by;
        this.placedAt = at;
    }

    /** Lifts the hold; refused when it was lifted already. */
    void lift(String why, String by, Instant at) {
        if (!isInForce()) {
            throw new BusinessException("retention.hold.lifted", null);
        }
        this.liftReason = seal("liftReason", requireReason(why, "liftReason"));
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
        return open("reason", reason);
    }

    public String getPlacedBy() {
        return placedBy;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public String getLiftReason() {
        return open("liftReason", liftReason);
    }

    /** A reason sealed under the client's key ({@link ClientTexts}), remembered in clear. */
    private String seal(String field, String clear) {
        texts().set(field, clear);
        return ClientTexts.seal(this, field, clientId, clear);
    }

    /** A sealed reason in clear (null once the client's personal data is erased; the erasure's marker as it is). */
    private String open(String field, String stored) {
        return texts().get(field, stored, value -> ClientTexts.open(this, field, clientId, value));
    }

    private OpenedTexts texts() {
        if (texts == null) {
            texts = new OpenedTexts();
        }
        return texts;
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
