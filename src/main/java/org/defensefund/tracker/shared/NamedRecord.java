package org.defensefund.tracker.shared;

/**
 * A record people know by a name (a partner's name, a case's number, an account's e-mail), which the audit page
 * shows instead of a bare id. Never personal data: the audit page must not become a way to read client names.
 */
public interface NamedRecord {

    /** The name shown for this record, e.g. "Demo Immigrant Legal Services" or "2026-00042". */
    String recordName();
}
