package org.defensefund.tracker.cases;

import static org.defensefund.tracker.cases.CaseStep.ADD_NOTE;
import static org.defensefund.tracker.cases.CaseStep.ANSWER_OFFER;
import static org.defensefund.tracker.cases.CaseStep.CLOSE;
import static org.defensefund.tracker.cases.CaseStep.FILE_NOTICE_OF_APPEARANCE;
import static org.defensefund.tracker.cases.CaseStep.LIFT_CONFIDENTIALITY;
import static org.defensefund.tracker.cases.CaseStep.MARK_CONFIDENTIAL;
import static org.defensefund.tracker.cases.CaseStep.OFFER;
import static org.defensefund.tracker.cases.CaseStep.OPEN_APPEAL;
import static org.defensefund.tracker.cases.CaseStep.REASSIGN;
import static org.defensefund.tracker.cases.CaseStep.RECORD_CONFLICT;
import static org.defensefund.tracker.cases.CaseStep.RECORD_CUSTODY;
import static org.defensefund.tracker.cases.CaseStep.RECORD_HEARING;
import static org.defensefund.tracker.cases.CaseStep.RECORD_RELIEF;
import static org.defensefund.tracker.cases.CaseStep.SCREEN;
import static org.defensefund.tracker.cases.CaseStep.WITHDRAW_OFFER;
import static org.defensefund.tracker.cases.LegalCases.ADMIN;
import static org.defensefund.tracker.cases.LegalCases.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which steps are open, per state of the case and part of the caller (administrator, the case's own partner,
 * another partner, a funder), written out here apart from the rule; and how a service's check refuses the
 * others (403 for who, a business refusal for when).
 */
class CaseStepTest {

    private static final Set<CaseStep> REPRESENT = EnumSet.of(RECORD_HEARING, RECORD_CUSTODY, RECORD_RELIEF, FILE_NOTICE_OF_APPEARANCE);
    private static final Set<CaseStep> NONE = EnumSet.noneOf(CaseStep.class);

    private static Set<CaseStep> steps(CaseStep... steps) {
        EnumSet<CaseStep> set = EnumSet.noneOf(CaseStep.class);
        set.addAll(List.of(steps));
        return set;
    }

    private static Set<CaseStep> represent(CaseStep... more) {
        Set<CaseStep> set = steps(more);
        set.addAll(REPRESENT);
        return set;
    }

    private static LegalCase confidential(Supplier<LegalCase> build) {
        LegalCase legalCase = build.get();
        legalCase.protect(ConfidentialityReason.ASYLUM, null, ADMIN);
        return legalCase;
    }

