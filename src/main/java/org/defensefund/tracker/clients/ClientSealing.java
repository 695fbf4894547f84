package org.defensefund.tracker.clients;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * How a client's personal data is sealed under the client's own key ({@link Client}): opening a stored value whatever
 * its age ({@code v2:} under the client's key, {@code v1:} under the fund's key, or a name in clear from before), the
 * sort name the lists order by, and {@link #sealAll}, which moves every client still stored the old way under their own
 * key (at start, and for a database written around the application), with their name index and sort name.
 */
public final class ClientSealing {

    private static final Logger LOG = Logger.getLogger(ClientSealing.class.getName());

    /** How many letters of the last name the lists sort by (README, "Per-client keys": the trade-off). */
    static final int SORT_LETTERS = 3;

    private static final int BATCH = 500;

    /**
     * How many ids one look for old rows covers: a statement reads one range of the primary key, never the whole table (at a
     * million clients, one statement looking for rows that no longer exist would read them all, past the socket timeout).
     */
    static final long SPAN = 20_000;

    /** The columns sealed under the client's key. */
    static final List<String> SEALED = List.of("first_name", "last_name", "birth_date", "a_number", "phone", "street", "postal_code");

    private static final String OLD_ROWS = "SELECT id, first_name, last_name, birth_date, a_number, phone, street, postal_code"
            + " FROM client WHERE id > ? AND id <= ? AND erased_at IS NULL AND (sort_name IS NULL"
            + " OR " + String.join(" OR ", SEALED.stream().map(column -> "(" + column + " <> '' AND " + column + " NOT LIKE 'v2:%')").toList())
            + ") ORDER BY id LIMIT " + BATCH;

    private static volatile ClientKeys keys;

    private ClientSealing() {
    }

    /** The application's {@link ClientKeys} (for an entity, which can't be injected into). */
    static ClientKeys keys() {
        ClientKeys found = keys;
        if (found == null) {
            found = CDI.current().select(ClientKeys.class).get();
            keys = found;
        }
        return found;
    }

    /**
     * The sort name of a last name: its first {@value #SORT_LETTERS} letters, as typed (the column's collation ignores
     * capitals and accents); empty for none. The lists sort by it, then by case number.
     */
    public static String sortName(String lastName) {
        if (lastName == null || lastName.isBlank()) {
            return "";
        }
        String trimmed = lastName.strip();
        int end = trimmed.offsetByCodePoints(0, Math.min(SORT_LETTERS, trimmed.codePointCount(0, trimmed.length())));
        return trimmed.substring(0, end);
    }

    /** Whether any of these stored values is under a client's key (so the key must be read to open them). */
    static boolean anySealed(String... stored) {
        for (String value : stored) {
            if (Keyring.isClientCiphertext(value)) {
                return true;
            }
        }
        return false;
    }

    /** A stored value in clear: {@code v2:} opened with the client's key, {@code v1:} with the fund's, anything else as it is. */
    public static String open(Aead key, String column, String stored) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        if (Keyring.isClientCiphertext(stored)) {
            return Keyring.decrypt(key, column, stored);
        }
        if (PiiCipher.isCiphertext(stored)) {
            return PiiCipher.current().decrypt(stored);
        }
        return stored;
    }

    /**
     * The first and last names of these clients in clear, read with their keys (a client whose key is destroyed, or who
     * has none and names stored sealed, is left out): for the erasure, which looks for the names in timeline texts, and
     * the name index's rebuild.
     */
    public static Map<Long, String[]> names(Connection connection, Keyring keyring, List<Long> clientIds) throws SQLException {
        Map<Long, String[]> names = new LinkedHashMap<>();
        for (int i = 0; i < clientIds.size(); i += BATCH) {
            List<Long> chunk = clientIds.subList(i, Math.min(clientIds.size(), i + BATCH));
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.first_name, c.last_name, k.keyset, k.master_key_id"
                    + " FROM client c LEFT JOIN client_key k ON k.client_id = c.id WHERE c.id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int j = 0; j < chunk.size(); j++) {
                    select.setLong(j + 1, chunk.get(j));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String first = row.getString(2);
                        String last = row.getString(3);
                        Aead key = null;
                        if (anySealed(first, last)) {
                            if (row.getBytes(4) == null || keyring == null) {
                                continue;
                            }
                            key = keyring.unwrap(row.getLong(1), new Keyring.Wrapped(row.getBytes(4), row.getString(5)));
                        }
                        names.put(row.getLong(1), new String[] {open(key, "first_name", first), open(key, "last_name", last)});
                    }
                }
            }
        }
        return names;
    }

    /**
     * Moves every client still stored the old way under their own key: names in clear and {@code v1:} values become
     * {@code v2:} under the client's key (made if missing), the sort name and the A-number's hash are set, and the
     * client's name index rewritten. In batches of {@value #BATCH} clients, each committed when the connection doesn't
     * commit by itself; idempotent (a second run finds nothing). Plain JDBC, so not in the audit trail; returns how many
     * clients were moved.
     *
     * @param keyring the master keys, to make and open the clients' keys
     * @param fund the fund's cipher, to open {@code v1:} values and hash A-numbers and name words
     */
    public static int sealAll(Connection connection, Keyring keyring, PiiCipher fund) throws SQLException {
        int moved = 0;
        long after = 0;
        long last = highestId(connection, "client");
        while (after < last) {
            long upTo = Math.min(after + SPAN, last);
            Map<Long, String[]> rows = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(OLD_ROWS)) {
                select.setLong(1, after);
                select.setLong(2, upTo);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        String[] values = new String[SEALED.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = row.getString(i + 2);
                        }
                        after = row.getLong(1);
                        rows.put(after, values);
                    }
                }
            }
            if (rows.size() < BATCH) {
                after = upTo;
            }
            if (rows.isEmpty()) {
                continue;
            }
            List<Long> ids = new ArrayList<>(rows.keySet());
            Map<Long, Aead> keysOf = ClientKeys.openKeys(connection, keyring, ids);
            Map<Long, String[]> names = new LinkedHashMap<>();
            try (PreparedStatement update = connection.prepareStatement("UPDATE client SET first_name = ?, last_name = ?, birth_date = ?,"
                    + " a_number = ?, phone = ?, street = ?, postal_code = ?, sort_name = ?, a_number_hash = ? WHERE id = ?")) {
                for (Map.Entry<Long, String[]> entry : rows.entrySet()) {
                    long clientId = entry.getKey();
                    Aead key = keysOf.get(clientId);
                    if (key == null) {
                        LOG.warning(() -> "Client " + clientId + " has personal data stored the old way but their key was destroyed:"
                                + " left as it is (erase them again)");
                        continue;
                    }
                    String[] stored = entry.getValue();
                    String[] clear = new String[stored.length];
                    for (int i = 0; i < stored.length; i++) {
                        String value = Keyring.isClientCiphertext(stored[i]) ? Keyring.decrypt(key, SEALED.get(i), stored[i])
                                : PiiCipher.isCiphertext(stored[i]) ? fund.decrypt(stored[i]) : stored[i];
                        clear[i] = value == null || value.isBlank() ? null : value.strip();
                    }
                    String digits = digits(clear[3], clientId);
                    clear[3] = digits;
                    for (int i = 0; i < clear.length; i++) {
                        String value = i < 2 && clear[i] == null ? "" : clear[i];
                        update.setString(i + 1, value == null || value.isEmpty() ? value : Keyring.encrypt(key, SEALED.get(i), value));
                    }
                    update.setString(8, sortName(clear[1]));
                    update.setString(9, digits == null ? null : fund.keyedHash(digits));
                    update.setLong(10, clientId);
                    update.addBatch();
                    names.put(clientId, new String[] {clear[0], clear[1]});
                    moved++;
                }
                update.executeBatch();
            }
            NameWords.write(connection, fund, names);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return moved;
    }

    /** The highest id of a table (0 for none): where a walk over its id ranges ends. */
    static long highestId(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table);
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** The nine digits of a stored A-number; one that isn't 8 or 9 digits is kept (and hashed) as it stands. */
    private static String digits(String aNumber, long clientId) {
        if (aNumber == null) {
            return null;
        }
        try {
            Optional<ANumber> parsed = ANumber.parse(aNumber);
            return parsed.map(ANumber::digits).orElse(null);
        } catch (InvalidANumberException e) {
            LOG.warning(() -> "Client " + clientId + " has an A-number that isn't 8 or 9 digits; it is sealed and hashed as it stands");
            return aNumber;
        }
    }
}
