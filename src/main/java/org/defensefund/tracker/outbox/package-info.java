/**
 * The transactional outbox: messages the application sends on its own (staff reminders, client reminders) are written
 * in the transaction of the change that causes them ({@link org.defensefund.tracker.outbox.Outbox}) and delivered by a
 * scheduled job, exactly once across restarts and servers, retried with backoff ({@link org.defensefund.tracker.outbox.OutboxDelivery}).
 */
package org.defensefund.tracker.outbox;
