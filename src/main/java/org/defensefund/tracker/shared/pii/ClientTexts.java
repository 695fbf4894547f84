package org.defensefund.tracker.shared.pii;

import jakarta.enterprise.inject.spi.CDI;

/**
 * Sealing and opening a text about a client for a record that knows the client only by id, or only its case's id (a
 * cost, a deadline, a legal hold): {@code v2:} under the client's own key, bound to {@code Type.field} ({@link
 * OpenedTexts#column}), as the records that hold the client do ({@code clients.Client#sealText}). A record keeps the
 * ciphertext in its mapped field and an {@link OpenedTexts} beside it.
 */
public final class ClientTexts {

    private ClientTexts() {
    }

    /** A text sealed under this client's key; null stays null; for an erased client (key destroyed) the empty text. */
    public static String seal(Object record, String field, Long clientId, String clear) {
        return sealColumn(OpenedTexts.column(record, field), clientId, clear);
    }

    /** As {@link #seal}, for a text kept outside an entity (the outbox's), bound to {@code column}. */
    public static String sealColumn(String column, Long clientId, String clear) {
        if (clear == null) {
            return null;
        }
        if (clientId == null) {
            throw new IllegalStateException("A text of " + column + " has no client to be sealed for");
        }
        try {
            return Keyring.encrypt(keys().keyForSealing(clientId), column, clear);
        } catch (ClientDataErasedException erased) {
            return "";
        }
    }

    /**
     * A sealed text in clear; a text stored before in clear as it is, or under the fund's key ({@code v1:}) opened with it;
     * null once the client's key is destroyed.
     */
    public static String open(Object record, String field, Long clientId, String stored) {
        return openColumn(OpenedTexts.column(record, field), clientId, stored);
    }

    /** As {@link #open}, for a text kept outside an entity, bound to {@code column}. */
    public static String openColumn(String column, Long clientId, String stored) {
        if (PiiCipher.isCiphertext(stored)) {
            return PiiCipher.current().decrypt(stored);
        }
        if (stored == null || !Keyring.isClientCiphertext(stored)) {
            return stored;
        }
        if (clientId == null) {
            return null;
        }
        try {
            return Keyring.decrypt(keys().keyForReading(clientId), column, stored);
        } catch (ClientDataErasedException erased) {
            return null;
        }
    }

    /** Reads the keys of these clients not in memory yet, in one statement per 500 (a list about to open their texts). */
    public static void warm(java.util.Collection<Long> clientIds) {
        if (!clientIds.isEmpty()) {
            keys().readableKeys(clientIds);
        }
    }

    /** The client of a case (remembered). */
    public static Long clientOfCase(Long caseId) {
        return caseId == null ? null : keys().clientOfCase(caseId);
    }

    private static ClientTextKeys keys() {
        return CDI.current().select(ClientTextKeys.class).get();
    }
}
