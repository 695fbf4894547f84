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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.defensefund.tracker.shared.BeforeCommit;

/**
 * The name search index: every word of a client's first and last names, folded (accents and capitals
 * dropped, "Núñez-Ortiz" gives "nunez" and "ortiz"), in {@code client_name_word}. Search finds a client
 * whose every typed word starts one of their name's words, through the index, never a scan of every
 * client. Kept in step by the entity listener on {@link Client} in the transaction that creates or renames
 * the client; {@link #rebuild} makes it from the client table (a database written before it existed, the
 * seeder).
 */
public class NameWords {

    /** Longest word kept (the column's width). */
    static final int MAX_WORD = 100;

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

    @PostPersist
    @PostUpdate
    void changed(Client client) {
        Pending pending = BeforeCommit.work(Pending.class, Pending::new);
        if (pending != null) {
            pending.clients.add(client.getId());
        }
    }

    /** Writes the words of these clients again from their names as stored. */
    public static void refresh(Connection connection, Collection<Long> clientIds) throws SQLException {
        List<Long> ids = new ArrayList<>(clientIds);
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            String in = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM client_name_word WHERE client_id IN (" + in + ")");
                 PreparedStatement select = connection.prepareStatement("SELECT id, first_name, last_name FROM client WHERE id IN (" + in + ")");
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int j = 0; j < chunk.size(); j++) {
                    delete.setLong(j + 1, chunk.get(j));
                    select.setLong(j + 1, chunk.get(j));
                }
                delete.executeUpdate();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        add(insert, row.getLong(1), row.getString(2), row.getString(3));
                    }
                }
                insert.executeBatch();
            }
        }
    }

    /** Makes the whole index again from the client table (TRUNCATE commits: not inside a user's transaction). */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE client_name_word");
        }
        long after = 0;
        int read = BATCH;
        while (read == BATCH) {
            read = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT id, first_name, last_name FROM client WHERE id > ? ORDER BY id LIMIT " + BATCH);
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                select.setLong(1, after);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        add(insert, after, row.getString(2), row.getString(3));
                        read++;
                    }
                }
                insert.executeBatch();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private static final String INSERT = "INSERT IGNORE INTO client_name_word (word, client_id) VALUES (?, ?)";

    private static int add(PreparedStatement insert, long clientId, String first, String last) throws SQLException {
        List<String> words = of(first, last);
        for (String word : words) {
            insert.setString(1, word);
            insert.setLong(2, clientId);
            insert.addBatch();
        }
        return words.size();
    }

    /** The clients one transaction created or renamed, indexed just before it commits. */
    static final class Pending implements Synchronization {

        final Set<Long> clients = new HashSet<>();

        @Override
        public void beforeCompletion() {
            if (clients.isEmpty()) {
                return;
            }
            try (Connection connection = BeforeCommit.connection()) {
                refresh(connection, clients);
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
