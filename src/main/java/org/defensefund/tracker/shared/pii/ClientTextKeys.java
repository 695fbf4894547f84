package org.defensefund.tracker.shared.pii;

import com.google.crypto.tink.Aead;
import java.util.Collection;
import java.util.Map;

/**
 * The clients' own keys as the audit trail needs them to seal a client's texts and to open them again (implemented by
 * {@code clients.ClientKeys}; an interface here so that the trail, which every feature writes to, doesn't depend on one).
 */
public interface ClientTextKeys {

    /**
     * The key to seal this client's values with, read from its row (or, for a client recorded in the running transaction,
     * the key made with them); {@link ClientDataErasedException} when it was destroyed.
     */
    Aead keyForSealing(long clientId);

    /** The key to open this client's values with (from the cache); {@link ClientDataErasedException} when it was destroyed. */
    Aead keyForReading(long clientId);

    /** The keys of these clients that can still be read, in one statement per 500; erased clients are left out. */
    Map<Long, Aead> readableKeys(Collection<Long> clientIds);

    /** The client of a case (a case's client never changes: remembered), or null for no such case. */
    Long clientOfCase(long caseId);
}
