package org.defensefund.tracker.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.defensefund.tracker.clients.ClientSealing;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiKeyException;

/**
 * The statements that anonymise one client, in plain JDBC so that the application ({@link ClientErasure}), its start
 * ({@link LedgerAtStart}) and the restore command ({@code backup.RestoreCommand}) erase exactly the same way. They run
 * on the caller's connection and in its transaction.
 *
 * <p><b>Destroyed</b>: the client's own key ({@code client_key}), under which their names, A-number, birth date, phone,
 * street and postal code are sealed: every copy of those (backups included) is unreadable from the commit on.
 *
 * <p><b>Emptied</b>: the client's names (the pages show "Client data erased" in the reader's language), A-number and its
 * keyed hash, birth date, phone, street and postal code; the client's rows of the name search index; the sort name of
 * their cases; the conflicts' notes; their cases' referrer name and contact, notes and "referred elsewhere" text;
 * the notes of their hearings, custody changes and relief applications, offers' answers, costs' notes and deadline
 * reasons; the reasons of every timeline entry, and the whole text of the notes' entries and of any entry whose text
 * holds the client's first or last name (replaced by the translated marker); the online form's referrer contact; the
 * reminder consents (deleted: an e-mail address is all they hold beyond the fact); the outbox messages of their cases
 * (pending ones withdrawn, bodies emptied, client recipients emptied).
 *
 * <p><b>Kept</b>, for the statistics: country of birth, language, interpreter need, city and state; every case with its
 * type, dates, status, custody history, hearings' dates and results, relief, outcome, partner, attorney, funding, costs
 * and disbursements; the dashboards' read models (which hold no personal data).
 *
 * <p><b>Not touched</b>: the audit trail, a hash chain whose old rows can't change without breaking it (see README,
 * "Retention, legal holds and erasure").
 */
public final class ErasureStatements {

    /** What a replaced timeline entry's plain summary says; its parts name the bundle key {@value #MARKER_KEY}. */
    static final String MARKER = "Client data erased";

    /** The bundle key of the marker, shown in the reader's language. */
    public static final String MARKER_KEY = "clients.erased";

    private static final String MARKER_PARTS = "[{\"k\":\"" + MARKER_KEY + "\"}]";


    private ErasureStatements() {
    }