    /** State of the case, the role, and the steps open: the table. */
    static Stream<Arguments> table() {
        return Stream.of(
                // the fund's administrators
                Arguments.of("referred", LegalCases.referred(), CaseRole.ADMINISTRATOR, steps(SCREEN, MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("pending documents", LegalCases.screened(CaseStatus.PENDING_DOCUMENTS), CaseRole.ADMINISTRATOR,
                        steps(SCREEN, CLOSE, MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("eligible", LegalCases.screened(CaseStatus.ELIGIBLE), CaseRole.ADMINISTRATOR,
                        steps(OFFER, CLOSE, MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("ineligible", LegalCases.screened(CaseStatus.INELIGIBLE), CaseRole.ADMINISTRATOR,
                        steps(MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("offered", LegalCases.offered(), CaseRole.ADMINISTRATOR,
                        steps(ANSWER_OFFER, WITHDRAW_OFFER, MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("assigned", LegalCases.assigned(), CaseRole.ADMINISTRATOR,
                        represent(REASSIGN, CLOSE, MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("assigned, confidential", confidential(LegalCases::assigned), CaseRole.ADMINISTRATOR,
                        represent(REASSIGN, CLOSE, MARK_CONFIDENTIAL, LIFT_CONFIDENTIALITY, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("closed, decided in court", LegalCases.closed(true), CaseRole.ADMINISTRATOR,
                        steps(OPEN_APPEAL, MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                Arguments.of("closed, client withdrew", LegalCases.closed(false), CaseRole.ADMINISTRATOR,
                        steps(MARK_CONFIDENTIAL, ADD_NOTE, RECORD_CONFLICT)),
                // the partner the case is offered or assigned to
                Arguments.of("offered", LegalCases.offered(), CaseRole.OWN_PARTNER, steps(ANSWER_OFFER, ADD_NOTE)),
                Arguments.of("offered, confidential", confidential(LegalCases::offered), CaseRole.OWN_PARTNER, steps(ANSWER_OFFER)),
                Arguments.of("assigned", LegalCases.assigned(), CaseRole.OWN_PARTNER, represent(CLOSE, MARK_CONFIDENTIAL, ADD_NOTE)),
                Arguments.of("assigned, confidential", confidential(LegalCases::assigned), CaseRole.OWN_PARTNER,
                        represent(CLOSE, MARK_CONFIDENTIAL, ADD_NOTE)),
                Arguments.of("closed, decided in court", LegalCases.closed(true), CaseRole.OWN_PARTNER, steps(OPEN_APPEAL, MARK_CONFIDENTIAL, ADD_NOTE)),
                Arguments.of("closed, client withdrew", LegalCases.closed(false), CaseRole.OWN_PARTNER, steps(MARK_CONFIDENTIAL, ADD_NOTE)),
                // another partner, and funders: no step in any state
                Arguments.of("referred", LegalCases.referred(), CaseRole.OTHER_PARTNER, NONE),
                Arguments.of("eligible", LegalCases.screened(CaseStatus.ELIGIBLE), CaseRole.OTHER_PARTNER, NONE),
                Arguments.of("offered", LegalCases.offered(), CaseRole.OTHER_PARTNER, NONE),
                Arguments.of("assigned", LegalCases.assigned(), CaseRole.OTHER_PARTNER, NONE),
                Arguments.of("closed, decided in court", LegalCases.closed(true), CaseRole.OTHER_PARTNER, NONE),
                Arguments.of("referred", LegalCases.referred(), CaseRole.FUNDER, NONE),
                Arguments.of("offered", LegalCases.offered(), CaseRole.FUNDER, NONE),
                Arguments.of("assigned", LegalCases.assigned(), CaseRole.FUNDER, NONE),
                Arguments.of("assigned, confidential", confidential(LegalCases::assigned), CaseRole.FUNDER, NONE),
                Arguments.of("closed, decided in court", LegalCases.closed(true), CaseRole.FUNDER, NONE));
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("table")
    void theOpenStepsAreTheTablesAndTheServicesCheckRefusesTheOthers(String state, LegalCase legalCase, CaseRole role, Set<CaseStep> expected) {
        CaseSteps open = CaseSteps.available(legalCase, role);
        assertEquals(expected, open.asSet());
        for (CaseStep step : CaseStep.values()) {
            assertEquals(expected.contains(step), open.allows(step), step.name());
            if (expected.contains(step)) {
                step.require(role, legalCase);
            } else {
                RuntimeException refused = assertThrows(RuntimeException.class, () -> step.require(role, legalCase), step.name());
                assertTrue(refused instanceof AccessDeniedException || refused instanceof BusinessException, step + ": " + refused);
            }
        }
    }

    @Test
    void whoIsRefusedWithAccessDeniedAndWhenWithTheReasonAPageShows() {
        assertThrows(AccessDeniedException.class, () -> CLOSE.require(CaseRole.OWN_PARTNER, LegalCases.offered()),
                "a partner closes only a case it accepted");
        assertThrows(AccessDeniedException.class, () -> LIFT_CONFIDENTIALITY.require(CaseRole.OWN_PARTNER, confidential(LegalCases::assigned)));
        assertThrows(AccessDeniedException.class, () -> MARK_CONFIDENTIAL.require(CaseRole.OWN_PARTNER, LegalCases.offered()),
                "a case only offered is not yet the partner's own");
        assertThrows(AccessDeniedException.class, () -> ADD_NOTE.require(CaseRole.OWN_PARTNER, confidential(LegalCases::offered)),
                "a confidential case only offered shows no details, so takes no notes");
        assertThrows(AccessDeniedException.class, () -> SCREEN.require(CaseRole.FUNDER, LegalCases.referred()));

        IllegalTransitionException early = assertThrows(IllegalTransitionException.class, () -> OFFER.require(CaseRole.ADMINISTRATOR, LegalCases.referred()));
        assertEquals(CaseStatus.OFFERED, early.to());
        assertThrows(IllegalTransitionException.class, () -> CLOSE.require(CaseRole.ADMINISTRATOR, LegalCases.referred()));
        assertEquals("case.screening.notAwaiting", refusal(SCREEN, LegalCases.screened(CaseStatus.ELIGIBLE)));
        assertEquals("case.reassign.notAssigned", refusal(REASSIGN, LegalCases.offered()));
        assertEquals("case.notAssigned", refusal(RECORD_HEARING, LegalCases.closed(true)));
        assertEquals("case.appeal.notDecided", refusal(OPEN_APPEAL, LegalCases.closed(false)));
        assertEquals("case.confidential.notMarked", refusal(LIFT_CONFIDENTIALITY, LegalCases.assigned()));
        assertEquals("offer.none", refusal(WITHDRAW_OFFER, LegalCases.screened(CaseStatus.ELIGIBLE)));
    }

    private static String refusal(CaseStep step, LegalCase legalCase) {
        return assertThrows(BusinessException.class, () -> step.require(CaseRole.ADMINISTRATOR, legalCase)).messageKey();
    }

    @Test
    void theCaseStepsAndTheAggregateAgreeOnTheStatusMoves() {
        for (CaseStatus status : CaseStatus.values()) {
            LegalCase legalCase = LegalCases.in(status);
            assertEquals(status.canMoveTo(CaseStatus.CLOSED), CLOSE.fits(legalCase), "close from " + status);
            assertEquals(status.canMoveTo(CaseStatus.OFFERED), OFFER.fits(legalCase), "offer from " + status);
            assertEquals(status.canMoveTo(CaseStatus.INELIGIBLE), SCREEN.fits(legalCase), "screen from " + status);
        }
    }

    @Test
    void theRoleDecidesReachAndDetails() {
        assertEquals(CaseRole.OWN_PARTNER, CaseRole.ofPartner(LegalCases.PARTNER, LegalCases.offered()));
        assertEquals(CaseRole.OTHER_PARTNER, CaseRole.ofPartner(LegalCases.PARTNER + 1, LegalCases.offered()));
        assertEquals(CaseRole.OTHER_PARTNER, CaseRole.ofPartner(null, LegalCases.referred()), "no partner yet: nobody's own");
        assertTrue(CaseRole.OWN_PARTNER.reaches());
        assertFalse(CaseRole.OTHER_PARTNER.reaches());
        assertFalse(CaseRole.FUNDER.reaches());
        assertTrue(CaseRole.OWN_PARTNER.seesDetailsOf(LegalCases.offered()));
        assertFalse(CaseRole.OWN_PARTNER.seesDetailsOf(confidential(LegalCases::offered)), "only the summary until accepted");
        assertTrue(CaseRole.OWN_PARTNER.seesDetailsOf(confidential(LegalCases::assigned)));
        assertTrue(CaseRole.ADMINISTRATOR.seesDetailsOf(confidential(LegalCases::offered)));
        assertFalse(CaseRole.OTHER_PARTNER.seesDetailsOf(LegalCases.assigned()));
    }

    @Test
    void thePageNamesAStepByItsNameOrTheWordItHasUsed() {
        assertEquals(Set.of(CLOSE), CaseStep.named("CLOSE"));
        assertEquals(Set.of(CLOSE), CaseStep.named("close"));
        assertEquals(REPRESENT, CaseStep.named("represent"));
        for (String word : List.of("markConfidential", "liftConfidential", "screen", "offer", "answer", "withdraw", "represent",
                "close", "reassign", "appeal")) {
            assertFalse(CaseStep.named(word).isEmpty(), word);
        }
        assertThrows(IllegalArgumentException.class, () -> CaseStep.named("fly"));
        CaseSteps partnerOnAssigned = CaseSteps.available(LegalCases.assigned(), CaseRole.OWN_PARTNER);
        assertTrue(partnerOnAssigned.allowsNamed("represent"));
        assertTrue(partnerOnAssigned.allowsNamed("FILE_NOTICE_OF_APPEARANCE"));
        assertFalse(partnerOnAssigned.allowsNamed("reassign"));
        assertTrue(CaseSteps.none().isEmpty());
    }

    @Test
    void aCallerStaysWhoTheyAreWhenTheCaseMoves() {
        LegalCase legalCase = LegalCases.offered();
        assertTrue(CaseSteps.available(legalCase, CaseRole.OWN_PARTNER).allows(ANSWER_OFFER));
        CaseOffer offer = new CaseOffer(LegalCases.screened(CaseStatus.ELIGIBLE), LegalCases.PARTNER, ADMIN);
        offer.getLegalCase().offerTo(offer, "Harbor Legal", null);
        offer.accept("Jane Attorney", STAFF);
        CaseSteps afterAccepting = CaseSteps.available(offer.getLegalCase(), CaseRole.OWN_PARTNER);
        assertFalse(afterAccepting.allows(ANSWER_OFFER));
        assertTrue(afterAccepting.allows(RECORD_HEARING));
    }
}
