package org.defensefund.tracker.audit;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec.Match;
import org.defensefund.tracker.shared.list.ListSpec;

/**
 * The audit trail for administrators: entries filtered by user, record and date, paged by the database,
 * and the chain check. Nothing here changes an entry; {@link #viewed} appends the opening of a record.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    /** List filters: {@code from} and {@code to} (LocalDate, the fund's days) besides the columns. */
    public static final String FROM = "from";
    public static final String TO = "to";

    private static final ListSpec<AuditEntry> LIST = new ListSpec<>(AuditEntry.class,
            Map.of("actor", Match.CONTAINS, "recordType", Match.EQUALS, "recordId", Match.EQUALS, "action", Match.EQUALS),
            Set.of("id", "occurredAt", "actor", "recordType"), "id");

    private static final int PAGE = 2000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Settings settings;

    public List<AuditEntry> list(ListQuery query) {
        currentUser.requireAdmin("read the audit trail");
        return LIST.rows(em, columns(query), (cb, root) -> period(query, cb, root));
    }

    /**
     * A page of the trail as people read it ({@link AuditLine}): newest first unless another order is asked, times
     * in the fund's zone, records by their names (one query per kind of record on the page, whatever its size),
     * field-by-field changes, a client's texts opened with their keys (one statement for the page's clients; an erased
     * client's show as erased).
     */
    public List<AuditLine> lines(ListQuery query) {
        ListQuery newestFirst = query.sortField() == null ? query.sortedBy("id", false) : query;
        List<AuditEntry> entries = list(newestFirst);
        Map<String, String> names = RecordNames.of(em, entries);
        List<String> stored = new ArrayList<>();
        entries.forEach(entry -> {
            stored.add(entry.getOldValues());
            stored.add(entry.getNewValues());
        });
        Set<Long> clients = SealedTexts.clientsIn(stored);
        Map<Long, Aead> keys = clients.isEmpty() ? Map.of() : SealedTexts.keys().readableKeys(clients);
        List<AuditLine> lines = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            LocalDateTime when = entry.getOccurredAt() == null ? null : entry.getOccurredAt().atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(settings.zone()).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
            List<AuditLine.FieldChange> changes = FieldChanges.between(entry.getOldValues(), entry.getNewValues()).stream()
                    .map(change -> new AuditLine.FieldChange(change.getField(),
                            SealedTexts.open(entry.getRecordType(), change.getField(), change.getBefore(), keys),
                            SealedTexts.open(entry.getRecordType(), change.getField(), change.getAfter(), keys)))
                    .toList();
            lines.add(new AuditLine(entry.getId(), when, entry.getActor(), entry.getAction(), entry.getRecordType(),
                    entry.getRecordId(), names.get(RecordNames.key(entry.getRecordType(), entry.getRecordId())), changes));
        }
        return lines;
    }

    /** The kinds of record the trail holds (entity names), for the page's filter. */
    public List<String> recordTypes() {
        currentUser.requireAdmin("read the audit trail");
        return em.getMetamodel().getEntities().stream().map(jakarta.persistence.metamodel.EntityType::getName)
                .filter(name -> !name.equals("AuditEntry")).sorted().toList();
    }

    public long count(ListQuery query) {
        currentUser.requireAdmin("read the audit trail");
        return LIST.countUpTo(em, columns(query), (cb, root) -> period(query, cb, root), ListQuery.COUNT_LIMIT + 1);
    }

    private static ListQuery columns(ListQuery query) {
        Map<String, Object> filters = new java.util.HashMap<>(query.filters());
        filters.remove(FROM);
        filters.remove(TO);
        return new ListQuery(query.first(), query.pageSize(), query.sortField(), query.ascending(), filters);
    }

    private List<Predicate> period(ListQuery query, jakarta.persistence.criteria.CriteriaBuilder cb,
                                   jakarta.persistence.criteria.Root<AuditEntry> root) {
        List<Predicate> predicates = new ArrayList<>();
        if (query.filters().get(FROM) instanceof LocalDate from) {
            predicates.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), utc(from)));
        }
        if (query.filters().get(TO) instanceof LocalDate to) {
            predicates.add(cb.lessThan(root.get("occurredAt"), utc(to.plusDays(1))));
        }
        return predicates;
    }

    private LocalDateTime utc(LocalDate day) {
        return day.atStartOfDay(settings.zone()).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * Reads the whole chain in order and recomputes every hash: an entry whose content changed no longer
     * matches its hash; an entry whose predecessor was deleted (or whose stored link was changed) no longer
     * links to the hash before it.
     */
    public ChainCheck verify() {
        currentUser.requireAdmin("verify the audit trail");
        List<Long> edited = new ArrayList<>();
        List<Long> unlinked = new ArrayList<>();
        String previous = "0".repeat(64);
        long checked = 0;
        long after = 0;
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f'), actor, action, record_type,"
                            + " record_id, old_values, new_values, prev_hash, hash FROM audit_entry WHERE id > ? ORDER BY id LIMIT " + PAGE)
                    .setParameter(1, after).getResultList();
            for (Object[] row : rows) {
                long id = ((Number) row[0]).longValue();
                AuditRecord record = new AuditRecord((String) row[1], (String) row[2], AuditAction.valueOf((String) row[3]),
                        (String) row[4], (String) row[5], (String) row[6], (String) row[7]);
                String storedPrevious = (String) row[8];
                String storedHash = (String) row[9];
                if (!storedPrevious.equals(previous)) {
                    unlinked.add(id);
                }
                if (!record.hash(storedPrevious).equals(storedHash)) {
                    edited.add(id);
                }
                previous = storedHash;
                after = id;
                checked++;
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        return new ChainCheck(checked, edited, unlinked);
    }

    /** Appends the opening of a record (a client's file) by the caller to the trail, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void viewed(String recordType, Object recordId) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer != null) {
            buffer.add(AuditListener.actor(), AuditAction.VIEW, recordType, String.valueOf(recordId), null, null);
        }
    }

    /**
     * Appends a view of a record by the caller, saying which view it was (for a case: {@code CASE_FILE},
     * {@code FUNDING}, {@code SUMMARY}) in the entry's new values as {@code {"view": ...}}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void viewed(String recordType, Object recordId, String view) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer != null) {
            buffer.add(AuditListener.actor(), AuditAction.VIEW, recordType, String.valueOf(recordId), null, Map.of("view", view));
        }
    }

    /**
     * Appends the erasure of a client's personal data: who, when, the client's id and why (a code such as
     * {@code RETENTION}, {@code PURGE 12}, {@code LEDGER}), never a personal value. In the caller's transaction, so the
     * entry exists if and only if the erasure commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(String recordType, Object recordId, String why) {
        AuditBuffer buffer = AuditBuffer.current();
        if (buffer != null) {
            buffer.add(AuditListener.actor(), AuditAction.ERASE, recordType, String.valueOf(recordId), null, Map.of("why", why));
        }
    }
}
