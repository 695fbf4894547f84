package org.defensefund.tracker.backup;

/**
 * A restore refused before anything was changed: the target database holds tables (a restore replaces everything
 * in it, so that must be asked for explicitly), or the backup file is incomplete or damaged.
 */
public class RestoreRefusedException extends BackupException {

    private static final long serialVersionUID = 1L;

    public RestoreRefusedException(String message) {
        super(message);
    }
}
