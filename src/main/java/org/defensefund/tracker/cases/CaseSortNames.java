package org.defensefund.tracker.cases;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.shared.BeforeCommit;

/**
 * The name each case sorts under in the lists ({@code legal_case.client_sort_name}, indexed with the lists'
 * scopes): its client's sort name (the first letters of the last name, {@code client.sort_name}: the name itself is sealed
 * under the client's key and can't be sorted by the database), or empty while the case is confidential and only offered to a partner, who
 * sees it as "Confidential case" and must not learn where its client's name falls either. A default entity
 * listener ({@code META-INF/orm.xml}) notes the cases a transaction writes and the clients it renames, and just
 * before it commits one statement brings their cases' sort names up to date on the transaction's connection.
 */
public class CaseSortNames {

    /** The sort name of a case {@code c} whose client is {@code cl}, in SQL. */
    static final String SORT_NAME = "IF(c.confidential AND c.status = 'OFFERED', '', cl.sort_name)";

    private static final String UPDATE = "UPDATE legal_case c JOIN client cl ON cl.id = c.client_id SET c.client_sort_name = "
            + SORT_NAME + " WHERE ";

    /** The sort name the lists use for a case, as {@link #SORT_NAME} computes it from the client's (the seeder writes it itself). */
    public static String of(String clientSortName, boolean confidential, String status) {
        return confidential && CaseStatus.OFFERED.name().equals(status) ? "" : clientSortName;
    }

    @PostPersist
    @PostUpdate
    void changed(Object entity) {
        if (entity instanceof LegalCase legalCase) {
            Pending pending = BeforeCommit.work(Pending.class, Pending::new);
            if (pending != null) {
                pending.cases.add(legalCase.getId());
            }
        } else if (entity instanceof Client client) {
            Pending pending = BeforeCommit.work(Pending.class, Pending::new);
            if (pending != null) {
                pending.clients.add(client.getId());
            }
        }
    }

    /** Sets every case's sort name again from its client and state (a database written around the application). */
    public static int rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(UPDATE + "NOT (c.client_sort_name <=> " + SORT_NAME + ")");
        }
    }

    static void refresh(Connection connection, Set<Long> caseIds, Set<Long> clientIds) throws SQLException {
        List<String> where = new ArrayList<>();
        if (!caseIds.isEmpty()) {
            where.add("c.id IN (" + String.join(", ", Collections.nCopies(caseIds.size(), "?")) + ")");
        }
        if (!clientIds.isEmpty()) {
            where.add("c.client_id IN (" + String.join(", ", Collections.nCopies(clientIds.size(), "?")) + ")");
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE + "(" + String.join(" OR ", where) + ")"
                + " AND NOT (c.client_sort_name <=> " + SORT_NAME + ")")) {
            int index = 1;
            for (Long id : caseIds) {
                update.setLong(index++, id);
            }
            for (Long id : clientIds) {
                update.setLong(index++, id);
            }
            update.executeUpdate();
        }
    }

    /** The cases written and clients renamed by one transaction, sorted again just before it commits. */
    static final class Pending implements Synchronization {

        final Set<Long> cases = new HashSet<>();
        final Set<Long> clients = new HashSet<>();

        @Override
        public void beforeCompletion() {
            if (cases.isEmpty() && clients.isEmpty()) {
                return;
            }
            try (Connection connection = BeforeCommit.connection()) {
                refresh(connection, cases, clients);
            } catch (SQLException e) {
                throw new IllegalStateException("the cases' place in the lists could not be kept; the change is not saved", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            cases.clear();
            clients.clear();
        }
    }
}
