package org.defensefund.tracker.clients;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.BeforeCommit;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.pii.ClientDataErasedException;
import org.defensefund.tracker.shared.pii.ClientTextKeys;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiKeyException;

/**
 * Each client's own data key ({@code client_key}, see {@link Keyring}): made in the transaction that records the client
 * (the entity listener {@link NewClients}, just before commit, one batched statement), unwrapped on demand into a
 * bounded cache of Tink AEADs, and destroyed for good by {@link #destroy}: the crypto-shredding of issue 15, which
 * retention and the emergency purge call.
 *
 * <p>Lifecycle of a key: made (wrapped by the current master key) -> re-wrapped by a rotation (same key) -> destroyed
 * (wrapped keyset emptied, {@code destroyed_at} set, cache evicted). A destroyed key never comes back: reading it gives
 * {@link ClientDataErasedException}, and no new key is made for that client.
 *
 * <p>Plain JDBC, not an entity: the audit trail copies the old and new values of every entity it sees, and a wrapped key
 * has no place there.
 */
@ApplicationScoped
public class ClientKeys implements ClientTextKeys {

    private static final Logger LOG = Logger.getLogger(ClientKeys.class.getName());

    /** The most unwrapped keys kept in memory (an AEAD is a few hundred bytes). */
    static final int CACHE = 10_000;

    private static final String INSERT = "INSERT IGNORE INTO client_key (client_id, keyset, master_key_id, created_at) VALUES (?, ?, ?, ?)";

    /**
     * How long an unwrapped key is used without reading its row again: a key destroyed by another server (several
     * servers on one database) stops opening here within this time; on the server that destroys it, at once.
     */
    static final long CACHE_NANOS = 5L * 60 * 1_000_000_000L;

    /** An unwrapped key (null: destroyed) and when its row was read. */
    private record Unwrapped(Aead aead, long readAt) {
    }

