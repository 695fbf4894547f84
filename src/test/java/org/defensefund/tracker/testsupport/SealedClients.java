package org.defensefund.tracker.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.defensefund.tracker.clients.ClientSealing;
import org.defensefund.tracker.clients.NameWords;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * Clients as the tests find them in the database, now that their names are sealed under their own keys: by the name
 * index (the keyed hash of a word of the last name), then opened with each client's key and compared. For tests in the
 * server (the configured keys) and in the test JVM ({@code TestDatabase}, the tests' key).
 */
public final class SealedClients {

    private SealedClients() {
    }

    /** The ids of the clients with this last name and, unless null, this first name. */
    public static List<Long> named(Connection connection, Keyring keyring, PiiCipher fund, String firstName, String lastName) throws SQLException {
        List<String> words = NameWords.of(lastName);
        List<Long> found = new ArrayList<>();
        if (words.isEmpty()) {
            return found;
        }
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select client_id from client_name_word where word = ?")) {
            select.setString(1, fund.searchToken(words.get(words.size() - 1)));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    candidates.add(row.getLong(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return found;
        }
        ClientSealing.names(connection, keyring, candidates).forEach((id, names) -> {
            if ((firstName == null || firstName.equals(names[0])) && lastName.equals(names[1])) {
                found.add(id);
            }
        });
        return found;
    }

    /** One of a client's columns in clear, opened with the client's own key (or the fund's, for a value written before). */
    public static String value(Connection connection, Keyring keyring, PiiCipher fund, long clientId, String column) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select c." + column + ", k.keyset, k.master_key_id from client c"
                + " left join client_key k on k.client_id = c.id where c.id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no client " + clientId);
                }
                String stored = row.getString(1);
                if (Keyring.isClientCiphertext(stored)) {
                    return Keyring.decrypt(keyring.unwrap(clientId, new Keyring.Wrapped(row.getBytes(2), row.getString(3))), column, stored);
                }
                return PiiCipher.isCiphertext(stored) ? fund.decrypt(stored) : stored;
            }
        }
    }

    /**
     * A text about a client kept sealed in another record (a case's notes, a timeline entry: column {@code Type.field}),
     * opened with the client's own key; a text stored in clear as it is; null once the key is destroyed.
     */
    public static String text(Connection connection, Keyring keyring, long clientId, String column, String stored) throws SQLException {
        if (!Keyring.isClientCiphertext(stored)) {
            return stored;
        }
        try (PreparedStatement select = connection.prepareStatement("select keyset, master_key_id from client_key where client_id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getBytes(1) == null) {
                    return null;
                }
                return Keyring.decrypt(keyring.unwrap(clientId, new Keyring.Wrapped(row.getBytes(1), row.getString(2))), column, stored);
            }
        }
    }
}
