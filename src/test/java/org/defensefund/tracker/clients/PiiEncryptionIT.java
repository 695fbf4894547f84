package org.defensefund.tracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.defensefund.tracker.shared.pii.PiiDecryptionException;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Client personal data sealed at rest under the client's own key: the columns (names included) hold only {@code v2:}
 * ciphertext, read back through JPA; the name index holds keyed hashes, never a word, and still finds the client by a
 * word's beginning; destroying the key alone makes every field unreadable; exact A-number search, the duplicate check and
 * uniqueness go through the keyed hash; a changed ciphertext or another key fails loudly; the audit trail keeps no
 * plaintext; rows written before (names in clear, {@code v1:} values) are moved under the client's key by the start-up step.
 */
@ExtendWith(ArquillianExtension.class)
class PiiEncryptionIT {

    private static final String[] ENCRYPTED = {"first_name", "last_name", "a_number", "birth_date", "phone", "street", "postal_code"};

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private CaseService cases;

    @Inject
    private IntakeService intake;

    @Inject
    private CaseQueries queries;

    @Inject
    private ClientService clients;

    @Inject
    private ClientSealingAtStart encryptionAtStart;

    @Inject
    private ClientKeys clientKeys;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    private static String randomDigits() {
        return String.format("%09d", (long) (Math.random() * 999_999_999L));
    }

    /** A referred client with every encrypted field filled in; returns the case. */
    private LegalCase referWithPii(UserAccount admin, String digits) {
        Referral referral = given.referral();
        referral.setANumber("A" + digits);
        Client client = referral.getClient();
        client.setBirthDate(LocalDate.of(1990, 4, 12));
        client.setPhone("617-555-0199");
        client.getAddress().setStreet("12 Quincy Street, apt. 3");
        client.getAddress().setCity("Chelsea");
        client.getAddress().setState("MA");
        client.getAddress().setPostalCode("02150-4411");
        return given.as(admin, () -> intake.refer(referral));
    }

