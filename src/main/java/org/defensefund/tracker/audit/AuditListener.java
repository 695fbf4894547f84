package org.defensefund.tracker.audit;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import java.util.Map;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.shared.pii.OfClient;

/**
 * The default entity listener of the persistence unit ({@code META-INF/orm.xml}): remembers each
 * entity's state as loaded in a transaction, and records every insert, update (only the fields that
 * changed, old and new) and delete into the transaction's {@link AuditBuffer}; a client's texts sealed under the
 * client's own key ({@link SealedTexts}).
 */
public class AuditListener {

    @PostLoad
    void loaded(Object entity) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer != null) {
            buffer.loaded(entity, Snapshots.of(entity));
        }
    }

    @PostPersist
    void created(Object entity) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer != null) {
            Map<String, String> now = Snapshots.of(entity);
            buffer.add(actor(), AuditAction.CREATE, type(entity), Snapshots.idOf(entity), null, now, texts(entity));
            buffer.loaded(entity, now);
        }
    }

    @PostUpdate
    void updated(Object entity) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer == null) {
            return;
        }
        Map<String, String> now = Snapshots.of(entity);
        Map<String, String> before = buffer.snapshotOf(entity);
        if (before == null) {
            buffer.add(actor(), AuditAction.UPDATE, type(entity), Snapshots.idOf(entity), null, now, texts(entity));
        } else {
            Map<String, String>[] changed = Snapshots.diff(before, now);
            if (!changed[1].isEmpty()) {
                buffer.add(actor(), AuditAction.UPDATE, type(entity), Snapshots.idOf(entity), changed[0], changed[1], texts(entity));
            }
        }
        buffer.loaded(entity, now);
    }

    @PostRemove
    void removed(Object entity) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer != null) {
            buffer.add(actor(), AuditAction.DELETE, type(entity), Snapshots.idOf(entity), Snapshots.of(entity), null, texts(entity));
        }
    }

    /** The sealer of a client's texts, for a record about a client (null for any other: it has none). */
    private static SealedTexts texts(Object entity) {
        return entity instanceof OfClient ? SealedTexts.of(entity, type(entity)) : null;
    }

    private static String type(Object entity) {
        return entity.getClass().getSimpleName();
    }

    static String actor() {
        try {
            return CDI.current().select(CallerContext.class).get().callerName().orElse(CallerContext.SYSTEM);
        } catch (RuntimeException e) {
            return CallerContext.SYSTEM;
        }
    }
}
