package org.defensefund.tracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.pii.ClientDataErasedException;
import org.defensefund.tracker.shared.pii.FundKeys;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.MasterKey;
import org.defensefund.tracker.shared.pii.MasterKeyRotation;
import org.defensefund.tracker.shared.pii.MasterKeys;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.defensefund.tracker.shared.pii.PiiKeyException;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each client's own key in the real server and database: made with the client in the transaction that records them,
 * wrapped (never in clear) by the configured master key; destroyed for good by an administrator (not by partner staff),
 * one by one or many at once, after which reading it says "erased" and no new key is made; made at start for clients
 * who had none; and a rotation of the master key that re-wraps every key (clients' and the fund's) without touching
 * the data, then back.
 */
@ExtendWith(ArquillianExtension.class)
class ClientKeysIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private ClientKeys keys;

    @Inject
    private ClientKeysAtStart atStart;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    private long referredClient(UserAccount admin) {
        LegalCase legalCase = given.as(admin, () -> intake.refer(given.referral()));
        return legalCase.getClient().getId();
    }

    private Keyring.Wrapped row(long clientId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT keyset, master_key_id FROM client_key WHERE client_id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "client " + clientId + " has a key row");
                return new Keyring.Wrapped(row.getBytes(1), row.getString(2));
            }
        }
    }

    @Test
    void aRecordedClientHasTheirOwnKeyWrappedByTheMasterKey() throws SQLException {
        UserAccount admin = given.admin();
        long first = referredClient(admin);
        long second = referredClient(admin);
        Keyring.Wrapped wrapped = row(first);
        assertEquals(Keyrings.configured().masters().current().id(), wrapped.masterKeyId());
        assertNotNull(wrapped.keyset());
        assertThrows(RuntimeException.class, () -> Keyrings.configured().unwrap(second, wrapped), "bound to its client");

        Aead key = keys.keyOf(first);
        String stored = Keyring.encrypt(key, "last_name", "Okafor");
        Map<Long, Aead> both = keys.keysOf(List.of(first, second));
        assertEquals("Okafor", Keyring.decrypt(both.get(first), "last_name", stored));
        assertThrows(RuntimeException.class, () -> Keyring.decrypt(both.get(second), "last_name", stored), "each client's own key");
    }

    @Test
    void aDestroyedKeyIsGoneForGoodAndReadingItSaysErased() throws SQLException {
        UserAccount admin = given.admin();
        long clientId = referredClient(admin);
        String stored = Keyring.encrypt(keys.keyOf(clientId), "phone", "617-555-0142");

        UserAccount partnerStaff = given.partnerStaff(given.partner(InContainer.unique("Key Partner")));
        assertThrows(AccessDeniedException.class, () -> given.as(partnerStaff, () -> keys.destroy(clientId)));
        assertFalse(keys.isErased(clientId));

        given.as(admin, () -> keys.destroy(clientId));
        assertTrue(keys.isErased(clientId));
        assertNull(row(clientId).keyset(), "the wrapped keyset is gone from the row");
        ClientDataErasedException erased = assertThrows(ClientDataErasedException.class, () -> keys.keyOf(clientId), "not cached either");
        assertEquals(clientId, erased.clientId());
        assertTrue(erased.getMessage().contains("erased"));
        assertThrows(ClientDataErasedException.class, () -> keys.keysOf(List.of(clientId)));
        assertFalse(stored.contains("0142"));

        given.as(admin, () -> keys.destroy(clientId));
        assertEquals(0, atStart.makeMissingKeys(), "a destroyed key is never made again");
        assertTrue(keys.isErased(clientId));
    }

    @Test
    void manyKeysAreDestroyedAtOnce() throws SQLException {
        UserAccount admin = given.admin();
        long first = referredClient(admin);
        long second = referredClient(admin);
        long keep = referredClient(admin);
        keys.keysOf(List.of(first, second, keep));
        assertThrows(AccessDeniedException.class,
                () -> given.as(given.partnerStaff(given.partner(InContainer.unique("Purge Partner"))), () -> keys.destroyAll(List.of(first))));
        assertEquals(2, given.as(admin, () -> keys.destroyAll(List.of(first, second, first))));
        assertEquals(0, given.as(admin, () -> keys.destroyAll(List.of(first, second))), "already destroyed");
        assertThrows(ClientDataErasedException.class, () -> keys.keyOf(first));
        assertThrows(ClientDataErasedException.class, () -> keys.keyOf(second));
        assertNull(row(second).keyset());
        assertNotNull(keys.keyOf(keep), "the others keep theirs");
    }

    @Test
    void clientsWithoutAKeyGetOneAtStart() throws SQLException {
        // A client recorded before V32 (no key, names in clear): written around the application.
        long clientId;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO client (first_name, last_name, interpreter_needed,"
                     + " created_at, updated_at, version) VALUES ('Before', ?, false, NOW(6), NOW(6), 1)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, InContainer.unique("Keyless").replace(' ', '-'));
            insert.executeUpdate();
            try (java.sql.ResultSet generated = insert.getGeneratedKeys()) {
                generated.next();
                clientId = generated.getLong(1);
            }
        }
        // And one past two empty id ranges: the walk reads the table range by range, never stopping at an empty one.
        long farther = clientId + 2 * ClientSealing.SPAN + 7;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO client (id, first_name, last_name, interpreter_needed,"
                     + " created_at, updated_at, version) VALUES (?, 'Before', ?, false, NOW(6), NOW(6), 1)")) {
            insert.setLong(1, farther);
            insert.setString(2, InContainer.unique("Keyless").replace(' ', '-'));
            insert.executeUpdate();
        }
        assertEquals(0, given.count("SELECT COUNT(*) FROM client_key WHERE client_id IN (" + clientId + ", " + farther + ")"));
        assertTrue(atStart.makeMissingKeys() >= 2);
        assertEquals(Keyrings.configured().masters().current().id(), row(clientId).masterKeyId());
        assertNotNull(keys.keyOf(clientId));
        assertNotNull(keys.keyOf(farther), "a client past empty id ranges gets a key too");
        assertEquals(0, atStart.makeMissingKeys(), "idempotent");
    }

    @Test
    void aRotationReWrapsEveryKeyUnderTheNewMasterKeyWithoutTouchingTheData() throws SQLException {
        UserAccount admin = given.admin();
        long clientId = referredClient(admin);
        Aead before = keys.keyOf(clientId);
        String stored = Keyring.encrypt(before, "street", "7 Rotation Road");
        byte[] configured = Base64.getDecoder().decode(System.getProperty("tracker.pii.key"));
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        String freshId = MasterKey.of(fresh).id();
        String hash = PiiCipher.current().keyedHash("234567890");
        String v1 = PiiCipher.current().encrypt("1990-04-12");

        try (Connection connection = dataSource.getConnection()) {
            Keyring rotating = new Keyring(MasterKeys.of(fresh, configured));
            MasterKeyRotation.Result result = MasterKeyRotation.rotate(connection, rotating, message -> { });
            assertEquals(freshId, result.masterKeyId());
            assertTrue(result.clientKeys() >= 1);
            assertEquals(1, result.fundKeys());
            assertEquals(0, given.count("SELECT COUNT(*) FROM client_key WHERE keyset IS NOT NULL AND master_key_id <> '" + freshId + "'"));
            assertEquals(0, given.count("SELECT COUNT(*) FROM pii_keyset WHERE master_key_id <> '" + freshId + "'"));
            assertEquals(0, MasterKeyRotation.rotate(connection, rotating, message -> { }).clientKeys(), "run again: nothing left");

            Keyring retired = new Keyring(MasterKeys.of(fresh, null));
            assertEquals("7 Rotation Road", Keyring.decrypt(retired.unwrap(clientId, row(clientId)), "street", stored),
                    "the data under the client's key is read with the new master key alone");
            PiiCipher fund = FundKeys.stored(connection, retired).orElseThrow();
            assertEquals(hash, fund.keyedHash("234567890"), "A-number hashes unchanged");
            assertEquals("1990-04-12", fund.decrypt(v1), "v1 values unchanged");
            assertThrows(PiiKeyException.class, () -> Keyrings.configured().unwrap(clientId, row(clientId)),
                    "the old master key alone no longer opens the keys");
            assertEquals("7 Rotation Road", Keyring.decrypt(keys.keyOf(clientId), "street", stored),
                    "the running application keeps the keys it had unwrapped");
        } finally {
            try (Connection connection = dataSource.getConnection()) {
                MasterKeyRotation.rotate(connection, new Keyring(MasterKeys.of(configured, fresh)), message -> { });
            }
        }
        assertEquals(0, given.count("SELECT COUNT(*) FROM client_key WHERE keyset IS NOT NULL AND master_key_id <> '"
                + Keyrings.configured().masters().current().id() + "'"), "rotated back for the other tests");
        assertEquals("7 Rotation Road", Keyring.decrypt(Keyrings.configured().unwrap(clientId, row(clientId)), "street", stored));
    }
}
