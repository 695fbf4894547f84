package org.defensefund.tracker.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.shared.BeforeCommit;
import org.defensefund.tracker.shared.FundClock;

/**
 * The audit entries of one transaction, kept with the transaction (its synchronization registry) and
 * appended to the chain just before it commits, on the transaction's own connection: they are saved
 * with the changes they describe or not at all. Appending locks {@code audit_head}, so chains of
 * concurrent transactions never interleave.
 */
final class AuditBuffer implements Synchronization {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Map<Object, Map<String, String>> loaded = new IdentityHashMap<>();
    private final List<AuditRecord> records = new ArrayList<>();

    /** The buffer of the current transaction, or null outside one. */
    static AuditBuffer current() {
        return BeforeCommit.work(AuditBuffer.class, AuditBuffer::new);
    }

    void loaded(Object entity, Map<String, String> snapshot) {
        loaded.put(entity, snapshot);
    }

    Map<String, String> snapshotOf(Object entity) {
        return loaded.get(entity);
    }

    void add(String actor, AuditAction action, String type, String id, Map<String, String> oldValues, Map<String, String> newValues) {
        add(actor, action, type, id, oldValues, newValues, null);
    }

    /** An entry of an entity's change; {@code texts} seals the client's texts among the values (null: none). */
    void add(String actor, AuditAction action, String type, String id, Map<String, String> oldValues, Map<String, String> newValues,
             SealedTexts texts) {
        records.add(new AuditRecord(TIME.format(LocalDateTime.now(FundClock.current().withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS)), actor, action,
                type, id, json(Snapshots.recorded(oldValues, texts)), json(Snapshots.recorded(newValues, texts))));
    }

    private static String json(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        values.forEach((key, value) -> {
            if (value == null) {
                object.addNull(key);
            } else {
                object.add(key, value);
            }
        });
        return object.build().toString();
    }

    @Override
    public void beforeCompletion() {
        if (records.isEmpty()) {
            return;
        }
        try (Connection connection = BeforeCommit.connection()) {
            append(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be written; the change is not saved", e);
        }
    }

    private void append(Connection connection) throws SQLException {
        String previous;
        try (PreparedStatement head = connection.prepareStatement("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet row = head.executeQuery()) {
            row.next();
            previous = row.getString(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (occurred_at, actor, action, record_type,"
                + " record_id, old_values, new_values, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRecord record : records) {
                String hash = record.hash(previous);
                insert.setString(1, record.occurredAt());
                insert.setString(2, record.actor());
                insert.setString(3, record.action().name());
                insert.setString(4, record.recordType());
                insert.setString(5, record.recordId());
                insert.setString(6, record.oldValues());
                insert.setString(7, record.newValues());
                insert.setString(8, previous);
                insert.setString(9, hash);
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE audit_head SET last_hash = ? WHERE id = 1")) {
            update.setString(1, previous);
            update.executeUpdate();
        }
        records.clear();
    }

    @Override
    public void afterCompletion(int status) {
        records.clear();
        loaded.clear();
    }
}
