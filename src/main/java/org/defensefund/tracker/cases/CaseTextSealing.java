package org.defensefund.tracker.cases;

import com.google.crypto.tink.Aead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.defensefund.tracker.clients.ClientKeys;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * Moves the texts of cases written before they were sealed (in clear, before V38) under their clients' own keys: the
 * referrer, notes and "referred elsewhere" of a case, every timeline entry's summary, facts and reason, the notes of
 * hearings (and why one was cancelled), custody changes and relief applications, a partner's answer to an offer, the notes
 * of costs and their decisions, a case deadline's reason, a conflict's note, a legal hold's reasons, a reminder consent's
 * address, the online form's contact and the recipient and body of a message about a case (under the fund's key,
 * {@code v1:}, before: opened with it first). Each becomes
 * {@code v2:} bound to {@code Type.field}, as the records seal them ({@code shared.pii.OpenedTexts}); a value already
 * sealed, or empty, is left
 * alone, and so are the texts of an erased client (their key is gone; the erasure decided what remains). Plain JDBC, one
 * range of ids a statement (never a scan of a whole table), committed per range; idempotent.
 */
public final class CaseTextSealing {

    /** How many ids one look for texts in clear covers. */
    static final long SPAN = 20_000;

    /**
     * A table of texts: its record type (the associated data's prefix), the columns and their fields, whether it names the
     * client itself (else through its case), and its key column.
     */
    record Texts(String table, String type, List<String> columns, List<String> fields, boolean ownClient, String id) {

        Texts(String table, String type, List<String> columns, List<String> fields, boolean ownClient) {
            this(table, type, columns, fields, ownClient, "id");
        }
    }

    static final List<Texts> TABLES = List.of(
            new Texts("legal_case", "LegalCase", List.of("referrer_name", "referrer_contact", "notes", "referred_elsewhere"),
                    List.of("referrerName", "referrerContact", "notes", "referredElsewhere"), true),
            new Texts("case_event", "CaseEvent", List.of("summary", "reason", "summary_parts"), List.of("summary", "reason", "summaryParts"), false),
            new Texts("hearing", "Hearing", List.of("notes", "cancel_reason"), List.of("notes", "cancelReason"), false),
            new Texts("custody_event", "CustodyEvent", List.of("notes"), List.of("notes"), false),
            new Texts("relief_application", "ReliefApplication", List.of("notes"), List.of("notes"), false),
            new Texts("case_offer", "CaseOffer", List.of("response_note"), List.of("responseNote"), false),
            new Texts("case_cost", "CaseCost", List.of("note", "decision_note"), List.of("note", "decisionNote"), false),
            new Texts("deadline", "Deadline", List.of("reason"), List.of("reason"), false),
            new Texts("client_conflict", "ClientConflict", List.of("note"), List.of("note"), true),
            new Texts("legal_hold", "LegalHold", List.of("reason", "lift_reason"), List.of("reason", "liftReason"), true),
            new Texts("reminder_consent", "ReminderConsent", List.of("email"), List.of("email"), false),
            new Texts("online_referral", "OnlineSubmission", List.of("referrer_contact"), List.of("referrerContact"), false, "case_id"),
            new Texts("outbox_message", "OutboxMessage", List.of("recipient", "body"), List.of("recipient", "body"), false));

    private CaseTextSealing() {
    }

    /**
     * Seals every text still in clear; returns how many rows were changed. Commits each range when the connection doesn't
     * commit by itself.
     */
    public static long sealAll(Connection connection, Keyring keyring, PiiCipher fund) throws SQLException {
        long moved = 0;
        for (Texts texts : TABLES) {
            moved += seal(connection, keyring, fund, texts);
        }
        return moved;
    }

    private static long seal(Connection connection, Keyring keyring, PiiCipher fund, Texts texts) throws SQLException {
        String clear = texts.columns().stream().map(column -> "(t." + column + " <> '' AND t." + column + " NOT LIKE 'v2:%')")
                .collect(Collectors.joining(" OR "));
        String select = "SELECT t." + texts.id() + ", " + (texts.ownClient() ? "t.client_id" : "c.client_id") + ", "
                + texts.columns().stream().map(column -> "t." + column).collect(Collectors.joining(", "))
                + " FROM " + texts.table() + " t" + (texts.ownClient() ? "" : " JOIN legal_case c ON c.id = t.case_id")
                + " WHERE t." + texts.id() + " > ? AND t." + texts.id() + " <= ? AND (" + clear + ")";
        String update = "UPDATE " + texts.table() + " SET " + texts.columns().stream().map(column -> column + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + texts.id() + " = ?";
        long last;
        try (PreparedStatement highest = connection.prepareStatement("SELECT COALESCE(MAX(" + texts.id() + "), 0) FROM " + texts.table());
             ResultSet row = highest.executeQuery()) {
            row.next();
            last = row.getLong(1);
        }
        long moved = 0;
        for (long after = 0; after < last; after += SPAN) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement(select)) {
                read.setLong(1, after);
                read.setLong(2, after + SPAN);
                try (ResultSet row = read.executeQuery()) {
                    while (row.next()) {
                        Object[] values = new Object[texts.columns().size() + 2];
                        values[0] = row.getLong(1);
                        values[1] = row.getLong(2);
                        for (int i = 0; i < texts.columns().size(); i++) {
                            values[i + 2] = row.getString(i + 3);
                        }
                        rows.add(values);
                    }
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            Set<Long> clients = new HashSet<>();
            rows.forEach(values -> clients.add((Long) values[1]));
            Map<Long, Aead> keys = ClientKeys.openKeys(connection, keyring, clients);
            try (PreparedStatement write = connection.prepareStatement(update)) {
                for (Object[] values : rows) {
                    Aead key = keys.get((Long) values[1]);
                    if (key == null) {
                        continue;
                    }
                    for (int i = 0; i < texts.columns().size(); i++) {
                        String value = (String) values[i + 2];
                        boolean inClear = value != null && !value.isEmpty() && !Keyring.isClientCiphertext(value);
                        if (inClear && PiiCipher.isCiphertext(value)) {
                            value = fund.decrypt(value);
                        }
                        write.setString(i + 1, inClear ? Keyring.encrypt(key, texts.type() + "." + texts.fields().get(i), value) : value);
                    }
                    write.setLong(texts.columns().size() + 1, (Long) values[0]);
                    write.addBatch();
                    moved++;
                }
                write.executeBatch();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return moved;
    }
}
