package org.defensefund.tracker.clients;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * At start, after the migrations: encrypts the client columns still holding plaintext (rows written
 * before encryption came, V7) and fills their A-number hash. Idempotent: a value already in the
 * cipher's format ({@code v1:}) is left alone, so a second start changes nothing. Runs in one
 * transaction, on plain JDBC (the rows may not yet be readable through JPA), so it isn't in the audit
 * trail; the log says how many rows it encrypted.
 */
@ApplicationScoped
public class ClientEncryptionAtStart {

    private static final Logger LOG = Logger.getLogger(ClientEncryptionAtStart.class.getName());

    /** A row with any of these still plaintext, or an A-number without its hash. */
    private static final String PLAINTEXT_ROWS = "select id, a_number, a_number_hash, birth_date, phone, street, postal_code from client"
            + " where (a_number is not null and (a_number not like 'v1:%' or a_number_hash is null))"
            + " or birth_date not like 'v1:%' or phone not like 'v1:%' or street not like 'v1:%' or postal_code not like 'v1:%'";

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    void encryptAtStart(@Observes SchemaReady ready) {
        int rows = encryptPlaintextRows();
        if (rows > 0) {
            LOG.info(() -> "Encrypted the personal data of " + rows + " client rows written before encryption");
        }
    }

    /** Encrypts what is still plaintext in the client table; returns the number of rows changed. */
    @Transactional
    public int encryptPlaintextRows() {
        PiiCipher cipher = PiiCipher.current();
        int changed = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(PLAINTEXT_ROWS);
                PreparedStatement update = connection.prepareStatement("update client set a_number = ?, a_number_hash = ?,"
                        + " birth_date = ?, phone = ?, street = ?, postal_code = ? where id = ?");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String aNumber = rows.getString("a_number");
                String digits = PiiCipher.isCiphertext(aNumber) ? cipher.decrypt(aNumber) : normalised(aNumber, rows.getLong("id"));
                update.setString(1, PiiCipher.isCiphertext(aNumber) ? aNumber : cipher.encrypt(digits));
                update.setString(2, digits == null ? null : cipher.keyedHash(digits));
                update.setString(3, encrypted(cipher, rows.getString("birth_date")));
                update.setString(4, encrypted(cipher, rows.getString("phone")));
                update.setString(5, encrypted(cipher, rows.getString("street")));
                update.setString(6, encrypted(cipher, rows.getString("postal_code")));
                update.setLong(7, rows.getLong("id"));
                update.addBatch();
                changed++;
            }
            if (changed > 0) {
                update.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not encrypt the client rows written before encryption", e);
        }
        return changed;
    }

    private static String encrypted(PiiCipher cipher, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PiiCipher.isCiphertext(value) ? value : cipher.encrypt(value.trim());
    }

    /** The nine digits of a plaintext A-number as the hash wants them; an unreadable one is hashed as it stands. */
    private static String normalised(String aNumber, long id) {
        if (aNumber == null || aNumber.isBlank()) {
            return null;
        }
        try {
            Optional<ANumber> parsed = ANumber.parse(aNumber);
            return parsed.map(ANumber::digits).orElse(null);
        } catch (InvalidANumberException e) {
            LOG.warning(() -> "Client " + id + " has an A-number that isn't 8 or 9 digits; it is encrypted and hashed as it stands");
            return aNumber.trim();
        }
    }
}
