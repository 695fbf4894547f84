package org.defensefund.tracker.cases;

import java.time.LocalDate;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;

/** Cases for plain unit tests, walked to the status wanted through the case's own steps (no database). */
final class LegalCases {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final LocalDate REFERRED_ON = TODAY.minusDays(20);
    static final Long PARTNER = 7L;
    static final String ADMIN = "admin@fund.test";
    static final String STAFF = "staff@partner.test";

    private LegalCases() {
    }

    static ReferenceItem item(ReferenceList list, String code, String name) {
        return new ReferenceItem(list, code, name);
    }

    /** An outcome decided in court (it can be appealed) or not (the client withdrew). */
    static ReferenceItem outcome(boolean inCourt) {
        ReferenceItem outcome = item(ReferenceList.OUTCOME, inCourt ? "REMOVAL_ORDERED" : "CLIENT_WITHDREW",
                inCourt ? "Removal ordered" : "Client withdrew");
        outcome.setOutcomeFlags(inCourt, false);
        return outcome;
    }

    static LegalCase referred() {
        LegalCase legalCase = new LegalCase("2026-00001", new Client("Ana", "Lopez"), REFERRED_ON);
        legalCase.describeReferral(item(ReferenceList.REFERRAL_SOURCE, "COURT", "Court referral"), null, null, null, null);
        return legalCase;
    }

    static LegalCase screened(CaseStatus decision) {
        LegalCase legalCase = referred();
        legalCase.screen(new Screening(true, true, true, decision,
                decision == CaseStatus.INELIGIBLE ? item(ReferenceList.INELIGIBILITY_REASON, "SERVICE_AREA", "Outside the area") : null,
                null), TODAY, ADMIN);
        return legalCase;
    }

    static CaseOffer offer() {
        LegalCase legalCase = screened(CaseStatus.ELIGIBLE);
        CaseOffer offer = new CaseOffer(legalCase, PARTNER, ADMIN);
        legalCase.offerTo(offer, "Harbor Legal", "fits");
        return offer;
    }

    static LegalCase offered() {
        return offer().getLegalCase();
    }

    static LegalCase assigned() {
        CaseOffer offer = offer();
        offer.accept("Jane Attorney", STAFF);
        return offer.getLegalCase();
    }

    static LegalCase closed(boolean inCourt) {
        LegalCase legalCase = assigned();
        legalCase.close(new Closing(outcome(inCourt), null, TODAY.minusDays(2)), TODAY, STAFF);
        return legalCase;
    }

    /** The case in the status, through the usual path (CLOSED: with a decision in court). */
    static LegalCase in(CaseStatus status) {
        return switch (status) {
            case REFERRED -> referred();
            case PENDING_DOCUMENTS, ELIGIBLE, INELIGIBLE -> screened(status);
            case OFFERED -> offered();
            case ASSIGNED -> assigned();
            case CLOSED -> closed(true);
        };
    }
}
