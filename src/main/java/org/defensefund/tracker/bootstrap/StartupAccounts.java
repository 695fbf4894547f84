package org.defensefund.tracker.bootstrap;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.accounts.NewAccount;
import org.defensefund.tracker.accounts.PasswordService;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderKind;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.partners.PracticeArea;
import org.defensefund.tracker.seed.InstanceMarker;
import org.defensefund.tracker.seed.SeedRefusedException;
import org.defensefund.tracker.seed.Seeder;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * Runs once the schema is ready. In production, creates the first administrator from
 * {@code TRACKER_BOOTSTRAP_ADMIN_EMAIL} while no active administrator exists, and until that administrator
 * has set up two-factor sign-in writes a one-time set-up link to the console at every start
 * ({@link #firstAdministrator}); otherwise it does nothing. In demo mode ({@code tracker.demo=true}, which the
 * run command sets), makes a demo partner organization, a demo funder and one account per role if they
 * are missing, fills a database without cases with a small synthetic fund ({@link Seeder}: a few hundred
 * cases over two years, every queue and dashboard populated), and prints the address and the accounts.
 *
 * <p>Before anything else it records the mode it starts in ({@link InstanceMarker}), and refuses to start in
 * production mode on a database the seeder has filled with synthetic data.
 */
@ApplicationScoped
public class StartupAccounts {

    private static final Logger LOG = Logger.getLogger(StartupAccounts.class.getName());

    static final String DEMO_PARTNER = "Demo Immigrant Legal Services";
    static final String DEMO_FUNDER = "Demo City Office for Immigrant Advancement";
    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("admin@demo.test", "Ana Admin", Role.ADMIN, "demo-admin-password", TwoFactorService.DEMO_SECRETS.get("admin@demo.test")),
            new DemoAccount("partner@demo.test", "Paul Partner", Role.PARTNER, "demo-partner-password", TwoFactorService.DEMO_SECRETS.get("partner@demo.test")),
            new DemoAccount("funder@demo.test", "Fiona Funder", Role.FUNDER, "demo-funder-password", null));

    /** A demo account; administrators and partner staff sign in with two factors, so theirs come set up with a known secret. */
    record DemoAccount(String email, String name, Role role, String password, String totpSecret) {
    }

    @Inject
    private FundClock clock;

    @Inject
    private Settings settings;

    @Inject
    private CallerContext caller;

    @Inject
    private UserAccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private PasswordService passwords;


    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    @Inject
    private org.defensefund.tracker.funding.GrantService grants;

    /** Cases of the demo's synthetic fund made at the first start of an empty demo database. */
    static final int DEMO_CASES = 300;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @ActivateRequestContext
    void atStart(@Observes SchemaReady ready) {
        recordInstanceMode();
        caller.runAs(CallerContext.SYSTEM, () -> {
            bootstrapAdministrator();
            if (settings.demoMode()) {
                seedDemo();
                seedDemoFund();
            }
        });
    }

    /** Records demo or production in the database; a production start on seeded synthetic data fails the deployment. */
    private void recordInstanceMode() {
        try (Connection connection = dataSource.getConnection()) {
            InstanceMarker.recordStart(connection, settings.demoMode(), clock.now());
        } catch (SeedRefusedException refused) {
            LOG.severe(refused.getMessage());
            throw refused;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the instance mode in instance_mode", e);
        }
    }

    /** Demo mode on a database without cases: a small synthetic fund, so a new user opens lists that show something. */
    private void seedDemoFund() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM legal_case")) {
            if (count.next() && count.getLong(1) > 0) {
                return;
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Demo mode: could not count cases; no synthetic fund made", e);
            return;
        }
        try {
            new Seeder(PiiCipher.current(), new Seeder.Options(DEMO_CASES, 42, 2, clock.today(), 1), LOG::info)
                    .seed(dataSource::getConnection);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Demo mode: the synthetic fund could not be made", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void bootstrapAdministrator() {
        firstAdministrator(!settings.demoMode());
    }

    /**
     * Creates the first administrator from {@code TRACKER_BOOTSTRAP_ADMIN_EMAIL} while no active administrator
     * exists (with {@code TRACKER_BOOTSTRAP_ADMIN_PASSWORD}, or a random password nobody knows when it is not
     * set). In production, while nobody has set up two-factor sign-in as an administrator, issues that
     * account a new one-time set-up link and writes it to the console: there, with no mail server yet, the
     * administrator sets a password and an authenticator. Answers the link written, if any. Runs as the
     * start-up (system) caller.
     */
    Optional<String> firstAdministrator(boolean production) {
        Optional<String> email = settings.bootstrapAdminEmail();
        if (email.isEmpty()) {
            if (production && accounts.countActiveAdmins() == 0) {
                LOG.warning("No administrator exists. Set TRACKER_BOOTSTRAP_ADMIN_EMAIL and restart to create the first one"
                        + " (see README, 'First administrator').");
            }
            return Optional.empty();
        }
        if (accounts.countActiveAdmins() == 0) {
            char[] password = settings.bootstrapAdminPassword().map(String::toCharArray)
                    .orElseGet(() -> (java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID()).toCharArray());
            accounts.create(new NewAccount(email.get(), "Administrator", Role.ADMIN, null, null, password));
            LOG.warning("Created the first administrator " + email.get() + ".");
        }
        if (!production) {
            return Optional.empty();
        }
        Optional<String> link = passwords.firstAdministratorLink(email.get());
        if (link.isEmpty()) {
            LOG.info(() -> "No first administrator's set-up link: an administrator has set up two-factor sign-in, or " + email.get()
                    + " is not an active administrator without it. TRACKER_BOOTSTRAP_ADMIN_* are ignored and can be removed.");
            return Optional.empty();
        }
        LOG.warning("\n\n================ FIRST ADMINISTRATOR: SET-UP LINK ================\n"
                + "  " + email.get() + " has no two-factor sign-in yet. Open this link once, within "
                + PasswordService.FIRST_ADMINISTRATOR_LINK.toHours() + " hours:\n\n"
                + "    " + link.get() + "\n\n"
                + "  Choose a password, scan the QR code with an authenticator app, type its code and keep the\n"
                + "  recovery codes. No mail server is needed. The link works once; a restart before the set-up\n"
                + "  is done writes a new one and the old one stops working. Keep this log private until then.\n"
                + "==================================================================\n");
        return link;
    }

    private void seedDemo() {
        PartnerOrganization partner = partners.list(ListQuery.firstPage(1).withFilter("name", DEMO_PARTNER)).stream().findFirst().orElseGet(this::createDemoPartner);
        Funder funder = funders.findByName(DEMO_FUNDER).orElseGet(() -> funders.create(DEMO_FUNDER, FunderKind.CITY));
        for (DemoAccount demo : DEMO_ACCOUNTS) {
            if (!accounts.emailTaken(demo.email())) {
                accounts.create(new NewAccount(demo.email(), demo.name(), demo.role(),
                        partner.getId(), funder.getId(), demo.password().toCharArray()));
            }
            accounts.activeAccount(demo.email())
                    .filter(account -> demo.totpSecret() != null && !account.isTwoFactorEnabled())
                    .ifPresent(account -> twoFactor.seedDemo(account.getId(), demo.totpSecret()));
        }
        seedDemoGrant(funder, partner);
        StringBuilder banner = new StringBuilder("\n\n==================== DEMO MODE ====================\n")
                .append("  Open ").append(settings.publicUrl()).append(" and sign in as:\n");
        for (DemoAccount demo : DEMO_ACCOUNTS) {
            banner.append(String.format("    %-8s %-20s password %s%n", demo.role(), demo.email(), demo.password()));
        }
        banner.append("  Administrators and partner staff also type a code from an authenticator app. The demo\n")
                .append("  sign-in page shows the demo accounts' current code; or add the secret to any app:\n");
        for (DemoAccount demo : DEMO_ACCOUNTS) {
            if (demo.totpSecret() != null) {
                banner.append(String.format("    %-20s two-factor secret %s%n", demo.email(), demo.totpSecret()));
            }
        }
        banner.append("  (demo accounts; never run demo mode with real client data)\n")
                .append("===================================================\n");
        LOG.info(banner::toString);
    }

    /** A grant of the demo funder for this year with a sub-award to the demo partner, so budgets and dashboards have money to show. */
    private void seedDemoGrant(Funder funder, PartnerOrganization partner) {
        if (grants.count(ListQuery.firstPage(1).withFilter("funder.id", funder.getId())) > 0) {
            return;
        }
        int year = clock.today().getYear();
        org.defensefund.tracker.funding.GrantTerms terms = new org.defensefund.tracker.funding.GrantTerms(funder, "Immigrant Defense " + year,
                new java.math.BigDecimal("250000.00"), java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year, 12, 31));
        terms.setPurpose("Free removal defense for residents of the city, detained or not.");
        terms.setMaxPerCase(new java.math.BigDecimal("12000.00"));
        org.defensefund.tracker.funding.Grant grant = grants.create(terms);
        grants.award(grant.getId(), partner.getId(), new org.defensefund.tracker.funding.SubAwardTerms(new java.math.BigDecimal("100000.00"),
                grant.getPeriodStart(), grant.getPeriodEnd(), "First round"));
    }

    private PartnerOrganization createDemoPartner() {
        PartnerOrganization partner = new PartnerOrganization(DEMO_PARTNER, 25);
        partner.getContact().setName("Dana Director");
        partner.getContact().setEmail("intake@demo-legal.test");
        partner.getContact().setPhone("617-555-0100");
        partner.getAddress().setStreet("1 Demo Street");
        partner.getAddress().setCity("Boston");
        partner.getAddress().setState("MA");
        partner.getAddress().setPostalCode("02108");
        partner.setPracticeAreas(java.util.EnumSet.of(PracticeArea.DETAINED_REMOVAL, PracticeArea.NON_DETAINED_REMOVAL, PracticeArea.ASYLUM));
        return partners.create(partner);
    }
}