    /**
     * Anonymises the client, unless they don't exist or were erased already (then nothing changes).
     *
     * @return whether the client was erased now
     */
    public static boolean erase(Connection connection, long clientId, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT erased_at FROM client WHERE id = ? FOR UPDATE")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getTimestamp(1) != null) {
                    return false;
                }
            }
        }
        // The names, opened with the client's key before it goes, to find the timeline texts that name them.
        String[] names = ClientSealing.names(connection, keyring(), List.of(clientId)).getOrDefault(clientId, new String[2]);
        String first = names[0];
        String last = names[1];
        Timestamp when = Timestamp.from(at);
        try (PreparedStatement client = connection.prepareStatement("UPDATE client SET first_name = '', last_name = '', sort_name = '',"
                + " a_number = NULL, a_number_hash = NULL, birth_date = NULL, phone = NULL, street = NULL, postal_code = NULL,"
                + " erased_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            client.setTimestamp(1, when);
            client.setTimestamp(2, when);
            client.setLong(3, clientId);
            client.executeUpdate();
        }
        run(connection, clientId, "DELETE FROM client_name_word WHERE client_id = ?");
        // The client's own key: whatever is sealed under it, wherever a copy is, can't be read from the commit on.
        try (PreparedStatement destroy = connection.prepareStatement("UPDATE client_key SET keyset = NULL, master_key_id = NULL,"
                + " destroyed_at = COALESCE(destroyed_at, ?) WHERE client_id = ?")) {
            destroy.setTimestamp(1, when);
            destroy.setLong(2, clientId);
            if (destroy.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO client_key (client_id, created_at, destroyed_at)"
                        + " VALUES (?, ?, ?)")) {
                    insert.setLong(1, clientId);
                    insert.setTimestamp(2, when);
                    insert.setTimestamp(3, when);
                    insert.executeUpdate();
                }
            }
        }
        run(connection, clientId, "UPDATE client_conflict SET note = NULL WHERE client_id = ?");
        run(connection, clientId, "UPDATE legal_hold SET reason = '" + MARKER + "',"
                + " lift_reason = CASE WHEN lift_reason IS NULL THEN NULL ELSE '" + MARKER + "' END WHERE client_id = ?");
        run(connection, clientId, "UPDATE legal_case SET client_sort_name = NULL, referrer_name = NULL, referrer_contact = NULL,"
                + " notes = NULL, referred_elsewhere = NULL, version = version + 1 WHERE client_id = ?");
        // The client's cases by their ids (read through legal_case's client index): a "case_id IN (SELECT ... WHERE
        // client_id = ?)" in an UPDATE made MariaDB scan the whole table for every client (over 15 s at a million cases).
        List<Long> cases = caseIdsOf(connection, clientId);
        String ofClient = cases.isEmpty() ? " IN (NULL)" : " IN (" + String.join(", ", java.util.Collections.nCopies(cases.size(), "?")) + ")";
        execute(connection, "UPDATE hearing SET notes = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE custody_event SET notes = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE relief_application SET notes = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE case_offer SET response_note = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE case_cost SET note = NULL, decision_note = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE deadline SET reason = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE online_referral SET referrer_contact = NULL WHERE case_id" + ofClient, cases);
        execute(connection, "DELETE FROM reminder_consent WHERE case_id" + ofClient, cases);
        execute(connection, "UPDATE case_event SET reason = NULL WHERE case_id" + ofClient, cases);
        replaceTimelineTexts(connection, ofClient, cases, first, last);
        // The dedupe key is set free first: MariaDB assigns left to right, and the status test must see the old status.
        execute(connection, "UPDATE outbox_message SET"
                + " dedupe_key = CASE WHEN status = 'PENDING' THEN CONCAT(LEFT(dedupe_key, 150), '~withdrawn:', id) ELSE dedupe_key END,"
                + " recipient = CASE WHEN kind LIKE 'CLIENT!_%' ESCAPE '!' THEN '' ELSE recipient END,"
                + " status = CASE WHEN status = 'PENDING' THEN 'WITHDRAWN' ELSE status END,"
                + " body = '' WHERE case_id" + ofClient, cases);
        return true;
    }

    /** The entries that can hold the client's words: notes, and any entry whose text names them. */
    private static void replaceTimelineTexts(Connection connection, String ofClient, List<Long> cases, String first, String last)
            throws SQLException {
        List<String> names = new ArrayList<>();
        for (String name : new String[] {first, last}) {
            if (name != null && name.strip().length() >= 2) {
                names.add("%" + name.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        StringBuilder sql = new StringBuilder("UPDATE case_event SET summary = '" + MARKER + "', summary_parts = '" + MARKER_PARTS
                + "' WHERE case_id" + ofClient + " AND (kind = 'NOTE'");
        for (int i = 0; i < names.size(); i++) {
            sql.append(" OR summary LIKE ? ESCAPE '!' OR summary_parts LIKE ? ESCAPE '!'");
        }
        sql.append(')');
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (Long id : cases) {
                update.setLong(index++, id);
            }
            for (String name : names) {
                update.setString(index++, name);
                update.setString(index++, name);
            }
            update.executeUpdate();
        }
    }

    /** The configured master keys, to open the names; none configured (a command run without a key): the names stay unknown. */
    private static Keyring keyring() {
        try {
            return Keyrings.configured();
        } catch (PiiKeyException | ExceptionInInitializerError | NoClassDefFoundError e) {
            return null;
        }
    }

    /** The ids of the client's cases (read through legal_case's client index). */
    private static List<Long> caseIdsOf(Connection connection, long clientId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM legal_case WHERE client_id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        return ids;
    }

    /** A statement whose parameters are the client's cases' ids. */
    private static void execute(Connection connection, String sql, List<Long> cases) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < cases.size(); i++) {
                statement.setLong(i + 1, cases.get(i));
            }
            statement.executeUpdate();
        }
    }

    private static void run(Connection connection, long clientId, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, clientId);
            statement.executeUpdate();
        }
    }
}
