package org.defensefund.tracker.outbox;

/**
 * Sends the messages of one {@link Channel}. The delivery finds the sender of a message's channel among the CDI beans
 * implementing this interface.
 */
public interface MessageSender {

    /** The channel this sender serves. */
    Channel channel();

    /** Sends the message, or fails with {@link MessageNotSent} (the delivery retries it later). */
    void send(OutboxMessage message) throws MessageNotSent;
}
