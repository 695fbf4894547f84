package org.defensefund.tracker.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the backup commands say about the personal-data key: where this machine's configuration keeps it, and that
 * it is in no backup and must be kept apart. Only the key's place is ever printed, never the key.
 */
final class KeyNotice {

    private KeyNotice() {
    }

    /** Where the key is configured here, in words. */
    static String where() {
        if (DatabaseAddress.setting("tracker.pii.key").filter(key -> !key.isBlank()).isPresent()) {
            return "in TRACKER_PII_KEY (the environment variable or system property tracker.pii.key) of the server";
        }
        Optional<String> file = DatabaseAddress.setting("tracker.pii.key.file").filter(name -> !name.isBlank());
        if (file.isPresent()) {
            return "in the file " + Path.of(file.get()).toAbsolutePath() + " (TRACKER_PII_KEY_FILE)";
        }
        return "in the server's TRACKER_PII_KEY or TRACKER_PII_KEY_FILE (none is set here); for the run command's"
                + " embedded database, in the file " + Path.of("data", "pii.key").toAbsolutePath();
    }

    static String text() {
        return "The personal-data key is NOT in this backup. It is " + where() + ".\n"
                + "Keep a copy of the key apart from the backups (a password manager or secret store, never beside the"
                + " backup files): without it the clients' A-numbers, birth dates, phones, streets and postal codes in a"
                + " restored database can't be read; with both, anyone can read them.";
    }
}
