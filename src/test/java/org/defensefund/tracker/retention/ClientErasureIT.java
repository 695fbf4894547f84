package org.defensefund.tracker.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.audit.AuditAction;
import org.defensefund.tracker.audit.AuditEntry;
import org.defensefund.tracker.audit.AuditLine;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.backup.ClientPrograms;
import org.defensefund.tracker.backup.DatabaseAddress;
import org.defensefund.tracker.backup.DatabaseBackup;
import org.defensefund.tracker.backup.RestoreCommand;
import org.defensefund.tracker.cases.CaseEvent;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientKeys;
import org.defensefund.tracker.dashboards.Dashboard;
import org.defensefund.tracker.dashboards.DashboardScope;
import org.defensefund.tracker.dashboards.DashboardService;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.outbox.Outbox;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
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
 * The erasure of a client's personal data, against the real database: a client with everything the application keeps
 * about a person (names, A-number, birth date, phone, street, referrer, a note and a cost note naming them, reminder
 * consent, a pending client reminder in the outbox), funded and closed, then erased. Proved: the audit trail holds none
 * of the fixture's values in clear even before (a client's texts are in it sealed under the client's key); after, no
 * fixture value left in any text column of any table (information_schema), the audit trail's included; the dashboards
 * and budget figures identical; the chain verifies; one ERASE entry without personal data; the
 * ledger line. Then the retention rule, legal holds and the daily erasure; then a backup restored after an erasure
 * brings the person back only until the restore command's ledger step (and the start's) erases them again.
 */
@ExtendWith(ArquillianExtension.class)
class ClientErasureIT {

