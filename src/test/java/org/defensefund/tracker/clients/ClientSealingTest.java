package org.defensefund.tracker.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.junit.jupiter.api.Test;

/** The sealing of a client's data that needs no database: the name index's tokens, the sort name, a new client's values. */
class ClientSealingTest {

    private final PiiCipher fund = new PiiCipher(new byte[32]);

    @Test
    void theNameIndexHoldsKeyedHashesOfEveryWordAndOfItsBeginningsOfThreeLettersOrMore() {
        Set<String> tokens = NameWords.tokens(fund, "María José", "Núñez-Li");
        for (String typed : new String[] {"maria", "mar", "mari", "jose", "jos", "nunez", "nun", "nune", "li"}) {
            assertTrue(tokens.contains(fund.searchToken(typed)), typed + " finds the client");
        }
        for (String typed : new String[] {"ma", "nu", "l", "aria", "marias", "gar"}) {
            assertFalse(tokens.contains(fund.searchToken(typed)), typed + " does not: two letters must be a whole word, and a"
                    + " word's middle or a longer word is not its beginning");
        }
        assertEquals(3 + 2 + 3 + 1, tokens.size(), "maria: mar, mari + whole; jose: jos + whole; nunez: nun, nune + whole; li");
        for (String token : tokens) {
            assertTrue(token.matches("[A-Za-z0-9_-]{22}"), "a keyed hash, never the word: " + token);
        }
        assertFalse(tokens.contains(new PiiCipher(filled(7)).searchToken("maria")), "another key, other hashes");
        assertFalse(fund.searchToken("234567890").equals(fund.keyedHash("234567890")), "never an A-number's hash");
    }

    @Test
    void theListsSortByTheFirstThreeLettersOfTheLastName() {
        assertEquals("Núñ", ClientSealing.sortName("  Núñez-Ortiz "));
        assertEquals("Li", ClientSealing.sortName("Li"));
        assertEquals("", ClientSealing.sortName(null));
        assertEquals("𝒜bc", ClientSealing.sortName("𝒜bcdef"), "letters, not UTF-16 units");
    }

    @Test
    void aNewClientsValuesAreSealedUnderItsOwnKeyWhenPersistedAndUnchangedValuesStayAsStored() {
        Client client = new Client("Amal", "Haddad");
        client.setBirthDate(LocalDate.of(1990, 4, 12));
        client.setPhone("617-555-0101");
        client.getAddress().setStreet("1 Main Street");
        client.getAddress().setCity("Chelsea");
        assertEquals("Amal Haddad", client.getFullName(), "kept in memory before it is saved");
        assertEquals("1 Main Street", client.getAddress().getStreet());

        client.sealNewClient();

        assertEquals("Amal", ClientSealing.open(Keyring.aead(client.newKey()), "first_name", stored(client, "firstName")));
        assertEquals("1990-04-12", ClientSealing.open(Keyring.aead(client.newKey()), "birth_date", stored(client, "birthDate")));
        assertEquals("1 Main Street", ClientSealing.open(Keyring.aead(client.newKey()), "street", stored(client, "street")));
        assertTrue(stored(client, "lastName").startsWith("v2:") && !stored(client, "lastName").contains("Haddad"));
        assertEquals("Chelsea", stored(client, "city"), "city stays in clear");
        assertEquals("Had", stored(client, "sortName"));
        assertNull(stored(client, "aNumber"));

        String lastName = stored(client, "lastName");
        client.setLastName("Haddad ");
        assertEquals(lastName, stored(client, "lastName"), "the same name set again is not sealed again (the audit sees no change)");
        client.setLastName("Haddad-Said");
        assertFalse(lastName.equals(stored(client, "lastName")));
        assertEquals("Haddad-Said", ClientSealing.open(Keyring.aead(client.newKey()), "last_name", stored(client, "lastName")));
    }

    private static String stored(Client client, String field) {
        try {
            java.lang.reflect.Field declared = Client.class.getDeclaredField(field);
            declared.setAccessible(true);
            return (String) declared.get(client);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }
}
