package org.defensefund.tracker.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.TotpCodes;
import org.defensefund.tracker.clients.ANumber;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

/** The seeder's generators without a database: determinism, and the invariants of the values they make. */
class SeederTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Test
    void theSameSeedAndChunkGiveTheSamePeople() {
        for (long chunk = 0; chunk < 5; chunk++) {
            SplittableRandom a = CaseStories.randomOf(42, chunk);
            SplittableRandom b = CaseStories.randomOf(42, chunk);
            for (int i = 0; i < 200; i++) {
                assertEquals(SyntheticPeople.person(a, DAY, i % 7 == 0), SyntheticPeople.person(b, DAY, i % 7 == 0));
            }
        }
        assertNotEquals(SyntheticPeople.person(CaseStories.randomOf(42, 0), DAY, false).toString()
                        + SyntheticPeople.person(CaseStories.randomOf(42, 0), DAY, false),
                SyntheticPeople.person(CaseStories.randomOf(43, 0), DAY, false).toString()
                        + SyntheticPeople.person(CaseStories.randomOf(42, 1), DAY, false));
    }

    @Test
    void peopleLookLikeTheFundsClients() {
        SplittableRandom random = CaseStories.randomOf(42, 0);
        Set<String> lastNames = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            SyntheticPeople.Person person = SyntheticPeople.person(random, DAY, false);
            lastNames.add(person.lastName());
            countries.add(person.country());
            assertTrue(person.birthDate().isBefore(DAY.minusYears(17)), "an adult client is at least 18");
            assertTrue(person.phone().matches("\\d{3}-555-01\\d{2}"), person.phone());
            assertTrue(person.postalCode().matches("0\\d{4}"), person.postalCode());
            assertTrue(SyntheticPeople.CITIES.stream().anyMatch(city -> city.name().equals(person.city())));
            assertEquals(person.interpreter() && "en".equals(person.language()), false);
        }
        assertTrue(lastNames.containsAll(Set.of("Garcia", "Hernandez", "Lopez", "Núñez")), "common Latin American surnames, accents kept");
        assertTrue(countries.size() >= 20, "clients from many countries: " + countries);
    }

    @Test
    void aNumbersAreNineDigitsAndDistinctForDistinctClients() {
        Set<String> seen = new HashSet<>();
        for (long id = 1; id <= 200_000; id++) {
            String digits = SyntheticPeople.aNumberDigits(id, 42);
            assertEquals(digits, new ANumber(digits).digits());
            assertTrue(seen.add(digits), "A-number repeated for client " + id);
        }
    }

    @Test
    void benchAccountsHaveStableNamesAndValidBase32Secrets() {
        assertEquals("bench-admin-01@seed.test", BenchAccounts.email(Role.ADMIN, 1));
        assertEquals("bench-partner-50@seed.test", BenchAccounts.email(Role.PARTNER, 50));
        Set<String> secrets = new HashSet<>();
        for (Role role : Role.values()) {
            for (int n = 1; n <= BenchAccounts.COUNT; n++) {
                String secret = BenchAccounts.totpSecret(role, n);
                assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
                assertEquals(secret, BenchAccounts.totpSecret(role, n));
                assertEquals(6, TotpCodes.codeFor(secret, 1).length());
                secrets.add(secret);
            }
        }
        assertEquals(3 * BenchAccounts.COUNT, secrets.size());
        assertThrows(IllegalArgumentException.class, () -> BenchAccounts.email(Role.ADMIN, 0));
    }

    @Test
    void thePasswordHashIsOneSoteriaVerifiesAsTheServerDoes() {
        String hash = Seeder.passwordHash(BenchAccounts.PASSWORD.toCharArray());
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:600000:"), hash);
        Pbkdf2PasswordHashImpl soteria = new Pbkdf2PasswordHashImpl();
        soteria.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "600000", "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        assertTrue(soteria.verify(BenchAccounts.PASSWORD.toCharArray(), hash));
        assertTrue(!soteria.verify("another password".toCharArray(), hash));
    }
}
