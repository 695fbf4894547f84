/**
 * The tamper-evident audit trail: every change of every record (created, updated with old and new
 * values, deleted) and every opening of a client's record, hash-chained so that an edited or deleted
 * entry is found by {@link org.defensefund.tracker.audit.AuditService#verify()}.
 */
package org.defensefund.tracker.audit;
