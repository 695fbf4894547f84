package org.defensefund.tracker.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
        return !eraseAll(connection, List.of(clientId), at).isEmpty();
    }

    /**
     * Anonymises these clients, as {@link #erase} one by one, in a number of statements that doesn't grow with their number
     * (but for one per client whose names are known, for the timeline texts that name them; a purge destroys the keys
     * first, so it has none): an emergency purge empties a batch of clients at once.
     *
     * @return the clients erased now, in id order (the others don't exist or were erased before)
     */
    public static List<Long> eraseAll(Connection connection, Collection<Long> clientIds, Instant at) throws SQLException {
        List<Long> requested = new ArrayList<>(new TreeSet<>(clientIds));
        if (requested.isEmpty()) {
            return List.of();
        }
        List<Long> clients = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM client WHERE erased_at IS NULL AND id"
                + in(requested.size()) + " ORDER BY id FOR UPDATE")) {
            bind(select, 1, requested);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    clients.add(row.getLong(1));
                }
            }
        }
        if (clients.isEmpty()) {
            return List.of();
        }
        // The names, opened with the clients' keys before they go, to find the timeline texts that name them.
        Map<Long, String[]> names = ClientSealing.names(connection, keyring(), clients);
        Timestamp when = Timestamp.from(at);
        String ofClients = in(clients.size());
        try (PreparedStatement client = connection.prepareStatement("UPDATE client SET first_name = '', last_name = '', sort_name = '',"
                + " a_number = NULL, a_number_hash = NULL, birth_date = NULL, phone = NULL, street = NULL, postal_code = NULL,"
                + " erased_at = ?, updated_at = ?, version = version + 1 WHERE id" + ofClients)) {
            client.setTimestamp(1, when);
            client.setTimestamp(2, when);
            bind(client, 3, clients);
            client.executeUpdate();
        }
        execute(connection, "DELETE FROM client_name_word WHERE client_id" + ofClients, clients);
        // The clients' own keys: whatever is sealed under them, wherever a copy is, can't be read from the commit on.
        try (PreparedStatement destroy = connection.prepareStatement("UPDATE client_key SET keyset = NULL, master_key_id = NULL,"
                + " destroyed_at = COALESCE(destroyed_at, ?) WHERE client_id" + ofClients);
             PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO client_key (client_id, created_at, destroyed_at)"
                     + " SELECT id, ?, ? FROM client WHERE id" + ofClients)) {
            destroy.setTimestamp(1, when);
            bind(destroy, 2, clients);
            if (destroy.executeUpdate() < clients.size()) {
                insert.setTimestamp(1, when);
                insert.setTimestamp(2, when);
                bind(insert, 3, clients);
                insert.executeUpdate();
            }
        }
        execute(connection, "UPDATE client_conflict SET note = NULL WHERE client_id" + ofClients, clients);
        execute(connection, "UPDATE legal_hold SET reason = '" + MARKER + "',"
                + " lift_reason = CASE WHEN lift_reason IS NULL THEN NULL ELSE '" + MARKER + "' END WHERE client_id" + ofClients, clients);
        execute(connection, "UPDATE legal_case SET client_sort_name = NULL, referrer_name = NULL, referrer_contact = NULL,"
                + " notes = NULL, referred_elsewhere = NULL, version = version + 1 WHERE client_id" + ofClients, clients);
        // The clients' cases by their ids (read through legal_case's client index): a "case_id IN (SELECT ... WHERE
        // client_id = ?)" in an UPDATE made MariaDB scan the whole table for every client (over 15 s at a million cases).
        List<Long> cases = caseIdsOf(connection, clients);
        if (!cases.isEmpty()) {
            String ofCases = in(cases.size());
            execute(connection, "UPDATE hearing SET notes = NULL, cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE '"
                    + MARKER + "' END WHERE case_id" + ofCases, cases);
            execute(connection, "UPDATE custody_event SET notes = NULL WHERE case_id" + ofCases, cases);
            execute(connection, "UPDATE relief_application SET notes = NULL WHERE case_id" + ofCases, cases);
            execute(connection, "UPDATE case_offer SET response_note = NULL WHERE case_id" + ofCases, cases);
            execute(connection, "UPDATE case_cost SET note = NULL, decision_note = NULL WHERE case_id" + ofCases, cases);
            // A waived deadline keeps a reason (ck_deadline_waived_reason): the marker.
            execute(connection, "UPDATE deadline SET reason = CASE WHEN state = 'WAIVED' THEN '" + MARKER + "' ELSE NULL END WHERE case_id"
                    + ofCases, cases);
            execute(connection, "UPDATE online_referral SET referrer_contact = NULL WHERE case_id" + ofCases, cases);
            execute(connection, "DELETE FROM reminder_consent WHERE case_id" + ofCases, cases);
            execute(connection, "UPDATE case_event SET reason = NULL WHERE case_id" + ofCases, cases);
            execute(connection, "UPDATE case_event SET summary = '" + MARKER + "', summary_parts = '" + MARKER_PARTS
                    + "' WHERE kind = 'NOTE' AND case_id" + ofCases, cases);
            replaceTextsNaming(connection, names);
            // The dedupe key is set free first: MariaDB assigns left to right, and the status test must see the old status.
            execute(connection, "UPDATE outbox_message SET"
                    + " dedupe_key = CASE WHEN status = 'PENDING' THEN CONCAT(LEFT(dedupe_key, 150), '~withdrawn:', id) ELSE dedupe_key END,"
                    + " recipient = CASE WHEN kind LIKE 'CLIENT!_%' ESCAPE '!' THEN '' ELSE recipient END,"
                    + " status = CASE WHEN status = 'PENDING' THEN 'WITHDRAWN' ELSE status END,"
                    + " body = '' WHERE case_id" + ofCases, cases);
        }
        return clients;
    }

    /**
     * The timeline entries whose text names the client (first or last name of two letters or more, as the column's collation
     * compares), one batched statement for all the clients whose names could be opened.
     */
    private static void replaceTextsNaming(Connection connection, Map<Long, String[]> names) throws SQLException {
        // A multi-table UPDATE, driven from the client's cases by legal_case's client index (a subquery would scan).
        try (PreparedStatement update = connection.prepareStatement("UPDATE case_event e JOIN legal_case c ON c.id = e.case_id"
                + " SET e.summary = '" + MARKER + "', e.summary_parts = '" + MARKER_PARTS + "' WHERE c.client_id = ?"
                + " AND (e.summary LIKE ? ESCAPE '!' OR e.summary_parts LIKE ? ESCAPE '!' OR e.summary LIKE ? ESCAPE '!'"
                + " OR e.summary_parts LIKE ? ESCAPE '!')")) {
            int batched = 0;
            for (Map.Entry<Long, String[]> client : names.entrySet()) {
                List<String> patterns = new ArrayList<>();
                for (String name : client.getValue()) {
                    if (name != null && name.strip().length() >= 2) {
                        patterns.add("%" + name.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                    }
                }
                if (patterns.isEmpty()) {
                    continue;
                }
                update.setLong(1, client.getKey());
                for (int i = 0; i < 2; i++) {
                    // A missing name: LIKE NULL matches nothing.
                    String pattern = i < patterns.size() ? patterns.get(i) : null;
                    update.setString(2 + 2 * i, pattern);
                    update.setString(3 + 2 * i, pattern);
                }
                update.addBatch();
                batched++;
            }
            if (batched > 0) {
                update.executeBatch();
            }
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

    /** The ids of the clients' cases (read through legal_case's client index). */
    private static List<Long> caseIdsOf(Connection connection, List<Long> clients) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM legal_case WHERE client_id" + in(clients.size()))) {
            bind(select, 1, clients);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
        }
        return ids;
    }

    /** {@code " IN (?, ?, ...)"} for so many values. */
    private static String in(int count) {
        return " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    private static void bind(PreparedStatement statement, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(first + i, ids.get(i));
        }
    }

    /** A statement whose parameters are these ids. */
    private static void execute(Connection connection, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1, ids);
            statement.executeUpdate();
        }
    }
}