    private static final Logger LOG = Logger.getLogger(ClientErasureIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private ClientKeys clientKeys;

    @Inject
    private InContainer given;

    @Inject
    private CaseService cases;

    @Inject
    private Outbox outbox;

    @Inject
    private DashboardService dashboards;

    @Inject
    private BudgetService budgets;

    @Inject
    private AuditService audit;

    @Inject
    private ClientErasure erasure;

    @Inject
    private ErasureFixtures fixtures;

    @Inject
    private RetentionService retention;

    @Inject
    private LedgerAtStart ledgerAtStart;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void anErasedClientLeavesNoPersonalValueInAnyTextColumnAndEveryFigureStays() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Erasure Legal"));
        Grant grant = given.grant("9000.00", g -> { });
        SubAward subAward = given.subAward(grant, partner, "3000.00");
        ErasureFixtures.Person person = ErasureFixtures.Person.unique();
        LegalCase closed = fixtures.closedCaseOf(person, admin, partner, subAward);
        long clientId = closed.getClient().getId();
        assertTrue(TextColumns.holding(dataSource, List.of(partner.getName()), Long.MAX_VALUE).contains("partner_organization.name"),
                "the scan finds a value where it is in clear");
        assertEquals(List.of(), columnsHolding(person, Long.MAX_VALUE), "the client's own row, their case's texts, the timeline, the"
                + " cost's note, the consent and the outbox hold the fixture's values only sealed under the client's key, and the name"
                + " index only keyed hashes: none in clear in any column even before the erasure");
        assertEquals(List.of(), columnsHolding(person, 0).stream().filter(column -> column.startsWith("audit_entry.")).toList(),
                "the audit trail holds the client's texts only sealed under the client's key");
        assertTrue(given.count("SELECT COUNT(*) FROM audit_entry WHERE record_type = 'LegalCase' AND record_id = '" + closed.getId()
                + "' AND new_values LIKE '%\"referrerName\":\"sealed:" + clientId + ":v2:%'") > 0, "the referrer's name is in it, sealed");
        AuditLine recorded = given.as(admin, () -> audit.lines(ListQuery.firstPage(50).withFilter("recordType", "LegalCase")
                .withFilter("recordId", String.valueOf(closed.getId())).sortedBy("id", true))).get(0);
        assertTrue(recorded.getChanges().contains(new AuditLine.FieldChange("referrerName", null, person.referrer())),
                "sealed with the key made with the client in the same transaction, and opened by the audit page: " + recorded.getChanges());
        em.getEntityManagerFactory().getCache().evictAll();
        ClientKeys.forgetCached();
        assertEquals(person.first(), given.as(admin, () -> cases.find(closed.getId())).getClient().getFirstName(),
                "and the client's own values still open under that key");

        LocalDate today = LocalDate.now(FundClock.current());
        Dashboard dashboardBefore = given.as(admin, () -> dashboards.dashboard(DashboardScope.WHOLE_FUND, today.minusYears(1), today, false));
        BudgetFigures budgetBefore = given.as(admin, () -> budgets.grant(grant.getId(), BudgetService.EARLIEST, BudgetService.LATEST));

        assertTrue(given.as(admin, () -> erasure.erase(clientId, "MANUAL")));
        assertFalse(given.as(admin, () -> erasure.erase(clientId, "MANUAL")), "erasing twice changes nothing");

        List<String> left = columnsHolding(person, 0);
        assertEquals(List.of(), left, "no personal value of the erased client in any text column, the audit trail's included");

        em.getEntityManagerFactory().getCache().evictAll();
        assertEquals(dashboardBefore, given.as(admin, () -> dashboards.dashboard(DashboardScope.WHOLE_FUND, today.minusYears(1), today, false)),
                "the dashboard is the same");
        assertEquals(budgetBefore, given.as(admin, () -> budgets.grant(grant.getId(), BudgetService.EARLIEST, BudgetService.LATEST)),
                "the budget figures are the same");

        LegalCase after = given.as(admin, () -> given.inTransaction(() -> cases.open(closed.getId())));
        Client client = after.getClient();
        assertTrue(client.isErased());
        assertEquals("", client.getFirstName());
        assertEquals("", client.getLastName());
        assertTrue(client.aNumber().isEmpty());
        assertNull(client.getBirthDate());
        assertNull(client.getPhone());
        assertNull(client.getAddress().getStreet());
        assertEquals("Chelsea", client.getAddress().getCity(), "the city stays for the statistics");
        assertEquals(CaseStatus.CLOSED, after.getStatus());
        assertEquals("REMOVAL_ORDERED", after.getOutcome().getCode(), "the outcome stays");
        assertEquals(partner.getId(), after.getPartnerId(), "the partner stays");
        List<CaseEvent> timeline = given.as(admin, () -> cases.timeline(closed.getId()));
        CaseEvent note = timeline.stream().filter(e -> e.getKind() == CaseEventKind.NOTE).findFirst().orElseThrow();
        assertEquals(ErasureStatements.MARKER, note.getSummary(), "the note's text is replaced by the marker");
        assertEquals(0, given.count("SELECT COUNT(*) FROM outbox_message WHERE case_id = " + closed.getId() + " AND status = 'PENDING'"),
                "the pending client reminder is withdrawn");
        assertEquals(0, given.count("SELECT COUNT(*) FROM client_name_word WHERE client_id = " + clientId));
        assertEquals(1, given.count("SELECT COUNT(*) FROM client_key WHERE client_id = " + clientId
                + " AND keyset IS NULL AND destroyed_at IS NOT NULL"), "the client's own key is destroyed");
        assertTrue(clientKeys.isErased(clientId), "and read as erased");

        assertTrue(given.as(admin, () -> audit.verify()).isIntact(), "the audit chain still verifies");
        List<AuditEntry> erasures = given.as(admin, () -> audit.list(ListQuery.firstPage(50)
                .withFilter("recordType", "Client").withFilter("recordId", String.valueOf(clientId)).withFilter("action", AuditAction.ERASE.name())));
        assertEquals(1, erasures.size(), "one erasure entry");
        assertEquals(admin.getEmail(), erasures.get(0).getActor());
        assertEquals("{\"why\":\"MANUAL\"}", erasures.get(0).getNewValues());
        assertNull(erasures.get(0).getOldValues(), "no old value copied");

        String ledger = Files.readString(PurgeLedger.configured().file());
        assertTrue(ledger.lines().anyMatch(line -> line.split("\t")[1].equals(String.valueOf(clientId)) && line.endsWith("\tMANUAL")),
                "the ledger names the client");
        for (String value : person.values()) {
            assertFalse(ledger.contains(value), "no personal value in the ledger");
        }
    }

    @Test
    void theRuleHoldsAndTheDailyErasureTakeOnlyWhatIsDueAndNotHeld() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Retention Legal"));
        SubAward subAward = given.subAward(given.grant("5000.00", g -> { }), partner, "2000.00");
        LegalCase closed = fixtures.closedCaseOf(ErasureFixtures.Person.unique(), admin, partner, subAward);
        long clientId = closed.getClient().getId();
        UserAccount staff = given.partnerStaff(partner);

