package org.defensefund.tracker.outbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A message to be sent, as a feature hands it to the {@link Outbox}: a {@code dedupeKey} unique across the outbox (a
 * second message with the same key is not written, so a planner run twice sends once), the channel, the recipient (an
 * e-mail address for {@link Channel#EMAIL}), the language it is written in, the subject (stored in clear: never put a
 * client's name in it), the body, the earliest time it may go ({@code notBefore}; null: at once), the case it is about
 * (null if none) and a short code of its kind ("STAFF_DIGEST", "STAFF_SOON", "CLIENT_HEARING_7D").
 */
public record OutgoingMessage(String dedupeKey, Channel channel, String recipient, Locale language, String subject,
                              String body, Instant notBefore, Long caseId, String kind) {

    /** The longest dedupe key, subject and kind the outbox keeps. */
    public static final int KEY_MAX = 200;
    public static final int SUBJECT_MAX = 300;
    public static final int KIND_MAX = 40;

    public OutgoingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        requireText(dedupeKey, "dedupeKey", KEY_MAX);
        requireText(recipient, "recipient", 254);
        requireText(subject, "subject", SUBJECT_MAX);
        requireText(kind, "kind", KIND_MAX);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a message needs a body");
        }
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a message needs a " + name);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " longer than " + max + " characters");
        }
    }
}
