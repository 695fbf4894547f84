package org.defensefund.tracker.audit;

/** What an audit entry records. */
public enum AuditAction {
    CREATE, UPDATE, DELETE, VIEW, ERASE
}