        RetentionRule rule = given.as(admin, () -> retention.rule());
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> retention.changeRule(1, rule.getVersion())));
        assertEquals("years", assertThrows(BusinessException.class, () -> given.as(admin, () -> retention.changeRule(0, rule.getVersion()))).field());
        int years = rule.getYearsAfterClose();
        RetentionRule oneYear = given.as(admin, () -> retention.changeRule(1, rule.getVersion()));
        try {
            assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> retention.changeRule(2, rule.getVersion())),
                    "the second of two administrators is told");
            assertTrue(given.as(admin, () -> retention.due()).stream().noneMatch(d -> d.clientId() == clientId), "not due today");
            try (FundClock.Setting later = FundClock.fixedAt(Instant.now(FundClock.current()).plus(Duration.ofDays(800)))) {
                RetentionDue due = given.as(admin, () -> retention.due()).stream().filter(d -> d.clientId() == clientId).findFirst()
                        .orElseThrow(() -> new AssertionError("due after the rule's years"));
                assertFalse(due.held());
                assertEquals(closed.getCaseNumber(), due.caseNumbers());

                assertEquals("reason", assertThrows(BusinessException.class,
                        () -> given.as(admin, () -> retention.placeHold(closed.getCaseNumber(), "  "))).field());
                assertEquals("caseNumber", assertThrows(BusinessException.class,
                        () -> given.as(admin, () -> retention.placeHold("NO-SUCH-1", "Subpoena"))).field());
                LegalHold hold = given.as(admin, () -> retention.placeHold(closed.getCaseNumber(), "Subpoena in a civil suit"));
                assertEquals("retention.hold.exists", assertThrows(BusinessException.class,
                        () -> given.as(admin, () -> retention.placeHold(closed.getCaseNumber(), "Again"))).messageKey());
                assertTrue(given.as(admin, () -> retention.due()).stream().anyMatch(d -> d.clientId() == clientId && d.held()));
                assertTrue(given.as(admin, () -> retention.holds()).stream().anyMatch(h -> h.hold().getId().equals(hold.getId())));

                given.asSystem(() -> retention.eraseDue());
                assertEquals(0, given.count("SELECT COUNT(*) FROM client WHERE erased_at IS NOT NULL AND id = " + clientId), "held: kept");
                assertEquals("retention.erase.held", assertThrows(BusinessException.class,
                        () -> given.as(admin, () -> erasure.erase(clientId, "MANUAL"))).messageKey());

                assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> retention.liftHold(hold.getId(), hold.getVersion() + 1, "Settled")));
                given.as(admin, () -> retention.liftHold(hold.getId(), hold.getVersion(), "Suit settled"));
                assertTrue(given.asSystem(() -> retention.eraseDue()) >= 1);
                assertEquals(1, given.count("SELECT COUNT(*) FROM client WHERE erased_at IS NOT NULL AND id = " + clientId), "lifted: erased");
                assertEquals("retention.hold.erased", assertThrows(BusinessException.class,
                        () -> given.as(admin, () -> retention.placeHold(closed.getCaseNumber(), "Too late"))).messageKey());
            }
        } finally {
            RetentionRule now = given.as(admin, () -> retention.rule());
            given.as(admin, () -> retention.changeRule(years, now.getVersion()));
            assertEquals(1, oneYear.getYearsAfterClose());
        }
    }

    @Test
    void aBackupRestoredAfterAnErasureIsErasedAgainByTheRestoreCommandAndAtStart() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Ledger Legal"));
        SubAward subAward = given.subAward(given.grant("5000.00", g -> { }), partner, "2000.00");
        ErasureFixtures.Person person = ErasureFixtures.Person.unique();
        LegalCase closed = fixtures.closedCaseOf(person, admin, partner, subAward);
        long clientId = closed.getClient().getId();

        Path folder = Files.createTempDirectory("erasure-it");
        Path file = folder.resolve("before-erasure.sql.gz");
        DatabaseBackup backup = new DatabaseBackup(DatabaseAddress.configured(), ClientPrograms.locate(), dataSource::getConnection, LOG::info);
        try {
            backup.backup(file);
            assertTrue(given.as(admin, () -> erasure.erase(clientId, "MANUAL")));
            assertEquals(1, given.count("SELECT COUNT(*) FROM client WHERE erased_at IS NOT NULL AND id = " + clientId));

            backup.restore(file, true);
            assertEquals(1, given.count("SELECT COUNT(*) FROM client WHERE erased_at IS NULL AND id = " + clientId),
                    "the backup brings the person back");
            assertEquals(1, RestoreCommand.reapplyPurgeLedger(dataSource::getConnection, PurgeLedger.configured()),
                    "the restore command erases again the one client erased after the backup");
            assertEquals(List.of(), columnsHolding(person, 0), "erased again: no personal value in any text column");
            assertEquals(0, RestoreCommand.reapplyPurgeLedger(dataSource::getConnection, PurgeLedger.configured()), "once");

            backup.restore(file, true);
            em.getEntityManagerFactory().getCache().evictAll();
            assertEquals(1, given.asSystem(() -> ledgerAtStart.reapply()), "a restore by hand is caught at the next start");
            assertEquals(1, given.count("SELECT COUNT(*) FROM client WHERE erased_at IS NOT NULL AND id = " + clientId));
            assertEquals(1, given.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ERASE' AND record_id = '" + clientId
                    + "' AND new_values = '{\"why\":\"LEDGER\"}'"), "the start's erasure is in the audit trail");
            assertTrue(given.as(admin, () -> audit.verify()).isIntact(), "the audit chain verifies after the restore and the erasure");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder.resolve("before-erasure.sql.gz.sha256"));
            Files.deleteIfExists(folder);
        }
    }

    private List<String> columnsHolding(ErasureFixtures.Person person, long auditAfter) throws Exception {
        return TextColumns.holding(dataSource, person.values(), auditAfter);
    }
}
