package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Funders: recorded and edited by administrators; a funder user reads only their own. */
@ExtendWith(ArquillianExtension.class)
class FunderServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private FunderService funders;

    @Inject
    private InContainer given;

    @Test
    void anAdministratorRecordsAndEditsAFunderWithItsContact() {
        UserAccount admin = given.admin();
        Funder draft = new Funder(InContainer.unique("Mass Legal Assistance"), FunderKind.STATE_AGENCY);
        draft.getContact().setName("Grace Grants");
        draft.getContact().setEmail("grants@mlac.test");
        draft.getContact().setPhone("617-555-0142");
        Funder saved = given.as(admin, () -> funders.create(draft));
        assertNotNull(saved.getCreatedAt());
        assertEquals("grants@mlac.test", given.as(admin, () -> funders.find(saved.getId())).getContact().getEmail());
        assertEquals(1, given.as(admin, () -> funders.count(ListQuery.firstPage(5).withFilter("name", saved.getName()))));

        Funder first = given.as(admin, () -> funders.find(saved.getId()));
        Funder second = given.as(admin, () -> funders.find(saved.getId()));
        first.getContact().setName("New Contact");
        given.as(admin, () -> funders.update(first));
        second.getContact().setPhone("617-555-0199");
        assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> funders.update(second)));

        Funder current = given.as(admin, () -> funders.find(saved.getId()));
        assertFalse(given.as(admin, () -> funders.setActive(current.getId(), current.getVersion(), false)).isActive());
        assertFalse(funders.isActive(saved.getId()));
    }

    @Test
    void namesAreRequiredUniqueAndEmailsValid() {
        UserAccount admin = given.admin();
        String name = InContainer.unique("Unique Foundation");
        given.as(admin, () -> funders.create(name, FunderKind.FOUNDATION));
        assertEquals("funder.name.taken", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> funders.create(name.toLowerCase(), FunderKind.CITY))).messageKey());
        Funder badEmail = new Funder(InContainer.unique("Bad Email Trust"), FunderKind.FOUNDATION);
        badEmail.getContact().setEmail("nope");
        assertThrows(ConstraintViolationException.class, () -> given.as(admin, () -> funders.create(badEmail)));
    }

    @Test
    void aFunderUserReadsOnlyTheirOwnFunderAndPartnerStaffNone() {
        Funder mine = given.funder(InContainer.unique("Own Foundation"));
        Funder other = given.funder(InContainer.unique("Other Foundation"));
        UserAccount funderUser = given.funderUser(mine);
        assertEquals(mine.getId(), given.as(funderUser, () -> funders.find(mine.getId())).getId());
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> funders.find(other.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> funders.list(ListQuery.firstPage(5))));
        UserAccount staff = given.partnerStaff(given.partner(InContainer.unique("Curious Legal")));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> funders.find(mine.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> funders.create(InContainer.unique("Sneaky"), FunderKind.OTHER)));
    }
}
