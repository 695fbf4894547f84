package org.defensefund.tracker.outbox;

/**
 * The ways a message can go. Each has one {@link MessageSender}; adding one (SMS, say, once the fund has a provider) is a
 * new constant, a {@link MessageSender} for it and the constant in the CHECK on {@code outbox_message.channel}.
 */
public enum Channel {
    /** E-mail, through the server's mail session ({@link EmailSender}). */
    EMAIL
}
