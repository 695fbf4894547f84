package org.defensefund.tracker.outbox;

/**
 * A {@link MessageSender} could not send a message (the mail server is unreachable or refused it). The delivery keeps
 * the message and tries again later ({@link Backoff}), or marks it failed after the last attempt; the message of this
 * exception is kept as the message's last error, so it must not hold personal data.
 */
public class MessageNotSent extends Exception {

    private static final long serialVersionUID = 1L;

    public MessageNotSent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
