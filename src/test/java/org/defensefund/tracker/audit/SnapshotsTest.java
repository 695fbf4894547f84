package org.defensefund.tracker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.shared.pii.ClientText;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.OfClient;
import org.junit.jupiter.api.Test;

/** A client's texts in the trail: kept in clear only in memory, written sealed under the client's key, opened back. */
class SnapshotsTest {

    /** A record about a client, as the cases' records are. */
    static final class Noted implements OfClient {
        @jakarta.persistence.Id
        Long id = 12L;
        @ClientText
        String note;
        String status = "OPEN";

        @Override
        public Long ownerClientId() {
            return 7L;
        }
    }

    @Test
    void aClientsTextIsSealedUnderTheirKeyAndOpensOnlyWithIt() {
        Aead key = Keyring.aead(Keyring.generate());
        Noted noted = new Noted();
        noted.note = "Called Maria Lopez";
        Map<String, String> snapshot = Snapshots.of(noted);
        assertTrue(snapshot.get("note").contains("Called Maria Lopez"), "in memory, in clear, so that a change is seen");

        Map<String, String> stored = Snapshots.recorded(snapshot, new SealedTexts("Noted", 7L, key));
        assertTrue(stored.get("note").startsWith("sealed:7:v2:"), stored.toString());
        assertFalse(stored.get("note").contains("Maria"), stored.toString());
        assertEquals("OPEN", stored.get("status"), "the rest as it is");
        assertEquals(Set.of(7L), SealedTexts.clientsIn(List.of("{\"note\":\"" + stored.get("note") + "\"}")));
        assertEquals(Set.of(), SealedTexts.clientsIn(List.of("{\"notes\":\"typed sealed:123456789012345678901234: by someone\"}")),
                "a long run of digits someone typed is no client's id");

        assertEquals("Called Maria Lopez", SealedTexts.open("Noted", "note", stored.get("note"), Map.of(7L, key)));
        assertEquals(SealedTexts.ERASED, SealedTexts.open("Noted", "note", stored.get("note"), Map.of()), "the key destroyed");
        assertEquals(stored.get("note"), SealedTexts.open("Noted", "status", stored.get("note"), Map.of(7L, key)),
                "moved to another field it doesn't open (shown as stored)");
        assertEquals(stored.get("note"), SealedTexts.open("Noted", "note", stored.get("note"), Map.of(7L, Keyring.aead(Keyring.generate()))),
                "nor under another client's key");
        assertEquals("OPEN", SealedTexts.open("Noted", "status", "OPEN", Map.of()));
    }

    @Test
    void withoutAKeyTheTextIsNotRecorded() {
        Noted noted = new Noted();
        noted.note = "Called Maria Lopez";
        assertEquals(Snapshots.PERSONAL_DATA, Snapshots.recorded(Snapshots.of(noted)).get("note"));
        assertEquals(Snapshots.PERSONAL_DATA, Snapshots.recorded(Snapshots.of(noted), new SealedTexts("Noted", 7L, null)).get("note"),
                "an erased client's key");
        noted.note = null;
        assertNull(Snapshots.recorded(Snapshots.of(noted)).get("note"));
    }

    @Test
    void theTrailsMarkersAreShownInTheReadersLanguageNotAsStored() {
        AuditLine.FieldChange change = new AuditLine.FieldChange("note", Snapshots.PERSONAL_DATA, SealedTexts.ERASED);
        assertEquals("admin_audit.personalDataNotRecorded", change.getBeforeNote());
        assertEquals("admin_audit.personalDataErased", change.getAfterNote());
        for (String language : List.of("", "_es", "_ht", "_pt_BR")) {
            java.util.Properties bundle = new java.util.Properties();
            try (java.io.Reader in = new java.io.InputStreamReader(SnapshotsTest.class.getResourceAsStream(
                    "/org/defensefund/tracker/messages" + language + ".properties"), java.nio.charset.StandardCharsets.UTF_8)) {
                bundle.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertTrue(bundle.containsKey(change.getBeforeNote()) && bundle.containsKey(change.getAfterNote()), language);
        }
        AuditLine.FieldChange value = new AuditLine.FieldChange("status", "OPEN", "[personal data]");
        assertNull(value.getBeforeNote(), "a value is shown as it is");
        assertNull(value.getAfterNote(), "even one that looks like a marker");
    }
}
