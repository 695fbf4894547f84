package org.defensefund.tracker.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * One entry of the audit trail as the audit page reads it. Read-only: the application appends entries
 * only through the transaction's {@link AuditBuffer} and never changes or deletes one.
 */
@Entity
@ReadOnly
@ExcludeDefaultListeners
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    private Long id;

    @Column(name = "occurred_at")
    private LocalDateTime occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    @Column(name = "record_type")
    private String recordType;

    @Column(name = "record_id")
    private String recordId;

    @Column(name = "old_values")
    private String oldValues;

    @Column(name = "new_values")
    private String newValues;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    protected AuditEntry() {
    }

    public Long getId() {
        return id;
    }

    /** When, in UTC. */
    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getRecordType() {
        return recordType;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getOldValues() {
        return oldValues;
    }

    public String getNewValues() {
        return newValues;
    }

    public String getHash() {
        return hash;
    }

    public String getPrevHash() {
        return prevHash;
    }
}
