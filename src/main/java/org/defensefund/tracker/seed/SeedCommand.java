package org.defensefund.tracker.seed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import org.defensefund.tracker.shared.Connections;
import org.defensefund.tracker.shared.pii.FundKeys;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.MasterKeys;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.flywaydb.core.Flyway;

/**
 * The seeding command ({@code mvn -Pseed -Dcases=1000000 [-Dseed=42] [-Dseed.db.url=... -Dseed.db.user=...
 * -Dseed.db.password=...]}): migrates the database with the application's own migrations (as the server does
 * at start), then runs the {@link Seeder} and prints its progress and the time taken. Without a URL it seeds the
 * run command's embedded database ({@code mvn -Prun} must be running); the personal-data key is the one the
 * server would use ({@code TRACKER_PII_KEY}, else {@code TRACKER_PII_KEY_FILE}, else the demo key file
 * {@code ./data/pii.key}, made if missing as demo mode does).
 */
public final class SeedCommand {

    private SeedCommand() {
    }

    public static void main(String[] args) throws Exception {
        int cases = Integer.parseInt(setting("cases", "1000"));
        long seed = Long.parseLong(setting("seed", "42"));
        String url = setting("seed.db.url", "jdbc:mariadb://127.0.0.1:3406/tracker");
        String user = setting("seed.db.user", "tracker");
        String password = setting("seed.db.password", "tracker");
        int threads = Integer.parseInt(setting("seed.threads", "3"));
        int years = Integer.parseInt(setting("seed.years", "5"));
        if (System.getProperty("tracker.pii.key") == null && System.getenv("TRACKER_PII_KEY") == null
                && System.getProperty("tracker.pii.key.file") == null && System.getenv("TRACKER_PII_KEY_FILE") == null) {
            System.setProperty("tracker.pii.key.file", "data/pii.key");
            System.setProperty("tracker.demo", "true");
        }
        Keyring keyring = new Keyring(MasterKeys.fromConfiguration());
        Properties connection = new Properties();
        connection.setProperty("user", user);
        connection.setProperty("password", password);
        Connections connections = () -> DriverManager.getConnection(url, connection);
        System.out.println("Migrating " + url);
        Flyway.configure(SeedCommand.class.getClassLoader())
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        PiiCipher cipher;
        try (Connection check = connections.open()) {
            InstanceMarker.requireNotProduction(check);
            cipher = FundKeys.load(check, keyring);
        }
        Seeder.Options options = new Seeder.Options(cases, seed, years, java.time.LocalDate.now(org.defensefund.tracker.shared.FundClock.current()), threads);
        new Seeder(cipher, options, System.out::println).seed(connections);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null ? fallback : value;
    }
}
