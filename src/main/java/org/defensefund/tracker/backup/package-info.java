/**
 * Backup and restore of the database: a consistent online dump by MariaDB's own client programs, compressed, never
 * holding the personal-data key, and its restore, which refuses to overwrite a database that holds anything unless
 * told to; run by the commands {@code mvn -Pbackup} and {@code mvn -Prestore}.
 */
package org.defensefund.tracker.backup;
