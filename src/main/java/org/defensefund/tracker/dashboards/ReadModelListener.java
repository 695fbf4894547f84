package org.defensefund.tracker.dashboards;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.defensefund.tracker.cases.CaseRecord;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.funding.CaseCharge;
import org.defensefund.tracker.funding.CaseCost;
import org.defensefund.tracker.funding.Disbursement;
import org.defensefund.tracker.shared.BeforeCommit;
import org.defensefund.tracker.shared.Settings;

/**
 * A default entity listener of the persistence unit ({@code META-INF/orm.xml}): notes which cases,
 * clients, and months of sub-awards' money a transaction changed, and just before it commits brings the dashboards' read
 * model up to date for them on the transaction's own connection ({@link DashboardReadModel}), so the
 * figures change with the change, or not at all.
 */
public class ReadModelListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        if (entity instanceof LegalCase legalCase) {
            pending().cases.add(legalCase.getId());
        } else if (entity instanceof CaseRecord record && record.getLegalCase() != null) {
            pending().cases.add(record.getLegalCase().getId());
        } else if (entity instanceof CaseCharge charge) {
            pending().cases.add(charge.getCaseId());
        } else if (entity instanceof Client client) {
            pending().clients.add(client.getId());
        } else if (entity instanceof CaseCost cost) {
            pending().spend.add(new DashboardReadModel.SpendMonth(cost.getSubAward().getId(), cost.getCostDate().withDayOfMonth(1)));
        } else if (entity instanceof Disbursement disbursement && disbursement.getPaidDate() != null) {
            pending().spend.add(new DashboardReadModel.SpendMonth(disbursement.getSubAward().getId(),
                    disbursement.getPaidDate().withDayOfMonth(1)));
        }
    }

    private static Pending pending() {
        Pending pending = BeforeCommit.work(Pending.class, Pending::new);
        return pending == null ? new Pending() : pending;
    }

    /** What one transaction changed, applied to the read model before it commits. */
    static final class Pending implements Synchronization {

        private static final ZoneId ZONE = new Settings().zone();

        final Set<Long> cases = new HashSet<>();
        final Set<Long> clients = new HashSet<>();
        final Set<DashboardReadModel.SpendMonth> spend = new HashSet<>();

        @Override
        public void beforeCompletion() {
            if (cases.isEmpty() && clients.isEmpty() && spend.isEmpty()) {
                return;
            }
            try (Connection connection = BeforeCommit.connection()) {
                cases.addAll(casesOf(connection, List.copyOf(clients)));
                DashboardReadModel.refresh(connection, ZONE, cases);
                DashboardReadModel.refreshSpend(connection, spend);
            } catch (SQLException e) {
                throw new IllegalStateException("the dashboards' figures could not be updated; the change is not saved", e);
            }
        }

        private static Set<Long> casesOf(Connection connection, List<Long> clientIds) throws SQLException {
            Set<Long> found = new HashSet<>();
            if (clientIds.isEmpty()) {
                return found;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM legal_case WHERE client_id IN ("
                    + DashboardReadModel.marks(clientIds.size()) + ")")) {
                for (int i = 0; i < clientIds.size(); i++) {
                    select.setLong(i + 1, clientIds.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(row.getLong(1));
                    }
                }
            }
            return found;
        }

        @Override
        public void afterCompletion(int status) {
            cases.clear();
            clients.clear();
            spend.clear();
        }
    }
}
