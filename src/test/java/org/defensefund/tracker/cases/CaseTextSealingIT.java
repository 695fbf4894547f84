package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.clients.ClientKeys;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.funding.CaseCost;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostEntry;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.retention.LegalHold;
import org.defensefund.tracker.retention.RetentionService;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.defensefund.tracker.shared.pii.PiiDecryptionException;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A case's texts that can name or reach its client sealed under the client's own key, against the real database: the
 * referrer, the case's notes, timeline texts, a hearing's notes and a partner's answer to an offer written through the
 * services hold only {@code v2:} ciphertext in their columns and read back in clear; a value moved to another column fails
 * loudly; destroying the client's key alone makes every one unreadable (read as nothing); texts written before in clear
 * are moved under the key by the start-up step, idempotent.
 */
@ExtendWith(ArquillianExtension.class)
class CaseTextSealingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private AssignmentService assignment;

    @Inject
    private CaseService cases;

    @Inject
    private RepresentationService representation;

    @Inject
    private ClientService clients;

    @Inject
    private ChargeService charges;

    @Inject
    private CostService costs;

    @Inject
    private RetentionService retention;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void aCasesTextsAreSealedUnderTheClientsKeyReadBackAndUnreadableOnceItIsDestroyed() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization declining = given.partner(InContainer.unique("Declining Sealed Legal"));
        PartnerOrganization partner = given.partner(InContainer.unique("Sealed Texts Legal"));
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Referral referral = given.referral();
        referral.setReferrerName("Referrer " + tag);
        referral.setReferrerContact("referrer-" + tag + "@family.test");
        referral.setNotes("Intake note " + tag);
        LegalCase referred = given.as(admin, () -> intake.refer(referral));
        long caseId = referred.getId();
        LegalCase eligible = given.as(admin, () -> intake.screen(caseId, referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer declined = given.as(admin, () -> assignment.offer(caseId, eligible.getVersion(), declining.getId(), null));
        given.as(given.partnerStaff(declining), () -> assignment.declineOffer(declined.getId(),
                given.ref(ReferenceList.DECLINE_REASON, "NO_CAPACITY"), "Answer " + tag));
        LegalCase again = given.as(admin, () -> cases.find(caseId));
        CaseOffer offer = given.as(admin, () -> assignment.offer(caseId, again.getVersion(), partner.getId(), null));
        given.as(admin, () -> assignment.acceptOffer(offer.getId(), "Attorney " + tag));
        UserAccount staff = given.partnerStaff(partner);
        given.as(staff, () -> cases.addNote(caseId, "Timeline note " + tag));
        Hearing hearing = new Hearing(HearingKind.MASTER_CALENDAR, LocalDateTime.now(FundClock.current()).plusDays(9));
        hearing.setNotes("Hearing note " + tag);
        given.as(staff, () -> representation.recordHearing(caseId, hearing));
        SubAward subAward = given.subAward(given.grant("9000.00", g -> { }), partner, "3000.00");
        given.as(admin, () -> charges.charge(caseId, subAward.getId()));
        CostEntry entry = InContainer.expense(CostCategory.INTERPRETER, "80.00");
        entry.setNote("Cost note " + tag);
        CaseCost cost = given.as(staff, () -> costs.record(caseId, entry));
        given.as(admin, () -> assignment.recordConflict(caseId, declining.getId(), "Conflict note " + tag));
        LegalHold hold = given.as(admin, () -> retention.placeHold(referred.getCaseNumber(), "Subpoena naming " + tag));
        long clientId = referred.getClient().getId();

        List<String> clear = valuesHolding(tag);
        assertEquals(List.of(), clear, "no text of the case in clear in any column");
        for (String column : List.of("legal_case.referrer_name", "legal_case.referrer_contact", "legal_case.notes")) {
            assertTrue(stored(column, "id", caseId).startsWith("v2:"), column + " sealed");
        }
        assertTrue(stored("hearing.notes", "case_id", caseId).startsWith("v2:"));
        assertTrue(stored("case_offer.response_note", "id", declined.getId()).startsWith("v2:"));
        assertTrue(stored("case_cost.note", "id", cost.getId()).startsWith("v2:"));
        assertTrue(stored("client_conflict.note", "client_id", clientId).startsWith("v2:"));
        assertTrue(stored("legal_hold.reason", "id", hold.getId()).startsWith("v2:"));
        assertEquals(0, given.count("SELECT COUNT(*) FROM case_event WHERE case_id = " + caseId + " AND summary NOT LIKE 'v2:%'"),
                "every timeline entry's summary sealed");

        em.getEntityManagerFactory().getCache().evictAll();
        ClientKeys.forgetCached();
        LegalCase read = given.as(admin, () -> cases.find(caseId));
        assertEquals("Referrer " + tag, read.getReferrerName());
        assertEquals("referrer-" + tag + "@family.test", read.getReferrerContact());
        assertEquals("Intake note " + tag, read.getNotes());
        List<CaseEvent> timeline = given.as(admin, () -> cases.timeline(caseId));
        assertTrue(timeline.stream().anyMatch(e -> ("Timeline note " + tag).equals(e.getSummary())), "the note opens: " + timeline.size());
        assertTrue(timeline.stream().anyMatch(e -> e.getText().parts().size() > 0), "the entries' facts open");
        assertEquals("Hearing note " + tag, given.as(admin, () -> representation.hearings(caseId)).get(0).getNotes());
        assertEquals("Answer " + tag, given.as(admin, () -> em.find(CaseOffer.class, declined.getId()).getResponseNote()));
        assertEquals("Cost note " + tag, given.as(admin, () -> em.find(CaseCost.class, cost.getId()).getNote()));
        assertEquals("Subpoena naming " + tag, given.as(admin, () -> retention.holds()).stream().filter(h -> h.hold().getId().equals(hold.getId()))
                .findFirst().orElseThrow().hold().getReason());

        // A sealed text moved to another column does not open there: it fails loudly, never reads as another text.
        execute("UPDATE legal_case SET referred_elsewhere = notes WHERE id = " + caseId);
        em.getEntityManagerFactory().getCache().evictAll();
        assertThrows(PiiDecryptionException.class, () -> given.as(admin, () -> cases.find(caseId)).getReferredElsewhere());
        execute("UPDATE legal_case SET referred_elsewhere = NULL WHERE id = " + caseId);

        given.as(admin, () -> clients.destroyKey(clientId));
        em.getEntityManagerFactory().getCache().evictAll();
        LegalCase erased = given.as(admin, () -> cases.find(caseId));
        assertNull(erased.getReferrerName(), "the key destroyed, nothing else done: unreadable");
        assertNull(erased.getNotes());
        assertTrue(given.as(admin, () -> cases.timeline(caseId)).stream().allMatch(e -> e.getSummary() == null && e.getReason() == null),
                "every timeline text unreadable");
        assertNull(given.as(admin, () -> representation.hearings(caseId)).get(0).getNotes());
        assertNull(given.as(admin, () -> em.find(CaseCost.class, cost.getId()).getNote()));
        assertNull(given.as(admin, () -> em.find(LegalHold.class, hold.getId()).getReason()));
    }

    @Test
    void textsWrittenBeforeInClearAreMovedUnderTheClientsKeyAtStartOnce() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Old Texts Legal"));
        LegalCase legalCase = given.assigned(partner);
        long caseId = legalCase.getId();
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("UPDATE legal_case SET notes = 'Old note " + tag + "', referrer_name = 'Old referrer " + tag + "' WHERE id = " + caseId);
        execute("INSERT INTO case_event (case_id, occurred_at, actor, kind, from_status, to_status, summary, reason)"
                + " VALUES (" + caseId + ", NOW(6), 'old@fund.test', 'NOTE', 'ASSIGNED', 'ASSIGNED', 'Old entry " + tag + "', 'Old reason " + tag + "')");
        execute("INSERT INTO hearing (case_id, kind, scheduled_at, notes, recorded_by, created_at, version)"
                + " VALUES (" + caseId + ", 'MASTER_CALENDAR', NOW(6), 'Old hearing " + tag + "', 'old@fund.test', NOW(6), 0)");
        execute("INSERT INTO reminder_consent (case_id, given, email, source, recorded_by, recorded_at) VALUES (" + caseId + ", TRUE, '"
                + PiiCipher.current().encrypt("old-" + tag + "@mail.test") + "', 'CASE_PAGE', 'old@fund.test', NOW(6))");
        assertEquals(List.of("legal_case.referrer_name", "legal_case.notes", "case_event.summary", "case_event.reason", "hearing.notes"),
                valuesHolding(tag), "in clear, as an older version wrote them (the consent's address under the fund's key)");
        em.getEntityManagerFactory().getCache().evictAll();
        assertEquals("Old note " + tag, given.as(admin, () -> cases.find(caseId)).getNotes(), "read as they are before");

        long moved;
        try (Connection connection = dataSource.getConnection()) {
            moved = CaseTextSealing.sealAll(connection, Keyrings.configured(), PiiCipher.current());
            assertTrue(moved >= 3, "the case, the entry and the hearing: " + moved);
            assertEquals(0, CaseTextSealing.sealAll(connection, Keyrings.configured(), PiiCipher.current()), "a second run finds nothing");
        }
        assertEquals(List.of(), valuesHolding(tag), "nothing left in clear");
        assertEquals(1, given.count("SELECT COUNT(*) FROM case_text_sealing WHERE id = 1"), "the start recorded that it sealed");
        em.getEntityManagerFactory().getCache().evictAll();
        ClientKeys.forgetCached();
        LegalCase read = given.as(admin, () -> cases.find(caseId));
        assertEquals("Old note " + tag, read.getNotes());
        assertEquals("Old referrer " + tag, read.getReferrerName());
        List<CaseEvent> timeline = given.as(admin, () -> cases.timeline(caseId));
        assertTrue(timeline.stream().anyMatch(e -> ("Old entry " + tag).equals(e.getSummary()) && ("Old reason " + tag).equals(e.getReason())));
        assertTrue(given.as(admin, () -> representation.hearings(caseId)).stream().anyMatch(h -> ("Old hearing " + tag).equals(h.getNotes())));
        assertTrue(stored("reminder_consent.email", "case_id", caseId).startsWith("v2:"), "the consent's address moved under the client's key");
        assertEquals("old-" + tag + "@mail.test", given.as(admin, () -> em.createQuery("SELECT r FROM ReminderConsent r WHERE r.caseId = :id",
                org.defensefund.tracker.clientreminders.ReminderConsent.class).setParameter("id", caseId).getSingleResult().getEmail()));
    }

    /** "table.column" of the case texts' columns holding {@code text} in clear. */
    private List<String> valuesHolding(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        for (CaseTextSealing.Texts texts : CaseTextSealing.TABLES) {
            for (String column : texts.columns()) {
                if (given.count("SELECT COUNT(*) FROM " + texts.table() + " WHERE " + column + " LIKE '%" + text + "%'") > 0) {
                    found.add(texts.table() + "." + column);
                }
            }
        }
        return found;
    }

    private String stored(String tableColumn, String key, long id) throws SQLException {
        String[] parts = tableColumn.split("\\.");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + parts[1] + " FROM " + parts[0] + " WHERE " + key + " = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), tableColumn);
                String value = row.getString(1);
                assertFalse(value == null || value.isEmpty(), tableColumn + " empty");
                return value;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
