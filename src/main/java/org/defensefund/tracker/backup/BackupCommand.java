package org.defensefund.tracker.backup;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.defensefund.tracker.shared.FundClock;

/**
 * The backup command ({@code mvn -Pbackup [-Dbackup.file=backups/tracker.sql.gz]}): a consistent online dump of the
 * application's database (the {@code TRACKER_DB_*} settings, by default the run command's embedded database) into a
 * gzipped SQL file, by default {@code backups/tracker-YYYYMMDD-HHMMSS.sql.gz}; then where the personal-data key is
 * and that it must be kept apart. See {@link DatabaseBackup}.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static void main(String[] args) {
        DatabaseAddress address = DatabaseAddress.configured();
        String name = System.getProperty("backup.file", "");
        Path file = Path.of(name.isBlank()
                ? "backups/tracker-" + LocalDateTime.now(FundClock.current()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".sql.gz"
                : name);
        DatabaseBackup.BackupFile made = backup(address).backup(file);
        System.out.println("Backup written: " + made.file().toAbsolutePath() + " (" + made.bytes() + " bytes gzipped, "
                + made.tables() + " tables), SHA-256 " + made.sha256() + " in " + made.file().getFileName() + ".sha256");
        made.binlogFile().ifPresentOrElse(
                binlog -> System.out.println("Binary log position at the backup: " + binlog + " " + made.binlogPosition()
                        + " (replay from here for a point-in-time recovery)"),
                () -> System.out.println("The server writes no binary log: this backup restores the database as it was"
                        + " at the backup, not later (see the README, point-in-time recovery)."));
        System.out.println(KeyNotice.text());
    }

    /** The backup of an address, connecting with the MariaDB driver as the application's account. */
    static DatabaseBackup backup(DatabaseAddress address) {
        return new DatabaseBackup(address, ClientPrograms.locate(), connections(address), System.out::println);
    }

    /** Connections to an address with the MariaDB driver as the application's account. */
    static org.defensefund.tracker.shared.Connections connections(DatabaseAddress address) {
        Properties account = new Properties();
        account.setProperty("user", address.user());
        account.setProperty("password", address.password());
        return () -> DriverManager.getConnection(address.jdbcUrl(), account);
    }
}
