package org.defensefund.tracker.shared;

/** CDI event fired once at start, after the database schema is migrated to the newest version. */
public record SchemaReady(String version) {
}
