package org.defensefund.tracker.shared.pii;

/**
 * A record about one client, whose {@link ClientText} fields the audit trail seals under that client's own key. It names
 * the client when it knows them, or else its case (whose client the trail looks up).
 */
public interface OfClient {

    /** The client this record is about, when the record knows them (null otherwise, or before the client is saved). */
    default Long ownerClientId() {
        return null;
    }

    /** The case this record belongs to, for a record that knows only that. */
    default Long ownerCaseId() {
        return null;
    }
}
