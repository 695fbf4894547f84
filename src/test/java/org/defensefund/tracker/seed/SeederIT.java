package org.defensefund.tracker.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.PasswordHashing;
import org.defensefund.tracker.cases.CaseEvent;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.cases.CaseRow;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.dashboards.Dashboard;
import org.defensefund.tracker.dashboards.DashboardScope;
import org.defensefund.tracker.dashboards.DashboardService;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.defensefund.tracker.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeder in the real server against the test database: about 300 cases are added (the other tests'
 * data stays), then the application's own services, called as the seeded bench accounts, show that every
 * page has its data and every invariant holds. The test database plays a demo instance while seeding
 * (the test server starts in production mode), and the refusal of a production database is tried too.
 */
@ExtendWith(ArquillianExtension.class)
class SeederIT {

    private static final int CASES = 300;
    private static boolean seeded;
    /** The highest case id before seeding: the seeded cases are the ones after it. */
    private static long lastCaseBefore;

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Inject
    private CallerContext caller;

    @Inject
    private CaseQueries queries;

    @Inject
    private ClientService clients;

    @Inject
    private BudgetService budgets;

    @Inject
    private DashboardService dashboards;

    @Inject
    private PasswordHashing passwords;

    @Resource
    private jakarta.transaction.UserTransaction transaction;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    @BeforeEach
    void seedOnce() throws Exception {
        synchronized (SeederIT.class) {
            if (seeded) {
                return;
            }
            String mode = mode();
            lastCaseBefore = single("SELECT COALESCE(MAX(id), 0) FROM legal_case");
            setMode("DEMO");
            try {
                Seeder.Report report = new Seeder(PiiCipher.current(),
                        new Seeder.Options(CASES, 42, 2, LocalDate.now(FundClock.current()), 1), message -> { })
                        .seed(dataSource::getConnection);
                assertEquals(CASES, report.cases());
            } finally {
                setMode(mode);
                // Every test class deploys the app again, in production mode, against this one database: the
                // seeded marker would (rightly) stop those starts, so it is set only where a test needs it.
                setSeeded(false);
            }
            seeded = true;
        }
    }

    @Test
    void theSeededFundGetsItsDeadlinesAtTheNextStart() throws SQLException {
        assertEquals(0L, single("SELECT COUNT(*) FROM deadline_computation WHERE rules_version > 0"),
                "the seeder marks the deadlines computed so far out of date, for the next start");
        org.defensefund.tracker.deadlines.DeadlinesAtStart.computeAll(dataSource::getConnection, CASES);
        assertEquals(org.defensefund.tracker.deadlines.DeadlinesAtStart.RULES_VERSION, single("SELECT rules_version FROM deadline_computation"));
        for (String rule : new String[] {"NOTICE_OF_APPEARANCE", "OFFER_ANSWER", "BIA_APPEAL"}) {
            assertTrue(single("SELECT COUNT(*) FROM deadline WHERE state = 'OPEN' AND rule = '" + rule + "' AND case_id > " + lastCaseBefore) > 0,
                    "the seeded cases' open " + rule + " deadlines");
        }
        assertTrue(single("SELECT COUNT(*) FROM deadline WHERE state = 'OPEN' AND rule = 'OFFER_ANSWER' AND due_at < NOW(6) AND case_id > "
                + lastCaseBefore) > 0, "offers left unanswered past their hours: overdue in the queue");
        assertTrue(single("SELECT COUNT(*) FROM deadline WHERE rule = 'NOTICE_OF_APPEARANCE' AND state = 'MET' AND case_id > " + lastCaseBefore) > 0,
                "notices recorded meet theirs");
        assertTrue(single("SELECT COUNT(*) FROM deadline d JOIN grant_award g ON g.id = d.grant_id WHERE d.rule = 'FUNDER_REPORT'"
                + " AND d.state = 'OPEN'") > 0, "the seeded grants owe their reports");
        assertEquals(0L, single("SELECT COUNT(*) FROM deadline WHERE due_on < (SELECT kept_from FROM deadline_computation) AND case_id > " + lastCaseBefore),
                "nothing due before deadlines were kept");
    }

