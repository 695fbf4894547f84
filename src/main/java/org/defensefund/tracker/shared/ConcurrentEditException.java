package org.defensefund.tracker.shared;

/** Someone else saved the same record since it was read: the caller's copy is stale and was not saved. */
public class ConcurrentEditException extends BusinessException {

    public ConcurrentEditException() {
        super("error.concurrentEdit", null);
    }
}
