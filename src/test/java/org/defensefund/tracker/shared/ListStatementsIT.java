package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.cases.CaseListFilter;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.cases.CaseQueue;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.SelectCounter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Statements per request stay constant: every list costs the same number of SQL statements for a page of
 * 3 rows as for a page of 12 (no statement per row), and the administrator's and a partner's home page
 * (queue counts, budget alerts) the same before and after 16 more cases.
 */
@ExtendWith(ArquillianExtension.class)
class ListStatementsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    @Inject
    private GrantService grants;

    @Inject
    private UserAccountService accounts;

    @Inject
    private AuditService audit;

    @Inject
    private CaseQueries cases;

    @Inject
    private BudgetService budget;


    @Inject
    private org.defensefund.tracker.cases.IntakeService intake;

    @Inject
    private org.defensefund.tracker.cases.AssignmentService assignment;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Resource
    private UserTransaction transaction;

    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager em;

    @Test
    void everyListCostsTheSameStatementsForThreeRowsAsForTwelve() throws Exception {
        UserAccount admin = given.admin();
        for (int i = 0; i < 13; i++) {
            given.partner(InContainer.unique("Statements Legal"));
            given.grant("1000.00", grant -> { });
        }
        for (int i = 0; i < 2; i++) {
            given.admin();
        }
        // Thirteen cases that every filter of the case list keeps: a detained client, Boston, a hearing in 10 days.
        PartnerOrganization filtered = given.partner(InContainer.unique("Statements Filter Legal"));
        java.time.LocalDate today = java.time.LocalDate.now(FundClock.current());
        for (int i = 0; i < 13; i++) {
            Referral referral = given.referral();
            referral.setDetained(true);
            referral.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "WYATT"));
            referral.setCourt(given.ref(ReferenceList.COURT, "BOS"));
            referral.setNextHearingDate(today.plusDays(10));
            LegalCase referred = given.asSystem(() -> intake.refer(referral));
            LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                    new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
            CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), filtered.getId(), null));
            given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney Statements"));
        }
        CaseListFilter everyFilter = CaseListFilter.parse(Map.of("status", "ASSIGNED", "priority", "URGENT",
                "partner", filtered.getId().toString(), "court", given.ref(ReferenceList.COURT, "BOS").getId().toString(),
                "custody", "DETAINED", "from", today.toString(), "to", today.plusDays(30).toString()));
        Map<String, Function<Integer, Object>> lists = new LinkedHashMap<>();
        lists.put("partners", size -> page(partners::count, partners::list, size));
        lists.put("funders", size -> page(funders::count, funders::list, size));
        lists.put("grants", size -> page(grants::count, grants::list, size));
        lists.put("users", size -> page(accounts::count, accounts::list, size));
        lists.put("audit trail", size -> page(audit::count, audit::list, size));
        lists.put("cases", size -> page(cases::count, cases::list, size));
        lists.put("cases with every filter", size -> page(query -> cases.count(everyFilter.applyTo(query)),
                query -> cases.list(everyFilter.applyTo(query)), size));
        java.util.function.Supplier<Object> warmUp = () -> partners.count(ListQuery.firstPage(1));
        for (Map.Entry<String, Function<Integer, Object>> list : lists.entrySet()) {
            long small = statements(admin, warmUp, () -> list.getValue().apply(3));
            long large = statements(admin, warmUp, () -> list.getValue().apply(12));
            assertTrue(small > 0, list.getKey() + ": statements counted");
            assertEquals(small, large, list.getKey() + ": statements for a page of 3 and of 12");
        }
        assertEquals(13L, given.as(admin, () -> cases.count(everyFilter.applyTo(ListQuery.firstPage(3)))), "the filtered list holds the 13 cases");
    }

    @Test
    void theHomePagesCostTheSameStatementsWhateverTheNumberOfCases() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Home Statements Legal"));
        UserAccount staff = given.partnerStaff(partner);
        given.assigned(partner);
        long adminBefore = statements(admin, this::adminHome, this::adminHome);
        long partnerBefore = statements(staff, cases::queueSizes, cases::queueSizes);
        for (int i = 0; i < 8; i++) {
            given.assigned(partner);
            given.offered(partner);
        }
        assertEquals(adminBefore, statements(admin, this::adminHome, this::adminHome), "administrator's home: queue counts and budget alerts");
        assertEquals(partnerBefore, statements(staff, cases::queueSizes, cases::queueSizes), "partner's home: queue counts");
        assertTrue(given.as(staff, () -> cases.queueSizes()).get(CaseQueue.MY_OPEN_CASES) >= 9);
    }

    @Test
    void aBoundedCountStopsAtItsLimitAndIsExactBelowIt() throws Exception {
        UserAccount admin = given.admin();
        for (int i = 0; i < 3; i++) {
            given.partner(InContainer.unique("Bounded Count Legal"));
        }
        ListSpec<PartnerOrganization> spec = new ListSpec<>(PartnerOrganization.class, Map.of(), Set.of("id"), "id", Map.of(), Set.of("id"));
        ListSpec.Scope<PartnerOrganization> all = (cb, root) -> List.of();
        ListQuery query = ListQuery.firstPage(10);
        long exact = em.createQuery("select count(p) from PartnerOrganization p", Long.class).getSingleResult();
        assertTrue(exact >= 3, "partners written: " + exact);
        assertEquals(exact, spec.countUpTo(em, query, all, (int) exact + 1), "below the limit: the exact count");
        assertEquals(exact, spec.countUpTo(em, query, all, (int) exact), "at the limit: the limit");
        assertEquals(2, spec.countUpTo(em, query, all, 2), "past the limit: the limit");
        // Past the limit one statement finds the limit-th row; below it a second one counts.
        assertEquals(1, statements(admin, () -> null, () -> spec.countUpTo(em, query, all, 2)));
        assertEquals(2, statements(admin, () -> null, () -> spec.countUpTo(em, query, all, (int) exact + 1)));
    }

    private Object adminHome() {
        return List.of(cases.queueSizes(), budget.alerts());
    }

    private static <T> Object page(Function<ListQuery, Long> count, Function<ListQuery, List<T>> rows, int size) {
        ListQuery query = ListQuery.firstPage(size);
        count.apply(query);
        List<T> page = rows.apply(query);
        page.forEach(String::valueOf);
        return page;
    }

    /** SELECTs MariaDB ran on the transaction's connection for the work, after a warm-up has loaded the caller. */
    private long statements(UserAccount who, java.util.function.Supplier<?> warmUp, java.util.function.Supplier<?> work) throws Exception {
        transaction.begin();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            given.as(who, warmUp);
            // Reference data (courts, facilities, outcomes, languages) is cached once a server has shown it; cases,
            // clients and accounts never are, so every row of theirs still counts.
            em.createQuery("select r from ReferenceItem r", Object.class).getResultList();
            em.createQuery("select l from Language l", Object.class).getResultList();
            // Clients' keys are cached once read: counted cold, the most a page can cost.
            org.defensefund.tracker.clients.ClientKeys.forgetCached();
            long before = SelectCounter.selects(statement);
            given.as(who, work);
            return SelectCounter.selects(statement) - before;
        } finally {
            transaction.rollback();
        }
    }

}
