package org.defensefund.tracker.shared.pii;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.defensefund.tracker.shared.FundClock;

/**
 * A rotation of the master key: every wrapped key in the database (the clients' keysets in {@code client_key}, the
 * fund's keys in {@code pii_keyset}) not yet under the current master key is unwrapped with the key it names (the
 * previous one) and wrapped again under the current one. The data under those keys is not touched. In batches, each
 * committed, each row changed only if still under the key it was read with: the application keeps running and writing
 * (new keys under the current master key) meanwhile, and a rotation stopped half-way is simply run again.
 */
public final class MasterKeyRotation {

    private static final int BATCH = 1000;

    private MasterKeyRotation() {
    }

    /**
     * What a rotation did.
     *
     * @param clientKeys client keysets re-wrapped
     * @param fundKeys fund key rows re-wrapped
     * @param masterKeyId the master key everything is now wrapped by
     */
    public record Result(int clientKeys, int fundKeys, String masterKeyId) {
    }

    /** Re-wraps every key not under the current master key; then checks that none is left (else fails, naming the count). */
    public static Result rotate(Connection connection, Keyring keyring, Consumer<String> progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            String current = keyring.masters().current().id();
            int fund = rewrapFundKeys(connection, keyring, current);
            int clients = 0;
            long after = 0;
            while (true) {
                List<Object[]> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT client_id, keyset, master_key_id FROM client_key"
                        + " WHERE client_id > ? AND keyset IS NOT NULL AND master_key_id <> ? ORDER BY client_id LIMIT " + BATCH)) {
                    select.setLong(1, after);
                    select.setString(2, current);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            rows.add(new Object[] {row.getLong(1), row.getBytes(2), row.getString(3)});
                        }
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE client_key SET keyset = ?, master_key_id = ?"
                        + " WHERE client_id = ? AND master_key_id = ? AND keyset IS NOT NULL")) {
                    for (Object[] row : rows) {
                        long clientId = (Long) row[0];
                        Keyring.Wrapped again = keyring.rewrap(clientId, new Keyring.Wrapped((byte[]) row[1], (String) row[2]));
                        update.setBytes(1, again.keyset());
                        update.setString(2, again.masterKeyId());
                        update.setLong(3, clientId);
                        update.setString(4, (String) row[2]);
                        update.addBatch();
                        after = clientId;
                    }
                    for (int changed : update.executeBatch()) {
                        clients += changed > 0 || changed == Statement.SUCCESS_NO_INFO ? 1 : 0;
                    }
                }
                connection.commit();
                progress.accept("Re-wrapped " + clients + " client keys so far (up to client " + after + ")");
            }
            try (PreparedStatement left = connection.prepareStatement("SELECT (SELECT COUNT(*) FROM client_key WHERE keyset IS NOT NULL"
                    + " AND master_key_id <> ?) + (SELECT COUNT(*) FROM pii_keyset WHERE master_key_id <> ?)")) {
                left.setString(1, current);
                left.setString(2, current);
                try (ResultSet row = left.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        throw new IllegalStateException(row.getLong(1) + " keys are still wrapped by another master key: run the rotation again");
                    }
                }
            }
            connection.commit();
            return new Result(clients, fund, current);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int rewrapFundKeys(Connection connection, Keyring keyring, String current) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name, keyset, master_key_id FROM pii_keyset WHERE master_key_id <> ?")) {
            select.setString(1, current);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new Object[] {row.getString(1), row.getBytes(2), row.getString(3)});
                }
            }
        }
        int changed = 0;
        for (Object[] row : rows) {
            String name = (String) row[0];
            byte[] secret = keyring.unwrapSecret(name, new Keyring.Wrapped((byte[]) row[1], (String) row[2]));
            try (PreparedStatement update = connection.prepareStatement("UPDATE pii_keyset SET keyset = ?, master_key_id = ?, rewrapped_at = ?"
                    + " WHERE name = ? AND master_key_id = ?")) {
                Keyring.Wrapped again = keyring.wrapSecret(name, secret);
                update.setBytes(1, again.keyset());
                update.setString(2, again.masterKeyId());
                update.setTimestamp(3, Timestamp.from(Instant.now(FundClock.current())));
                update.setString(4, name);
                update.setString(5, (String) row[2]);
                changed += update.executeUpdate();
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
        connection.commit();
        return changed;
    }
}
