package org.defensefund.tracker.shared.pii;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.FundClock;

/**
 * The fund's own keys (the v1 AES-GCM key and the HMAC key of the keyed hashes), kept in {@code pii_keyset} as
 * {@value #NAME}, wrapped by the master key. The first start after V32 stores them as the master key derived them until
 * then (so every v1 value and every A-number hash stays valid); from then on they come from the database, and a rotation
 * of the master key re-wraps the row without changing them.
 */
public final class FundKeys {

    /** The row of the fund's v1 and hash keys. */
    public static final String NAME = "fund-v1";

    private static final Logger LOG = Logger.getLogger(FundKeys.class.getName());

    private FundKeys() {
    }

    /** The fund's cipher from the database, stored there first if missing (idempotent, safe if two servers start at once). */
    public static PiiCipher load(Connection connection, Keyring keyring) throws SQLException {
        Keyring.Wrapped wrapped = read(connection);
        if (wrapped == null) {
            byte[] keys = keyring.masters().legacyFundKeys();
            try {
                Keyring.Wrapped made = keyring.wrapSecret(NAME, keys);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO pii_keyset (name, keyset, master_key_id, created_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, NAME);
                    insert.setBytes(2, made.keyset());
                    insert.setString(3, made.masterKeyId());
                    insert.setTimestamp(4, Timestamp.from(Instant.now(FundClock.current())));
                    if (insert.executeUpdate() == 1) {
                        LOG.info("Stored the fund's personal-data keys in pii_keyset, wrapped by master key " + made.masterKeyId());
                    }
                }
            } finally {
                Arrays.fill(keys, (byte) 0);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            wrapped = read(connection);
        }
        return PiiCipher.ofKeys(keyring.unwrapSecret(NAME, wrapped));
    }

    /**
     * The fund's cipher as a database holds it, without writing anything (a restored backup): empty when the database
     * has no fund keys (a backup from before V32, whose values are under the keys the master key derives).
     */
    public static Optional<PiiCipher> stored(Connection connection, Keyring keyring) throws SQLException {
        Keyring.Wrapped wrapped;
        try {
            wrapped = read(connection);
        } catch (SQLSyntaxErrorException noTable) {
            return Optional.empty();
        }
        return wrapped == null ? Optional.empty() : Optional.of(PiiCipher.ofKeys(keyring.unwrapSecret(NAME, wrapped)));
    }

    private static Keyring.Wrapped read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT keyset, master_key_id FROM pii_keyset WHERE name = ?")) {
            select.setString(1, NAME);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Keyring.Wrapped(row.getBytes(1), row.getString(2)) : null;
            }
        }
    }
}
