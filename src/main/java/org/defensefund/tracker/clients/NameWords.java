package org.defensefund.tracker.clients;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.defensefund.tracker.shared.BeforeCommit;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * The name search index: every word of a client's first and last names, folded (accents and capitals dropped,
 * "Núñez-Ortiz" gives "nunez" and "ortiz"), and every beginning of it of {@value #PREFIX} letters or more, each stored
 * only as a keyed hash ({@link PiiCipher#searchToken}) in {@code client_name_word}: the names themselves are sealed under
 * the client's key ({@link Client}), and the index must not give them back. Search hashes each typed word the same way
 * and finds a client whose every typed word starts one of their name's words (a typed word of one or two letters must be
 * a whole word), through the index, never a scan of every client. What the hashes leak, and why prefixes are kept, is in
 * the README ("Per-client keys and key rotation").
 *
 * <p>Kept in step by the entity listener on {@link Client} in the transaction that creates or renames the client (from
 * the names in clear the entity holds); {@link #rebuild} makes it from the client table, opening the names with each
 * client's key (a database written before it existed, the seeder, an operator's rebuild).
 */
public class NameWords {

    /** Longest word kept. */
    static final int MAX_WORD = 100;

    /** The shortest beginning of a word that is indexed (shorter typed words must be whole words). */
    static final int PREFIX = 3;

    private static final int BATCH = 2000;

    /** The folded words of these texts, in order, each once. */
    public static List<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                    .toLowerCase(Locale.ROOT)
                    .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l")
                    .replace("đ", "d").replace("ı", "i");
            for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** The index entries of these names: the hash of each folded word and of each of its beginnings of 3 letters or more. */
    public static Set<String> tokens(PiiCipher fund, String... names) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String word : of(names)) {
            tokens.add(fund.searchToken(word));
            for (int end = PREFIX; end < word.length(); end++) {
                if (!Character.isLowSurrogate(word.charAt(end))) {
                    tokens.add(fund.searchToken(word.substring(0, end)));
                }
            }
        }
        return tokens;
    }

    /** What a typed word is looked up by in the index. */
    public static String searchToken(String typedWord) {
        return PiiCipher.current().searchToken(typedWord);
    }

    @PostPersist
    @PostUpdate
    void changed(Client client) {
        Pending pending = BeforeCommit.work(Pending.class, Pending::new);
        if (pending != null) {
            pending.clients.put(client.getId(), new String[] {client.getFirstName(), client.getLastName()});
        }
    }

    /** Writes the index entries of these clients again from their names in clear (first, last). */
    public static void write(Connection connection, PiiCipher fund, Map<Long, String[]> names) throws SQLException {
        List<Long> ids = new ArrayList<>(names.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM client_name_word WHERE client_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")");
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int j = 0; j < chunk.size(); j++) {
                    delete.setLong(j + 1, chunk.get(j));
                }
                delete.executeUpdate();
                for (Long id : chunk) {
                    add(insert, fund, id, names.get(id));
                }
                insert.executeBatch();
            }
        }
    }

    /**
     * Makes the whole index again from the client table, opening each client's names with their key (TRUNCATE commits:
     * not inside a user's transaction). A client whose key is destroyed has no entries.
     */
    public static void rebuild(Connection connection, Keyring keyring, PiiCipher fund) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE client_name_word");
        }
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM client WHERE id > ? AND erased_at IS NULL ORDER BY id LIMIT " + BATCH)) {
                select.setLong(1, after);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        ids.add(after);
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            Map<Long, String[]> names = ClientSealing.names(connection, keyring, ids);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Map.Entry<Long, String[]> entry : names.entrySet()) {
                    add(insert, fund, entry.getKey(), entry.getValue());
                }
                insert.executeBatch();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static final String INSERT = "INSERT IGNORE INTO client_name_word (word, client_id) VALUES (?, ?)";

    private static void add(PreparedStatement insert, PiiCipher fund, long clientId, String[] names) throws SQLException {
        for (String token : tokens(fund, names)) {
            insert.setString(1, token);
            insert.setLong(2, clientId);
            insert.addBatch();
        }
    }

    /** The clients one transaction created or renamed, with their names in clear, indexed just before it commits. */
    static final class Pending implements Synchronization {

        final Map<Long, String[]> clients = new LinkedHashMap<>();

        @Override
        public void beforeCompletion() {
            if (clients.isEmpty()) {
                return;
            }
            try (Connection connection = BeforeCommit.connection()) {
                write(connection, PiiCipher.current(), clients);
            } catch (SQLException e) {
                throw new IllegalStateException("the client's names could not be indexed for search; the change is not saved", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            clients.clear();
        }
    }
}
