package org.defensefund.tracker.testsupport.client;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.defensefund.tracker.shared.FundClock;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Builders for tests that run outside the server (HTTP and browser tests): they write their own rows
 * straight into the integration-test MariaDB, with the same password hashing the server uses.
 */
public final class TestDatabase {

    public static final String PASSWORD = "correct horse battery staple";
    private static String passwordHash;

    private TestDatabase() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long partner(String name) {
        return insert("insert into partner_organization (name, case_capacity, active, created_at, updated_at, version)"
                + " values (?, 12, true, now(6), now(6), 1)", name);
    }

    public static long funder(String name) {
        return insert("insert into funder (name, kind, active, version) values (?, 'FOUNDATION', true, 1)", name);
    }

    /**
     * Opens an account with {@link #PASSWORD}; returns its e-mail. Administrators and partner staff, who
     * must sign in with two factors, get {@link SecondFactor#TEST_SECRET} as their authenticator's secret.
     */
    public static String user(String role, Long partnerId, Long funderId) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@web.test";
        String secret = "FUNDER".equals(role) ? null : encrypted(SecondFactor.TEST_SECRET);
        insert("insert into user_account (email, display_name, password_hash, role, partner_id, funder_id, active, created_at, version,"
                + " totp_secret, totp_enabled_at) values (?, ?, ?, ?, ?, ?, true, now(6), 1, ?, if(? is null, null, now(6)))",
                email, "Web " + role, hash(), role, partnerId, funderId, secret, secret);
        return email;
    }

    /** An active entry of a reference list (COURT...), first in its list's order; returns its id. */
    public static long referenceItem(String list, String name) {
        return insert("insert into reference_item (list_name, code, name, active, sort_order, version) values (?, ?, ?, true, 0, 0)",
                list, name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT), name);
    }

    /**
     * Today as the fund counts days (its zone), for dates written straight into the database: MariaDB's
     * {@code CURDATE()} is the server's (UTC) date, tomorrow's in Boston from 8 pm.
     */
    public static java.sql.Date today() {
        return java.sql.Date.valueOf(java.time.LocalDate.now(FundClock.current()));
    }

    /** A client and a case in OFFERED to the partner, with its pending offer; returns the case id. */
    public static long offeredCase(long partnerId) {
        long client = insert("insert into client (first_name, last_name, interpreter_needed, created_at, updated_at, version)"
                + " values ('Offered', ?, false, now(6), now(6), 1)", unique("Client").replace(' ', '-'));
        long legalCase = insert("insert into legal_case (case_number, client_id, status, priority, referral_date, detained, partner_id,"
                + " created_at, updated_at, version) values (?, ?, 'OFFERED', 'NORMAL', ?, false, ?, now(6), now(6), 1)",
                "T-" + UUID.randomUUID().toString().substring(0, 8), client, today(), partnerId);
        insert("insert into case_offer (case_id, partner_id, status, offered_at, offered_by, version)"
                + " values (?, ?, 'PENDING', now(6), 'test', 1)", legalCase, partnerId);
        rebuildReadModels();
        return legalCase;
    }

    /** A grant of the funder over this year and a sub-award of it to the partner; returns the grant id. */
    public static long grantWithSubAward(String name, long funderId, long partnerId, String grantAmount, String subAwardAmount) {
        long grant = insert("insert into grant_award (funder_id, name, amount, award_date, period_start, period_end, reporting_schedule, version)"
                + " values (?, ?, ?, ? - interval 30 day, ? - interval 30 day, ? + interval 300 day, 'QUARTERLY', 1)",
                funderId, name, new java.math.BigDecimal(grantAmount), today(), today(), today());
        long subAward = insert("insert into sub_award (grant_id, partner_id, amount, period_start, period_end, version)"
                + " values (?, ?, ?, ? - interval 30 day, ? + interval 300 day, 1)", grant, partnerId, new java.math.BigDecimal(subAwardAmount),
                today(), today());
        insert("insert into sub_award_amendment (sub_award_id, amended_at, amended_by, new_amount, new_start, new_end, reason)"
                + " select id, now(6), 'test', amount, period_start, period_end, '' from sub_award where id = ?", subAward);
        return grant;
    }

    /** A case assigned to the partner, its client born in the country, charged to the grant's sub-award of the partner. */
    public static long chargedCase(long partnerId, long grantId, String country) {
        long legalCase = offeredCase(partnerId);
        update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", legalCase);
        update("update legal_case set status = 'ASSIGNED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6) where id = ?", legalCase);
        update("update client set country_of_birth = ? where id = (select client_id from legal_case where id = ?)", country, legalCase);
        insert("insert into case_charge (case_id, sub_award_id, charged_at, charged_by, version)"
                + " select ?, id, now(6), 'test', 1 from sub_award where grant_id = ? and partner_id = ?", legalCase, grantId, partnerId);
        rebuildReadModels();
        return legalCase;
    }

    /**
     * Runs a write; one to the tables the read models follow (cases, clients, charges, costs) makes them
     * again, as the server does in the transaction of a change it makes itself.
     */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            int changed = statement.executeUpdate();
            if (sql.matches("(?is).*\\b(legal_case|client|case_charge|case_cost|disbursement)\\b.*")) {
                rebuildReadModels();
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the read models (dashboards' figures, the name index, the cases' sort names) again from the rows written here. */
    public static void rebuildReadModels() {
        try (Connection connection = connect()) {
            // Clients written here with names in clear are moved under their own keys first, as the server does at start.
            org.defensefund.tracker.clients.ClientSealing.sealAll(connection, keyring(), fund(connection));
            org.defensefund.tracker.cases.CaseSortNames.rebuild(connection);
            org.defensefund.tracker.dashboards.DashboardReadModel.rebuild(connection, new org.defensefund.tracker.shared.Settings().zone());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of the clients with this last name and, unless null, first name ({@code SealedClients}: names are sealed). */
    public static java.util.List<Long> clientsNamed(String firstName, String lastName) {
        try (Connection connection = connect()) {
            return org.defensefund.tracker.testsupport.SealedClients.named(connection, keyring(), fund(connection), firstName, lastName);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client's column in clear, opened with the client's own key. */
    public static String clientValue(long clientId, String column) {
        try (Connection connection = connect()) {
            return org.defensefund.tracker.testsupport.SealedClients.value(connection, keyring(), fund(connection), clientId, column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text about a client sealed in another record (column {@code Type.field}, e.g. "CaseEvent.summary"), in clear. */
    public static String clientText(long clientId, String column, String stored) {
        try (Connection connection = connect()) {
            return org.defensefund.tracker.testsupport.SealedClients.text(connection, keyring(), clientId, column, stored);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The values of one sealed text column of a case's records (column {@code Type.field}) that a query answers (its first
     * column), each opened with the key of the case's client, in the query's order.
     */
    public static java.util.List<String> caseTexts(long caseId, String column, String sql, Object... parameters) {
        long clientId = count("select client_id from legal_case where id = ?", caseId);
        java.util.List<String> texts = new java.util.ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    texts.add(org.defensefund.tracker.testsupport.SealedClients.text(connection, keyring(), clientId, column, result.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    /** The last name of a case's client, in clear. */
    public static String lastNameOfCase(long caseId) {
        return clientValue(count("select client_id from legal_case where id = ?", caseId), "last_name");
    }

    private static org.defensefund.tracker.shared.pii.Keyring keyring() {
        return new org.defensefund.tracker.shared.pii.Keyring(org.defensefund.tracker.shared.pii.MasterKeys.of(
                java.util.Base64.getDecoder().decode(System.getProperty("it.pii.key")), null));
    }

    private static org.defensefund.tracker.shared.pii.PiiCipher fund(Connection connection) throws SQLException {
        return org.defensefund.tracker.shared.pii.FundKeys.stored(connection, keyring()).orElseGet(TestDatabase::cipher);
    }

    public static String text(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyed hash the server stores for an A-number's nine digits ({@code a_number_hash}), under the tests' fixed key. */
    public static String aNumberHash(String digits) {
        return cipher().keyedHash(digits);
    }

    /** Personal data as the server stores it: encrypted with the tests' key. */
    public static String encrypted(String plaintext) {
        return cipher().encrypt(plaintext);
    }

    private static org.defensefund.tracker.shared.pii.PiiCipher cipher() {
        return new org.defensefund.tracker.shared.pii.PiiCipher(java.util.Base64.getDecoder().decode(System.getProperty("it.pii.key")));
    }

    private static synchronized String hash() {
        if (passwordHash == null) {
            Pbkdf2PasswordHashImpl pbkdf2 = new Pbkdf2PasswordHashImpl();
            pbkdf2.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                    "Pbkdf2PasswordHash.Iterations", "600000", "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                    "Pbkdf2PasswordHash.KeySizeBytes", "32"));
            passwordHash = pbkdf2.generate(PASSWORD.toCharArray());
        }
        return passwordHash;
    }

    private static long insert(String sql, Object... parameters) {
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    /** A connection of its own to the test database (the caller closes it), for a test that holds locks or a transaction. */
    public static Connection connection() throws SQLException {
        return connect();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "tracker", "tracker");
    }
}