    private Map<String, String> rawColumns(long clientId) {
        Map<String, String> row = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select first_name, last_name, sort_name, a_number, a_number_hash,"
                        + " birth_date, phone, street, postal_code, city, state from client where id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next());
                for (String column : new String[] {"first_name", "last_name", "sort_name", "a_number", "a_number_hash", "birth_date", "phone",
                        "street", "postal_code", "city", "state"}) {
                    row.put(column, result.getString(column));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return row;
    }

    /**
     * The client as JPA reads it in a transaction of its own, so a fresh persistence context decrypts the
     * columns (outside a transaction the server keeps one context for the whole test request).
     */
    private Client read(UserAccount admin, long clientId) {
        return given.as(admin, () -> given.inTransaction(() -> clients.find(clientId)));
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theColumnsHoldOnlyCiphertextAndJpaReadsTheValuesBack() {
        UserAccount admin = given.admin();
        String digits = randomDigits();
        LegalCase created = referWithPii(admin, digits);
        long clientId = created.getClient().getId();

        Map<String, String> raw = rawColumns(clientId);
        for (String column : ENCRYPTED) {
            assertTrue(raw.get(column).startsWith("v2:"), column + ": " + raw.get(column));
        }
        String lastName = created.getClient().getLastName();
        StringBuilder everything = new StringBuilder();
        for (String column : ENCRYPTED) {
            everything.append(raw.get(column)).append('|');
        }
        for (String plaintext : new String[] {digits, "1990-04-12", "617-555-0199", "6175550199", "Quincy", "02150-4411", lastName}) {
            assertFalse(everything.toString().contains(plaintext), "no " + plaintext + " in " + everything);
        }
        assertEquals(lastName.substring(0, 3), raw.get("sort_name"), "the lists sort by the first three letters, no more");
        assertTrue(raw.get("a_number_hash").matches("[0-9a-f]{64}"), raw.get("a_number_hash"));
        assertEquals("Chelsea", raw.get("city"), "city and state stay in clear (coarse geography)");
        assertEquals("MA", raw.get("state"));

        Client read = read(admin, clientId);
        assertEquals(lastName, read.getLastName());
        assertEquals("A " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6), read.getANumberDisplay());
        assertEquals(LocalDate.of(1990, 4, 12), read.getBirthDate());
        assertEquals("617-555-0199", read.getPhone());
        assertEquals("12 Quincy Street, apt. 3", read.getAddress().getStreet());
        assertEquals("02150-4411", read.getAddress().getPostalCode());
        assertEquals("12 Quincy Street, apt. 3, Chelsea, MA, 02150-4411", read.getAddress().getOneLine());
    }

    @Test
    void exactANumberSearchAndTheDuplicateCheckGoThroughTheHashAndItStaysUnique() {
        UserAccount admin = given.admin();
        String digits = randomDigits();
        LegalCase created = referWithPii(admin, digits);
        long clientId = created.getClient().getId();
        ANumber number = new ANumber(digits);

        assertEquals(number.keyedHash(), rawColumns(clientId).get("a_number_hash"));
        assertEquals(Optional.of(clientId), given.as(admin, () -> clients.findByANumber(number)).map(Client::getId));
        assertEquals(List.of(created.getId()), given.as(admin, () -> queries.list(ListQuery.firstPage(20)
                .withFilter(CaseQueries.SEARCH, "A-" + digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6))))
                .stream().map(org.defensefund.tracker.cases.CaseRow::getId).toList());
        assertEquals(List.of(clientId), given.as(admin, () -> clients.possibleDuplicates(Optional.of(number), "Someone", "Else", null))
                .stream().map(Client::getId).toList());
        String lastName = created.getClient().getLastName();
        assertEquals(List.of(clientId), given.as(admin, () -> clients.possibleDuplicates(Optional.empty(), "client", lastName.toUpperCase(),
                LocalDate.of(1990, 4, 12))).stream().map(Client::getId).toList(), "same name (any case) and birth date, compared after decryption");
        assertEquals(List.of(), given.as(admin, () -> clients.possibleDuplicates(Optional.empty(), "Client", lastName, LocalDate.of(1990, 4, 13))));

        Referral again = given.referral();
        again.setANumber(digits);
        assertEquals("client.aNumber.taken", assertThrows(BusinessException.class, () -> given.as(admin, () -> intake.refer(again))).messageKey());

        IllegalStateException duplicate = assertThrows(IllegalStateException.class, () -> update("insert into client (first_name, last_name,"
                + " interpreter_needed, a_number_hash, created_at, updated_at, version) values ('Dup', 'Dup', false, ?, now(6), now(6), 1)",
                number.keyedHash()));
        assertTrue(duplicate.getCause().getMessage().contains("uq_client_a_number_hash"), duplicate.getCause().getMessage());
    }

    @Test
    void aChangedCiphertextOrAnotherKeyFailsWithAClearErrorNotGarbage() {
        UserAccount admin = given.admin();
        LegalCase created = referWithPii(admin, randomDigits());
        long clientId = created.getClient().getId();
        String original = rawColumns(clientId).get("birth_date");
        int at = "v2:".length() + 24;
        String tampered = original.substring(0, at) + (original.charAt(at) == 'A' ? 'B' : 'A') + original.substring(at + 1);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String otherKeys = new PiiCipher(otherKey).encrypt("1990-04-12");
        try {
            for (String stored : new String[] {tampered, otherKeys}) {
                update("update client set birth_date = ? where id = ?", stored, clientId);
                Client read = read(admin, clientId);
                RuntimeException failure = assertThrows(RuntimeException.class, read::getBirthDate, "opened on first use");
                PiiDecryptionException cause = causeOf(failure);
                assertTrue(cause.getMessage().contains("failed its integrity check"), cause.getMessage());
            }
        } finally {
            update("update client set birth_date = ? where id = ?", original, clientId);
        }
        assertEquals(LocalDate.of(1990, 4, 12), read(admin, clientId).getBirthDate(), "restored, it reads again");
    }

