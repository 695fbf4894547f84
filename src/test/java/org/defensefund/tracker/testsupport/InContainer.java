package org.defensefund.tracker.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.accounts.NewAccount;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostEntry;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderKind;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantTerms;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.funding.SubAwardTerms;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.FundClock;

/**
 * Builders for in-container tests: each test makes its own partners, funders and users with unique
 * names through the real services, then acts as one of them.
 */
@ApplicationScoped
public class InContainer {

    public static final String PASSWORD = "correct horse battery staple";

    @Inject
    private CallerContext caller;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    @Inject
    private UserAccountService accounts;

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    @Inject
    private IntakeService intake;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private GrantService grants;

    @Inject
    private ChargeService charges;

    @Inject
    private jakarta.transaction.UserTransaction transaction;

    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/TrackerDS")
    private javax.sql.DataSource dataSource;

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs work in a request context of its own, as a thread of a pool has none. */
    @ActivateRequestContext
    public <T> T inNewRequest(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs work in a transaction of its own, committed at the end (rolled back if the work failed or
     * marked it so); for tests that hold a transaction open while another one runs.
     */
    public <T> T inTransaction(Supplier<T> work) {
        try {
            transaction.begin();
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            if (transaction.getStatus() == jakarta.transaction.Status.STATUS_MARKED_ROLLBACK) {
                transaction.rollback();
            } else {
                transaction.commit();
            }
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the one row a query answers, as a number (a count), read straight from the database. */
    public long count(String sql) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(sql);
             java.sql.ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public <T> T asSystem(Supplier<T> work) {
        return caller.runAs(CallerContext.SYSTEM, work);
    }

    public <T> T as(UserAccount account, Supplier<T> work) {
        return caller.runAs(account.getEmail(), work);
    }

    public void as(UserAccount account, Runnable work) {
        caller.runAs(account.getEmail(), work);
    }

    public PartnerOrganization partner(String name) {
        return asSystem(() -> partners.create(new PartnerOrganization(name, 10)));
    }

    public Funder funder(String name) {
        return asSystem(() -> funders.create(name, FunderKind.FOUNDATION));
    }

    public UserAccount admin() {
        return account(Role.ADMIN, null, null);
    }

    public UserAccount partnerStaff(PartnerOrganization partner) {
        return account(Role.PARTNER, partner.getId(), null);
    }

    public UserAccount funderUser(Funder funder) {
        return account(Role.FUNDER, null, funder.getId());
    }

    /** A reference item as the migration seeds it. */
    public ReferenceItem ref(ReferenceList list, String code) {
        return referenceData.byCode(list, code).orElseThrow();
    }

    /** A new referral for a new client with a unique name; not detained, no hearing. */
    public Referral referral() {
        Referral referral = new Referral();
        referral.getClient().setFirstName("Client");
        referral.getClient().setLastName(unique("Test").replace(' ', '-'));
        referral.setReferralDate(java.time.LocalDate.now(FundClock.current()).minusDays(3));
        referral.setSource(ref(ReferenceList.REFERRAL_SOURCE, "HOTLINE"));
        return referral;
    }

    public LegalCase referred() {
        Referral referral = referral();
        return asSystem(() -> intake.refer(referral));
    }

    public LegalCase eligible() {
        LegalCase referred = referred();
        return asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
    }

    public CaseOffer offered(PartnerOrganization partner) {
        LegalCase eligible = eligible();
        return asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
    }

    public LegalCase assigned(PartnerOrganization partner) {
        CaseOffer offer = offered(partner);
        return asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney " + partner.getName()));
    }

    /** A grant of a new funder from 200 days ago to 165 days ahead, shaped further by {@code restrict}. */
    public Grant grant(String amount, Consumer<GrantTerms> restrict) {
        Funder funder = funder(unique("Funder"));
        LocalDate today = LocalDate.now(FundClock.current());
        GrantTerms terms = new GrantTerms(funder, unique("Grant"), new BigDecimal(amount), today.minusDays(200), today.plusDays(165));
        restrict.accept(terms);
        return asSystem(() -> grants.create(terms));
    }

    /** A sub-award of the grant to the partner over the grant's whole period. */
    public SubAward subAward(Grant grant, PartnerOrganization partner, String amount) {
        return asSystem(() -> grants.award(grant.getId(), partner.getId(),
                new SubAwardTerms(new BigDecimal(amount), grant.getPeriodStart(), grant.getPeriodEnd(), null)));
    }

    /** An expense (or flat fee) of the amount, dated two days ago. */
    public static CostEntry expense(CostCategory category, String amount) {
        CostEntry entry = new CostEntry();
        entry.setCategory(category);
        entry.setAmount(new BigDecimal(amount));
        entry.setCostDate(LocalDate.now(FundClock.current()).minusDays(2));
        return entry;
    }

    /** A case assigned to the partner and charged to the sub-award. */
    public LegalCase charged(SubAward subAward, PartnerOrganization partner) {
        LegalCase legalCase = assigned(partner);
        asSystem(() -> charges.charge(legalCase.getId(), subAward.getId()));
        return legalCase;
    }

    private UserAccount account(Role role, Long partnerId, Long funderId) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
        return asSystem(() -> accounts.create(new NewAccount(email, "IT " + role, role, partnerId, funderId, PASSWORD.toCharArray())));
    }
}