    /** Unwrapped keys, least recently used first. Evicted on destroy. */
    private static final Map<Long, Unwrapped> UNWRAPPED = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Unwrapped> eldest) {
            return size() > CACHE;
        }
    });

    /** The clients of cases whose records' texts were sealed or opened lately (a case's client never changes). */
    private static final Map<Long, Long> CASE_CLIENTS = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > CACHE;
        }
    });

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Inject
    private CurrentUser currentUser;

    /**
     * The AEAD of a client's key, from the cache or unwrapped. {@link ClientDataErasedException} when the key was
     * destroyed; {@link RecordNotFoundException} when the client has none (yet).
     */
    public Aead keyOf(long clientId) {
        return keysOf(List.of(clientId)).get(clientId);
    }

    /**
     * The AEADs of several clients' keys, those not in the cache read in one statement per 500 (a list of 50 cases never
     * reads 50 keys one by one). An erased client fails the whole call with {@link ClientDataErasedException}.
     */
    public Map<Long, Aead> keysOf(Collection<Long> clientIds) {
        Set<Long> ids = new LinkedHashSet<>(clientIds);
        warm(ids);
        Map<Long, Aead> found = new HashMap<>();
        for (Long id : ids) {
            Unwrapped cached = UNWRAPPED.get(id);
            if (cached == null) {
                // Evicted between the two (a destroy, the cache's bound): read once more.
                warm(List.of(id));
                cached = UNWRAPPED.get(id);
            }
            if (cached == null) {
                throw new RecordNotFoundException("Client key", id);
            }
            if (cached.aead() == null) {
                throw new ClientDataErasedException(id);
            }
            found.put(id, cached.aead());
        }
        return found;
    }

    /**
     * The AEAD of a client's key to seal a value with, read from its row, never from the cache (a value sealed under a
     * key the row no longer holds could never be read again); a client who has no key yet (a row written around the
     * application) gets one now, in the caller's transaction. {@link ClientDataErasedException} when it was destroyed.
     */
    public Aead keyForWriting(long clientId) {
        evict(clientId);
        try {
            return keyOf(clientId);
        } catch (RecordNotFoundException none) {
            try (Connection connection = dataSource.getConnection()) {
                makeKeys(connection, Keyrings.configured(), List.of(clientId));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not make client " + clientId + "'s key", e);
            }
            return keyOf(clientId);
        }
    }

    /**
     * The key to seal this client's texts in the audit trail with: for a client recorded in the running transaction the key
     * made with them (not stored yet), else {@link #keyForWriting} once per client and transaction.
     */
    @Override
    public Aead keyForSealing(long clientId) {
        Pending pending = BeforeCommit.work(Pending.class, Pending::new);
        if (pending == null) {
            return keyForWriting(clientId);
        }
        Aead known = pending.sealing.get(clientId);
        if (known == null) {
            KeysetHandle made = pending.clients.get(clientId);
            known = made != null ? Keyring.aead(made) : keyForWriting(clientId);
            pending.sealing.put(clientId, known);
        }
        return known;
    }

    @Override
    public Map<Long, Aead> readableKeys(Collection<Long> clientIds) {
        Set<Long> ids = new LinkedHashSet<>(clientIds);
        warm(ids);
        Map<Long, Aead> found = new HashMap<>();
        for (Long id : ids) {
            Unwrapped cached = UNWRAPPED.get(id);
            if (cached != null && cached.aead() != null) {
                found.put(id, cached.aead());
            }
        }
        return found;
    }

    @Override
    public Aead keyForReading(long clientId) {
        return keyOf(clientId);
    }

    @Override
    public Long clientOfCase(long caseId) {
        Long known = CASE_CLIENTS.get(caseId);
        if (known != null) {
            return known;
        }
        Long found = readClientOfCase(caseId);
        if (found != null) {
            CASE_CLIENTS.put(caseId, found);
        }
        return found;
    }

    private Long readClientOfCase(long caseId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT client_id FROM legal_case WHERE id = ?")) {
            select.setLong(1, caseId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the client of case " + caseId, e);
        }
    }

    /**
     * Forgets the unwrapped key of a client on this server, so the next use reads its row again (a value that fails to
     * open under the key in memory is tried once more with the row's: the key in memory may be one a rolled-back
     * transaction made).
     */
    public void evict(long clientId) {
        UNWRAPPED.remove(clientId);
    }

    /**
     * Reads the keys of these clients that are not in the cache, in one statement per 500, so that a list opening their
     * names afterwards reads none one by one; a destroyed key is remembered as destroyed. Clients who have no key are
     * passed over.
     */
    public void warm(Collection<Long> clientIds) {
        List<Long> missing = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(clientIds)) {
            Unwrapped cached = id == null ? null : UNWRAPPED.get(id);
            if (id != null && (cached == null || System.nanoTime() - cached.readAt() >= CACHE_NANOS)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Keyring keyring = Keyrings.configured();
        try (Connection connection = dataSource.getConnection()) {
            // A destroyed key is remembered as such: opening that client then reads nothing more.
            read(connection, keyring, missing, (clientId, aead) -> UNWRAPPED.put(clientId, new Unwrapped(aead, System.nanoTime())));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the clients' keys", e);
        }
    }

    /**
     * Empties this server's cache of unwrapped keys: the next reads unwrap again. For tests that count the statements of
     * a request with nothing in memory (the most it can cost); an operator never needs it.
     */
    public static void forgetCached() {
        UNWRAPPED.clear();
    }

    /** Whether this client's key was destroyed (their personal data erased). */
    public boolean isErased(long clientId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT destroyed_at IS NOT NULL FROM client_key WHERE client_id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read client " + clientId + "'s key", e);
        }
    }

    /**
     * Destroys a client's key, for good: the wrapped keyset is emptied in the caller's transaction and the unwrapped key
     * leaves this server's cache, so nothing under it can be decrypted again (this is the erasure: retention and the
     * emergency purge call it and record it in the audit trail themselves). A client without a key yet gets a destroyed
     * row, so no key is made for them later. Idempotent. Administrators (and the system's own jobs) only.
     */
    @Transactional
    public void destroy(long clientId) {
        currentUser.requireAdmin("erase a client's personal data");
        Instant now = Instant.now(FundClock.current());
        try (Connection connection = dataSource.getConnection()) {
            int changed;
            try (PreparedStatement update = connection.prepareStatement("UPDATE client_key SET keyset = NULL, master_key_id = NULL,"
                    + " destroyed_at = ? WHERE client_id = ? AND destroyed_at IS NULL")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setLong(2, clientId);
                changed = update.executeUpdate();
            }
            if (changed == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO client_key (client_id, created_at, destroyed_at)"
                        + " SELECT id, ?, ? FROM client WHERE id = ?")) {
                    insert.setTimestamp(1, Timestamp.from(now));
                    insert.setTimestamp(2, Timestamp.from(now));
                    insert.setLong(3, clientId);
                    if (insert.executeUpdate() == 0 && !isErased(clientId)) {
                        throw new RecordNotFoundException("Client", clientId);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not destroy client " + clientId + "'s key", e);
        } finally {
            UNWRAPPED.remove(clientId);
        }
        LOG.info(() -> "Destroyed the key of client " + clientId + ": their encrypted personal data can no longer be read");
    }

    /**
     * Destroys the keys of many clients at once (an emergency purge, a day's retention): as {@link #destroy} for each,
     * in statements of 1,000 clients, in the caller's transaction. Returns how many keys were destroyed now (keys
     * already destroyed and clients without a key are not counted; the latter get a destroyed row too).
     */
    @Transactional
    public int destroyAll(Collection<Long> clientIds) {
        currentUser.requireAdmin("erase clients' personal data");
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(clientIds));
        Timestamp now = Timestamp.from(Instant.now(FundClock.current()));
        int destroyed = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < ids.size(); i += 1000) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
                String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement update = connection.prepareStatement("UPDATE client_key SET keyset = NULL, master_key_id = NULL,"
                        + " destroyed_at = ? WHERE destroyed_at IS NULL AND client_id IN (" + in + ")");
                     PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO client_key (client_id, created_at, destroyed_at)"
                             + " SELECT id, ?, ? FROM client WHERE id IN (" + in + ")")) {
                    update.setTimestamp(1, now);
                    insert.setTimestamp(1, now);
                    insert.setTimestamp(2, now);
                    for (int j = 0; j < chunk.size(); j++) {
                        update.setLong(j + 2, chunk.get(j));
                        insert.setLong(j + 3, chunk.get(j));
                    }
                    destroyed += update.executeUpdate();
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not destroy the clients' keys", e);
        } finally {
            ids.forEach(UNWRAPPED::remove);
        }
        int count = destroyed;
        LOG.info(() -> "Destroyed the keys of " + count + " clients: their encrypted personal data can no longer be read");
        return count;
    }

    /**
     * The keys of these clients on a connection of the caller's (a start-up step's, the seeder's), a key made first for any
     * client without one; erased clients (their key destroyed) are left out. One statement per 500 clients.
     */
    public static Map<Long, Aead> openKeys(Connection connection, Keyring keyring, Collection<Long> clientIds) throws SQLException {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(clientIds));
        makeKeys(connection, keyring, ids);
        Map<Long, Aead> keys = new HashMap<>();
        read(connection, keyring, ids, (clientId, aead) -> {
            if (aead != null) {
                keys.put(clientId, aead);
            }
        });
        return keys;
    }

    /** Reads and unwraps these clients' keys, one statement per 500; a destroyed key is given as null, a client without one not at all. */
    private static void read(Connection connection, Keyring keyring, List<Long> ids, BiConsumer<Long, Aead> found) throws SQLException {
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            try (PreparedStatement select = connection.prepareStatement("SELECT client_id, keyset, master_key_id FROM client_key WHERE client_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int j = 0; j < chunk.size(); j++) {
                    select.setLong(j + 1, chunk.get(j));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long clientId = row.getLong(1);
                        byte[] keyset = row.getBytes(2);
                        found.accept(clientId, keyset == null ? null : keyring.unwrap(clientId, new Keyring.Wrapped(keyset, row.getString(3))));
                    }
                }
            }
        }
    }

    /** Makes a key for each of these clients that has none (a destroyed key stays destroyed); returns how many were made. */
    static int makeKeys(Connection connection, Keyring keyring, Collection<Long> clientIds) throws SQLException {
        Map<Long, KeysetHandle> keys = new LinkedHashMap<>();
        clientIds.forEach(id -> keys.put(id, null));
        return storeKeys(connection, keyring, keys);
    }

    /**
     * Stores these clients' keys wrapped by the current master key (a null key: a new one is made), unless the client has
     * one already (a destroyed key stays destroyed); returns how many were stored.
     */
    static int storeKeys(Connection connection, Keyring keyring, Map<Long, KeysetHandle> keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        int made = 0;
        Timestamp now = Timestamp.from(Instant.now(FundClock.current()));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<Long, KeysetHandle> key : keys.entrySet()) {
                Keyring.Wrapped wrapped = keyring.wrap(key.getKey(), key.getValue() != null ? key.getValue() : Keyring.generate());
                insert.setLong(1, key.getKey());
                insert.setBytes(2, wrapped.keyset());
                insert.setString(3, wrapped.masterKeyId());
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            for (int changed : insert.executeBatch()) {
                made += changed > 0 ? 1 : 0;
            }
        }
        return made;
    }

    /**
     * Makes a key for every client without one (clients recorded before V32, or written by the seeder), one id range a statement, each
     * committed; idempotent. Returns how many were made.
     */
    static int makeMissingKeys(Connection connection, Keyring keyring) throws SQLException {
        int made = 0;
        long last = ClientSealing.highestId(connection, "client");
        for (long after = 0; after < last; after += ClientSealing.SPAN) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id FROM client c LEFT JOIN client_key k ON k.client_id = c.id"
                    + " WHERE c.id > ? AND c.id <= ? AND k.client_id IS NULL ORDER BY c.id")) {
                select.setLong(1, after);
                select.setLong(2, after + ClientSealing.SPAN);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            made += makeKeys(connection, keyring, ids);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        return made;
    }

    /**
     * Entity listener of {@link Client}: a new client's key (made when it was persisted, its values sealed under it) is
     * stored, wrapped by the master key with the client's id, just before the transaction that records them commits.
     */
    public static class NewClients {

        @PostPersist
        void recorded(Client client) {
            Pending pending = BeforeCommit.work(Pending.class, Pending::new);
            if (pending == null) {
                throw new PiiKeyException("A client can only be recorded in a transaction (their key is made with them)");
            }
            pending.clients.put(client.getId(), client.newKey());
        }
    }

    /** The clients one transaction recorded, whose keys are stored just before it commits. */
    static final class Pending implements Synchronization {

        final Map<Long, KeysetHandle> clients = new LinkedHashMap<>();

        /** The keys this transaction sealed clients' texts with ({@link #keyForSealing}). */
        final Map<Long, Aead> sealing = new HashMap<>();

        @Override
        public void beforeCompletion() {
            if (clients.isEmpty()) {
                return;
            }
            try (Connection connection = BeforeCommit.connection()) {
                storeKeys(connection, Keyrings.configured(), clients);
            } catch (SQLException e) {
                throw new IllegalStateException("the client's key could not be made; the client is not saved", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            clients.clear();
            sealing.clear();
        }
    }
}