    @Test
    void everyQueueHasWorkForItsRole() {
        String admin = BenchAccounts.email(Role.ADMIN, 1);
        String partner = BenchAccounts.email(Role.PARTNER, 1);
        for (CaseQueue queue : CaseQueue.values()) {
            if (queue.isForFund()) {
                assertTrue(count(admin, queue) > 0, "administrator's queue " + queue);
            }
            if (queue.isForPartner()) {
                assertTrue(count(partner, queue) > 0, "partner's queue " + queue);
            }
        }
    }

    @Test
    void aSeededClientsANumberDecryptsAndIsFoundBySearch() throws SQLException {
        String admin = BenchAccounts.email(Role.ADMIN, 2);
        long clientId = single("SELECT c.id FROM client c JOIN legal_case l ON l.client_id = c.id"
                + " WHERE c.a_number IS NOT NULL AND l.referrer_contact IS NULL AND l.notes IS NULL"
                + " AND l.status = 'ASSIGNED' ORDER BY c.id DESC LIMIT 1");
        Client client = caller.runAs(admin, () -> clients.find(clientId));
        ANumber aNumber = client.aNumber().orElseThrow();
        assertTrue(aNumber.digits().matches("\\d{9}"));
        assertTrue(client.getBirthDate() != null && client.getAddress().getPostalCode().matches("0\\d{4}"));
        List<CaseRow> found = caller.runAs(admin, () -> queries.list(ListQuery.firstPage(10)
                .withFilter(CaseQueries.SEARCH, aNumber.display())));
        assertFalse(found.isEmpty(), "search by " + aNumber.display());
    }

    @Test
    void theSeededCasesTextsAreSealedUnderTheirClientsKeysAndOpen() throws SQLException {
        assertEquals(0L, single("SELECT COUNT(*) FROM case_event WHERE case_id > " + lastCaseBefore + " AND (summary NOT LIKE 'v2:%'"
                + " OR reason NOT LIKE 'v2:%' OR summary_parts NOT LIKE 'v2:%')"), "every timeline text sealed, as the application writes it");
        assertEquals(0L, single("SELECT COUNT(*) FROM legal_case WHERE id > " + lastCaseBefore + " AND (referrer_name NOT LIKE 'v2:%'"
                + " OR referrer_contact NOT LIKE 'v2:%' OR notes NOT LIKE 'v2:%')"), "every referrer and note sealed");
        long caseId = single("SELECT MAX(id) FROM legal_case WHERE id > " + lastCaseBefore + " AND notes IS NOT NULL AND referrer_name IS NOT NULL");
        LegalCase read = caller.runAs(BenchAccounts.email(Role.ADMIN, 3), () -> em.find(LegalCase.class, caseId));
        assertTrue(read.getReferrerName().endsWith("(caseworker)") && !read.getNotes().isBlank(), "opened with the client's key: "
                + read.getReferrerName());
        List<CaseEvent> timeline = caller.runAs(BenchAccounts.email(Role.ADMIN, 3), () -> em.createQuery(
                "SELECT e FROM CaseEvent e WHERE e.legalCase.id = :id", CaseEvent.class).setParameter("id", caseId).getResultList());
        assertTrue(!timeline.isEmpty() && timeline.stream().allMatch(e -> e.getSummary() != null && !e.getSummary().startsWith("v2:")),
                "every entry opens");
    }

    @Test
    void aPageOfVariedCasesCostsTheSameStatementsForThreeRowsAsForTwentyFive() throws Exception {
        String admin = BenchAccounts.email(Role.ADMIN, 4);
        String partner = BenchAccounts.email(Role.PARTNER, 4);
        // Seeded cases differ where test-made ones don't: languages, facilities, courts, outcomes, appeals.
        for (String sort : List.of("priority", "client.lastName", "referralDate")) {
            for (String who : List.of(admin, partner)) {
                long small = statements(who, ListQuery.firstPage(3).sortedBy(sort, false));
                long large = statements(who, ListQuery.firstPage(25).sortedBy(sort, false));
                assertTrue(small > 0);
                assertEquals(small, large, who + ", by " + sort + ": statements for a page of 3 and of 25");
            }
        }
    }

