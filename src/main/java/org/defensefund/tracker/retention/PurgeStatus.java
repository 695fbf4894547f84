package org.defensefund.tracker.retention;

/**
 * Where an emergency purge is:
 * <pre>
 * PROPOSED ──confirm (a second administrator, fresh code, in time)──▶ RUNNING ──last batch──▶ DONE
 * PROPOSED ──cancel──▶ CANCELLED
 * </pre>
 * A proposal not confirmed within the limit can only be cancelled (or left); RUNNING resumes after a restart.
 */
public enum PurgeStatus {
    PROPOSED, RUNNING, DONE, CANCELLED
}
