package org.defensefund.tracker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail: creates and updates recorded with who and the old and new values, openings of a
 * client's record, the hash chain catching exactly the entry that was edited in the database (and the
 * one after a deleted entry), and only administrators reading it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private AuditService audit;

    @Inject
    private PartnerService partners;

    @Inject
    private CaseService cases;

    @Inject
    private ClientService clients;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    private List<AuditEntry> entries(UserAccount admin, String type, Object id) {
        return given.as(admin, () -> audit.list(ListQuery.firstPage(50).withFilter("recordType", type)
                .withFilter("recordId", String.valueOf(id)).sortedBy("id", true)));
    }

    @Test
    void changesAreRecordedWithWhoAndTheOldAndNewValues() {
        UserAccount admin = given.admin();
        PartnerOrganization created = given.as(admin, () -> partners.create(new PartnerOrganization(InContainer.unique("Audited Legal"), 12)));
        PartnerOrganization edited = given.as(admin, () -> partners.find(created.getId()));
        edited.getAddress().setCity("Chelsea");
        given.as(admin, () -> partners.update(edited));

        List<AuditEntry> trail = entries(admin, "PartnerOrganization", created.getId());
        assertEquals(List.of(AuditAction.CREATE, AuditAction.UPDATE), trail.stream().map(AuditEntry::getAction).toList());
        assertTrue(trail.get(0).getNewValues().contains(created.getName()));
        assertEquals(admin.getEmail(), trail.get(1).getActor());
        assertTrue(trail.get(1).getOldValues().startsWith("{\"address.city\":null,\"updatedAt\":"), "only what changed: " + trail.get(1).getOldValues());
        assertTrue(trail.get(1).getNewValues().contains("\"address.city\":\"Chelsea\""), trail.get(1).getNewValues());

        Grant grant = given.grant("1000.00", g -> { });
        SubAward subAward = given.subAward(grant, created, "400.00");
        assertEquals(AuditAction.CREATE, entries(admin, "SubAward", subAward.getId()).get(0).getAction(), "money is audited too");
        assertTrue(entries(admin, "Grant", grant.getId()).get(0).getNewValues().contains("1000.00"));
        assertTrue(entries(admin, "UserAccount", admin.getId()).get(0).getNewValues().contains("[not recorded]"),
                "a password hash is never copied into the trail");
    }

    @Test
    void thePageShowsNewestFirstRecordsByNameAndWhatChangedFieldByField() {
        UserAccount admin = given.admin();
        PartnerOrganization created = given.as(admin, () -> partners.create(new PartnerOrganization(InContainer.unique("Readable Legal"), 12)));
        PartnerOrganization edited = given.as(admin, () -> partners.find(created.getId()));
        edited.getAddress().setCity("Chelsea");
        given.as(admin, () -> partners.update(edited));

        List<AuditLine> lines = given.as(admin, () -> audit.lines(ListQuery.firstPage(50)
                .withFilter("recordType", "PartnerOrganization").withFilter("recordId", String.valueOf(created.getId()))));
        assertEquals(List.of(AuditAction.UPDATE, AuditAction.CREATE), lines.stream().map(AuditLine::getAction).toList(), "newest first");
        AuditLine changed = lines.get(0);
        assertEquals(created.getName(), changed.getRecordName(), "the partner by its name, not its id");
        assertTrue(changed.getChanges().contains(new AuditLine.FieldChange("address.city", null, "Chelsea")), changed.getChanges().toString());
        assertEquals("address city", changed.getChanges().stream().filter(c -> c.getField().equals("address.city")).findFirst().orElseThrow().getWords());
        assertTrue(lines.get(1).getChanges().stream().anyMatch(c -> c.getField().equals("name") && c.getBefore() == null
                && created.getName().equals(c.getAfter())), "a creation shows the values given");
        assertEquals(0, changed.getWhen().getNano(), "to the second");
        long minutesFromNow = Math.abs(java.time.Duration.between(changed.getWhen(), java.time.LocalDateTime.now(FundClock.current())).toMinutes());
        assertTrue(minutesFromNow < 5, "in the fund's zone: " + changed.getWhen());

        PartnerOrganization partner = given.partner(InContainer.unique("Readable Viewing Legal"));
        LegalCase legalCase = given.assigned(partner);
        AuditLine caseLine = given.as(admin, () -> audit.lines(ListQuery.firstPage(5).withFilter("recordType", "LegalCase")
                .withFilter("recordId", String.valueOf(legalCase.getId())))).get(0);
        assertEquals(legalCase.getCaseNumber(), caseLine.getRecordName(), "a case by its number");
        given.as(admin, () -> cases.open(legalCase.getId()));
        AuditLine client = given.as(admin, () -> audit.lines(ListQuery.firstPage(5).withFilter("recordType", "Client")
                .withFilter("recordId", String.valueOf(legalCase.getClient().getId())))).get(0);
        assertEquals(AuditAction.VIEW, client.getAction());
        assertNull(client.getRecordName(), "a client is never named on the audit page");
    }

    @Test
    void aClientsTextsAreInTheTrailOnlyUnderTheirKeyAndUnreadableOnceItIsDestroyed() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Sealed Trail Legal"));
        LegalCase legalCase = given.assigned(partner);
        long clientId = legalCase.getClient().getId();
        String tag = "Sealednote" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        given.as(admin, () -> cases.addNote(legalCase.getId(), "Called " + tag + " about the hearing"));
        long noteId = given.count("SELECT MAX(id) FROM case_event WHERE kind = 'NOTE' AND case_id = " + legalCase.getId());

        assertEquals(0, given.count("SELECT COUNT(*) FROM audit_entry WHERE old_values LIKE '%" + tag + "%' OR new_values LIKE '%" + tag + "%'"),
                "the note's text is nowhere in the trail in clear");
        AuditEntry created = entries(admin, "CaseEvent", noteId).get(0);
        assertTrue(created.getNewValues().contains("\"summary\":\"sealed:" + clientId + ":v2:"), "sealed under the client's key: " + created.getNewValues());
        assertTrue(created.getNewValues().contains("\"occurredAt\""), "what is not the client's text stays readable: " + created.getNewValues());
        AuditLine line = given.as(admin, () -> audit.lines(ListQuery.firstPage(5).withFilter("recordType", "CaseEvent")
                .withFilter("recordId", String.valueOf(noteId)))).get(0);
        assertTrue(line.getChanges().stream().anyMatch(c -> c.getField().equals("summary") && c.getAfter().contains(tag)),
                "the audit page opens it with the client's key: " + line.getChanges());

        given.as(admin, () -> clients.destroyKey(clientId));
        AuditLine erased = given.as(admin, () -> audit.lines(ListQuery.firstPage(5).withFilter("recordType", "CaseEvent")
                .withFilter("recordId", String.valueOf(noteId)))).get(0);
        assertEquals(SealedTexts.ERASED, erased.getChanges().stream().filter(c -> c.getField().equals("summary")).findFirst().orElseThrow().getAfter(),
                "once the client's key is destroyed, the trail's copy can't be read: " + erased.getChanges());
        assertTrue(given.as(admin, () -> audit.verify()).isIntact(), "the chain, which covers the ciphertext, still verifies");
    }

    @Test
    void openingACaseFileRecordsWhoOpenedTheClientsRecord() {
        PartnerOrganization partner = given.partner(InContainer.unique("Viewing Legal"));
        LegalCase legalCase = given.assigned(partner);
        UserAccount staff = given.partnerStaff(partner);
        given.as(staff, () -> cases.open(legalCase.getId()));
        UserAccount admin = given.admin();
        List<AuditEntry> views = entries(admin, "Client", legalCase.getClient().getId()).stream()
                .filter(e -> e.getAction() == AuditAction.VIEW).toList();
        assertEquals(1, views.size());
        assertEquals(staff.getEmail(), views.get(0).getActor());
        assertNull(views.get(0).getNewValues());
    }

    @Test
    void editingOrDeletingAnEntryInTheDatabaseIsFoundByTheChainCheck() throws Exception {
        UserAccount admin = given.admin();
        given.partner(InContainer.unique("Chain Legal"));
        given.partner(InContainer.unique("Chain Legal Two"));
        assertTrue(given.as(admin, () -> audit.verify()).isIntact(), "intact before anyone tampers");

        long victim;
        String original;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT id, new_values FROM audit_entry WHERE record_type = 'PartnerOrganization' ORDER BY id DESC LIMIT 1 OFFSET 1");
                 ResultSet row = find.executeQuery()) {
                row.next();
                victim = row.getLong(1);
                original = row.getString(2);
            }
            update(connection, "UPDATE audit_entry SET new_values = REPLACE(new_values, 'Chain Legal', 'Forged Legal') WHERE id = ?", victim);
            ChainCheck edited = given.as(admin, () -> audit.verify());
            assertEquals(List.of(victim), edited.edited(), "exactly the edited entry");
            assertEquals(List.of(), edited.unlinked());
            try (PreparedStatement restore = connection.prepareStatement("UPDATE audit_entry SET new_values = ? WHERE id = ?")) {
                restore.setString(1, original);
                restore.setLong(2, victim);
                restore.executeUpdate();
            }
            assertTrue(given.as(admin, () -> audit.verify()).isIntact(), "restored");

            update(connection, "CREATE TEMPORARY TABLE kept AS SELECT * FROM audit_entry WHERE id = ?", victim);
            update(connection, "DELETE FROM audit_entry WHERE id = ?", victim);
            ChainCheck deleted = given.as(admin, () -> audit.verify());
            assertEquals(List.of(), deleted.edited());
            assertEquals(1, deleted.unlinked().size(), "the entry after the deleted one no longer links");
            assertTrue(deleted.unlinked().get(0) > victim);
            update(connection, "INSERT INTO audit_entry SELECT * FROM kept WHERE id = ?", victim);
            assertTrue(given.as(admin, () -> audit.verify()).isIntact(), "restored again");
        }
    }

    private static void update(Connection connection, String sql, long id) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    @Test
    void onlyAdministratorsReadTheTrailAndNobodyChangesIt() {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Curious Audit Legal")));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> audit.list(ListQuery.firstPage(5))));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> audit.verify()));
        UserAccount funder = given.funderUser(given.funder(InContainer.unique("Curious Audit Fund")));
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> audit.count(ListQuery.firstPage(5))));
        assertNotNull(AuditEntry.class.getAnnotation(org.eclipse.persistence.annotations.ReadOnly.class), "entries are read-only to the app");
        assertTrue(java.util.Arrays.stream(AuditService.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                .allMatch(m -> List.of("list", "lines", "recordTypes", "count", "verify", "viewed", "erased").contains(m.getName())),
                "no method changes an entry (viewed and erased add one)");
    }
}
