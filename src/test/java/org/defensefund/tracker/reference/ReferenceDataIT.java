package org.defensefund.tracker.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.UUID;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reference lists are seeded by the migration and extended by administrators only. */
@ExtendWith(ArquillianExtension.class)
class ReferenceDataIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private InContainer given;

    @Test
    void everyListIsSeededAndOutcomesKnowWhatCountsAsSuccess() {
        for (ReferenceList list : ReferenceList.values()) {
            assertFalse(referenceData.active(list).isEmpty(), list + " seeded");
        }
        ReferenceItem granted = referenceData.byCode(ReferenceList.OUTCOME, "RELIEF_GRANTED").orElseThrow();
        ReferenceItem removal = referenceData.byCode(ReferenceList.OUTCOME, "REMOVAL_ORDERED").orElseThrow();
        ReferenceItem withdrew = referenceData.byCode(ReferenceList.OUTCOME, "CLIENT_WITHDREW").orElseThrow();
        assertTrue(granted.isCompletedInCourt() && granted.isCountsAsSuccess());
        assertTrue(removal.isCompletedInCourt() && !removal.isCountsAsSuccess());
        assertFalse(withdrew.isCompletedInCourt());
        assertFalse(referenceData.byCode(ReferenceList.DETENTION_FACILITY, "BRISTOL").orElseThrow().isActive(), "ended contracts kept, inactive");
    }

    @Test
    void theSeededItemsAreNamedInEachLanguageOfThePagesButCourtsKeepTheirNames() {
        ReferenceItem asylum = referenceData.byCode(ReferenceList.RELIEF_TYPE, "ASYLUM").orElseThrow();
        ReferenceItem removal = referenceData.byCode(ReferenceList.OUTCOME, "REMOVAL_ORDERED").orElseThrow();
        assertEquals("Asilo", referenceData.namesIn("es").get(asylum.getId()));
        assertEquals("Orden de expulsión", referenceData.namesIn("es").get(removal.getId()));
        assertEquals("Ordem de remoção", referenceData.namesIn("pt-BR").get(removal.getId()));
        assertEquals("Lòd ekspilsyon", referenceData.namesIn("ht").get(removal.getId()));
        String[][] seeded = {{"REFERRAL_SOURCE", "ONLINE_FORM"}, {"CASE_TYPE", "RMV"}, {"CUSTODY_RESULT", "RELEASED_BOND"},
            {"DECLINE_REASON", "NO_CAPACITY"}, {"INELIGIBILITY_REASON", "HAS_COUNSEL"}, {"RELIEF_TYPE", "SIJS"}};
        for (String language : new String[] {"es", "pt-BR", "ht"}) {
            java.util.Map<Long, String> names = referenceData.namesIn(language);
            for (String[] listAndCode : seeded) {
                ReferenceItem item = referenceData.byCode(ReferenceList.valueOf(listAndCode[0]), listAndCode[1]).orElseThrow();
                String name = names.get(item.getId());
                assertTrue(name != null && !name.equals(item.getName()), listAndCode[1] + " named in " + language + ": " + name);
            }
        }
        ReferenceItem boston = referenceData.byCode(ReferenceList.COURT, "BOS").orElseThrow();
        assertFalse(referenceData.namesIn("es").containsKey(boston.getId()), "a court keeps its proper name");
    }

    @Test
    void anAdministratorAddsRenamesAndDeactivatesEntries() {
        UserAccount admin = given.admin();
        String code = "KYR_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        ReferenceItem added = given.as(admin, () -> referenceData.add(ReferenceList.REFERRAL_SOURCE, code.toLowerCase().replace('_', ' '),
                "Church network", null, 50, false, false));
        assertEquals(code, added.getCode(), "codes are normalised to capitals and underscores");
        assertTrue(referenceData.active(ReferenceList.REFERRAL_SOURCE).contains(added));

        assertEquals("reference.code.taken", assertThrows(BusinessException.class, () -> given.as(admin,
                () -> referenceData.add(ReferenceList.REFERRAL_SOURCE, code, "Again", null, 1, false, false))).messageKey());

        ReferenceItem edited = referenceData.find(ReferenceList.REFERRAL_SOURCE, added.getId()).orElseThrow();
        edited.setName("Faith community network");
        edited.setActive(false);
        given.as(admin, () -> referenceData.update(edited));
        assertFalse(referenceData.active(ReferenceList.REFERRAL_SOURCE).contains(added));
        assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> referenceData.update(added)), "stale copy");
        assertTrue(referenceData.find(ReferenceList.COURT, added.getId()).isEmpty(), "an entry is found only in its own list");
    }

    @Test
    void partnerStaffCantChangeTheLists() {
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("List Reader Legal")));
        assertThrows(AccessDeniedException.class, () -> given.as(staff,
                () -> referenceData.add(ReferenceList.OUTCOME, "WON_BIG", "Won", null, 1, true, true)));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> referenceData.all(ReferenceList.OUTCOME)));
    }
}
