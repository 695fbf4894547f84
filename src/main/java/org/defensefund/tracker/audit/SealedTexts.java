package org.defensefund.tracker.audit;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defensefund.tracker.shared.pii.ClientDataErasedException;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.ClientTextKeys;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.OfClient;
import org.defensefund.tracker.shared.pii.PiiDecryptionException;

/**
 * A client's texts in the audit trail ({@link ClientText}): each old and new value is written as
 * {@code sealed:<client id>:v2:...}, Tink's ciphertext under the client's own key with the record type and field as
 * associated data (a value moved to another field doesn't open), so that destroying the key (retention, a purge) makes
 * every copy in the trail unreadable while the chain, which covers the stored text, still verifies. The client's id is not
 * personal data; it says which key opens the value. The audit page opens the values of its page with the keys of their
 * clients, read in one statement; an erased client's show {@value #ERASED}.
 */
final class SealedTexts {

    /** Starts a sealed value in the trail. */
    static final String PREFIX = "sealed:";

    /** What the page shows for a value whose client's key is destroyed. */
    static final String ERASED = "[personal data erased]";

    /** A client's id has at most 18 digits (a long); a longer run in a text someone typed is not one. */
    private static final Pattern SEALED = Pattern.compile("sealed:(\\d{1,18}):");

    private final Object entity;
    private final String recordType;
    private boolean resolved;
    private boolean clientKnown;
    private Long clientId;
    private Aead key;

    private SealedTexts(Object entity, String recordType) {
        this.entity = entity;
        this.recordType = recordType;
    }

    /** A sealer whose client and key are known already. */
    SealedTexts(String recordType, Long clientId, Aead key) {
        this(null, recordType);
        this.resolved = true;
        this.clientKnown = true;
        this.clientId = clientId;
        this.key = key;
    }

    /** The sealer of one entity's texts (its client and key are looked up on first use, once). */
    static SealedTexts of(Object entity, String recordType) {
        return new SealedTexts(entity, recordType);
    }

    /**
     * A text of this entity as the trail stores it: sealed under its client's key; {@value Snapshots#PERSONAL_DATA} when
     * the client can't be told or their key is destroyed (never the text in clear).
     */
    String seal(String field, String clear) {
        if (clear == null || clear.isEmpty()) {
            return clear;
        }
        resolve();
        if (key == null) {
            return Snapshots.PERSONAL_DATA;
        }
        return PREFIX + clientId + ":" + Keyring.encrypt(key, column(recordType, field), clear);
    }

    /**
     * A text its record keeps sealed under the client's key ({@link ClientText#sealed()}, bound to the same
     * {@code Type.field}) as the trail stores it: that ciphertext, with the client's id; {@value Snapshots#PERSONAL_DATA}
     * when the client can't be told.
     */
    String copy(String ciphertext) {
        Long client = client();
        return client == null ? Snapshots.PERSONAL_DATA : PREFIX + client + ":" + ciphertext;
    }

    private Long client() {
        if (!clientKnown) {
            clientKnown = true;
            if (entity instanceof OfClient owned) {
                clientId = owned.ownerClientId();
                if (clientId == null && owned.ownerCaseId() != null) {
                    clientId = keys().clientOfCase(owned.ownerCaseId());
                }
            }
        }
        return clientId;
    }

    private void resolve() {
        if (resolved) {
            return;
        }
        resolved = true;
        if (client() == null) {
            return;
        }
        try {
            key = keys().keyForSealing(clientId);
        } catch (ClientDataErasedException erased) {
            key = null;
        }
    }

    /** The clients whose keys seal the values of these JSON texts (old and new values of a page of entries). */
    static Set<Long> clientsIn(Collection<String> texts) {
        Set<Long> clients = new HashSet<>();
        for (String text : texts) {
            if (text != null && text.contains(PREFIX)) {
                Matcher found = SEALED.matcher(text);
                while (found.find()) {
                    clients.add(Long.parseLong(found.group(1)));
                }
            }
        }
        return clients;
    }

    /**
     * A stored value as the page shows it: a sealed one opened with its client's key ({@value #ERASED} when the key is
     * gone; as stored when it doesn't open, which only a value changed in the database does); any other as it is.
     */
    static String open(String recordType, String field, String stored, Map<Long, Aead> keys) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            return stored;
        }
        try {
            Aead key = keys.get(Long.parseLong(stored.substring(PREFIX.length(), colon)));
            return key == null ? ERASED : Keyring.decrypt(key, column(recordType, field), stored.substring(colon + 1));
        } catch (NumberFormatException | PiiDecryptionException unreadable) {
            return stored;
        }
    }

    static ClientTextKeys keys() {
        return CDI.current().select(ClientTextKeys.class).get();
    }

    private static String column(String recordType, String field) {
        return recordType + "." + field;
    }
}
