package org.defensefund.tracker.backup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.MasterKeyRotation;
import org.defensefund.tracker.shared.pii.MasterKeys;

/**
 * The master key rotation command ({@code mvn -Protate-key}, with {@code TRACKER_PII_KEY} = the new key and
 * {@code TRACKER_PII_KEY_PREVIOUS} = the old one, and the {@code TRACKER_DB_*} settings of the application): re-wraps
 * every client's key and the fund's keys under the new master key, without touching the data under them, while the
 * application runs ({@link MasterKeyRotation}). Then the old key can be retired. README "Per-client keys and key rotation".
 */
public final class KeyRotationCommand {

    private KeyRotationCommand() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseAddress address = DatabaseAddress.configured();
        MasterKeys masters = MasterKeys.fromConfiguration();
        if (masters.previous().isEmpty()) {
            System.out.println("TRACKER_PII_KEY_PREVIOUS is not set: only keys already under the current master key can be read;"
                    + " set it to the key being retired.");
        }
        Properties account = new Properties();
        account.setProperty("user", address.user());
        account.setProperty("password", address.password());
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(address.jdbcUrl(), account)) {
            MasterKeyRotation.Result result = MasterKeyRotation.rotate(connection, new Keyring(masters), System.out::println);
            System.out.println("Rotation done in " + (System.nanoTime() - started) / 1_000_000 + " ms on " + address + ": "
                    + result.clientKeys() + " client keys and " + result.fundKeys() + " fund key rows re-wrapped; every key is now"
                    + " wrapped by master key " + result.masterKeyId() + ". Retire the previous key: remove TRACKER_PII_KEY_PREVIOUS"
                    + " from the server's configuration and restart it, then destroy the old key where it was kept (backups taken"
                    + " before this rotation still need it).");
        }
    }
}
