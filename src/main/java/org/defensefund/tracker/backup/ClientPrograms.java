package org.defensefund.tracker.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's client programs the backup drives: {@code mariadb-dump} (the dump) and {@code mariadb} (the restore).
 * Found in the folder {@code TRACKER_BACKUP_BIN} (system property {@code tracker.backup.bin}) when it is set, else
 * beside the run command's embedded MariaDB ({@code ./data/mariadb/bin}, the same version as that server), else
 * on the {@code PATH} (a server's own client package, e.g. Debian's {@code mariadb-client}).
 *
 * @param dump the {@code mariadb-dump} program
 * @param client the {@code mariadb} program
 */
public record ClientPrograms(Path dump, Path client) {

    static final Path EMBEDDED_BIN = Path.of("data", "mariadb", "bin");

    /** The programs in one folder; refused when either is missing there. */
    public static ClientPrograms in(Path folder) {
        Path dump = folder.resolve("mariadb-dump");
        Path client = folder.resolve("mariadb");
        if (!Files.isExecutable(dump) || !Files.isExecutable(client)) {
            throw new BackupException("No mariadb-dump and mariadb programs in " + folder.toAbsolutePath());
        }
        return new ClientPrograms(dump, client);
    }

    /** The programs as configured (see the class comment). */
    public static ClientPrograms locate() {
        java.util.Optional<String> configured = DatabaseAddress.setting("tracker.backup.bin").filter(bin -> !bin.isBlank());
        if (configured.isPresent()) {
            return in(Path.of(configured.get()));
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(EMBEDDED_BIN);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(java.io.File.pathSeparator)) {
                if (!folder.isBlank()) {
                    candidates.add(Path.of(folder));
                }
            }
        }
        for (Path folder : candidates) {
            if (Files.isExecutable(folder.resolve("mariadb-dump")) && Files.isExecutable(folder.resolve("mariadb"))) {
                return in(folder);
            }
        }
        throw new BackupException("MariaDB's client programs (mariadb-dump, mariadb) are not in " + EMBEDDED_BIN
                + " nor on the PATH: install the MariaDB client (Debian: apt-get install mariadb-client), start the run"
                + " command once (it unpacks them into ./data/mariadb), or set TRACKER_BACKUP_BIN to their folder");
    }
}
