package org.defensefund.tracker.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The partner organization rules, through the real service against MariaDB. */
@ExtendWith(ArquillianExtension.class)
class PartnerServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private PartnerService partners;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private InContainer given;

    @Test
    void anAdministratorRecordsAPartnerWithEveryField() {
        UserAccount admin = given.admin();
        List<Language> languages = referenceData.activeLanguages();
        PartnerOrganization draft = new PartnerOrganization(InContainer.unique("Full Fields Legal"), 40);
        draft.getContact().setName("Rosa Contact");
        draft.getContact().setEmail("rosa@full-fields.test");
        draft.getContact().setPhone("+1 (617) 555-0199");
        draft.getAddress().setStreet("10 Court St");
        draft.getAddress().setCity("Boston");
        draft.getAddress().setState("MA");
        draft.getAddress().setPostalCode("02108");
        draft.setLanguages(Set.of(languages.get(0), languages.get(1)));
        draft.setPracticeAreas(EnumSet.of(PracticeArea.DETAINED_REMOVAL, PracticeArea.BOND_HEARINGS));
        draft.setNotes("Takes Plymouth detention cases.");

        PartnerOrganization saved = given.as(admin, () -> partners.create(draft));
        assertNotNull(saved.getId());
        assertNotNull(saved.getCreatedAt());

        PartnerOrganization read = given.as(admin, () -> partners.find(saved.getId()));
        assertEquals(draft.getName(), read.getName());
        assertEquals("rosa@full-fields.test", read.getContact().getEmail());
        assertEquals(40, read.getCaseCapacity());
        assertEquals(Set.of(languages.get(0), languages.get(1)), read.getLanguages());
        assertEquals(EnumSet.of(PracticeArea.DETAINED_REMOVAL, PracticeArea.BOND_HEARINGS), read.getPracticeAreas());
        assertTrue(read.servesDetained());
        assertTrue(read.isActive());
    }

    @Test
    void theNameIsRequiredAndUniqueIgnoringCase() {
        UserAccount admin = given.admin();
        String name = InContainer.unique("Unique Name Project");
        given.as(admin, () -> partners.create(new PartnerOrganization(name, 5)));

        BusinessException duplicate = assertThrows(BusinessException.class,
                () -> given.as(admin, () -> partners.create(new PartnerOrganization(name.toUpperCase(), 5))));
        assertEquals("partner.name.taken", duplicate.messageKey());
        assertEquals("name", duplicate.field());

        assertThrows(ConstraintViolationException.class,
                () -> given.as(admin, () -> partners.create(new PartnerOrganization("  ", 5))));
    }

    @Test
    void badFieldsAreRefusedAndNothingIsSaved() {
        UserAccount admin = given.admin();
        String name = InContainer.unique("Bad Fields Clinic");
        PartnerOrganization negative = new PartnerOrganization(name, -1);
        ConstraintViolationException capacity = assertThrows(ConstraintViolationException.class,
                () -> given.as(admin, () -> partners.create(negative)));
        assertEquals("caseCapacity", capacity.getConstraintViolations().iterator().next().getPropertyPath().toString());

        PartnerOrganization badEmail = new PartnerOrganization(name, 3);
        badEmail.getContact().setEmail("not-an-email");
        assertThrows(ConstraintViolationException.class, () -> given.as(admin, () -> partners.create(badEmail)));

        assertFalse(given.as(admin, () -> partners.nameTaken(name, null)), "nothing half-saved");
    }

    @Test
    void aStaleEditIsRefusedAndTheEditorsCopyIsKept() {
        UserAccount admin = given.admin();
        PartnerOrganization created = given.partner(InContainer.unique("Stale Edit Services"));
        PartnerOrganization first = given.as(admin, () -> partners.find(created.getId()));
        PartnerOrganization second = given.as(admin, () -> partners.find(created.getId()));

        first.getAddress().setCity("Chelsea");
        given.as(admin, () -> partners.update(first));

        second.getAddress().setCity("Lowell");
        second.setCaseCapacity(99);
        assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> partners.update(second)));
        assertEquals("Lowell", second.getAddress().getCity(), "the second editor's input is kept");
        assertEquals(99, second.getCaseCapacity());
        assertEquals("Chelsea", given.as(admin, () -> partners.find(created.getId())).getAddress().getCity(), "the first save stands");
    }

    @Test
    void twoSimultaneousSavesOfTheSameVersionLetExactlyOneWin() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization created = given.partner(InContainer.unique("Race Legal Aid"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<String>> saves = List.of(saveCityAs(admin, created.getId(), "Revere"), saveCityAs(admin, created.getId(), "Lynn"));
            List<Future<String>> results = pool.invokeAll(saves);
            long won = 0;
            for (Future<String> result : results) {
                if (result.get().equals("saved")) {
                    won++;
                }
            }
            assertEquals(1, won, "exactly one of two concurrent saves wins");
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<String> saveCityAs(UserAccount admin, Long id, String city) {
        PartnerOrganization copy = given.as(admin, () -> partners.find(id));
        copy.getAddress().setCity(city);
        return () -> {
            return given.inNewRequest(() -> {
                try {
                    given.as(admin, () -> partners.update(copy));
                    return "saved";
                } catch (ConcurrentEditException e) {
                    return "refused";
                }
            });
        };
    }

    @Test
    void deactivatingKeepsThePartnerAndCanBeUndone() {
        UserAccount admin = given.admin();
        PartnerOrganization created = given.partner(InContainer.unique("Deactivated Defenders"));
        PartnerOrganization inactive = given.as(admin, () -> partners.deactivate(created.getId(), created.getVersion()));
        assertFalse(inactive.isActive());
        assertFalse(partners.isActive(created.getId()));
        assertEquals(created.getId(), given.as(admin, () -> partners.find(created.getId())).getId(), "still there");
        assertThrows(ConcurrentEditException.class,
                () -> given.as(admin, () -> partners.reactivate(created.getId(), created.getVersion())), "stale version");
        assertTrue(given.as(admin, () -> partners.reactivate(inactive.getId(), inactive.getVersion())).isActive());
    }

    @Test
    void listsArePagedSortedAndFilteredByTheDatabase() {
        UserAccount admin = given.admin();
        String prefix = InContainer.unique("Paging");
        for (int i = 0; i < 23; i++) {
            PartnerOrganization partner = new PartnerOrganization(String.format("%s %02d", prefix, i), i);
            partner.getAddress().setCity(i % 2 == 0 ? "Boston" : "Framingham");
            given.as(admin, () -> partners.create(partner));
        }
        ListQuery byPrefix = ListQuery.firstPage(10).withFilter("name", prefix.toLowerCase());
        assertEquals(23, given.as(admin, () -> partners.count(byPrefix)));

        List<PartnerOrganization> firstPage = given.as(admin, () -> partners.list(byPrefix.sortedBy("caseCapacity", false)));
        assertEquals(10, firstPage.size());
        assertEquals(22, firstPage.get(0).getCaseCapacity());
        assertEquals(13, firstPage.get(9).getCaseCapacity());

        ListQuery thirdPage = new ListQuery(20, 10, "name", true, byPrefix.filters());
        List<PartnerOrganization> last = given.as(admin, () -> partners.list(thirdPage));
        assertEquals(3, last.size());
        assertTrue(last.get(2).getName().endsWith("22"));

        ListQuery framingham = byPrefix.withFilter("address.city", "FRAMINGHAM");
        assertEquals(11, given.as(admin, () -> partners.count(framingham)));

        ListQuery hiddenColumn = byPrefix.sortedBy("notes; drop table language", true).withFilter("id", "1");
        assertEquals(23, given.as(admin, () -> partners.count(hiddenColumn)), "unknown filter fields are ignored");
        assertEquals(10, given.as(admin, () -> partners.list(hiddenColumn)).size(), "unknown sort fields fall back to the default");
    }

    @Test
    void partnerStaffReadOnlyTheirOwnOrganizationAndChangeNothing() {
        PartnerOrganization mine = given.partner(InContainer.unique("Own Org"));
        PartnerOrganization other = given.partner(InContainer.unique("Other Org"));
        UserAccount staff = given.partnerStaff(mine);

        assertEquals(mine.getId(), given.as(staff, () -> partners.find(mine.getId())).getId());
        assertEquals(mine.getId(), given.as(staff, () -> partners.own()).orElseThrow().getId());
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> partners.find(other.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> partners.list(ListQuery.firstPage(10))));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> partners.count(ListQuery.firstPage(10))));
        assertThrows(AccessDeniedException.class,
                () -> given.as(staff, () -> partners.create(new PartnerOrganization(InContainer.unique("Sneaky"), 1))));
        PartnerOrganization ownCopy = given.as(staff, () -> partners.find(mine.getId()));
        ownCopy.setCaseCapacity(500);
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> partners.update(ownCopy)));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> partners.deactivate(other.getId(), other.getVersion())));
    }

    @Test
    void fundersAndAnonymousCallersReachNoPartner() {
        PartnerOrganization partner = given.partner(InContainer.unique("Funded Org"));
        UserAccount funder = given.funderUser(given.funder(InContainer.unique("Some Foundation")));
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> partners.find(partner.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> partners.list(ListQuery.firstPage(5))));
        assertThrows(AccessDeniedException.class, () -> partners.find(partner.getId()), "no caller at all");
    }

    @Test
    void anUnknownIdIsNotFound() {
        UserAccount admin = given.admin();
        assertThrows(RecordNotFoundException.class, () -> given.as(admin, () -> partners.find(987654321L)));
    }
}
