package org.defensefund.tracker.testsupport;


import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.clientreminders.ClientReminderService;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.funding.CaseCost;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.outbox.Channel;
import org.defensefund.tracker.outbox.Outbox;
import org.defensefund.tracker.outbox.OutgoingMessage;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.InContainer;

/** The fixture of the erasure tests: a client with everything the application keeps about a person, closed. */
@jakarta.enterprise.context.ApplicationScoped
public class ErasureFixtures {

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private AssignmentService assignment;

    @Inject
    private ClosingService closing;

    @Inject
    private CaseService cases;

    @Inject
    private ChargeService charges;

    @Inject
    private CostService costs;

    @Inject
    private ClientReminderService reminders;

    @Inject
    private Outbox outbox;

    @Inject
    private DeadlineService deadlines;

    /** The personal values of one fixture client, each unique to this run. */
    public record Person(String first, String last, String aNumber, String phone, String street, String referrer, String referrerContact,
                  String email) {

        public static Person unique() {
            String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String digits = String.format("%09d", (long) (Math.random() * 999_999_999L));
            String phone = "617-555-" + digits.substring(5, 9);
            return new Person("Erasefirst" + tag, "Eraselast" + tag, digits, phone, tag + " Erasure Street", "Referrer" + tag,
                    "referrer-" + tag + "@family.test", "client-" + tag + "@mail.test");
        }

        public List<String> values() {
            return List.of(first, last, aNumber, phone, street, referrer, referrerContact, email);
        }
    }

    /** A client with a funded, costed, noted case, closed on the fund's day. */
    public LegalCase closedCaseOf(Person person, UserAccount admin, PartnerOrganization partner, SubAward subAward) {
        Referral referral = given.referral();
        referral.getClient().setFirstName(person.first());
        referral.getClient().setLastName(person.last());
        referral.setANumber("A" + person.aNumber());
        referral.getClient().setBirthDate(LocalDate.of(1990, 4, 17));
        referral.getClient().setPhone(person.phone());
        referral.getClient().getAddress().setStreet(person.street());
        referral.getClient().getAddress().setCity("Chelsea");
        referral.getClient().getAddress().setPostalCode("02150");
        referral.setReferrerName(person.referrer());
        referral.setReferrerContact(person.referrerContact());
        LegalCase referred = given.as(admin, () -> intake.refer(referral));
        LegalCase eligible = given.as(admin, () -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.as(admin, () -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        given.as(admin, () -> assignment.acceptOffer(offer.getId(), "Attorney of " + partner.getName()));
        given.as(admin, () -> charges.charge(referred.getId(), subAward.getId()));
        // A deadline waived with a reason naming the client: a waived deadline must keep a reason (a check of the schema).
        var waivable = given.as(admin, () -> deadlines.ofCase(referred.getId())).stream().filter(view -> view.closable()).findFirst().orElseThrow();
        given.as(admin, () -> deadlines.waive(waivable.deadline().getId(), waivable.deadline().getVersion(), person.first() + " chose not to go on"));
        given.as(admin, () -> cases.addNote(referred.getId(), "Called " + person.first() + " " + person.last() + " at " + person.phone()));
        given.as(admin, () -> reminders.give(referred.getId(), person.email()));
        UserAccount staff = given.partnerStaff(partner);
        var entry = InContainer.expense(CostCategory.INTERPRETER, "120.00");
        entry.setNote("Interpreter for " + person.last());
        CaseCost cost = given.as(staff, () -> costs.record(referred.getId(), entry));
        given.as(admin, () -> costs.approve(cost.getId(), cost.getVersion(), null, false, null));
        given.as(admin, () -> given.inTransaction(() -> outbox.enqueue(new OutgoingMessage("erasure-it:" + referred.getId(), Channel.EMAIL,
                person.email(), Locale.ENGLISH, "Your hearing", "Dear " + person.first() + ", your hearing is soon.",
                Instant.now(FundClock.current()).plus(Duration.ofDays(3)), referred.getId(), "CLIENT_HEARING_7D"))));
        LegalCase open = given.as(admin, () -> cases.find(referred.getId()));
        return given.as(admin, () -> closing.close(open.getId(), open.getVersion(), given.ref(ReferenceList.OUTCOME, "REMOVAL_ORDERED"),
                null, LocalDate.now(FundClock.current()).minusDays(1)));
    }

}
