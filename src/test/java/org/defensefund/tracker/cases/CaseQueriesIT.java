package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.SelectCounter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Work queues, search and duplicate checks in MariaDB, and the number of SQL statements a page costs. */
@ExtendWith(ArquillianExtension.class)
class CaseQueriesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    @Inject
    private IntakeService intake;

    @Inject
    private CaseQueries queries;

    @Inject
    private ClientService clients;

    @Inject
    private InContainer given;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Resource
    private UserTransaction transaction;

    @Test
    void searchFindsNamesWithoutAccentsANumbersAsWrittenAndCaseNumbers() {
        UserAccount admin = given.admin();
        String surname = "Núñez-" + InContainer.unique("X").substring(2);
        Referral referral = given.referral();
        referral.getClient().setFirstName("José");
        referral.getClient().setLastName(surname);
        String digits = String.format("%08d", (long) (Math.random() * 99_999_999L));
        referral.setANumber(digits);
        LegalCase created = given.as(admin, () -> intake.refer(referral));

        String plain = surname.replace("ú", "u").replace("ñ", "n").toUpperCase();
        assertEquals(List.of(created.getId()), ids(admin, "jose " + plain));
        assertEquals(List.of(created.getId()), ids(admin, "A " + digits.substring(0, 2) + " " + digits.substring(2, 5) + "-" + digits.substring(5)));
        assertEquals(List.of(created.getId()), ids(admin, "0" + digits));
        assertEquals(List.of(created.getId()), ids(admin, created.getCaseNumber()));
        // The number as people write it: without the leading zeros, with another separator, after a "#".
        String year = created.getCaseNumber().substring(0, 4);
        long sequence = Long.parseLong(created.getCaseNumber().substring(5));
        for (String written : List.of(year + "-" + sequence, "#" + year + " / " + sequence, year + "." + sequence)) {
            assertEquals(List.of(created.getId()), ids(admin, written), written);
        }
    }

    @Test
    void duplicatesAreFoundBySameANumberOrSameNameAndBirthDate() {
        UserAccount admin = given.admin();
        Referral first = given.referral();
        first.getClient().setBirthDate(LocalDate.of(1990, 4, 12));
        String digits = String.format("%09d", (long) (Math.random() * 999_999_999L));
        first.setANumber(digits);
        LegalCase existing = given.as(admin, () -> intake.refer(first));

        assertEquals(1, given.as(admin, () -> clients.possibleDuplicates(org.defensefund.tracker.clients.ANumber.parse("A" + digits),
                "Someone", "Else", null)).size());
        assertEquals(1, given.as(admin, () -> clients.possibleDuplicates(java.util.Optional.empty(),
                "CLIENT", first.getClient().getLastName().toLowerCase(), LocalDate.of(1990, 4, 12))).size());
        assertEquals(0, given.as(admin, () -> clients.possibleDuplicates(java.util.Optional.empty(),
                "Client", first.getClient().getLastName(), LocalDate.of(1991, 4, 12))).size());

        Referral again = given.referral();
        again.setANumber(digits);
        assertEquals("client.aNumber.taken", org.junit.jupiter.api.Assertions.assertThrows(
                org.defensefund.tracker.shared.BusinessException.class, () -> given.as(admin, () -> intake.refer(again))).messageKey());
        Referral linked = given.referral();
        linked.setExistingClientId(existing.getClient().getId());
        LegalCase second = given.as(admin, () -> intake.refer(linked));
        assertEquals(existing.getClient().getId(), second.getClient().getId(), "one client, two cases");
    }

    @Test
    void theFundsQueuesHoldWhatTheySay() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Queue Legal"));
        LegalCase referred = given.referred();
        LegalCase eligible = given.eligible();
        CaseOffer stale = given.offered(partner);
        CaseOffer fresh = given.offered(partner);
        given.asSystem(() -> given.inNewRequest(() -> {
            ageOffer(stale.getId(), 49);
            return null;
        }));
        Referral detained = given.referral();
        detained.setDetained(true);
        detained.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "WYATT"));
        LegalCase detainedCase = given.as(admin, () -> intake.refer(detained));

        assertTrue(queue(admin, CaseQueue.TO_SCREEN).containsAll(List.of(referred.getId(), detainedCase.getId())));
        assertTrue(queue(admin, CaseQueue.TO_ASSIGN).contains(eligible.getId()));
        List<Long> overdue = queue(admin, CaseQueue.OFFER_OVERDUE);
        assertTrue(overdue.contains(stale.getLegalCase().getId()));
        assertTrue(!overdue.contains(fresh.getLegalCase().getId()), "an offer of today is not overdue");
        assertTrue(queue(admin, CaseQueue.DETAINED_NO_ATTORNEY).contains(detainedCase.getId()));
        assertTrue(!queue(admin, CaseQueue.DETAINED_NO_ATTORNEY).contains(referred.getId()));
    }

    @Test
    void aPartnersQueuesHoldOffersHearingsSoonAndOpenCases() {
        PartnerOrganization partner = given.partner(InContainer.unique("Partner Queue Legal"));
        UserAccount staff = given.partnerStaff(partner);
        CaseOffer offer = given.offered(partner);
        LegalCase soon = given.assigned(partner);
        LegalCase later = given.assigned(partner);
        given.as(staff, () -> representationOf().recordHearing(soon.getId(),
                new Hearing(HearingKind.MASTER_CALENDAR, LocalDate.now(FundClock.current()).plusDays(10).atTime(9, 0))));
        given.as(staff, () -> representationOf().recordHearing(later.getId(),
                new Hearing(HearingKind.INDIVIDUAL_MERITS, LocalDate.now(FundClock.current()).plusDays(40).atTime(9, 0))));

        assertEquals(List.of(offer.getLegalCase().getId()), queue(staff, CaseQueue.OFFERS_TO_ANSWER));
        assertEquals(List.of(soon.getId()), queue(staff, CaseQueue.HEARINGS_NEXT_14_DAYS));
        assertEquals(2, queue(staff, CaseQueue.MY_OPEN_CASES).size());
        assertEquals(java.util.Map.of(CaseQueue.OFFERS_TO_ANSWER, 1L, CaseQueue.HEARINGS_NEXT_14_DAYS, 1L, CaseQueue.MY_OPEN_CASES, 2L),
                given.as(staff, () -> queries.queueSizes()));
    }

    @Test
    void aPageCostsTheSameNumberOfStatementsWhateverItsSize() throws Exception {
        UserAccount admin = given.admin();
        for (int i = 0; i < 45; i++) {
            Referral referral = given.referral();
            referral.setCourt(given.ref(ReferenceList.COURT, i % 2 == 0 ? "BOS" : "CHL"));
            referral.setCaseType(given.ref(ReferenceList.CASE_TYPE, "RMV"));
            given.as(admin, () -> intake.refer(referral));
        }
        long small = statementsFor(admin, 5);
        long large = statementsFor(admin, 40);
        assertTrue(small > 0, "statements counted: " + small);
        assertEquals(small, large, "statements for a page of 5 and of 40");
    }

    @Test
    void eachFilterNarrowsTheListAndFiltersCombine() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Filter Legal"));
        LocalDate today = LocalDate.now(FundClock.current());
        LegalCase detainedSoon = filterCase(partner, true, true, "BOS", today.plusDays(10));
        LegalCase offeredLater = filterCase(partner, false, false, "CHL", today.plusDays(40));
        LegalCase nothingKnown = filterCase(partner, true, false, null, null);
        Long boston = given.ref(ReferenceList.COURT, "BOS").getId();
        Long chelmsford = given.ref(ReferenceList.COURT, "CHL").getId();

        assertEquals(Set.of(detainedSoon.getId(), offeredLater.getId(), nothingKnown.getId()), filtered(admin, partner, Map.of()));
        assertEquals(Set.of(detainedSoon.getId(), nothingKnown.getId()), filtered(admin, partner, Map.of("status", "ASSIGNED")));
        assertEquals(Set.of(offeredLater.getId()), filtered(admin, partner, Map.of("status", "OFFERED")));
        assertEquals(Set.of(detainedSoon.getId()), filtered(admin, partner, Map.of("priority", "URGENT")));
        assertEquals(Set.of(offeredLater.getId()), filtered(admin, partner, Map.of("priority", "HIGH")));
        assertEquals(Set.of(nothingKnown.getId()), filtered(admin, partner, Map.of("priority", "NORMAL")));
        assertEquals(Set.of(detainedSoon.getId()), filtered(admin, partner, Map.of("court", boston.toString())));
        assertEquals(Set.of(offeredLater.getId()), filtered(admin, partner, Map.of("court", chelmsford.toString())));
        assertEquals(Set.of(detainedSoon.getId()), filtered(admin, partner, Map.of("custody", "DETAINED")));
        assertEquals(Set.of(offeredLater.getId(), nothingKnown.getId()), filtered(admin, partner, Map.of("custody", "NOT_DETAINED")));
        assertEquals(Set.of(detainedSoon.getId()), filtered(admin, partner, Map.of("from", today.plusDays(10).toString(),
                "to", today.plusDays(10).toString())), "both ends of the range are in it");
        assertEquals(Set.of(offeredLater.getId()), filtered(admin, partner, Map.of("from", today.plusDays(11).toString())),
                "a case with no next hearing is in no range");
        assertEquals(Set.of(detainedSoon.getId(), offeredLater.getId()), filtered(admin, partner, Map.of("to", today.plusDays(40).toString())));
        assertEquals(Set.of(), filtered(admin, partner, Map.of("from", today.plusDays(41).toString())));

        assertEquals(Set.of(nothingKnown.getId()), filtered(admin, partner, Map.of("status", "ASSIGNED", "custody", "NOT_DETAINED")));
        assertEquals(Set.of(offeredLater.getId()), filtered(admin, partner, Map.of("status", "OFFERED", "priority", "HIGH",
                "court", chelmsford.toString(), "custody", "NOT_DETAINED", "from", today.toString(), "to", today.plusDays(60).toString())));
        assertEquals(Set.of(), filtered(admin, partner, Map.of("court", boston.toString(), "custody", "NOT_DETAINED")));
        ListQuery counted = CaseListFilter.parse(Map.of("partner", partner.getId().toString(), "custody", "NOT_DETAINED"))
                .applyTo(ListQuery.firstPage(20));
        assertEquals(2L, given.as(admin, () -> queries.count(counted)), "the count applies the filters too");
    }

    @Test
    void aPartnerFilterInTheAddressNeverWidensAPartnersList() {
        PartnerOrganization mine = given.partner(InContainer.unique("Own Filter Legal"));
        PartnerOrganization theirs = given.partner(InContainer.unique("Other Filter Legal"));
        UserAccount staff = given.partnerStaff(mine);
        LegalCase own = filterCase(mine, true, true, "BOS", null);
        LegalCase other = filterCase(theirs, true, true, "BOS", null);
        Long boston = given.ref(ReferenceList.COURT, "BOS").getId();

        assertEquals(Set.of(), filtered(staff, theirs, Map.of()), "another organization's id finds nothing");
        assertEquals(Set.of(), filtered(staff, theirs, Map.of("court", boston.toString(), "custody", "DETAINED")));
        ListQuery theirsByCourt = CaseListFilter.parse(Map.of("partner", theirs.getId().toString(), "court", boston.toString()))
                .applyTo(ListQuery.firstPage(200));
        assertEquals(0L, given.as(staff, () -> queries.count(theirsByCourt)));
        List<Long> byCourt = given.as(staff, () -> queries.list(CaseListFilter.parse(Map.of("court", boston.toString()))
                .applyTo(ListQuery.firstPage(200)))).stream().map(CaseRow::getId).toList();
        assertEquals(List.of(own.getId()), byCourt, "only the partner's own case, never " + other.getId());
    }

    /** A case of the partner: referred (custody, court, next hearing), screened, offered, and accepted if asked. */
    private LegalCase filterCase(PartnerOrganization partner, boolean accepted, boolean detained, String court, LocalDate nextHearing) {
        Referral referral = given.referral();
        referral.setDetained(detained);
        if (detained) {
            referral.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "WYATT"));
        }
        if (court != null) {
            referral.setCourt(given.ref(ReferenceList.COURT, court));
        }
        referral.setNextHearingDate(nextHearing);
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        return accepted ? given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney Filter")) : offer.getLegalCase();
    }

    /** The ids a caller's list holds with the partner's filter and these (as the address names them). */
    private Set<Long> filtered(UserAccount who, PartnerOrganization partner, Map<String, String> parameters) {
        Map<String, String> all = new java.util.HashMap<>(parameters);
        all.put("partner", partner.getId().toString());
        CaseListFilter filter = CaseListFilter.parse(all);
        assertTrue(filter.getProblems().isEmpty(), filter.getProblems().toString());
        ListQuery query = filter.applyTo(ListQuery.firstPage(200).withFilter(CaseQueries.QUEUE, CaseQueue.ALL.name()));
        return given.as(who, () -> queries.list(query)).stream().map(CaseRow::getId).collect(java.util.stream.Collectors.toSet());
    }

    /** Each order the list offers, as MariaDB orders the rows ("%1$s": the direction): the oracle of the lists' pages. */
    private static final Map<String, String> ORDERS = Map.of(
            "caseNumber", "case_number %1$s",
            "referralDate", "referral_date %1$s, id %1$s",
            "priority", "priority_rank %1$s, id %1$s",
            "status", "status_rank %1$s, priority_rank %1$s, id %1$s",
            "nextHearingDate", "next_hearing_date %1$s, id %1$s",
            "client.lastName", "client_sort_name %1$s, id %1$s");

    @Test
    void everyOrderPagesWithoutGapsOrRepeatsInBothDirectionsForTheFundAndAPartner() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Order Legal"));
        UserAccount staff = given.partnerStaff(partner);
        for (int i = 0; i < 4; i++) {
            given.assigned(partner);
            given.offered(partner);
        }
        for (Map.Entry<String, String> order : ORDERS.entrySet()) {
            for (boolean ascending : new boolean[] {true, false}) {
                String sql = "SELECT id FROM legal_case WHERE %s ORDER BY " + String.format(order.getValue(), ascending ? "ASC" : "DESC") + " LIMIT 12";
                assertEquals(expected(String.format(sql, "TRUE")), paged(admin, order.getKey(), ascending),
                        "the fund's list by " + order.getKey() + (ascending ? " ascending" : " descending"));
                assertEquals(expected(String.format(sql, "partner_id = " + partner.getId())), paged(staff, order.getKey(), ascending),
                        "a partner's list by " + order.getKey() + (ascending ? " ascending" : " descending"));
            }
        }
    }

    @Test
    void aCaseSortsUnderItsClientsNameExceptWhileAConfidentialOfferHidesIt() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Sort Name Legal"));
        UserAccount staff = given.partnerStaff(partner);
        Referral referral = given.referral();
        referral.getClient().setLastName("Aardvark-" + InContainer.unique("X").substring(2));
        referral.setConfidentialReason(ConfidentialityReason.ASYLUM);
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        assertEquals("Aar", sortName(referred.getId()), "a new case sorts under the first three letters of its client's name");
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        CaseOffer named = given.offered(partner);
        assertEquals("", sortName(referred.getId()), "only offered: nothing the partner could place in the alphabet");
        assertEquals(List.of(referred.getId(), named.getLegalCase().getId()), given.as(staff, () -> queries.list(ListQuery.firstPage(10)
                        .withFilter(CaseQueries.QUEUE, CaseQueue.OFFERS_TO_ANSWER.name()).sortedBy("client.lastName", true)))
                .stream().map(CaseRow::getId).toList(), "the hidden case sorts as if it had no name");

        given.as(staff, () -> assignment.acceptOffer(offer.getId(), "Attorney Sorting"));
        assertEquals("Aar", sortName(referred.getId()), "accepted: the partner's own case, under its name");

        transaction.begin();
        em.joinTransaction();
        em.find(org.defensefund.tracker.clients.Client.class, referred.getClient().getId()).setLastName("Zebra-Renamed");
        transaction.commit();
        assertEquals("Zeb", sortName(referred.getId()), "a renamed client's cases follow the name");
    }

    @Test
    void statusSortsInTheOrderOfTheCasesPath() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Path Legal"));
        given.referred();
        given.eligible();
        given.offered(partner);
        given.assigned(partner);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT DISTINCT status, status_rank FROM legal_case")) {
            while (row.next()) {
                assertEquals(CaseStatus.valueOf(row.getString(1)).pathRank(), row.getInt(2), "the database's rank of " + row.getString(1));
            }
        }
        for (boolean ascending : new boolean[] {true, false}) {
            List<Integer> ranks = given.as(admin, () -> queries.list(new ListQuery(0, 200, "status", ascending,
                    Map.of(CaseQueries.QUEUE, CaseQueue.ALL.name())))).stream().map(row -> row.getStatus().pathRank()).toList();
            List<Integer> inPathOrder = new java.util.ArrayList<>(ranks);
            inPathOrder.sort(ascending ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
            assertEquals(inPathOrder, ranks, ascending ? "referred first" : "ends first");
        }
    }

    private List<Long> paged(UserAccount who, String field, boolean ascending) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int first = 0; first < 12; first += 4) {
            ListQuery page = new ListQuery(first, 4, field, ascending, Map.of(CaseQueries.QUEUE, CaseQueue.ALL.name()));
            given.as(who, () -> queries.list(page)).forEach(row -> ids.add(row.getId()));
        }
        return ids;
    }

    private List<Long> expected(String sql) throws Exception {
        List<Long> ids = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                ids.add(row.getLong(1));
            }
        }
        return ids;
    }

    private String sortName(Long caseId) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT client_sort_name FROM legal_case WHERE id = " + caseId)) {
            row.next();
            return row.getString(1);
        }
    }

    /** SELECTs MariaDB ran on the transaction's connection while one page (count + rows) was read and shown. */
    private long statementsFor(UserAccount admin, int pageSize) throws Exception {
        transaction.begin();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Clients' keys are cached once read: counted cold, the most a page can cost.
            org.defensefund.tracker.clients.ClientKeys.forgetCached();
            long before = SelectCounter.selects(statement);
            given.as(admin, () -> {
                ListQuery query = ListQuery.firstPage(pageSize).withFilter(CaseQueries.QUEUE, CaseQueue.TO_SCREEN.name()).sortedBy("referralDate", false);
                queries.count(query);
                for (CaseRow row : queries.list(query)) {
                    String shown = row.getClientName() + " " + row.getFacility() + " " + row.getStatus();
                    assertTrue(shown.length() > 0);
                }
            });
            return SelectCounter.selects(statement) - before - 1;
        } finally {
            transaction.rollback();
        }
    }


    private void ageOffer(Long offerId, int hours) {
        try {
            transaction.begin();
            em.joinTransaction();
            em.createNativeQuery("UPDATE case_offer SET offered_at = DATE_SUB(offered_at, INTERVAL " + hours + " HOUR) WHERE id = ?")
                    .setParameter(1, offerId).executeUpdate();
            transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> queue(UserAccount who, CaseQueue queue) {
        return given.as(who, () -> queries.list(ListQuery.firstPage(200).withFilter(CaseQueries.QUEUE, queue.name())))
                .stream().map(CaseRow::getId).toList();
    }

    private List<Long> ids(UserAccount who, String search) {
        return given.as(who, () -> queries.list(ListQuery.firstPage(20).withFilter(CaseQueries.SEARCH, search)))
                .stream().map(CaseRow::getId).toList();
    }

    @Inject
    private RepresentationService representation;

    private RepresentationService representationOf() {
        return representation;
    }
}
