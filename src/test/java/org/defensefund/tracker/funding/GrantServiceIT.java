package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grants and sub-awards: bad input, the never-exceed rule (also under two transactions at once), amendments, who reads what. */
@ExtendWith(ArquillianExtension.class)
class GrantServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private GrantService grants;

    @Inject
    private InContainer given;

    @Inject
    private FunderService funders;

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void badGrantInputIsRefusedAndNothingIsSaved() {
        UserAccount admin = given.admin();
        Funder funder = given.funder(InContainer.unique("Careful Foundation"));
        LocalDate today = LocalDate.now(FundClock.current());
        String name = InContainer.unique("Bad Grant");

        GrantTerms negative = new GrantTerms(funder, name, money("-5.00"), today, today.plusDays(30));
        assertThrows(ConstraintViolationException.class, () -> given.as(admin, () -> grants.create(negative)), "negative amount");
        GrantTerms tooPrecise = new GrantTerms(funder, name, money("100.005"), today, today.plusDays(30));
        assertThrows(ConstraintViolationException.class, () -> given.as(admin, () -> grants.create(tooPrecise)), "more decimals than cents");
        GrantTerms backwards = new GrantTerms(funder, name, money("100.00"), today, today.minusDays(1));
        assertEquals("period.endBeforeStart", assertThrows(BusinessException.class, () -> given.as(admin, () -> grants.create(backwards))).messageKey());
        GrantTerms noFunder = new GrantTerms(null, name, money("100.00"), today, today.plusDays(1));
        assertThrows(ConstraintViolationException.class, () -> given.as(admin, () -> grants.create(noFunder)), "no funder");
        Funder inactive = given.funder(InContainer.unique("Gone Foundation"));
        given.as(admin, () -> funders.setActive(inactive.getId(), inactive.getVersion(), false));
        GrantTerms inactiveFunder = new GrantTerms(inactive, name, money("100.00"), today, today.plusDays(1));
        assertEquals("grant.funder.unknown", assertThrows(BusinessException.class, () -> given.as(admin, () -> grants.create(inactiveFunder))).messageKey());

        assertEquals(0, given.as(admin, () -> grants.count(ListQuery.firstPage(5).withFilter("name", name))), "nothing half-saved");
    }

    @Test
    void subAwardsNeverExceedTheirGrantAndTheMessageSaysByHowMuch() {
        UserAccount admin = given.admin();
        Grant grant = given.grant("1000.00", g -> { });
        PartnerOrganization first = given.partner(InContainer.unique("First Defenders"));
        PartnerOrganization second = given.partner(InContainer.unique("Second Defenders"));
        given.subAward(grant, first, "600.00");
        BusinessException refused = assertThrows(BusinessException.class, () -> given.subAward(grant, second, "400.01"));
        assertEquals("subAward.exceedsGrant", refused.messageKey());
        assertEquals(0, money("0.01").compareTo((BigDecimal) refused.arguments()[0]), "the excess, to the cent");
        SubAward exact = given.subAward(grant, second, "400.00");
        assertEquals(2, given.as(admin, () -> grants.subAwards(grant.getId())).size());

        SubAwardTerms outside = new SubAwardTerms(money("1.00"), grant.getPeriodStart().minusDays(1), grant.getPeriodEnd(), null);
        assertEquals("subAward.period.outsideGrant",
                assertThrows(BusinessException.class, () -> given.as(admin, () -> grants.award(grant.getId(), first.getId(), outside))).messageKey());

        Grant current = given.as(admin, () -> grants.find(grant.getId()));
        GrantTerms shrunk = GrantTerms.of(current);
        shrunk.setAmount(money("999.99"));
        assertEquals("grant.amount.belowSubAwards", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> grants.update(current.getId(), current.getVersion(), shrunk))).messageKey());

        SubAwardTerms raise = new SubAwardTerms(money("400.01"), exact.getPeriodStart(), exact.getPeriodEnd(), "More cases");
        assertEquals("subAward.exceedsGrant",
                assertThrows(BusinessException.class, () -> given.as(admin, () -> grants.amend(exact.getId(), exact.getVersion(), raise))).messageKey());
    }

    @Test
    void amendmentsAreKeptAndNeedAReasonAndTheCurrentVersion() {
        UserAccount admin = given.admin();
        Grant grant = given.grant("5000.00", g -> { });
        PartnerOrganization partner = given.partner(InContainer.unique("Amended Legal"));
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        SubAwardTerms noReason = new SubAwardTerms(money("1500.00"), subAward.getPeriodStart(), subAward.getPeriodEnd(), " ");
        assertEquals("subAward.reason.required",
                assertThrows(BusinessException.class, () -> given.as(admin, () -> grants.amend(subAward.getId(), subAward.getVersion(), noReason))).messageKey());
        SubAwardTerms more = new SubAwardTerms(money("1500.00"), subAward.getPeriodStart(), subAward.getPeriodEnd().minusDays(10), "Second round");
        SubAward amended = given.as(admin, () -> grants.amend(subAward.getId(), subAward.getVersion(), more));
        assertEquals(0, money("1500.00").compareTo(amended.getAmount()));
        assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> grants.amend(subAward.getId(), subAward.getVersion(), more)), "stale version");

        List<SubAwardAmendment> history = given.as(admin, () -> grants.amendments(subAward.getId()));
        assertEquals(2, history.size(), "the award and the amendment");
        assertNull(history.get(0).getOldAmount());
        assertEquals(0, money("1000.00").compareTo(history.get(1).getOldAmount()));
        assertEquals(0, money("1500.00").compareTo(history.get(1).getNewAmount()));
        assertEquals(subAward.getPeriodEnd(), history.get(1).getOldEnd());
        assertEquals("Second round", history.get(1).getReason());
        assertEquals(admin.getEmail(), history.get(1).getAmendedBy());
    }

    /**
     * The first administrator's transaction awards 700 of a 1,000 grant and holds its transaction open;
     * the second, starting meanwhile, asks for 400. It must wait for the first and then be refused:
     * without the grant's row lock both would see no sub-award and both would be saved.
     */
    @Test
    void twoAdministratorsAwardingAtOnceCannotExceedTheGrant() throws Exception {
        UserAccount admin = given.admin();
        Grant grant = given.grant("1000.00", g -> { });
        PartnerOrganization first = given.partner(InContainer.unique("Race One"));
        PartnerOrganization second = given.partner(InContainer.unique("Race Two"));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = pool.submit(() -> given.inNewRequest(() -> given.inTransaction(() -> {
                given.subAward(grant, first, "700.00");
                firstHoldsLock.countDown();
                InContainer.pause(1500);
                return "saved";
            })));
            assertTrue(firstHoldsLock.await(30, TimeUnit.SECONDS));
            Future<String> two = pool.submit(() -> given.inNewRequest(() -> given.inTransaction(() -> {
                try {
                    given.subAward(grant, second, "400.00");
                    return "saved";
                } catch (BusinessException e) {
                    return e.messageKey();
                }
            })));
            assertEquals("saved", one.get(60, TimeUnit.SECONDS));
            assertEquals("subAward.exceedsGrant", two.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, given.as(admin, () -> grants.subAwards(grant.getId())).size());
    }


    @Test
    void fundersReadOnlyTheirGrantsAndPartnersOnlyTheirSubAwards() {
        Grant mine = given.grant("100.00", g -> { });
        Grant other = given.grant("100.00", g -> { });
        UserAccount funderUser = given.funderUser(mine.getFunder());
        assertEquals(mine.getId(), given.as(funderUser, () -> grants.find(mine.getId())).getId());
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> grants.find(other.getId())));
        assertEquals(1, given.as(funderUser, () -> grants.count(ListQuery.firstPage(50))), "only their own in lists");
        assertEquals(1, given.as(funderUser, () -> grants.count(ListQuery.firstPage(50).withFilter("funder.id", other.getFunder().getId()))),
                "a forged filter can't widen the list");
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> grants.create(new GrantTerms(mine.getFunder(), "x",
                money("1.00"), LocalDate.now(FundClock.current()), LocalDate.now(FundClock.current())))));

        PartnerOrganization partner = given.partner(InContainer.unique("Own Awards"));
        PartnerOrganization stranger = given.partner(InContainer.unique("Other Awards"));
        SubAward own = given.subAward(mine, partner, "50.00");
        SubAward notOwn = given.subAward(other, stranger, "50.00");
        UserAccount staff = given.partnerStaff(partner);
        assertEquals(List.of(own.getId()), given.as(staff, () -> grants.ownSubAwards()).stream().map(SubAward::getId).toList());
        assertEquals(own.getId(), given.as(staff, () -> grants.findSubAward(own.getId())).getId());
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> grants.findSubAward(notOwn.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> grants.find(mine.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> grants.award(mine.getId(), partner.getId(),
                new SubAwardTerms(money("1.00"), mine.getPeriodStart(), mine.getPeriodEnd(), null))));
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> grants.findSubAward(notOwn.getId())));
    }
}
