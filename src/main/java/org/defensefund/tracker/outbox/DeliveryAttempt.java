package org.defensefund.tracker.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * One message's delivery, in a transaction of its own: the oldest pending message due now is claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (another thread or server delivering at the same moment skips it and takes
 * the next one), sent while the row stays locked, and marked sent (firing {@link MessageDelivered}), or, when sending
 * failed, given its next attempt by {@link Backoff} or marked failed after the last one. The lock is released by the
 * commit, by which time the row says SENT: no one else can send it again.
 */
@ApplicationScoped
public class DeliveryAttempt {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempt.class.getName());
    private static final int ERROR_MAX = 1000;

    /** What one attempt did. */
    public enum Outcome {
        /** No message was due (or every due one is being delivered by someone else). */
        NONE,
        SENT,
        /** Not sent; it will be tried again. */
        RETRY,
        /** Not sent, and that was its last attempt (or it can't be sent at all). */
        FAILED
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundClock clock;

    @Inject
    private Settings settings;

    @Inject
    @Any
    private Instance<MessageSender> senders;

    @Inject
    private Event<MessageDelivered> delivered;

    /** Claims, sends and marks the next message due, in a new transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome deliverNext() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, dedupe_key, channel, kind, case_id, recipient, language, subject, body,"
                        + " attempts, created_at FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= ?1"
                        + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, Timestamp.from(now)).getResultList();
        if (rows.isEmpty()) {
            return Outcome.NONE;
        }
        Object[] row = rows.get(0);
        long id = ((Number) row[0]).longValue();
        int attempt = ((Number) row[9]).intValue() + 1;
        OutboxMessage message;
        try {
            Long caseId = row[4] == null ? null : ((Number) row[4]).longValue();
            String recipient = opened(Outbox.RECIPIENT, caseId, (String) row[5]);
            String body = opened(Outbox.BODY, caseId, (String) row[8]);
            if (recipient == null || body == null) {
                return failed(id, attempt, "the client's personal data is erased: the message can't be read", now);
            }
            message = new OutboxMessage(id, (String) row[1], Channel.valueOf((String) row[2]), (String) row[3], caseId, recipient,
                    Locale.forLanguageTag((String) row[6]), (String) row[7], body, attempt, instant(row[10]));
        } catch (RuntimeException unreadable) {
            // A row written with another key, or changed in the database: no attempt can ever send it.
            return failed(id, attempt, "the message can't be read: " + unreadable.getClass().getSimpleName(), now);
        }
        Optional<MessageSender> sender = senders.stream().filter(s -> s.channel() == message.channel()).findFirst();
        if (sender.isEmpty()) {
            return failed(id, attempt, "no sender for the channel " + message.channel(), now);
        }
        try {
            sender.get().send(message);
        } catch (MessageNotSent | RuntimeException notSent) {
            return notSent(message, notSent, now);
        }
        em.createNativeQuery("UPDATE outbox_message SET status = 'SENT', attempts = ?1, sent_at = ?2, last_error = NULL WHERE id = ?3")
                .setParameter(1, attempt).setParameter(2, Timestamp.from(now)).setParameter(3, id).executeUpdate();
        delivered.fire(new MessageDelivered(id, message.kind(), message.caseId(), message.dedupeKey(), message.channel(), now));
        LOG.fine(() -> "Sent outbox message " + id + " (" + message.kind() + ")");
        return Outcome.SENT;
    }

    private Outcome notSent(OutboxMessage message, Exception why, Instant now) {
        String error = describe(why);
        Backoff backoff = new Backoff(settings.outboxRetryDelay(), settings.outboxMaxAttempts());
        Optional<Duration> wait = backoff.after(message.attempt());
        if (wait.isEmpty()) {
            LOG.warning(() -> "Outbox message " + message.id() + " (" + message.kind() + ") failed after " + message.attempt() + " attempts: " + error);
            return failed(message.id(), message.attempt(), error, now);
        }
        LOG.info(() -> "Outbox message " + message.id() + " (" + message.kind() + ") not sent, attempt " + message.attempt()
                + ", next in " + wait.get() + ": " + error);
        em.createNativeQuery("UPDATE outbox_message SET attempts = ?1, next_attempt_at = ?2, last_error = ?3 WHERE id = ?4")
                .setParameter(1, message.attempt()).setParameter(2, Timestamp.from(now.plus(wait.get())))
                .setParameter(3, error).setParameter(4, message.id()).executeUpdate();
        return Outcome.RETRY;
    }

    private Outcome failed(long id, int attempt, String error, Instant now) {
        em.createNativeQuery("UPDATE outbox_message SET status = 'FAILED', attempts = ?1, next_attempt_at = ?2, last_error = ?3 WHERE id = ?4")
                .setParameter(1, attempt).setParameter(2, Timestamp.from(now)).setParameter(3, cut(error)).setParameter(4, id).executeUpdate();
        return Outcome.FAILED;
    }

    /** What went wrong, for the administrators' page: the kind of failure and its first line. */
    static String describe(Throwable why) {
        StringBuilder text = new StringBuilder(why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage());
        for (Throwable cause = why.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" (").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
            text.append(')');
        }
        return cut(text.toString().replaceAll("\\s+", " ").strip());
    }

    private static String cut(String text) {
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX - 1) + "…" : text;
    }

    /**
     * A stored recipient or body in clear: under the case's client's key ({@code v2:}; null once it is destroyed) or the
     * fund's ({@code v1:}).
     */
    static String opened(String column, Long caseId, String stored) {
        if (caseId != null && Keyring.isClientCiphertext(stored)) {
            return ClientTexts.openColumn(column, ClientTexts.clientOfCase(caseId), stored);
        }
        return PiiCipher.current().decrypt(stored);
    }

    private static Instant instant(Object column) {
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof LocalDateTime local) {
            return local.atZone(ZoneId.systemDefault()).toInstant();
        }
        return null;
    }
}
