package org.defensefund.tracker.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.TotpCodes;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.dashboards.Dashboard;
import org.defensefund.tracker.dashboards.DashboardScope;
import org.defensefund.tracker.dashboards.DashboardService;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.ErasureFixtures;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.TextColumns;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The emergency purge against the real database: two closed clients, one closed client under a legal hold and one with a
 * case still open; a purge of the clients whose cases ended, keeping holds, proposed by one administrator; refused to
 * the proposer, after the time limit and with a wrong code; confirmed by a second administrator with their app's current
 * code; run in the background's batches to the end. Proved: the two erased (every text column of every table scanned
 * for their values, the audit trail included, as in {@link ClientErasureIT}), the held and the open
 * one kept, dashboards and budget figures identical, the audit chain intact, each erasure an entry {@code PURGE <id>}.
 */
@ExtendWith(ArquillianExtension.class)
class PurgeIT {

    private static final Logger LOG = Logger.getLogger(PurgeIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private ErasureFixtures fixtures;

    @Inject
    private PurgeService purges;

    @Inject
    private PurgeSchedule schedule;

    @Inject
    private RetentionService retention;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private DashboardService dashboards;

    @Inject
    private BudgetService budgets;

    @Inject
    private AuditService audit;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void aSecondAdministratorConfirmsWithAFreshCodeAndTheMatchingClientsAreErasedInTheBackground() throws Exception {
        UserAccount proposer = given.admin();
        UserAccount confirmer = given.admin();
        String secret = TotpCodes.newSecret();
        given.inTransaction(() -> em.createNativeQuery("UPDATE user_account SET totp_secret = ?1, totp_enabled_at = NOW(6), totp_last_step = 0 WHERE id = ?2")
                .setParameter(1, org.defensefund.tracker.shared.pii.PiiCipher.current().encrypt(secret)).setParameter(2, confirmer.getId()).executeUpdate());
        PartnerOrganization partner = given.partner(InContainer.unique("Purge Legal"));
        Grant grant = given.grant("9000.00", g -> { });
        SubAward subAward = given.subAward(grant, partner, "4000.00");
        ErasureFixtures.Person first = ErasureFixtures.Person.unique();
        ErasureFixtures.Person second = ErasureFixtures.Person.unique();
        ErasureFixtures.Person held = ErasureFixtures.Person.unique();
        LegalCase firstCase = fixtures.closedCaseOf(first, proposer, partner, subAward);
        LegalCase secondCase = fixtures.closedCaseOf(second, proposer, partner, subAward);
        LegalCase heldCase = fixtures.closedCaseOf(held, proposer, partner, subAward);
        given.as(proposer, () -> retention.placeHold(heldCase.getCaseNumber(), "Records subpoenaed"));
        LegalCase open = given.referred();

        LocalDate today = LocalDate.now(FundClock.current());
        Dashboard dashboardBefore = given.as(proposer, () -> dashboards.dashboard(DashboardScope.WHOLE_FUND, today.minusYears(1), today, false));
        BudgetFigures budgetBefore = given.as(proposer, () -> budgets.grant(grant.getId(), BudgetService.EARLIEST, BudgetService.LATEST));

        assertThrows(AccessDeniedException.class, () -> given.as(given.partnerStaff(partner), () -> purges.propose(PurgeSelection.ALL, false)));
        assertEquals("selection", assertThrows(BusinessException.class, () -> given.as(proposer, () -> purges.propose(null, true))).field());
        Purge proposed = given.as(proposer, () -> purges.propose(PurgeSelection.ENDED, true));
        assertEquals(PurgeStatus.PROPOSED, proposed.getStatus());
        assertEquals("purge.sameAdministrator", assertThrows(BusinessException.class,
                () -> given.as(proposer, () -> purges.confirm(proposed.getId(), proposed.getVersion(), "123456"))).messageKey());
        try (FundClock.Setting later = FundClock.fixedAt(Instant.now(FundClock.current()).plus(Duration.ofMinutes(31)))) {
            assertEquals("purge.expired", assertThrows(BusinessException.class,
                    () -> given.as(confirmer, () -> purges.confirm(proposed.getId(), proposed.getVersion(), current(secret)))).messageKey());
        }
        String wrong = current(secret).equals("000000") ? "111111" : "000000";
        assertEquals("twoFactor.code.wrong", assertThrows(BusinessException.class,
                () -> given.as(confirmer, () -> purges.confirm(proposed.getId(), proposed.getVersion(), wrong))).messageKey());
        assertEquals(PurgeStatus.PROPOSED, statusOf(proposed.getId()), "nothing confirmed by the refusals");

        Purge running = given.as(confirmer, () -> purges.confirm(proposed.getId(), proposed.getVersion(), current(secret)));
        assertEquals(PurgeStatus.RUNNING, running.getStatus());
        assertTrue(running.getTotal() >= 2, "counted: " + running.getTotal());
        long started = System.nanoTime();
        given.inNewRequest(() -> schedule.runPending());
        for (int i = 0; i < 60 && statusOf(proposed.getId()) != PurgeStatus.DONE; i++) {
            InContainer.pause(500);
        }
        assertEquals(PurgeStatus.DONE, statusOf(proposed.getId()));
        LOG.info("Purge of " + running.getTotal() + " client(s) done in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        Purge done = given.as(proposer, () -> purges.latest()).stream().filter(p -> p.getId().equals(proposed.getId())).findFirst().orElseThrow();
        assertEquals(done.getTotal().longValue(), done.getErased(), "progress: every counted client erased");
        assertTrue(done.getKeysDestroyed() >= 2 && done.getKeysDestroyedAt() != null, "keys destroyed: " + done.getKeysDestroyed());
        assertEquals(2, given.count("SELECT COUNT(*) FROM client c JOIN client_key k ON k.client_id = c.id JOIN erasure_purge p ON p.id = "
                + proposed.getId() + " WHERE c.id IN (" + firstCase.getClient().getId() + ", " + secondCase.getClient().getId() + ")"
                + " AND k.keyset IS NULL AND p.keys_destroyed_at <= c.erased_at"),
                "every matching client's key destroyed first (unreadable at once), then the data emptied");

        assertEquals(1, erased(firstCase));
        assertEquals(1, erased(secondCase));
        assertEquals(0, erased(heldCase), "the held client is kept");
        assertEquals(0, erased(open), "the client with an open case is kept");
        List<String> values = new ArrayList<>(first.values());
        values.addAll(second.values());
        assertEquals(List.of(), TextColumns.holding(dataSource, values, 0),
                "no personal value of the purged clients in any text column, the audit trail's included");
        em.getEntityManagerFactory().getCache().evictAll();
        LegalCase keptCase = given.as(proposer, () -> em.find(LegalCase.class, heldCase.getId()));
        assertEquals(held.first(), keptCase.getClient().getFirstName(), "the held client's data is still there, and opens");
        assertEquals(held.referrer(), keptCase.getReferrerName());
        LegalCase purgedCase = given.as(proposer, () -> em.find(LegalCase.class, firstCase.getId()));
        assertTrue(purgedCase.getClient().isErased() && purgedCase.getReferrerName() == null && purgedCase.getNotes() == null,
                "a purged client's case reads as erased");

        em.getEntityManagerFactory().getCache().evictAll();
        assertEquals(dashboardBefore, given.as(proposer, () -> dashboards.dashboard(DashboardScope.WHOLE_FUND, today.minusYears(1), today, false)));
        assertEquals(budgetBefore, given.as(proposer, () -> budgets.grant(grant.getId(), BudgetService.EARLIEST, BudgetService.LATEST)));
        assertTrue(given.as(proposer, () -> audit.verify()).isIntact(), "the audit chain verifies");
        assertEquals(1, given.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ERASE' AND record_id = '" + firstCase.getClient().getId()
                + "' AND new_values = '{\"why\":\"PURGE " + proposed.getId() + "\"}'"), "the erasure is in the trail with the purge's number");

        Purge another = given.as(proposer, () -> purges.propose(PurgeSelection.ALL, true));
        given.as(confirmer, () -> purges.cancel(another.getId(), another.getVersion()));
        assertEquals(PurgeStatus.CANCELLED, statusOf(another.getId()));
        Purge cancelled = given.as(proposer, () -> purges.latest()).stream().filter(p -> p.getId().equals(another.getId())).findFirst().orElseThrow();
        assertEquals("purge.notProposed", assertThrows(BusinessException.class,
                () -> given.as(confirmer, () -> purges.confirm(cancelled.getId(), cancelled.getVersion(), current(secret)))).messageKey());
    }

    private static String current(String secret) {
        return TotpCodes.codeFor(secret, TotpCodes.stepAt(Instant.now(FundClock.current())));
    }

    private PurgeStatus statusOf(long purgeId) {
        return PurgeStatus.valueOf(String.valueOf(em.createNativeQuery("SELECT status FROM erasure_purge WHERE id = ?1").setParameter(1, purgeId).getSingleResult()));
    }

    private long erased(LegalCase legalCase) {
        return given.count("SELECT COUNT(*) FROM client WHERE erased_at IS NOT NULL AND id = " + legalCase.getClient().getId());
    }
}