    private static PiiDecryptionException causeOf(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PiiDecryptionException decryption) {
                return decryption;
            }
            chain.add(cause.toString());
        }
        throw new AssertionError("no PiiDecryptionException in " + chain);
    }

    @Test
    void theAuditTrailOfAClientEditHoldsNoPlaintext() {
        UserAccount admin = given.admin();
        String digits = randomDigits();
        String newDigits = randomDigits();
        LegalCase created = referWithPii(admin, digits);
        long clientId = created.getClient().getId();
        given.as(admin, () -> given.inTransaction(() -> {
            Client client = em.find(Client.class, clientId);
            client.setANumber(new ANumber(newDigits));
            client.setBirthDate(LocalDate.of(1991, 5, 13));
            client.setPhone("857-555-0142");
            client.getAddress().setStreet("40 Broadway");
            client.getAddress().setPostalCode("02151-2200");
            client.getAddress().setCity("Revere");
            client.setLastName(client.getLastName() + "-Renamed");
            return client;
        }));

        List<String[]> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select action, old_values, new_values from audit_entry"
                        + " where record_type = 'Client' and record_id = ? order by id")) {
            select.setString(1, String.valueOf(clientId));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    entries.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(List.of("CREATE", "UPDATE"), entries.stream().map(entry -> entry[0]).toList());
        String[] update = entries.get(1);
        assertTrue(update[2].contains("\"phone\":\"[personal data, not recorded]\""), "the change is recorded, not the value: " + update[2]);
        assertTrue(update[2].contains("\"street\":\"[personal data, not recorded]\""), update[2]);
        assertTrue(update[2].contains("\"lastName\":\"[personal data, not recorded]\""), "names too: " + update[2]);
        assertTrue(update[2].contains("\"aNumber\":\"[personal data, not recorded]\""), update[2]);
        assertTrue(update[2].contains("\"birthDate\":\"[personal data, not recorded]\""), update[2]);
        assertTrue(update[2].contains("\"city\":\"Revere\""), "city stays in clear: " + update[2]);
        assertTrue(update[1].contains("\"city\":\"Chelsea\""), update[1]);

        for (String[] entry : entries) {
            String text = entry[1] + "|" + entry[2];
            for (String plaintext : new String[] {digits, newDigits, "1990-04-12", "1991-05-13", "617-555-0199", "857-555-0142", "Quincy",
                    "Broadway", "02150-4411", "02151-2200", "v1:", "v2:", created.getClient().getLastName()}) {
                assertFalse(text.contains(plaintext), entry[0] + " holds " + plaintext + ": " + text);
            }
        }
        Client read = read(admin, clientId);
        assertEquals("40 Broadway", read.getAddress().getStreet());
        assertEquals(Optional.of(clientId), given.as(admin, () -> clients.findByANumber(new ANumber(newDigits))).map(Client::getId), "the hash follows the A-number");
    }

    @Test
    void plaintextRowsFromBeforeAreMovedUnderTheClientsOwnKeyByTheStartUpStep() {
        UserAccount admin = given.admin();
        String digits = randomDigits();
        String lastName = InContainer.unique("Legacy").replace(' ', '-');
        update("insert into client (first_name, last_name, birth_date, interpreter_needed, a_number, phone, street, city, state, postal_code,"
                + " created_at, updated_at, version) values ('Old', ?, '1985-02-03', false, ?, '617-555-0123', '7 Old Road', 'Boston', 'MA',"
                + " '02108', now(6), now(6), 1)", lastName, digits);
        long clientId = clientIdOf(lastName);
        assertNull(rawColumns(clientId).get("a_number_hash"));
        assertEquals(digits, rawColumns(clientId).get("a_number"), "plaintext as a database from before V7 holds it");
        // And one past two empty id ranges: the step reads the table range by range and goes on past an empty one.
        long farther = clientId + 2 * ClientSealing.SPAN + 11;
        String fartherName = InContainer.unique("Legacy").replace(' ', '-');
        update("insert into client (id, first_name, last_name, interpreter_needed, phone, created_at, updated_at, version)"
                + " values (" + farther + ", 'Older', ?, false, '617-555-0124', now(6), now(6), 1)", fartherName);

        assertTrue(encryptionAtStart.sealOldRows() >= 2);
        assertTrue(rawColumns(farther).get("last_name").startsWith("v2:"), "a client past empty id ranges is moved too");
        assertEquals(fartherName, read(admin, farther).getLastName());

        Map<String, String> raw = rawColumns(clientId);
        for (String column : ENCRYPTED) {
            assertTrue(raw.get(column).startsWith("v2:"), column + ": " + raw.get(column));
        }
        assertEquals(lastName.substring(0, 3), raw.get("sort_name"));
        assertEquals(new ANumber(digits).keyedHash(), raw.get("a_number_hash"));
        assertEquals("Boston", raw.get("city"));
        Client read = read(admin, clientId);
        assertEquals(LocalDate.of(1985, 2, 3), read.getBirthDate());
        assertEquals(digits, read.aNumber().orElseThrow().digits());
        assertEquals("617-555-0123", read.getPhone());
        assertEquals("7 Old Road", read.getAddress().getStreet());
        assertEquals("02108", read.getAddress().getPostalCode());
        assertEquals("Old", read.getFirstName());
        assertEquals(lastName, read.getLastName());
        assertEquals(Optional.of(clientId), given.as(admin, () -> clients.findByANumber(new ANumber(digits))).map(Client::getId));

        encryptionAtStart.sealOldRows();
        assertEquals(raw, rawColumns(clientId), "a second run leaves encrypted rows alone");
        assertNotEquals(digits, raw.get("a_number"));
    }

    @Test
    void theNameIndexHoldsKeyedHashesThatFindAWordsBeginningAndDestroyingTheKeyAloneMakesEveryFieldUnreadable() {
        UserAccount admin = given.admin();
        LegalCase created = referWithPii(admin, randomDigits());
        long clientId = created.getClient().getId();
        String lastName = created.getClient().getLastName();
        List<String> words = NameWords.of(lastName);
        String word = words.get(words.size() - 1);

        List<String> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select word from client_name_word where client_id = ?")) {
            select.setLong(1, clientId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    entries.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertFalse(entries.isEmpty());
        for (String entry : entries) {
            assertTrue(entry.matches("[A-Za-z0-9_-]{22}"), "a keyed hash, not a word: " + entry);
        }
        assertFalse(entries.contains(word) || entries.contains(word.substring(0, 3)), entries.toString());
        for (String typed : new String[] {word.substring(0, 5).toUpperCase(), word.substring(0, word.length() - 1), lastName}) {
            assertEquals(List.of(created.getId()), given.as(admin, () -> queries.list(ListQuery.firstPage(20)
                    .withFilter(CaseQueries.SEARCH, "client " + typed))).stream().map(org.defensefund.tracker.cases.CaseRow::getId).toList(),
                    "found by " + typed);
        }

        Map<String, String> before = rawColumns(clientId);
        given.as(admin, () -> {
            clientKeys.destroy(clientId);
            return null;
        });
        assertEquals(before, rawColumns(clientId), "nothing emptied: the key alone");
        Client read = read(admin, clientId);
        assertTrue(read.isErased(), "read as erased");
        assertEquals("", read.getLastName());
        assertNull(read.getBirthDate());
        assertNull(read.getPhone());
        assertNull(read.getAddress().getStreet());
        assertTrue(read.aNumber().isEmpty());
        assertEquals("Chelsea", read.getAddress().getCity(), "city is not personal data under the key");
        org.defensefund.tracker.cases.CaseRow row = given.as(admin, () -> queries.list(ListQuery.firstPage(20)
                .withFilter(CaseQueries.SEARCH, created.getCaseNumber()))).get(0);
        assertTrue(row.isClientErased(), "the list shows the marker");
        assertNull(row.getClientName());
    }

    private long clientIdOf(String lastName) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select id from client where last_name = ?")) {
            select.setString(1, lastName);
            try (ResultSet result = select.executeQuery()) {
                assertTrue(result.next());
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
