package org.defensefund.tracker.deadlines;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Synchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseRecord;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.shared.BeforeCommit;

/**
 * A default entity listener of the persistence unit ({@code META-INF/orm.xml}): notes which cases a transaction
 * changed (the case itself, one of its records: a relief decision, a hearing, a custody change, or an offer) and which
 * grants, and just before it commits brings their deadlines up to date on the transaction's own connection
 * ({@link DeadlineTable}), so a fact and the deadlines it starts are saved together or not at all, whichever service
 * recorded it.
 */
public class DeadlineListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        Long caseId = null;
        Long grantId = null;
        if (entity instanceof LegalCase legalCase) {
            caseId = legalCase.getId();
        } else if (entity instanceof CaseRecord record && record.getLegalCase() != null) {
            caseId = record.getLegalCase().getId();
        } else if (entity instanceof CaseOffer offer && offer.getLegalCase() != null) {
            caseId = offer.getLegalCase().getId();
        } else if (entity instanceof Grant grant) {
            grantId = grant.getId();
        }
        if (caseId != null || grantId != null) {
            Pending pending = BeforeCommit.work(Pending.class, Pending::new);
            if (pending != null) {
                if (caseId != null) {
                    pending.cases.add(caseId);
                } else {
                    pending.grants.add(grantId);
                }
            }
        }
    }

    /** The cases and grants one transaction changed, whose deadlines are refreshed before it commits. */
    static final class Pending implements Synchronization {

        final Set<Long> cases = new HashSet<>();
        final Set<Long> grants = new HashSet<>();

        @Override
        public void beforeCompletion() {
            if (cases.isEmpty() && grants.isEmpty()) {
                return;
            }
            try (Connection connection = BeforeCommit.connection()) {
                DeadlineTable.refresh(connection, cases);
                DeadlineTable.refreshGrants(connection, grants);
            } catch (SQLException e) {
                throw new IllegalStateException("the cases' deadlines could not be updated; the change is not saved", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            cases.clear();
            grants.clear();
        }
    }
}
