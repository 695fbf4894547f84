package org.defensefund.tracker.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.pii.ClientTexts;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.defensefund.tracker.shared.pii.PiiDecryptionException;

/**
 * What administrators see of the outbox ({@code /admin/outbox.xhtml}): how many messages are pending, sent and failed,
 * and the latest messages with their delivery (attempts, next attempt, last error) and recipient, never their body.
 * Administrators only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutboxService {

    /** The most messages the page lists. */
    public static final int RECENT_MAX = 200;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    /** How many messages stand in each status (every status present, 0 when none). One statement. */
    public Map<OutboxStatus, Long> counts() {
        currentUser.requireAdmin("read the outbox");
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, COUNT(*) FROM outbox_message GROUP BY status").getResultList();
        for (Object[] row : rows) {
            counts.put(OutboxStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The latest messages, newest first, of one status or (null) of all, at most {@code max} (up to {@link #RECENT_MAX}). */
    public List<OutboxEntry> recent(OutboxStatus status, int max) {
        currentUser.requireAdmin("read the outbox");
        var query = em.createNativeQuery("SELECT o.id, o.kind, o.channel, o.case_id, o.recipient, o.language, o.subject, o.status,"
                + " o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at, c.client_id FROM outbox_message o"
                + " LEFT JOIN legal_case c ON c.id = o.case_id"
                + (status == null ? "" : " WHERE o.status = ?1") + " ORDER BY o.created_at DESC, o.id DESC");
        if (status != null) {
            query.setParameter(1, status.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setMaxResults(Math.max(1, Math.min(max, RECENT_MAX))).getResultList();
        PiiCipher cipher = PiiCipher.current();
        // The keys of the page's clients in one statement: their messages' recipients are sealed under them.
        ClientTexts.warm(rows.stream().filter(row -> row[13] != null).map(row -> ((Number) row[13]).longValue()).toList());
        List<OutboxEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Long clientId = row[13] == null ? null : ((Number) row[13]).longValue();
            entries.add(new OutboxEntry(((Number) row[0]).longValue(), (String) row[1], Channel.valueOf((String) row[2]),
                    row[3] == null ? null : ((Number) row[3]).longValue(), recipient(cipher, clientId, (String) row[4]), (String) row[5],
                    (String) row[6], OutboxStatus.valueOf((String) row[7]), ((Number) row[8]).intValue(), instant(row[9]),
                    (String) row[10], instant(row[11]), instant(row[12])));
        }
        return entries;
    }

    /** A recipient in clear: under the client's key or the fund's; "?" when it can't be read (the client's data erased). */
    private static String recipient(PiiCipher cipher, Long clientId, String stored) {
        try {
            String opened = clientId != null && Keyring.isClientCiphertext(stored) ? ClientTexts.openColumn(Outbox.RECIPIENT, clientId, stored)
                    : cipher.decrypt(stored);
            return opened == null ? "?" : opened;
        } catch (PiiDecryptionException unreadable) {
            return "?";
        }
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
