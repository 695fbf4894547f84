package org.defensefund.tracker.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.defensefund.tracker.retention.PurgeLedger;
import org.defensefund.tracker.shared.Connections;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.FundKeys;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.MasterKeys;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * The restore command ({@code mvn -Prestore -Drestore.file=backups/tracker-....sql.gz [-Drestore.replace=true]}):
 * loads a backup into the application's database (the {@code TRACKER_DB_*} settings, by default the run command's
 * embedded database). It refuses a database that holds anything unless {@code restore.replace=true} is given, and then
 * replaces everything in it. Afterwards it tries the configured personal-data key on one restored client and says
 * whether it reads the data, and re-applies the purge ledger ({@link PurgeLedger}): clients erased after the backup
 * was made are erased again. Stop the application first: it must not write while the database is replaced.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    public static void main(String[] args) throws Exception {
        String name = System.getProperty("restore.file", "");
        if (name.isBlank()) {
            throw new BackupException("Say which backup to restore: -Drestore.file=backups/tracker-....sql.gz");
        }
        boolean replace = Boolean.parseBoolean(System.getProperty("restore.replace", "false"));
        DatabaseAddress address = DatabaseAddress.configured();
        DatabaseBackup backup = BackupCommand.backup(address);
        int tables;
        try {
            tables = backup.restore(Path.of(name), replace);
        } catch (RestoreRefusedException refused) {
            System.err.println("RESTORE REFUSED: " + refused.getMessage());
            throw refused;
        }
        System.out.println("Restored " + name + " into " + address + ": " + tables + " tables.");
        PurgeLedger ledger = PurgeLedger.configured();
        int erased = reapplyPurgeLedger(BackupCommand.connections(address), ledger);
        System.out.println("Purge ledger " + ledger.file() + ": " + erased + " client(s) erased after the backup was made were erased again.");
        System.out.println(keyCheck(address));
        System.out.println(KeyNotice.text());
    }

    /**
     * Re-applies the purge ledger (kept apart from the database) to the restored database, so that a backup taken before
     * an erasure doesn't bring the person back: every client the ledger names is erased again unless already erased.
     *
     * @return how many clients were erased again
     */
    public static int reapplyPurgeLedger(Connections connections, PurgeLedger ledger) throws java.sql.SQLException {
        try (Connection connection = connections.open()) {
            return ledger.reapply(connection, Instant.now(FundClock.current()));
        }
    }

    /** Whether the configured key decrypts a restored client's A-number (one row; nothing is printed of it). */
    private static String keyCheck(DatabaseAddress address) throws Exception {
        if (DatabaseAddress.setting("tracker.pii.key").isEmpty() && DatabaseAddress.setting("tracker.pii.key.file").isEmpty()
                && address.jdbcUrl().equals(DatabaseAddress.EMBEDDED_URL)) {
            System.setProperty("tracker.pii.key.file", Path.of("data", "pii.key").toString());
        }
        String sample;
        long sampleClient = 0;
        byte[] sampleKey = null;
        String sampleMaster = null;
        java.util.Optional<PiiCipher> stored;
        Keyring keyring = null;
        java.util.Properties account = new java.util.Properties();
        account.setProperty("user", address.user());
        account.setProperty("password", address.password());
        try (Connection connection = java.sql.DriverManager.getConnection(address.jdbcUrl(), account);
             Statement statement = connection.createStatement()) {
            // A client sealed under their own key (since V36), else one written under the fund's key (before).
            try (ResultSet row = statement.executeQuery("SELECT c.id, c.last_name, k.keyset, k.master_key_id FROM client c"
                    + " JOIN client_key k ON k.client_id = c.id WHERE c.last_name LIKE 'v2:%' AND k.keyset IS NOT NULL LIMIT 1")) {
                if (row.next()) {
                    sampleClient = row.getLong(1);
                    sample = row.getString(2);
                    sampleKey = row.getBytes(3);
                    sampleMaster = row.getString(4);
                } else {
                    sample = null;
                }
            }
            if (sample == null) {
                try (ResultSet row = statement.executeQuery("SELECT a_number FROM client WHERE a_number LIKE 'v1:%' LIMIT 1")) {
                    if (!row.next()) {
                        return "No client with encrypted personal data in the restored database: the key was not tried.";
                    }
                    sample = row.getString(1);
                }
            }
            if (DatabaseAddress.setting("tracker.pii.key").filter(key -> !key.isBlank()).isEmpty()
                    && DatabaseAddress.setting("tracker.pii.key.file").filter(key -> !key.isBlank()).isEmpty()) {
                return "No personal-data key is configured here (TRACKER_PII_KEY or TRACKER_PII_KEY_FILE): it was not tried on"
                        + " the restored data. The server needs the master key that wrapped the keys when the backup was made.";
            }
            try {
                keyring = new Keyring(MasterKeys.fromConfiguration());
                stored = FundKeys.stored(connection, keyring);
            } catch (RuntimeException | ExceptionInInitializerError wrong) {
                return "WARNING: the personal-data key configured here does NOT open the restored database's keys ("
                        + wrong.getMessage() + "). Give the server the master key that was in use when the backup was made"
                        + " (or, during a rotation, as TRACKER_PII_KEY_PREVIOUS).";
            }
        } catch (java.sql.SQLException noClients) {
            return "The restored database has no clients' table (" + noClients.getMessage() + "): the key was not tried.";
        }
        try {
            if (sampleKey != null) {
                Keyring.decrypt(keyring.unwrap(sampleClient, new Keyring.Wrapped(sampleKey, sampleMaster)), "last_name", sample);
            } else {
                stored.orElseGet(PiiCipher::current).decrypt(sample);
            }
            return "The personal-data key configured here reads the restored clients' data.";
        } catch (RuntimeException | ExceptionInInitializerError wrong) {
            Throwable reason = wrong.getCause() != null && wrong.getMessage() == null ? wrong.getCause() : wrong;
            return "WARNING: the personal-data key configured here does NOT read the restored clients' data ("
                    + reason.getMessage() + "). Give the server the key that was in use when the backup was made.";
        }
    }
}