    /** SELECTs on the transaction's connection while a list page is counted, read and shown (after a warm-up). */
    private long statements(String who, ListQuery query) throws Exception {
        transaction.begin();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            caller.runAs(who, () -> queries.count(ListQuery.firstPage(1)));
            // Reference data (courts, outcomes, languages...) is cached once a server has shown it; cases and clients never are.
            em.createQuery("select r from ReferenceItem r", Object.class).getResultList();
            em.createQuery("select l from Language l", Object.class).getResultList();
            // Clients' keys are cached once read: counted cold, the most a page can cost.
            org.defensefund.tracker.clients.ClientKeys.forgetCached();
            long before = org.defensefund.tracker.testsupport.SelectCounter.selects(statement);
            caller.runAs(who, () -> {
                queries.count(query);
                queries.list(query).forEach(row -> assertTrue(String.valueOf(row.getClientName()).length() + row.getCaseNumber().length() > 0));
                return null;
            });
            return org.defensefund.tracker.testsupport.SelectCounter.selects(statement) - before;
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void approvedCostsNeverExceedTheirSubAwards() throws SQLException {
        String admin = BenchAccounts.email(Role.ADMIN, 3);
        assertEquals(0, single("SELECT COUNT(*) FROM sub_award s WHERE s.partner_id IN " + SEEDED_PARTNERS + " AND s.amount < (SELECT COALESCE(SUM(c.amount), 0)"
                + " FROM case_cost c WHERE c.sub_award_id = s.id AND c.status = 'APPROVED')"));
        long subAward = single("SELECT sub_award_id FROM case_cost WHERE status = 'APPROVED' AND submitted_by LIKE 'bench-%'"
                + " GROUP BY sub_award_id ORDER BY COUNT(*) DESC LIMIT 1");
        BudgetFigures figures = caller.runAs(admin, () -> budgets.subAward(subAward, BudgetService.EARLIEST, BudgetService.LATEST));
        assertTrue(figures.getApproved().signum() > 0);
        assertTrue(figures.getApproved().compareTo(figures.getAllocated()) <= 0, "approved within the sub-award");
        Map<Long, BudgetFigures> own = caller.runAs(BenchAccounts.email(Role.PARTNER, 1), budgets::ownSubAwards);
        assertFalse(own.isEmpty(), "the big partner's staff see their sub-awards");
    }

    /** The seeded partners (other tests write rows of their own into this database, some on purpose odd). */
    private static final String SEEDED_PARTNERS = "(SELECT p.id FROM partner_organization p WHERE p.name LIKE '%(seeded%')";

    @Test
    void closedAndAssignedCasesKeepTheirInvariants() throws SQLException {
        assertEquals(0, single("SELECT COUNT(*) FROM legal_case WHERE status = 'CLOSED' AND partner_id IN " + SEEDED_PARTNERS
                + " AND (outcome_id IS NULL OR closed_at IS NULL OR outcome_date IS NULL OR (assigned_at IS NOT NULL AND closed_at < assigned_at))"));
        assertEquals(0, single("SELECT COUNT(*) FROM legal_case l WHERE l.status = 'ASSIGNED' AND l.partner_id IN " + SEEDED_PARTNERS + " AND (l.partner_id IS NULL"
                + " OR l.assigned_at IS NULL OR l.attorney_name IS NULL OR NOT EXISTS (SELECT 1 FROM case_offer o"
                + " WHERE o.case_id = l.id AND o.partner_id = l.partner_id AND o.status = 'ACCEPTED'))"));
        assertEquals(0, single("SELECT COUNT(*) FROM legal_case l WHERE l.status = 'OFFERED' AND l.partner_id IN " + SEEDED_PARTNERS + " AND NOT EXISTS (SELECT 1 FROM case_offer o"
                + " WHERE o.case_id = l.id AND o.partner_id = l.partner_id AND o.status = 'PENDING')"));
        assertEquals(0, single("SELECT COUNT(*) FROM case_cost c JOIN legal_case l ON l.id = c.case_id JOIN sub_award s"
                + " ON s.id = c.sub_award_id WHERE s.partner_id IN " + SEEDED_PARTNERS
                + " AND (s.partner_id <> l.partner_id OR c.cost_date NOT BETWEEN s.period_start AND s.period_end)"));
        assertEquals(0, single("SELECT COUNT(*) FROM disbursement d JOIN case_cost c ON c.id = d.cost_id WHERE c.status <> 'APPROVED'"));
        assertEquals(0, single("SELECT COUNT(*) FROM legal_case l WHERE l.partner_id IN " + SEEDED_PARTNERS + " AND l.case_number LIKE '____-%' AND NOT EXISTS"
                + " (SELECT 1 FROM case_event e WHERE e.case_id = l.id AND e.to_status = l.status)"));
        long closed = single("SELECT COUNT(*) FROM legal_case WHERE status = 'CLOSED' AND partner_id IN " + SEEDED_PARTNERS);
        long busiestDay = single("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM legal_case WHERE status = 'CLOSED' AND partner_id IN "
                + SEEDED_PARTNERS + " GROUP BY outcome_date) d");
        assertTrue(closed >= 20 && busiestDay <= Math.max(5, closed / 20),
                "closings spread over the days, not piled on the last one: " + busiestDay + " of " + closed + " on one day");
        assertTrue(single("SELECT COUNT(*) FROM legal_case WHERE appeal_of_id IS NOT NULL") >= 0);
        long next = single("SELECT NEXT VALUE FOR case_number_seq");
        assertEquals(0, single("SELECT COUNT(*) FROM legal_case WHERE id > " + lastCaseBefore
                + " AND case_number REGEXP '^20[0-9]{2}-[0-9]+$' AND CAST(SUBSTRING(case_number, 6) AS UNSIGNED) >= " + next),
                "the case number sequence is past every seeded number");
    }

    @Test
    void benchAccountsSignInWithTheirPasswordAndFundersSeeTheirDashboards() throws SQLException {
        String hash;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT password_hash FROM user_account WHERE email = '"
                     + BenchAccounts.email(Role.FUNDER, 1) + "'")) {
            assertTrue(row.next());
            hash = row.getString(1);
        }
        assertTrue(passwords.verify(BenchAccounts.PASSWORD.toCharArray(), hash));
        long funder = single("SELECT funder_id FROM user_account WHERE email = '" + BenchAccounts.email(Role.FUNDER, 1) + "'");
        Dashboard dashboard = caller.runAs(BenchAccounts.email(Role.FUNDER, 1), () -> dashboards.dashboard(
                new DashboardScope(funder, null, null), LocalDate.now(FundClock.current()).minusYears(6), LocalDate.now(FundClock.current()), false));
        assertFalse(dashboard.activity().isEmpty());
    }

    @Test
    void seedingRefusesADatabaseLastStartedInProduction() throws Exception {
        String mode = mode();
        setMode("PRODUCTION");
        setSeeded(true);
        try {
            long before = single("SELECT COUNT(*) FROM legal_case");
            assertThrows(SeedRefusedException.class, () -> new Seeder(PiiCipher.current(),
                    new Seeder.Options(5, 7, 1, LocalDate.now(FundClock.current()), 1), message -> { }).seed(dataSource::getConnection));
            assertEquals(before, single("SELECT COUNT(*) FROM legal_case"));
            try (Connection connection = dataSource.getConnection()) {
                assertThrows(SeedRefusedException.class, () -> InstanceMarker.recordStart(connection, false, java.time.Instant.now()),
                        "a production start on a seeded database is refused");
            }
        } finally {
            setMode(mode);
            setSeeded(false);
        }
    }

    private long count(String caller, CaseQueue queue) {
        return this.caller.runAs(caller, () -> queries.count(ListQuery.firstPage(1).withFilter(CaseQueries.QUEUE, queue.name())));
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private String mode() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT mode FROM instance_mode WHERE id = 1")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private void setSeeded(boolean seeded) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE instance_mode SET seeded_at = " + (seeded ? "NOW(6)" : "NULL") + " WHERE id = 1");
        }
    }

    private void setMode(String mode) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE instance_mode SET mode = " + (mode == null ? "NULL" : "'" + mode + "'") + " WHERE id = 1");
        }
    }
}
