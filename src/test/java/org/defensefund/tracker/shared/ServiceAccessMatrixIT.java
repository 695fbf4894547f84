package org.defensefund.tracker.shared;

import static org.defensefund.tracker.shared.ServiceAccessMatrixIT.Outcome.ALLOWED;
import static org.defensefund.tracker.shared.ServiceAccessMatrixIT.Outcome.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.defensefund.tracker.accounts.NewAccount;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.accounts.PasswordService;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.TotpCodes;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.calendar.CalendarFeedService;
import org.defensefund.tracker.cases.CalendarHearing;
import org.defensefund.tracker.cases.CaseRow;
import org.defensefund.tracker.cases.ConfidentialityReason;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseFactsService;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.ConfidentialityService;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.CustodyEvent;
import org.defensefund.tracker.cases.CustodyEventKind;
import org.defensefund.tracker.cases.Hearing;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.OnlineReferral;
import org.defensefund.tracker.cases.ReferrerKind;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.ReliefApplication;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.dashboards.DashboardScope;
import org.defensefund.tracker.deadlines.DeadlineRule;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.dashboards.DashboardService;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.CaseCost;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostLine;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.Disbursement;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderKind;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantTerms;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.funding.SubAwardTerms;
import org.defensefund.tracker.outbox.OutboxService;
import org.defensefund.tracker.outbox.OutboxStatus;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reminders.ReminderService;
import org.defensefund.tracker.retention.LegalHold;
import org.defensefund.tracker.retention.Purge;
import org.defensefund.tracker.retention.PurgeSelection;
import org.defensefund.tracker.retention.PurgeService;
import org.defensefund.tracker.retention.RetentionService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access matrix of the services: every public method of every {@code *Service} (and of
 * {@code CaseQueries}, the cases' list service) in the deployment, called by each kind of caller (nobody,
 * an administrator, staff of partner A and of partner B, users of funder A and of funder B) on A's
 * objects: partner A's case, offer, cost and sub-award, funder A's grant, A's client. The outcome must be
 * the one in the table: ALLOWED (the call returned, or refused for a business reason that has nothing to
 * do with access, such as a validation or an illegal transition) or REFUSED ({@link AccessDeniedException},
 * or, for a read that scopes, a result that leaves A's object out). A method with no row fails
 * {@link #everyServiceActionHasARow}, by name; a deliberately open method has a row too, with its reason.
 *
 * <p>Each call runs in a transaction of its own that is rolled back, so no row changes what the next one
 * finds: the fixture is built once, and the rows may run in any order. To add an action, add one line to
 * {@link #table()}.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceAccessMatrixIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** What a caller gets. */
    enum Outcome { ALLOWED, REFUSED }

    /** Short names, so that a row reads as a line of a table. */
    private static final Outcome OK = ALLOWED;
    private static final Outcome NO = REFUSED;

    /** The callers, in the order of the table's columns. */
    enum Caller { NOBODY, ADMIN, PARTNER_A, PARTNER_B, FUNDER_A, FUNDER_B }

    /** The call of a service action on the fixture. */
    @FunctionalInterface
    interface Call<T> {
        T on(Fixture f);
    }

    /** One line of the table: the action's name, the call, whether a result shows A's object, the expected outcomes. */
    record Row(String action, Call<?> call, Predicate<Object> seesA, Outcome[] expected, String openBecause) {
    }

    @Inject
    private InContainer given;

    @Inject
    private UserTransaction transaction;

    @Inject
    private ServletContext servletContext;

    @Inject
    private UserAccountService accounts;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    @Inject
    private ClosingService closing;

    @Inject
    private ConfidentialityService confidentiality;

    @Inject
    private IntakeService intake;

    @Inject
    private RepresentationService representation;

    @Inject
    private CaseQueries queries;

    @Inject
    private ClientService clients;

    @Inject
    private AuditService audit;

    @Inject
    private GrantService grants;

    @Inject
    private CaseFactsService caseFacts;

    @Inject
    private org.defensefund.tracker.clientreminders.ClientReminderService clientReminders;

    @Inject
    private ChargeService charges;

    @Inject
    private CostService costs;

    @Inject
    private BudgetService budgets;

    @Inject
    private DashboardService dashboards;

    @Inject
    private DeadlineService deadlines;

    @Inject
    private OutboxService outbox;

    @Inject
    private RetentionService retention;

    @Inject
    private PurgeService purges;

    @Inject
    private ReminderService reminders;

    @Inject
    private PasswordService passwords;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private CalendarFeedService calendarFeeds;

    private final Map<String, Row> rows = new LinkedHashMap<>();

    /**
     * The matrix. Columns: nobody, admin, partner A, partner B, funder A, funder B, always on A's object
     * (own for partner A and funder A, another's for partner B and funder B). {@code scoped} rows are reads
     * whose refusal is leaving A's object out; {@code open} rows are deliberately open to every caller.
     */
    private Map<String, Row> table() {
        if (!rows.isEmpty()) {
            return rows;
        }
        //                                                    nobody admin partA partB fundA fundB
        // access: accounts and sign-in
        row("UserAccountService.create",                          NO, OK, NO, NO, NO, NO, f -> accounts.create(newAdminAccount()));
        open("UserAccountService.checkPassword", "sign-in itself: nobody is signed in yet; a right password gives only a proof for the second step", f -> accounts.checkPassword(f.staffA.getEmail(), InContainer.PASSWORD.toCharArray()));
        scoped("UserAccountService.list",                         NO, OK, NO, NO, NO, NO, f -> accounts.list(ListQuery.firstPage(10).withFilter("email", f.staffA.getEmail())), r -> ids(r, UserAccount::getId).contains(fx.staffA.getId()));
        scoped("UserAccountService.count",                        NO, OK, NO, NO, NO, NO, f -> accounts.count(ListQuery.firstPage(10).withFilter("email", f.staffA.getEmail())), r -> r > 0);
        row("UserAccountService.find",                            NO, OK, NO, NO, NO, NO, f -> accounts.find(f.staffA.getId()));
        row("UserAccountService.update",                          NO, OK, NO, NO, NO, NO, f -> accounts.update(f.staffA.getId(), f.staffA.getVersion(), "Renamed", Role.PARTNER, f.partnerA.getId(), null));
        row("UserAccountService.disable",                         NO, OK, NO, NO, NO, NO, f -> accounts.disable(f.staffA.getId(), f.staffA.getVersion()));
        row("UserAccountService.enable",                          NO, OK, NO, NO, NO, NO, f -> accounts.enable(f.staffA.getId(), f.staffA.getVersion()));
        row("UserAccountService.sendLink",                        NO, OK, NO, NO, NO, NO, f -> done(() -> accounts.sendLink(f.staffA.getId())));
        row("UserAccountService.setLanguage",                     NO, OK, NO, NO, NO, NO, f -> accounts.setLanguage(f.staffA.getId(), "en"));
        open("UserAccountService.chooseOwnLanguage", "anyone chooses the language of their own pages; it is kept on the caller's own account, nobody else's, and on none without one", f -> accounts.chooseOwnLanguage("en"));
        // passwords: the link's token is the credential; a change of one's own password needs the current one
        open("PasswordService.requestReset", "\"forgot password\": anyone may ask; the answer is the same whether or not the account exists", f -> done(() -> passwords.requestReset(f.staffA.getEmail())));
        open("PasswordService.resetInBackground", "the background half of requestReset: the same, without waiting", f -> done(() -> passwords.resetInBackground(f.staffA.getEmail())));
        open("PasswordService.check", "the link's random token is the credential; an unknown token finds nothing", f -> passwords.check("not-a-token"));
        open("PasswordService.setWithLink", "the link's random token is the credential; an unknown token is refused", f -> done(() -> passwords.setWithLink("not-a-token", "lantern orchard pebble violin".toCharArray())));
        row("PasswordService.changeOwn",                          NO, OK, OK, OK, OK, OK, f -> done(() -> passwords.changeOwn("not the password".toCharArray(), "lantern orchard pebble violin".toCharArray())));
        // two-factor sign-in: the sign-in steps need the proof of a password just given (none here: refused or false)
        row("TwoFactorService.enableAfterLink",                   NO, NO, NO, NO, NO, NO, f -> twoFactor.enableAfterLink("made-up-proof", TotpCodes.newSecret(), "123456"));
        open("TwoFactorService.enableWithLink", "the e-mailed link's token and the account's password are the credentials; an unknown token is refused", f -> twoFactor.enableWithLink("not-a-token", InContainer.PASSWORD.toCharArray(), TotpCodes.newSecret(), "123456"));
        row("TwoFactorService.seedDemo",                          NO, NO, NO, NO, NO, NO, f -> done(() -> twoFactor.seedDemo(f.staffA.getId(), TotpCodes.newSecret())));
        row("PasswordService.firstAdministratorLink",             NO, NO, NO, NO, NO, NO, f -> passwords.firstAdministratorLink(f.staffA.getEmail()));
        row("PasswordService.sendSetUpLink",                      NO, NO, NO, NO, NO, NO, f -> done(() -> passwords.sendSetUpLink("made-up-proof")));
        open("TwoFactorService.verifyAtSignIn", "needs the proof of the password just given; without it every code is false", f -> twoFactor.verifyAtSignIn("made-up-proof", "123456"));
        open("TwoFactorService.recoverAtSignIn", "needs the proof of the password just given; without it every code is false", f -> twoFactor.recoverAtSignIn("made-up-proof", "abcdef-abcdef-abcdef-abcdef"));
        open("TwoFactorService.demoCode", "empty outside demo mode and without the proof of a demo account's password", f -> twoFactor.demoCode("made-up-proof"));
        row("TwoFactorService.enableOwn",                         NO, OK, OK, OK, OK, OK, f -> twoFactor.enableOwn(TotpCodes.newSecret(), "000000"));
        row("TwoFactorService.recoveryCodesLeft",                 NO, OK, OK, OK, OK, OK, f -> twoFactor.recoveryCodesLeft());
        row("TwoFactorService.confirmOwnCode",                    NO, OK, OK, OK, OK, OK, f -> done(() -> twoFactor.confirmOwnCode("000000")));
        row("TwoFactorService.newRecoveryCodes",                  NO, OK, OK, OK, OK, OK, f -> twoFactor.newRecoveryCodes("000000"));
        row("TwoFactorService.disableOwn",                        NO, OK, OK, OK, OK, OK, f -> done(() -> twoFactor.disableOwn("000000")));
        row("TwoFactorService.reset",                             NO, OK, NO, NO, NO, NO, f -> done(() -> twoFactor.reset(f.staffA.getId())));
        open("UserAccountService.activeAccount", "resolves the caller of every request (CurrentUser) before any role is known", f -> accounts.activeAccount(f.staffA.getEmail()));
        open("UserAccountService.emailTaken", "a yes or no used at start-up (demo seeding) and inside create", f -> accounts.emailTaken(f.staffA.getEmail()));
        open("UserAccountService.activeEmail", "resolves the owner of a calendar feed whose secret token was shown; the feed is then built with that owner's own rights", f -> accounts.activeEmail(f.staffA.getId()));
        open("UserAccountService.countActiveAdmins", "start-up asks whether any administrator exists yet; a count", f -> accounts.countActiveAdmins());

        // partners
        scoped("PartnerService.list",                             NO, OK, NO, NO, NO, NO, f -> partners.list(byName(f.partnerA.getName())), r -> ids(r, PartnerOrganization::getId).contains(fx.partnerA.getId()));
        scoped("PartnerService.count",                            NO, OK, NO, NO, NO, NO, f -> partners.count(byName(f.partnerA.getName())), r -> r > 0);
        row("PartnerService.find",                                NO, OK, OK, NO, NO, NO, f -> partners.find(f.partnerA.getId()));
        scoped("PartnerService.own",                              NO, NO, OK, NO, NO, NO, f -> partners.own(), r -> r.map(PartnerOrganization::getId).equals(Optional.of(fx.partnerA.getId())));
        row("PartnerService.create",                              NO, OK, NO, NO, NO, NO, f -> partners.create(new PartnerOrganization(InContainer.unique("Matrix New Legal"), 5)));
        row("PartnerService.update",                              NO, OK, NO, NO, NO, NO, f -> partners.update(f.partnerA));
        row("PartnerService.deactivate",                          NO, OK, NO, NO, NO, NO, f -> partners.deactivate(f.partnerA.getId(), f.partnerA.getVersion()));
        row("PartnerService.reactivate",                          NO, OK, NO, NO, NO, NO, f -> partners.reactivate(f.partnerA.getId(), f.partnerA.getVersion()));
        row("PartnerService.active",                              NO, OK, NO, NO, NO, NO, f -> partners.active());
        row("PartnerService.names",                               NO, OK, NO, NO, NO, NO, f -> partners.names());
        row("PartnerService.namesOf",                             NO, OK, OK, OK, OK, OK, f -> partners.namesOf(List.of(f.partnerA.getId())));
        open("PartnerService.isActive", "a yes or no used when binding a user, case or sub-award to a partner, after the caller's own check", f -> partners.isActive(f.partnerA.getId()));
        open("PartnerService.nameTaken", "a yes or no about a name; a partner's name is no secret (see namesOf)", f -> partners.nameTaken(f.partnerA.getName(), null));

        // funders
        scoped("FunderService.list",                              NO, OK, NO, NO, NO, NO, f -> funders.list(byName(f.funderA.getName())), r -> ids(r, Funder::getId).contains(fx.funderA.getId()));
        scoped("FunderService.count",                             NO, OK, NO, NO, NO, NO, f -> funders.count(byName(f.funderA.getName())), r -> r > 0);
        row("FunderService.find",                                 NO, OK, NO, NO, OK, NO, f -> funders.find(f.funderA.getId()));
        row("FunderService.create(String,FunderKind)",            NO, OK, NO, NO, NO, NO, f -> funders.create(InContainer.unique("Matrix New Fund"), FunderKind.FOUNDATION));
        row("FunderService.create(Funder)",                       NO, OK, NO, NO, NO, NO, f -> funders.create(new Funder(InContainer.unique("Matrix New Fund"), FunderKind.CITY)));
        row("FunderService.update",                               NO, OK, NO, NO, NO, NO, f -> funders.update(f.funderA));
        row("FunderService.setActive",                            NO, OK, NO, NO, NO, NO, f -> funders.setActive(f.funderA.getId(), f.funderA.getVersion(), false));
        row("FunderService.active",                               NO, OK, NO, NO, NO, NO, f -> funders.active());
        scoped("FunderService.own",                               NO, NO, NO, NO, OK, NO, f -> funders.own(), r -> r.map(Funder::getId).equals(Optional.of(fx.funderA.getId())));
        row("FunderService.findByName",                           NO, OK, NO, NO, NO, NO, f -> funders.findByName(f.funderA.getName()));
        open("FunderService.isActive", "a yes or no used when binding a user or grant to a funder, after the caller's own check", f -> funders.isActive(f.funderA.getId()));

        // reference lists
        row("ReferenceDataService.all",                           NO, OK, NO, NO, NO, NO, f -> referenceData.all(ReferenceList.COURT));
        row("ReferenceDataService.add",                           NO, OK, NO, NO, NO, NO, f -> referenceData.add(ReferenceList.COURT, "MATRIX_" + ThreadLocalRandom.current().nextInt(1_000_000), "Matrix Court", null, 99, false, false));
        row("ReferenceDataService.update",                        NO, OK, NO, NO, NO, NO, f -> referenceData.update(f.court));
        open("ReferenceDataService.active", "the reference lists every form offers; no personal data", f -> referenceData.active(ReferenceList.COURT));
        open("ReferenceDataService.find", "the reference lists every form offers; no personal data", f -> referenceData.find(ReferenceList.COURT, f.court.getId()));
        open("ReferenceDataService.byCode", "the reference lists every form offers; no personal data", f -> referenceData.byCode(ReferenceList.COURT, f.court.getCode()));
        open("ReferenceDataService.requireIn", "checks a form's choice against its list, inside the services' own steps", f -> referenceData.requireIn(ReferenceList.COURT, f.court, "court"));
        row("ReferenceDataService.translations",                  NO, OK, NO, NO, NO, NO, f -> referenceData.translations(ReferenceList.COURT));
        row("ReferenceDataService.translate",                     NO, OK, NO, NO, NO, NO, f -> done(() -> referenceData.translate(f.court.getId(), Map.of("es", "Tribunal de la matriz"))));
        open("ReferenceDataService.namesIn", "the reference lists' names in a page's language, as every form offers them; no personal data", f -> referenceData.namesIn("es"));
        open("ReferenceDataService.activeLanguages", "the language list every form offers; no personal data", f -> referenceData.activeLanguages());

        // the path of a case (A's case: assigned to partner A, charged to funder A's grant)
        row("IntakeService.refer",                                NO, OK, NO, NO, NO, NO, f -> intake.refer(given.asSystem(given::referral)));
        open("IntakeService.referOnline", "the public referral form (access.PublicChannel): anyone may hand in a new referral; it only creates, and gives back a receipt, never a record", f -> intake.referOnline(onlineReferral()));
        row("IntakeService.screen",                               NO, OK, NO, NO, NO, NO, f -> intake.screen(f.referred.getId(), f.referred.getVersion(), new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        row("AssignmentService.offer",                            NO, OK, NO, NO, NO, NO, f -> assignment.offer(f.eligible.getId(), f.eligible.getVersion(), f.partnerA.getId(), null));
        row("AssignmentService.acceptOffer",                      NO, OK, OK, NO, NO, NO, f -> assignment.acceptOffer(f.offerA.getId(), "Attorney Matrix"));
        row("AssignmentService.declineOffer",                     NO, OK, OK, NO, NO, NO, f -> assignment.declineOffer(f.offerA.getId(), f.declineReason, "no room"));
        row("AssignmentService.withdrawOffer",                    NO, OK, NO, NO, NO, NO, f -> assignment.withdrawOffer(f.offerA.getId(), "too long"));
        row("AssignmentService.reassign",                         NO, OK, NO, NO, NO, NO, f -> assignment.reassign(f.caseA.getId(), f.caseA.getVersion(), "matrix"));
        row("ClosingService.close",                               NO, OK, OK, NO, NO, NO, f -> closing.close(f.caseA.getId(), f.caseA.getVersion(), f.outcome, null, LocalDate.now(FundClock.current())));
        row("ClosingService.openAppeal",                          NO, OK, OK, NO, NO, NO, f -> closing.openAppeal(f.closedA.getId()));
        row("CaseService.addNote",                                NO, OK, OK, NO, NO, NO, f -> done(() -> cases.addNote(f.caseA.getId(), "Matrix note")));
        row("AssignmentService.recordConflict",                   NO, OK, NO, NO, NO, NO, f -> done(() -> assignment.recordConflict(f.caseA.getId(), f.partnerB.getId(), "adverse party")));
        row("CaseService.open",                                   NO, OK, OK, NO, NO, NO, f -> cases.open(f.caseA.getId()));
        row("CaseService.find",                                   NO, OK, OK, NO, NO, NO, f -> cases.find(f.caseA.getId()));
        row("CaseService.timeline",                               NO, OK, OK, NO, NO, NO, f -> cases.timeline(f.caseA.getId()));
        row("CaseService.onlineSubmission",                       NO, OK, OK, NO, NO, NO, f -> cases.onlineSubmission(f.caseA.getId()));
        row("AssignmentService.offers",                           NO, OK, OK, NO, NO, NO, f -> assignment.offers(f.caseA.getId()));
        // confidential cases (A's case is assigned, so partner A sees its details)
        row("ConfidentialityService.markConfidential",            NO, OK, OK, NO, NO, NO, f -> confidentiality.markConfidential(f.caseA.getId(), f.caseA.getVersion(), ConfidentialityReason.ASYLUM, "matrix"));
        row("ConfidentialityService.liftConfidentiality",         NO, OK, NO, NO, NO, NO, f -> confidentiality.liftConfidentiality(f.caseA.getId(), f.caseA.getVersion(), "matrix"));
        row("ConfidentialityService.suggestedConfidentiality",    NO, OK, OK, NO, NO, NO, f -> confidentiality.suggestedConfidentiality(f.caseA.getId()));
        row("CaseService.openFunding",                            NO, OK, OK, NO, NO, NO, f -> cases.openFunding(f.caseA.getId()));
        row("CaseFactsService.facts",                             NO, OK, OK, NO, NO, NO, f -> caseFacts.facts(f.caseA.getId()));
        open("CaseFactsService.caseNumbers", "case numbers of records the caller already read (a sub-award's costs); a case number names no client", f -> caseFacts.caseNumbers(List.of(f.caseA.getId())));
        row("CaseFactsService.upcomingHearings",                  NO, OK, NO, NO, NO, NO, f -> caseFacts.upcomingHearings(LocalDate.now(FundClock.current()), LocalDate.now(FundClock.current()).plusDays(7)));
        // client reminders: the consent is read by whoever reads the case's details, changed by whoever edits the case
        row("ClientReminderService.consent",                      NO, OK, OK, NO, NO, NO, f -> clientReminders.consent(f.caseA.getId()));
        row("ClientReminderService.give",                         NO, OK, OK, NO, NO, NO, f -> clientReminders.give(f.caseA.getId(), "client-matrix@example.org"));
        row("ClientReminderService.withdraw",                     NO, OK, OK, NO, NO, NO, f -> { clientReminders.give(f.caseA.getId(), "client-matrix@example.org"); return clientReminders.withdraw(f.caseA.getId()); });
        row("CaseService.summary",                                NO, OK, OK, NO, NO, NO, f -> cases.summary(f.caseA.getId()));
        row("CaseService.seesDetails",                            NO, OK, OK, NO, NO, NO, f -> cases.seesDetails(f.caseA.getId()));
        row("CaseService.steps",                                  NO, OK, OK, NO, NO, NO, f -> cases.steps(f.caseA.getId()));

        // what the partner records on A's case
        row("RepresentationService.recordHearing",                NO, OK, OK, NO, NO, NO, f -> representation.recordHearing(f.caseA.getId(), new Hearing(HearingKind.MASTER_CALENDAR, LocalDateTime.now(FundClock.current()).plusDays(3))));
        row("RepresentationService.rescheduleHearing",            NO, OK, OK, NO, NO, NO, f -> {
            Hearing hearing = hearingOfA(f);
            return representation.rescheduleHearing(f.caseA.getId(), hearing.getId(), hearing.getVersion(),
                    LocalDateTime.now(FundClock.current()).plusDays(10).withSecond(0).withNano(0), null, "the judge moved it");
        });
        row("RepresentationService.cancelHearing",                NO, OK, OK, NO, NO, NO, f -> {
            Hearing hearing = hearingOfA(f);
            return representation.cancelHearing(f.caseA.getId(), hearing.getId(), hearing.getVersion(), "the case was terminated");
        });
        row("RepresentationService.recordCustody",                NO, OK, OK, NO, NO, NO, f -> representation.recordCustody(f.caseA.getId(), new CustodyEvent(CustodyEventKind.RELEASED_PAROLE, LocalDate.now(FundClock.current()))));
        row("RepresentationService.recordRelief",                 NO, OK, OK, NO, NO, NO, f -> representation.recordRelief(f.caseA.getId(), asylum(f)));
        row("RepresentationService.recordNoticeOfAppearance",     NO, OK, OK, NO, NO, NO, f -> representation.recordNoticeOfAppearance(f.caseA.getId(), f.caseA.getVersion(), LocalDate.now(FundClock.current())));
        row("RepresentationService.hearings",                     NO, OK, OK, NO, NO, NO, f -> representation.hearings(f.caseA.getId()));
        row("RepresentationService.custodyEvents",                NO, OK, OK, NO, NO, NO, f -> representation.custodyEvents(f.caseA.getId()));
        row("RepresentationService.reliefApplications",           NO, OK, OK, NO, NO, NO, f -> representation.reliefApplications(f.caseA.getId()));
        row("RepresentationService.daysDetained",                 NO, OK, OK, NO, NO, NO, f -> representation.daysDetained(f.caseA.getId()));

        // deadlines (A's case's notice-of-appearance deadline, computed when partner A accepted the case)
        row("DeadlineService.ofCase",                             NO, OK, OK, NO, NO, NO, f -> deadlines.ofCase(f.caseA.getId()));
        scoped("DeadlineService.queue",                           NO, OK, OK, NO, NO, NO, f -> deadlines.queue(f.partnerA.getId(), 0, 200), r -> r.stream().anyMatch(d -> fx.caseA.getId().equals(d.deadline().getCaseId())));
        scoped("DeadlineService.dueBetween",                      NO, OK, OK, NO, NO, NO, f -> deadlines.dueBetween(noticeDue(f), noticeDue(f), java.util.EnumSet.of(DeadlineRule.NOTICE_OF_APPEARANCE)), r -> r.stream().anyMatch(d -> fx.caseA.getId().equals(d.deadline().getCaseId())));
        scoped("DeadlineService.queueCount",                      NO, OK, OK, NO, NO, NO, f -> deadlines.queueCount(f.partnerA.getId()), r -> r > 0);
        row("DeadlineService.meet",                               NO, OK, OK, NO, NO, NO, f -> deadlines.meet(noticeDeadline(f), column("version", noticeDeadline(f)), "EOIR-28 filed"));
        row("DeadlineService.waive",                              NO, OK, OK, NO, NO, NO, f -> deadlines.waive(noticeDeadline(f), column("version", noticeDeadline(f)), "moot"));
        row("DeadlineService.ofGrant",                            NO, OK, NO, NO, NO, NO, f -> deadlines.ofGrant(f.grantA.getId()));
        row("DeadlineService.periods",                            NO, OK, NO, NO, NO, NO, f -> deadlines.periods());
        row("DeadlineService.setPeriod",                          NO, OK, NO, NO, NO, NO, f -> deadlines.setPeriod(DeadlineRule.NOTICE_OF_APPEARANCE,
                given.count("select version from deadline_rule_period where rule = 'NOTICE_OF_APPEARANCE'"), 14));

        // calendar feeds: each user's own feed (A's objects are not involved); the feed's token is the credential; the case
        // and deadline reads a feed is built from scope like the lists (a hearing of A's case recorded in the call's own transaction)
        open("CalendarFeedService.offered", "says whether the caller's own role may have a calendar feed; nothing else", f -> calendarFeeds.offered());
        row("CalendarFeedService.current",                        NO, OK, OK, OK, NO, NO, f -> calendarFeeds.current());
        row("CalendarFeedService.issue",                          NO, OK, OK, OK, NO, NO, f -> calendarFeeds.issue());
        row("CalendarFeedService.turnOff",                        NO, OK, OK, OK, NO, NO, f -> calendarFeeds.turnOff());
        open("CalendarFeedService.read", "the feed address's random token is the credential: an unknown one finds nothing, and a feed is built with its owner's rights, never the caller's", f -> calendarFeeds.read("not-a-token", "service-access-matrix"));
        scoped("CaseQueries.hearingsBetween",                     NO, OK, OK, NO, NO, NO, f -> {
            given.asSystem(() -> representation.recordHearing(f.caseA.getId(), new Hearing(HearingKind.MASTER_CALENDAR, LocalDateTime.now(FundClock.current()).plusDays(3))));
            return queries.hearingsBetween(LocalDateTime.now(FundClock.current()), LocalDateTime.now(FundClock.current()).plusDays(5), 1000);
        }, r -> r.stream().map(CalendarHearing::caseId).anyMatch(fx.caseA.getId()::equals));
        scoped("CaseQueries.calendarCases",                       NO, OK, OK, NO, NO, NO, f -> queries.calendarCases(List.of(f.caseA.getId())), r -> r.containsKey(fx.caseA.getId()));
        scoped("DeadlineService.openCaseDeadlines",               NO, OK, OK, NO, NO, NO, f -> deadlines.openCaseDeadlines(LocalDate.now(FundClock.current()).minusDays(30),
                LocalDate.now(FundClock.current()).plusDays(365), 1000), r -> r.stream().anyMatch(d -> fx.caseA.getId().equals(d.deadline().getCaseId())));

        // case lists, queues and search (searching for A's case by its number)
        scoped("CaseQueries.list",                                NO, OK, OK, NO, NO, NO, f -> queries.list(caseSearch(f)), r -> ids(r, CaseRow::getId).contains(fx.caseA.getId()));
        row("CaseQueries.row",                                    NO, OK, OK, NO, NO, NO, f -> queries.row(f.caseA.getId()));
        scoped("CaseQueries.count",                               NO, OK, OK, NO, NO, NO, f -> queries.count(caseSearch(f)), r -> r > 0);
        row("CaseQueries.queueSizes",                             NO, OK, OK, OK, NO, NO, f -> queries.queueSizes());
        open("CaseQueries.listsEveryPartner", "says whether the caller's lists span partners: the caller's own role, nothing else", f -> queries.listsEveryPartner());
        open("CaseQueries.queues", "names the caller's own work queues (none for funders); no case in it", f -> queries.queues());
        row("CaseQueries.ownCaseLoad",                            NO, NO, OK, OK, NO, NO, f -> queries.ownCaseLoad());
        row("AssignmentService.partnerMatches",                   NO, OK, NO, NO, NO, NO, f -> assignment.partnerMatches(f.caseA.getId()));

        // clients (A's case's client)
        row("ClientService.possibleDuplicates",                   NO, OK, NO, NO, NO, NO, f -> clients.possibleDuplicates(Optional.of(f.aNumberA), null, null, null));
        row("ClientService.create",                               NO, OK, NO, NO, NO, NO, f -> clients.create(new Client("Matrix", InContainer.unique("Client")), Optional.empty()));
        row("ClientService.createFromPublicForm",                 NO, NO, NO, NO, NO, NO, f -> clients.createFromPublicForm(new Client("Matrix", InContainer.unique("Online"))));
        row("ClientService.find",                                 NO, OK, NO, NO, NO, NO, f -> clients.find(f.clientA()));
        // This row found a hole (any caller got a client's whole record by A-number); the service now asks for an administrator.
        row("ClientService.findByANumber",                        NO, OK, NO, NO, NO, NO, f -> clients.findByANumber(f.aNumberA));
        row("ClientService.recordConflict",                       NO, OK, NO, NO, NO, NO, f -> clients.recordConflict(f.clientA(), f.partnerB.getId(), "adverse party"));
        open("ClientService.conflictedPartners", "partner ids only, no personal data; the offer steps call it after their own administrator check", f -> clients.conflictedPartners(f.clientA()));
        row("ClientService.conflicts",                            NO, OK, NO, NO, NO, NO, f -> clients.conflicts(f.clientA()));
        row("ClientService.destroyKey",                           NO, OK, NO, NO, NO, NO, f -> {
            clients.destroyKey(f.clientA());
            return true;
        });
        row("ClientService.destroyKeys",                          NO, OK, NO, NO, NO, NO, f -> clients.destroyKeys(List.of(f.clientA())));

        // the audit trail
        row("AuditService.list",                                  NO, OK, NO, NO, NO, NO, f -> audit.list(ListQuery.firstPage(10)));
        row("AuditService.lines",                                 NO, OK, NO, NO, NO, NO, f -> audit.lines(ListQuery.firstPage(10)));
        row("AuditService.recordTypes",                           NO, OK, NO, NO, NO, NO, f -> audit.recordTypes());
        // reminders: each chooses their own (administrators and partner staff; funders get none)
        open("ReminderService.receivesReminders", "a yes or no about the caller, to show or hide the reminders' section of My account", f -> reminders.receivesReminders());
        row("ReminderService.ownChoice",                          NO, OK, OK, OK, NO, NO, f -> reminders.ownChoice());
        row("ReminderService.chooseOwn",                          NO, OK, OK, OK, NO, NO, f -> reminders.chooseOwn(true, false));
        // the outbox (administrators' page: counts and the latest messages, recipients included)
        row("OutboxService.counts",                               NO, OK, NO, NO, NO, NO, f -> outbox.counts());
        row("OutboxService.recent",                               NO, OK, NO, NO, NO, NO, f -> outbox.recent(OutboxStatus.PENDING, 10));
        // retention: the rule, legal holds and the erasure of what is due (administrators only)
        row("RetentionService.rule",                              NO, OK, NO, NO, NO, NO, f -> retention.rule());
        row("RetentionService.changeRule",                        NO, OK, NO, NO, NO, NO, f -> retention.changeRule(3, -1));
        row("RetentionService.placeHold",                         NO, OK, NO, NO, NO, NO, f -> retention.placeHold(f.caseA.getCaseNumber(), "Matrix hold"));
        row("RetentionService.liftHold",                          NO, OK, NO, NO, NO, NO, f -> {
            LegalHold hold = given.asSystem(() -> retention.placeHold(f.referred.getCaseNumber(), "Matrix hold"));
            return retention.liftHold(hold.getId(), hold.getVersion(), "Matrix lift");
        });
        row("RetentionService.holds",                             NO, OK, NO, NO, NO, NO, f -> retention.holds());
        row("RetentionService.holdsOf",                           NO, OK, NO, NO, NO, NO, f -> retention.holdsOf(f.clientA()));
        row("RetentionService.due",                               NO, OK, NO, NO, NO, NO, f -> retention.due());
        row("RetentionService.eraseDue",                          NO, OK, NO, NO, NO, NO, f -> retention.eraseDue());
        // the emergency purge: proposed by one administrator, confirmed by another with a fresh code (a wrong one here)
        row("PurgeService.propose",                               NO, OK, NO, NO, NO, NO, f -> purges.propose(PurgeSelection.ENDED, true));
        row("PurgeService.confirm",                               NO, OK, NO, NO, NO, NO, f -> {
            Purge purge = given.asSystem(() -> purges.propose(PurgeSelection.ENDED, true));
            return purges.confirm(purge.getId(), purge.getVersion(), "000000");
        });
        row("PurgeService.cancel",                                NO, OK, NO, NO, NO, NO, f -> {
            Purge purge = given.asSystem(() -> purges.propose(PurgeSelection.ENDED, true));
            return purges.cancel(purge.getId(), purge.getVersion());
        });
        row("PurgeService.latest",                                NO, OK, NO, NO, NO, NO, f -> purges.latest());
        row("AuditService.count",                                 NO, OK, NO, NO, NO, NO, f -> audit.count(ListQuery.firstPage(10)));
        row("AuditService.verify",                                NO, OK, NO, NO, NO, NO, f -> audit.verify());
        open("AuditService.viewed(String,Object)", "appends the caller's own opening of a record to the trail in the caller's transaction; reads nothing", f -> done(() -> audit.viewed("Client", f.clientA())));
        open("AuditService.erased", "appends an erasure (record and reason code, no value) in the caller's transaction; reads nothing; ClientErasure checks who may erase", f -> done(() -> audit.erased("Client", f.clientA(), "MANUAL")));
        open("AuditService.viewed(String,Object,String)", "the same, naming the view (a confidential case's file, funding or summary)", f -> done(() -> audit.viewed("LegalCase", f.caseA.getId(), "CASE_FILE")));

        // grants and sub-awards (funder A's grant, its sub-award to partner A)
        scoped("GrantService.list",                               NO, OK, NO, NO, OK, NO, f -> grants.list(byName(f.grantA.getName())), r -> ids(r, Grant::getId).contains(fx.grantA.getId()));
        scoped("GrantService.count",                              NO, OK, NO, NO, OK, NO, f -> grants.count(byName(f.grantA.getName())), r -> r > 0);
        row("GrantService.find",                                  NO, OK, NO, NO, OK, NO, f -> grants.find(f.grantA.getId()));
        row("GrantService.create",                                NO, OK, NO, NO, NO, NO, f -> grants.create(new GrantTerms(f.funderA, InContainer.unique("Matrix New Grant"), new BigDecimal("100.00"), f.grantA.getPeriodStart(), f.grantA.getPeriodEnd())));
        row("GrantService.update",                                NO, OK, NO, NO, NO, NO, f -> grants.update(f.grantA.getId(), f.grantA.getVersion(), GrantTerms.of(f.grantA)));
        row("GrantService.subAwards",                             NO, OK, NO, NO, OK, NO, f -> grants.subAwards(f.grantA.getId()));
        scoped("GrantService.ownSubAwards",                       NO, NO, OK, NO, NO, NO, f -> grants.ownSubAwards(), r -> ids(r, SubAward::getId).contains(fx.subAwardA.getId()));
        row("GrantService.findSubAward",                          NO, OK, OK, NO, OK, NO, f -> grants.findSubAward(f.subAwardA.getId()));
        row("GrantService.amendments",                            NO, OK, OK, NO, OK, NO, f -> grants.amendments(f.subAwardA.getId()));
        row("GrantService.award",                                 NO, OK, NO, NO, NO, NO, f -> grants.award(f.grantA.getId(), f.partnerA.getId(), terms(f, "100.00", null)));
        open("GrantService.hasOwnSubAwards", "a yes or no about the caller (partner staff), to choose the budget page's view", f -> grants.hasOwnSubAwards());
        open("GrantService.mayAward", "a yes or no about the caller, to show or hide the award form; award itself is checked", f -> grants.mayAward());
        row("GrantService.amend",                                 NO, OK, NO, NO, NO, NO, f -> grants.amend(f.subAwardA.getId(), f.subAwardA.getVersion(), terms(f, "6000.00", "more cases")));

        // charging A's case
        row("ChargeService.chargeOf",                             NO, OK, OK, NO, NO, NO, f -> charges.chargeOf(f.caseA.getId()));
        row("ChargeService.options",                              NO, OK, NO, NO, NO, NO, f -> charges.options(f.caseA.getId()));
        row("ChargeService.qualifyingByPartner",                  NO, OK, NO, NO, NO, NO, f -> charges.qualifyingByPartner(f.caseA.getId()));
        open("ChargeService.mayCharge", "a yes or no about the caller, to show or hide the charge form; charge itself is checked", f -> charges.mayCharge());
        row("ChargeService.charge",                               NO, OK, NO, NO, NO, NO, f -> charges.charge(f.caseA.getId(), f.subAwardA.getId()));

        // costs and payments (a submitted cost and a scheduled payment of A's case)
        row("CostService.record",                                 NO, OK, OK, NO, NO, NO, f -> costs.record(f.caseA.getId(), InContainer.expense(CostCategory.TRAVEL, "10.00")));
        row("CostService.approve",                                NO, OK, NO, NO, NO, NO, f -> costs.approve(f.costA.getId(), f.costA.getVersion(), null, false, null));
        row("CostService.reject",                                 NO, OK, NO, NO, NO, NO, f -> costs.reject(f.costA.getId(), f.costA.getVersion(), "no receipt"));
        row("CostService.markPaid",                               NO, OK, NO, NO, NO, NO, f -> costs.markPaid(f.paymentA.getId(), f.paymentA.getVersion(), LocalDate.now(FundClock.current()), "CHK-1"));
        row("CostService.ofCase",                                 NO, OK, OK, NO, NO, NO, f -> costs.ofCase(f.caseA.getId()));
        row("CostService.ofSubAward",                             NO, OK, OK, NO, NO, NO, f -> costs.ofSubAward(f.subAwardA.getId(), null, null));
        scoped("CostService.queue",                               NO, OK, NO, NO, NO, NO, f -> costs.queue(ListQuery.firstPage(200).withFilter("subAward.partnerId", f.partnerA.getId())), r -> ids(r, l -> l.cost().getId()).contains(fx.costA.getId()));
        row("CostService.queueCount",                             NO, OK, NO, NO, NO, NO, f -> costs.queueCount(ListQuery.firstPage(10)));
        scoped("CostService.payments",                            NO, OK, NO, NO, NO, NO, f -> costs.payments(ListQuery.firstPage(200).withFilter("subAward.partnerId", f.partnerA.getId())), r -> ids(r, Disbursement::getId).contains(fx.paymentA.getId()));
        row("CostService.paymentCount",                           NO, OK, NO, NO, NO, NO, f -> costs.paymentCount(ListQuery.firstPage(10)));
        row("CostService.mayRecord",                              NO, OK, OK, NO, NO, NO, f -> costs.mayRecord(f.caseA.getId()));
        row("CostService.find",                                   NO, OK, NO, NO, NO, NO, f -> costs.find(f.costA.getId()));

        // the money views
        row("BudgetService.grant",                                NO, OK, NO, NO, OK, NO, f -> budgets.grant(f.grantA.getId(), null, null));
        scoped("BudgetService.grants",                            NO, OK, NO, NO, OK, NO, f -> budgets.grants(), r -> r.containsKey(fx.grantA.getId()));
        row("BudgetService.subAwardsOfGrant",                     NO, OK, NO, NO, OK, NO, f -> budgets.subAwardsOfGrant(f.grantA.getId(), null, null));
        row("BudgetService.subAward",                             NO, OK, OK, NO, OK, NO, f -> budgets.subAward(f.subAwardA.getId(), null, null));
        scoped("BudgetService.ownSubAwards",                      NO, NO, OK, NO, NO, NO, f -> budgets.ownSubAwards(), r -> r.containsKey(fx.subAwardA.getId()));
        row("BudgetService.alerts",                               NO, OK, NO, NO, NO, NO, f -> budgets.alerts());
        open("BudgetService.alertPercent", "a setting, no data", f -> budgets.alertPercent());

        // dashboards (funder A's grant as the chosen scope)
        open("DashboardService.choosesAnyScope", "says whether the page offers funder and partner choices: the caller's own role, nothing else", f -> dashboards.choosesAnyScope());
        row("DashboardService.dashboard",                         NO, OK, NO, NO, OK, NO, f -> dashboards.dashboard(new DashboardScope(f.funderA.getId(), f.grantA.getId(), null), LocalDate.now(FundClock.current()).minusDays(90), LocalDate.now(FundClock.current()), false));
        return rows;
    }

    private void row(String action, Outcome nobody, Outcome admin, Outcome partnerA, Outcome partnerB, Outcome funderA, Outcome funderB, Call<?> call) {
        add(new Row(action, call, result -> true, new Outcome[] {nobody, admin, partnerA, partnerB, funderA, funderB}, null));
    }

    /** A read that scopes: the result must show A's object ({@code seesA}) for ALLOWED; leaving it out is REFUSED. */
    @SuppressWarnings("unchecked")
    private <T> void scoped(String action, Outcome nobody, Outcome admin, Outcome partnerA, Outcome partnerB, Outcome funderA, Outcome funderB,
                            Call<T> call, Predicate<T> seesA) {
        add(new Row(action, call, result -> seesA.test((T) result), new Outcome[] {nobody, admin, partnerA, partnerB, funderA, funderB}, null));
    }

    /** An action open to every caller on purpose, with the reason. */
    private void open(String action, String because, Call<?> call) {
        add(new Row(action, call, result -> true, new Outcome[] {OK, OK, OK, OK, OK, OK}, because));
    }

    /** A referral as the public form hands it over: the person's names and phone, said by themselves, with consent. */
    private static OnlineReferral onlineReferral() {
        OnlineReferral referral = new OnlineReferral();
        referral.getClient().setFirstName("Matrix");
        referral.getClient().setLastName(InContainer.unique("Online").replace(' ', '-'));
        referral.getClient().setPhone("555 0100");
        referral.setReferrerKind(ReferrerKind.SELF);
        referral.setContactConsent(true);
        return referral;
    }

    private void add(Row row) {
        if (rows.put(row.action(), row) != null) {
            throw new IllegalStateException("two rows for " + row.action());
        }
    }

    // ---- the tests

    @Test
    void everyServiceActionHasARow() {
        Set<String> actions = serviceActions();
        assertTrue(actions.contains("CaseService.find") && actions.contains("FunderService.create(Funder)"),
                "the scan of the deployment's services found " + actions);
        Set<String> missing = new TreeSet<>(actions);
        missing.removeAll(table().keySet());
        Set<String> stale = new TreeSet<>(table().keySet());
        stale.removeAll(actions);
        assertEquals("", (missing.isEmpty() ? "" : "service actions without a row in the matrix: " + missing)
                + (stale.isEmpty() ? "" : " rows for actions that no longer exist: " + stale));
    }

    @Test
    void eachCallerGetsWhatTheMatrixSays() {
        fx = fixture();
        Map<Caller, UserAccount> callers = new LinkedHashMap<>();
        callers.put(Caller.NOBODY, null);
        callers.put(Caller.ADMIN, fx.admin);
        callers.put(Caller.PARTNER_A, fx.staffA);
        callers.put(Caller.PARTNER_B, fx.staffB);
        callers.put(Caller.FUNDER_A, fx.funderUserA);
        callers.put(Caller.FUNDER_B, fx.funderUserB);
        List<String> wrong = new ArrayList<>();
        List<String> businessRefusals = new ArrayList<>();
        StringBuilder report = new StringBuilder("service access matrix (A returned, A* a business refusal, R refused):\n");
        for (Row row : table().values()) {
            report.append(String.format("%-50s", row.action()));
            for (Caller caller : Caller.values()) {
                Attempt attempt = attempt(row, callers.get(caller));
                Outcome expected = row.expected()[caller.ordinal()];
                boolean business = attempt.how().startsWith("business") || attempt.how().startsWith("validation");
                report.append(String.format(" %-3s", attempt.outcome() == null ? "ERR" : attempt.outcome().name().charAt(0) + (business ? "*" : "")));
                if (business) {
                    businessRefusals.add(row.action() + " by " + caller + ": " + attempt.how());
                }
                if (attempt.outcome() != expected) {
                    wrong.add(row.action() + " by " + caller + ": " + (attempt.outcome() == null ? "error" : attempt.outcome())
                            + " (expected " + expected + ") " + attempt.how());
                }
            }
            report.append('\n');
        }
        businessRefusals.forEach(line -> report.append("  * ").append(line).append('\n'));
        System.out.println(report);
        LegalCase after = given.asSystem(() -> cases.find(fx.caseA.getId()));
        if (after.getVersion() != fx.caseA.getVersion() || after.getStatus() != CaseStatus.ASSIGNED) {
            wrong.add("A's case changed although every call was rolled back: " + after.getStatus() + " v" + after.getVersion());
        }
        assertEquals("", String.join("\n", wrong), wrong.size() + " mismatches of the service access matrix");
    }

    /** What one call did: the outcome (null: an unexpected error) and how it came about. */
    record Attempt(Outcome outcome, String how) {
    }

    /** Calls the row's action as the account (null: nobody), in a transaction that is always rolled back. */
    private Attempt attempt(Row row, UserAccount account) {
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            Object result = account == null ? row.call().on(fx) : given.as(account, () -> row.call().on(fx));
            return row.seesA().test(result) ? new Attempt(ALLOWED, "returned") : new Attempt(REFUSED, "the result leaves A's object out");
        } catch (RuntimeException e) {
            return classify(e);
        } finally {
            try {
                if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    transaction.rollback();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Attempt classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return new Attempt(REFUSED, "access denied");
            }
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BusinessException business) {
                return new Attempt(ALLOWED, "business refusal " + business.messageKey());
            }
            if (t instanceof ConstraintViolationException) {
                return new Attempt(ALLOWED, "validation refusal");
            }
        }
        return new Attempt(null, "threw " + thrown);
    }

    /**
     * Every public method declared by the deployment's service classes: {@code *Service}, and
     * {@code CaseQueries}, named "Class.method", or "Class.method(ParameterTypes)" when overloaded.
     */
    private Set<String> serviceActions() {
        Set<String> actions = new TreeSet<>();
        String root = "/WEB-INF/classes/";
        for (String path : classFiles(root + "org/defensefund/tracker/")) {
            String className = path.substring(root.length(), path.length() - ".class".length()).replace('/', '.');
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            if (className.contains(".testsupport.") || simpleName.contains("$")
                    || !(simpleName.endsWith("Service") || simpleName.endsWith("Queries"))) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(className, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            List<Method> methods = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()).toList();
            Map<String, Long> byName = methods.stream().collect(Collectors.groupingBy(Method::getName, Collectors.counting()));
            for (Method method : methods) {
                String name = simpleName + "." + method.getName();
                if (byName.get(method.getName()) > 1) {
                    name += Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
                }
                actions.add(name);
            }
        }
        return actions;
    }

    private List<String> classFiles(String directory) {
        List<String> files = new ArrayList<>();
        Set<String> paths = servletContext.getResourcePaths(directory);
        if (paths == null) {
            return files;
        }
        for (String path : new TreeSet<>(paths)) {
            if (path.endsWith("/")) {
                files.addAll(classFiles(path));
            } else if (path.endsWith(".class")) {
                files.add(path);
            }
        }
        return files;
    }

    // ---- the fixture, built once per run of the table

    /** A's objects (and B's, so that B's callers have records of their own to be scoped to). */
    static final class Fixture {
        PartnerOrganization partnerA;
        PartnerOrganization partnerB;
        Funder funderA;
        Funder funderB;
        UserAccount admin;
        UserAccount staffA;
        UserAccount staffB;
        UserAccount funderUserA;
        UserAccount funderUserB;
        Grant grantA;
        SubAward subAwardA;
        LegalCase caseA;
        ANumber aNumberA;
        LegalCase referred;
        LegalCase eligible;
        LegalCase closedA;
        CaseOffer offerA;
        CaseCost costA;
        Disbursement paymentA;
        ReferenceItem court;
        ReferenceItem outcome;
        ReferenceItem declineReason;
        ReferenceItem asylumType;

        Long clientA() {
            return caseA.getClient().getId();
        }
    }

    /** The fixture the rows act on; the scoped rows' checks read A's ids from it. */
    private Fixture fx;

    private Fixture fixture() {
        Fixture f = new Fixture();
        f.partnerA = given.partner(InContainer.unique("Svc Matrix Legal A"));
        f.partnerB = given.partner(InContainer.unique("Svc Matrix Legal B"));
        f.funderA = given.funder(InContainer.unique("Svc Matrix Fund A"));
        f.funderB = given.funder(InContainer.unique("Svc Matrix Fund B"));
        f.admin = given.admin();
        f.staffA = given.partnerStaff(f.partnerA);
        f.staffB = given.partnerStaff(f.partnerB);
        f.funderUserA = given.funderUser(f.funderA);
        f.funderUserB = given.funderUser(f.funderB);
        f.court = given.asSystem(() -> referenceData.active(ReferenceList.COURT).get(0));
        f.outcome = given.ref(ReferenceList.OUTCOME, "TERMINATED");
        f.declineReason = given.ref(ReferenceList.DECLINE_REASON, "OTHER");
        f.asylumType = given.ref(ReferenceList.RELIEF_TYPE, "ASYLUM");

        Grant grantA = grantOf(f.funderA);
        Grant grantB = grantOf(f.funderB);
        SubAward subAwardA = given.subAward(grantA, f.partnerA, "5000.00");
        SubAward subAwardB = given.subAward(grantB, f.partnerB, "5000.00");
        f.aNumberA = new ANumber(String.format("%09d", ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999)));
        LegalCase caseA = assigned(f.partnerA, f.aNumberA.digits());
        LegalCase caseB = assigned(f.partnerB, null);
        given.asSystem(() -> charges.charge(caseA.getId(), subAwardA.getId()));
        given.asSystem(() -> charges.charge(caseB.getId(), subAwardB.getId()));
        CaseCost costA = given.asSystem(() -> costs.record(caseA.getId(), InContainer.expense(CostCategory.TRAVEL, "12.50")));
        CaseCost paid = given.asSystem(() -> costs.record(caseA.getId(), InContainer.expense(CostCategory.FILING_FEE, "20.00")));
        given.asSystem(() -> costs.approve(paid.getId(), paid.getVersion(), null, false, null));
        given.asSystem(() -> costs.record(caseB.getId(), InContainer.expense(CostCategory.TRAVEL, "7.00")));

        f.offerA = given.offered(f.partnerA);
        f.referred = given.referred();
        f.eligible = given.eligible();
        LegalCase toClose = given.assigned(f.partnerA);
        f.closedA = given.asSystem(() -> closing.close(toClose.getId(), toClose.getVersion(), f.outcome, null, LocalDate.now(FundClock.current())));

        // read back at their current versions, after every step above
        f.grantA = given.asSystem(() -> grants.find(grantA.getId()));
        f.subAwardA = given.asSystem(() -> grants.findSubAward(subAwardA.getId()));
        f.caseA = given.asSystem(() -> cases.find(caseA.getId()));
        f.costA = given.asSystem(() -> costs.find(costA.getId())).cost();
        f.paymentA = given.asSystem(() -> costs.ofCase(caseA.getId())).stream().map(CostLine::payment)
                .filter(p -> p != null && p.getCost().getId().equals(paid.getId())).findFirst().orElseThrow();
        f.partnerA = given.asSystem(() -> partners.find(f.partnerA.getId()));
        f.funderA = given.asSystem(() -> funders.find(f.funderA.getId()));
        return f;
    }

    private Grant grantOf(Funder funder) {
        LocalDate today = LocalDate.now(FundClock.current());
        GrantTerms terms = new GrantTerms(funder, InContainer.unique("Svc Matrix Grant"), new BigDecimal("10000.00"), today.minusDays(200), today.plusDays(165));
        return given.asSystem(() -> grants.create(terms));
    }

    /** A case assigned to the partner, its client with the A-number if one is given. */
    private LegalCase assigned(PartnerOrganization partner, String aNumber) {
        Referral referral = given.referral();
        referral.setANumber(aNumber);
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        return given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney " + partner.getName()));
    }

    // ---- small helpers for the rows

    private static ListQuery byName(String name) {
        return ListQuery.firstPage(10).withFilter("name", name);
    }

    private static ListQuery caseSearch(Fixture f) {
        return ListQuery.firstPage(10).withFilter(CaseQueries.SEARCH, f.caseA.getCaseNumber());
    }

    private static <T> Set<Long> ids(Collection<T> items, Function<T, Long> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }

    private static SubAwardTerms terms(Fixture f, String amount, String reason) {
        return new SubAwardTerms(new BigDecimal(amount), f.grantA.getPeriodStart(), f.grantA.getPeriodEnd(), reason);
    }

    private static ReliefApplication asylum(Fixture f) {
        ReliefApplication relief = new ReliefApplication();
        relief.setReliefType(f.asylumType);
        relief.setFiledOn(LocalDate.now(FundClock.current()));
        return relief;
    }

    /** A hearing of A's case in three days, recorded by the system in the call's own (rolled back) transaction. */
    private Hearing hearingOfA(Fixture f) {
        return given.asSystem(() -> representation.recordHearing(f.caseA.getId(),
                new Hearing(HearingKind.MASTER_CALENDAR, LocalDateTime.now(FundClock.current()).plusDays(3).withSecond(0).withNano(0))));
    }

    /** The id of A's case's notice-of-appearance deadline, read straight from the database. */
    private long noticeDeadline(Fixture f) {
        return given.count("select id from deadline where rule = 'NOTICE_OF_APPEARANCE' and case_id = " + f.caseA.getId());
    }

    /** The day A's case's notice-of-appearance deadline is due. */
    private LocalDate noticeDue(Fixture f) {
        return LocalDate.ofEpochDay(given.count("select to_days(due_on) - to_days('1970-01-01') from deadline where id = " + noticeDeadline(f)));
    }

    private long column(String name, long deadlineId) {
        return given.count("select " + name + " from deadline where id = " + deadlineId);
    }

    private static NewAccount newAdminAccount() {
        return new NewAccount(InContainer.unique("matrix").replace(' ', '-') + "@it.test", "Matrix Admin", Role.ADMIN, null, null,
                InContainer.PASSWORD.toCharArray());
    }

    private static Object done(Runnable action) {
        action.run();
        return null;
    }
}
