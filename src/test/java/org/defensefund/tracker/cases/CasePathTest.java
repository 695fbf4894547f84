package org.defensefund.tracker.cases;

import static org.defensefund.tracker.cases.LegalCases.ADMIN;
import static org.defensefund.tracker.cases.LegalCases.PARTNER;
import static org.defensefund.tracker.cases.LegalCases.REFERRED_ON;
import static org.defensefund.tracker.cases.LegalCases.STAFF;
import static org.defensefund.tracker.cases.LegalCases.TODAY;
import static org.defensefund.tracker.cases.LegalCases.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The rules of a case's path, kept by the case and its offers without a database: each step's required
 * facts, lengths and date order, the move it makes, and the timeline entries it returns.
 */
class CasePathTest {

    private static final String LONG = "x".repeat(1001);

    /** The refusal's message key and field. */
    private static void refused(String key, String field, Executable step) {
        BusinessException e = assertThrows(BusinessException.class, step);
        assertEquals(key, e.messageKey());
        assertEquals(field, e.field());
    }

    private static void entry(CaseEvent event, CaseEventKind kind, CaseStatus from, CaseStatus to, String summary, String reason, String actor) {
        assertEquals(kind, event.getKind(), "kind");
        assertEquals(from, event.getFromStatus(), "from");
        assertEquals(to, event.getToStatus(), "to");
        assertEquals(summary, event.getSummary(), "summary");
        assertEquals(reason, event.getReason(), "reason");
        assertEquals(actor, event.getActor(), "actor");
    }

    // ---- intake and screening

    @Test
    void aReferralStartsTheTimelineWithItsSource() {
        LegalCase referred = LegalCases.referred();
        assertEquals(CaseStatus.REFERRED, referred.getStatus());
        entry(referred.referred(ADMIN), CaseEventKind.REFERRED, null, CaseStatus.REFERRED, "Court referral", null, ADMIN);
    }

    @Test
    void aReferralNeedsItsDateNotAfterTodayAndTheHearingAndBirthNotOutOfOrder() {
        Referral noDate = new Referral();
        noDate.setReferralDate(null);
        refused("case.referralDate.required", "referralDate", () -> noDate.check(TODAY));
        Referral future = new Referral();
        future.setReferralDate(TODAY.plusDays(1));
        refused("case.referralDate.future", "referralDate", () -> future.check(TODAY));
        Referral hearingBefore = new Referral();
        hearingBefore.setReferralDate(TODAY);
        hearingBefore.setNextHearingDate(TODAY.minusDays(1));
        refused("case.nextHearing.beforeReferral", "nextHearingDate", () -> hearingBefore.check(TODAY));
        Referral bornAfter = new Referral();
        bornAfter.setReferralDate(TODAY.minusDays(3));
        bornAfter.getClient().setBirthDate(TODAY.minusDays(1));
        refused("client.birthDate.afterReferral", "birthDate", () -> bornAfter.check(TODAY));
        bornAfter.setExistingClientId(42L);
        bornAfter.check(TODAY);
    }

    @Test
    void aCaseTypeThatCallsForItMakesTheCaseConfidentialAtIntakeAndAChosenReasonWins() {
        LegalCase asylumOnly = new LegalCase("2026-00002", new Client("Ana", "Lopez"), TODAY);
        asylumOnly.describeReferral(null, null, null, item(ReferenceList.CASE_TYPE, "AOC", "Asylum only"), null);
        List<CaseEvent> byType = asylumOnly.protectAtIntake(null, ADMIN);
        assertEquals(1, byType.size());
        entry(byType.get(0), CaseEventKind.MARKED_CONFIDENTIAL, CaseStatus.REFERRED, CaseStatus.REFERRED, "ASYLUM", "Asylum only", ADMIN);
        assertTrue(asylumOnly.isConfidential());

        LegalCase chosen = new LegalCase("2026-00003", new Client("Ana", "Lopez"), TODAY);
        chosen.describeReferral(null, null, null, item(ReferenceList.CASE_TYPE, "AOC", "Asylum only"), null);
        assertEquals(1, chosen.protectAtIntake(ConfidentialityReason.VAWA, ADMIN).size());
        assertEquals(ConfidentialityReason.VAWA, chosen.getConfidentialReason(), "the reason chosen at intake wins");
        assertTrue(LegalCases.referred().protectAtIntake(null, ADMIN).isEmpty(), "nothing calls for it");
    }

    @Test
    void screeningEligibleSetsThePriorityAndReturnsTheEntry() {
        LegalCase legalCase = LegalCases.referred();
        CaseEvent screened = legalCase.screen(new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null), TODAY, ADMIN);
        assertEquals(CaseStatus.ELIGIBLE, legalCase.getStatus());
        assertEquals(Priority.NORMAL, legalCase.getPriority(), "not detained, no hearing known");
        assertNotNull(legalCase.getScreenedAt());
        entry(screened, CaseEventKind.SCREENED, CaseStatus.REFERRED, CaseStatus.ELIGIBLE, "", null, ADMIN);
    }

    @Test
    void anIneligibleDecisionNeedsItsReasonAndClosesTheCase() {
        refused("case.screening.reasonRequired", "ineligibilityReason", () -> LegalCases.referred()
                .screen(new Screening(false, true, true, CaseStatus.INELIGIBLE, null, null), TODAY, ADMIN));
        LegalCase legalCase = LegalCases.referred();
        CaseEvent screened = legalCase.screen(new Screening(false, true, true, CaseStatus.INELIGIBLE,
                item(ReferenceList.INELIGIBILITY_REASON, "SERVICE_AREA", "Outside the area"), "Worcester legal aid"), TODAY, ADMIN);
        assertEquals(CaseStatus.INELIGIBLE, legalCase.getStatus());
        assertNotNull(legalCase.getClosedAt());
        entry(screened, CaseEventKind.SCREENED, CaseStatus.REFERRED, CaseStatus.INELIGIBLE, "Outside the area", "Worcester legal aid", ADMIN);
    }

    @Test
    void aScreeningDecidesOnlyEligibilityAndOnlyOnce() {
        refused("case.screening.decision", "decision", () -> LegalCases.referred()
                .screen(new Screening(true, true, true, CaseStatus.OFFERED, null, null), TODAY, ADMIN));
        LegalCase eligible = LegalCases.screened(CaseStatus.ELIGIBLE);
        assertThrows(IllegalTransitionException.class,
                () -> eligible.screen(new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null), TODAY, ADMIN));
        LegalCase pending = LegalCases.screened(CaseStatus.PENDING_DOCUMENTS);
        assertEquals(CaseStatus.PENDING_DOCUMENTS, pending.getStatus());
        pending.screen(new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null), TODAY, ADMIN);
        assertEquals(CaseStatus.ELIGIBLE, pending.getStatus(), "documents came: screened again");
    }

    // ---- assignment

    @Test
    void anOfferGoesToOnePartnerOfAnEligibleCase() {
        LegalCase legalCase = LegalCases.screened(CaseStatus.ELIGIBLE);
        CaseOffer offer = new CaseOffer(legalCase, PARTNER, ADMIN);
        CaseEvent offered = legalCase.offerTo(offer, "Harbor Legal", " fits ");
        assertEquals(CaseStatus.OFFERED, legalCase.getStatus());
        assertEquals(PARTNER, legalCase.getPartnerId());
        entry(offered, CaseEventKind.OFFERED, CaseStatus.ELIGIBLE, CaseStatus.OFFERED, "Harbor Legal", "fits", ADMIN);

        LegalCase referred = LegalCases.referred();
        assertThrows(IllegalTransitionException.class, () -> referred.offerTo(new CaseOffer(referred, PARTNER, ADMIN), "Harbor Legal", null));
        assertThrows(IllegalArgumentException.class, () -> referred.offerTo(offer, "Harbor Legal", null), "another case's offer");
    }

    @Test
    void acceptingNamesTheAttorneyAndAssignsTheCase() {
        refused("offer.attorney.required", "attorney", () -> LegalCases.offer().accept("  ", STAFF));
        refused("offer.attorney.tooLong", "attorney", () -> LegalCases.offer().accept("x".repeat(201), STAFF));
        CaseOffer offer = LegalCases.offer();
        CaseEvent accepted = offer.accept(" Jane Attorney ", STAFF);
        assertEquals(OfferStatus.ACCEPTED, offer.getStatus());
        assertEquals("Jane Attorney", offer.getAttorneyName());
        LegalCase legalCase = offer.getLegalCase();
        assertEquals(CaseStatus.ASSIGNED, legalCase.getStatus());
        assertEquals("Jane Attorney", legalCase.getAttorneyName());
        assertNotNull(legalCase.getAssignedAt());
        entry(accepted, CaseEventKind.OFFER_ACCEPTED, CaseStatus.OFFERED, CaseStatus.ASSIGNED, "Jane Attorney", null, STAFF);
        refused("offer.alreadyAnswered", null, () -> offer.accept("Late Answer", STAFF));
    }

    @Test
    void decliningNeedsAReasonAndReturnsTheCaseToTheQueue() {
        refused("offer.declineReason.required", "declineReason", () -> LegalCases.offer().decline(null, "full", STAFF));
        ReferenceItem noRoom = item(ReferenceList.DECLINE_REASON, "NO_CAPACITY", "No capacity");
        refused("case.note.tooLong", "note", () -> LegalCases.offer().decline(noRoom, LONG, STAFF));
        CaseOffer offer = LegalCases.offer();
        CaseEvent declined = offer.decline(noRoom, "full until March", STAFF);
        assertEquals(OfferStatus.DECLINED, offer.getStatus());
        assertEquals("full until March", offer.getResponseNote());
        assertEquals(CaseStatus.ELIGIBLE, offer.getLegalCase().getStatus());
        assertNull(offer.getLegalCase().getPartnerId(), "the partner loses the case");
        entry(declined, CaseEventKind.OFFER_DECLINED, CaseStatus.OFFERED, CaseStatus.ELIGIBLE, "No capacity", "full until March", STAFF);
    }

    @Test
    void aWithdrawnOfferReturnsTheCaseToTheQueue() {
        CaseOffer offer = LegalCases.offer();
        CaseEvent withdrawn = offer.withdraw("  ", ADMIN);
        assertEquals(OfferStatus.WITHDRAWN, offer.getStatus());
        assertNull(offer.getResponseNote(), "a blank note is none");
        assertEquals(CaseStatus.ELIGIBLE, offer.getLegalCase().getStatus());
        entry(withdrawn, CaseEventKind.OFFER_WITHDRAWN, CaseStatus.OFFERED, CaseStatus.ELIGIBLE, "", null, ADMIN);
    }

    @Test
    void reassignmentTakesAnAssignedCaseBackWithAReason() {
        refused("case.reassign.reasonRequired", "reason", () -> LegalCases.assigned().reassign(" ", ADMIN));
        refused("case.note.tooLong", "reason", () -> LegalCases.assigned().reassign(LONG, ADMIN));
        refused("case.reassign.notAssigned", null, () -> LegalCases.offered().reassign("attorney left", ADMIN));
        LegalCase legalCase = LegalCases.assigned();
        CaseEvent back = legalCase.reassign("attorney left", ADMIN);
        assertEquals(CaseStatus.ELIGIBLE, legalCase.getStatus());
        assertNull(legalCase.getPartnerId());
        assertNull(legalCase.getAttorneyName());
        entry(back, CaseEventKind.RETURNED_TO_QUEUE, CaseStatus.ASSIGNED, CaseStatus.ELIGIBLE, "Jane Attorney", "attorney left", ADMIN);
    }

    // ---- closing and appeals

    @Test
    void closingNeedsAnOutcomeAndADecisionDateBetweenTheReferralAndToday() {
        ReferenceItem outcome = LegalCases.outcome(true);
        refused("case.outcome.required", "outcome", () -> LegalCases.assigned().close(new Closing(null, null, TODAY), TODAY, STAFF));
        refused("case.outcomeDate.required", "outcomeDate", () -> LegalCases.assigned().close(new Closing(outcome, null, null), TODAY, STAFF));
        refused("case.outcomeDate.future", "outcomeDate", () -> LegalCases.assigned().close(new Closing(outcome, null, TODAY.plusDays(1)), TODAY, STAFF));
        refused("case.outcomeDate.beforeReferral", "outcomeDate",
                () -> LegalCases.assigned().close(new Closing(outcome, null, REFERRED_ON.minusDays(1)), TODAY, STAFF));
        assertThrows(IllegalTransitionException.class, () -> LegalCases.referred().close(new Closing(outcome, null, TODAY), TODAY, ADMIN));
    }

    @Test
    void closingKeepsTheCustodyResultApartAndReturnsTheEntry() {
        LegalCase legalCase = LegalCases.assigned();
        ReferenceItem released = item(ReferenceList.CUSTODY_RESULT, "RELEASED_BOND", "Released on bond");
        CaseEvent closed = legalCase.close(new Closing(LegalCases.outcome(true), released, REFERRED_ON), TODAY, STAFF);
        assertEquals(CaseStatus.CLOSED, legalCase.getStatus());
        assertEquals(REFERRED_ON, legalCase.getOutcomeDate(), "decided on the day of the referral: allowed");
        assertSame(released, legalCase.getCustodyResult());
        assertNotNull(legalCase.getClosedAt());
        entry(closed, CaseEventKind.CLOSED, CaseStatus.ASSIGNED, CaseStatus.CLOSED, "Removal ordered; Released on bond", null, STAFF);

        LegalCase withdrew = LegalCases.screened(CaseStatus.ELIGIBLE);
        withdrew.close(new Closing(LegalCases.outcome(false), null, TODAY), TODAY, ADMIN);
        assertEquals(CaseStatus.CLOSED, withdrew.getStatus(), "an eligible case closes when the client withdraws");
    }

    @Test
    void onlyADecisionInCourtIsAppealedAsANewLinkedCaseDueInThirtyDays() {
        refused("case.appeal.notDecided", null, () -> LegalCases.closed(false).appeal("2026-00009", TODAY, STAFF));
        refused("case.appeal.notDecided", null, () -> LegalCases.assigned().appeal("2026-00009", TODAY, STAFF));
        LegalCase decided = LegalCases.closed(true);
        LegalCase.AppealOpened opened = decided.appeal("2026-00009", TODAY, STAFF);
        LegalCase appeal = opened.appeal();
        assertEquals(CaseStatus.REFERRED, appeal.getStatus());
        assertEquals("2026-00009", appeal.getCaseNumber());
        assertEquals(decided.getCaseNumber(), appeal.getAppealOfNumber());
        assertEquals(TODAY.minusDays(2).plusDays(LegalCase.BIA_APPEAL_DAYS), appeal.getAppealDeadline());
        assertFalse(appeal.isConfidential());
        assertEquals(CaseStatus.CLOSED, decided.getStatus(), "the first case is untouched");
        assertEquals(2, opened.timeline().size());
        entry(opened.timeline().get(0), CaseEventKind.APPEAL_OPENED, null, CaseStatus.REFERRED, decided.getCaseNumber(), null, STAFF);
        assertSame(appeal, opened.timeline().get(0).legalCase());
        entry(opened.timeline().get(1), CaseEventKind.APPEAL_OPENED, CaseStatus.CLOSED, CaseStatus.CLOSED, "2026-00009", null, STAFF);
        assertSame(decided, opened.timeline().get(1).legalCase());
    }

    @Test
    void theAppealOfAConfidentialCaseIsConfidentialAndSaysSo() {
        LegalCase decided = LegalCases.assigned();
        decided.markConfidential(ConfidentialityReason.U_VISA, null, STAFF);
        decided.close(new Closing(LegalCases.outcome(true), null, TODAY), TODAY, STAFF);
        LegalCase.AppealOpened opened = decided.appeal("2026-00010", TODAY, ADMIN);
        assertTrue(opened.appeal().isConfidential());
        assertEquals(ConfidentialityReason.U_VISA, opened.appeal().getConfidentialReason());
        assertEquals(STAFF, opened.appeal().getConfidentialMarkedBy(), "marked by whoever marked the first case");
        assertEquals(List.of(CaseEventKind.APPEAL_OPENED, CaseEventKind.MARKED_CONFIDENTIAL, CaseEventKind.APPEAL_OPENED),
                opened.timeline().stream().map(CaseEvent::getKind).toList());
        entry(opened.timeline().get(1), CaseEventKind.MARKED_CONFIDENTIAL, CaseStatus.REFERRED, CaseStatus.REFERRED,
                "U_VISA", decided.getCaseNumber(), ADMIN);
    }

    // ---- confidentiality

    @Test
    void markingNeedsAReasonAndANoteOfAtMostAThousandCharactersAndMarksOnce() {
        refused("case.confidential.reasonRequired", "confidentialReason", () -> LegalCases.assigned().markConfidential(null, null, STAFF));
        refused("case.note.tooLong", "confidentialNote",
                () -> LegalCases.assigned().markConfidential(ConfidentialityReason.ASYLUM, LONG, STAFF));
        LegalCase legalCase = LegalCases.assigned();
        List<CaseEvent> marked = legalCase.markConfidential(ConfidentialityReason.ASYLUM, "I-589 filed", STAFF);
        assertTrue(legalCase.isConfidential());
        assertEquals(STAFF, legalCase.getConfidentialMarkedBy());
        assertEquals(1, marked.size());
        entry(marked.get(0), CaseEventKind.MARKED_CONFIDENTIAL, CaseStatus.ASSIGNED, CaseStatus.ASSIGNED, "ASYLUM", "I-589 filed", STAFF);
        assertTrue(legalCase.markConfidential(ConfidentialityReason.ASYLUM, null, ADMIN).isEmpty(), "the same reason again changes nothing");
        assertEquals(1, legalCase.markConfidential(ConfidentialityReason.VAWA, null, ADMIN).size(), "another reason replaces it");
        assertEquals(ConfidentialityReason.VAWA, legalCase.getConfidentialReason());
    }

    @Test
    void liftingNeedsAConfidentialCaseAndAReason() {
        refused("case.confidential.notMarked", null, () -> LegalCases.assigned().liftConfidentiality("no claim", ADMIN));
        LegalCase legalCase = LegalCases.assigned();
        legalCase.markConfidential(ConfidentialityReason.T_VISA, null, STAFF);
        refused("case.confidential.liftReasonRequired", "liftReason", () -> legalCase.liftConfidentiality(" ", ADMIN));
        refused("case.note.tooLong", "liftReason", () -> legalCase.liftConfidentiality(LONG, ADMIN));
        CaseEvent lifted = legalCase.liftConfidentiality("no T visa claim after all", ADMIN);
        assertFalse(legalCase.isConfidential());
        assertNull(legalCase.getConfidentialReason());
        assertNull(legalCase.getConfidentialMarkedBy());
        entry(lifted, CaseEventKind.CONFIDENTIALITY_LIFTED, CaseStatus.ASSIGNED, CaseStatus.ASSIGNED, "T_VISA", "no T visa claim after all", ADMIN);
    }

    // ---- the timeline's own entries

    @Test
    void aNoteIsSomeTextOfAtMostAThousandCharacters() {
        refused("case.note.required", "text", () -> LegalCases.offered().note("  ", STAFF));
        refused("case.note.tooLong", "text", () -> LegalCases.offered().note(LONG, STAFF));
        entry(LegalCases.offered().note(" called the client ", STAFF), CaseEventKind.NOTE, CaseStatus.OFFERED, CaseStatus.OFFERED,
                "called the client", null, STAFF);
        LegalCases.offered().note("x".repeat(1000), STAFF);
    }

    @Test
    void aTimelineEntrysReasonOverAThousandCharactersIsRefusedNotCut() {
        refused("case.note.tooLong", null, () -> LegalCases.assigned().conflictRecorded("Other Org", LONG, ADMIN));
        assertEquals("x".repeat(1000), LegalCases.assigned().conflictRecorded("Other Org", "x".repeat(1000), ADMIN).getReason());
    }

    @Test
    void conflictsAndFundingStepsAreEntriesAsTheyAre() {
        entry(LegalCases.assigned().conflictRecorded("Adverse Counsel", "represents the spouse", ADMIN), CaseEventKind.CONFLICT_RECORDED,
                CaseStatus.ASSIGNED, CaseStatus.ASSIGNED, "Adverse Counsel", "represents the spouse", ADMIN);
        entry(LegalCases.assigned().fundingStep(CaseEventKind.CHARGED, TimelineText.of(TimelineText.words("City grant")), null, ADMIN), CaseEventKind.CHARGED,
                CaseStatus.ASSIGNED, CaseStatus.ASSIGNED, "City grant", null, ADMIN);
        assertThrows(IllegalArgumentException.class, () -> LegalCases.assigned().fundingStep(CaseEventKind.NOTE, TimelineText.none(), null, ADMIN));
    }

    // ---- representation

    @Test
    void recordsOfRepresentationNeedAnAssignedCase() {
        for (LegalCase notAssigned : List.of(LegalCases.offered(), LegalCases.closed(true), LegalCases.screened(CaseStatus.ELIGIBLE))) {
            refused("case.notAssigned", null, () -> notAssigned.recordHearing(new Hearing(HearingKind.BOND, TODAY.atTime(9, 0)), STAFF));
            refused("case.notAssigned", null, () -> notAssigned.recordCustody(new CustodyEvent(CustodyEventKind.RELEASED_PAROLE, TODAY), TODAY, STAFF));
            refused("case.notAssigned", null, () -> notAssigned.recordRelief(new ReliefApplication(), STAFF));
            refused("case.notAssigned", null, () -> notAssigned.recordNoticeOfAppearance(TODAY, TODAY, STAFF));
        }
    }

    @Test
    void aHearingNeedsAPlausibleDateAndTime() {
        refused("hearing.scheduledAt.required", "scheduledAt", () -> LegalCases.assigned().recordHearing(new Hearing(HearingKind.BOND, null), STAFF));
        refused("hearing.scheduledAt.implausible", "scheduledAt",
                () -> LegalCases.assigned().recordHearing(new Hearing(HearingKind.BOND, REFERRED_ON.minusYears(11).atTime(9, 0)), STAFF));
        Hearing hearing = new Hearing(HearingKind.BOND, TODAY.plusDays(5).atTime(9, 30, 15));
        hearing.setResult("continued");
        entry(LegalCases.assigned().recordHearing(hearing, STAFF), CaseEventKind.HEARING_RECORDED, CaseStatus.ASSIGNED, CaseStatus.ASSIGNED,
                "BOND " + TODAY.plusDays(5).atTime(9, 30) + ": continued", null, STAFF);
    }

    @Test
    void aCustodyChangeNeedsAPastDateTheBondOfABondReleaseAndTheFacilityOfADetention() {
        refused("custody.date.required", "eventDate", () -> LegalCases.assigned().recordCustody(new CustodyEvent(CustodyEventKind.RELEASED_PAROLE, null), TODAY, STAFF));
        refused("custody.date.future", "eventDate",
                () -> LegalCases.assigned().recordCustody(new CustodyEvent(CustodyEventKind.RELEASED_PAROLE, TODAY.plusDays(1)), TODAY, STAFF));
        refused("custody.bond.required", "bondAmount", () -> LegalCases.assigned().recordCustody(new CustodyEvent(CustodyEventKind.RELEASED_BOND, TODAY), TODAY, STAFF));
        refused("custody.facility.required", "facility", () -> LegalCases.assigned().recordCustody(new CustodyEvent(CustodyEventKind.DETAINED, TODAY), TODAY, STAFF));

        LegalCase legalCase = LegalCases.assigned();
        CustodyEvent detained = new CustodyEvent(CustodyEventKind.DETAINED, TODAY.minusDays(1));
        detained.setFacility(item(ReferenceList.DETENTION_FACILITY, "PLYMOUTH", "Plymouth"));
        CaseEvent changed = legalCase.recordCustody(detained, TODAY, STAFF);
        assertTrue(legalCase.isDetained());
        assertEquals(Priority.URGENT, legalCase.getPriority(), "detained: urgent again");
        entry(changed, CaseEventKind.CUSTODY_CHANGED, CaseStatus.ASSIGNED, CaseStatus.ASSIGNED, "DETAINED " + TODAY.minusDays(1) + ", Plymouth", null, STAFF);
        CustodyEvent bond = new CustodyEvent(CustodyEventKind.RELEASED_BOND, TODAY);
        bond.setBondAmount(new java.math.BigDecimal("1500.00"));
        CaseEvent released = legalCase.recordCustody(bond, TODAY, STAFF);
        assertEquals("RELEASED_BOND " + TODAY + ", bond 1500.00", released.getSummary());
        assertEquals(TimelineText.of(TimelineText.label("custodyEventKind", CustodyEventKind.RELEASED_BOND), TimelineText.words(" "),
                TimelineText.day(TODAY), TimelineText.words(", "), TimelineText.label("timeline.bond"), TimelineText.words(" "),
                TimelineText.amount(new java.math.BigDecimal("1500.00"))), released.getText(), "kept as facts, for the reader's language");
        assertFalse(legalCase.isDetained());
        assertNull(legalCase.getFacility());
    }

    @Test
    void aReliefNeedsItsTypeAndADecisionNotBeforeTheFilingAndAsylumMakesTheCaseConfidential() {
        refused("relief.type.required", "reliefType", () -> LegalCases.assigned().recordRelief(new ReliefApplication(), STAFF));
        ReliefApplication backwards = new ReliefApplication();
        backwards.setReliefType(item(ReferenceList.RELIEF_TYPE, "CANCELLATION", "Cancellation of removal"));
        backwards.setFiledOn(TODAY.minusDays(1));
        backwards.setDecidedOn(TODAY.minusDays(5));
        refused("relief.dates.order", "decidedOn", () -> LegalCases.assigned().recordRelief(backwards, STAFF));

        LegalCase legalCase = LegalCases.assigned();
        ReliefApplication asylum = new ReliefApplication();
        asylum.setReliefType(item(ReferenceList.RELIEF_TYPE, "ASYLUM", "Asylum"));
        asylum.setFiledOn(TODAY);
        List<CaseEvent> recorded = legalCase.recordRelief(asylum, STAFF);
        assertEquals(List.of(CaseEventKind.RELIEF_RECORDED, CaseEventKind.MARKED_CONFIDENTIAL), recorded.stream().map(CaseEvent::getKind).toList());
        assertEquals("Asylum", recorded.get(1).getReason());
        assertTrue(legalCase.isConfidential());
        assertEquals(ConfidentialityReason.ASYLUM, legalCase.getConfidentialReason());
        assertEquals(1, legalCase.recordRelief(asylum, STAFF).size(), "already confidential: no second marking");
    }

    @Test
    void theNoticeOfAppearanceIsFiledBetweenTheReferralAndToday() {
        refused("case.noa.required", "noticeOfAppearanceDate", () -> LegalCases.assigned().recordNoticeOfAppearance(null, TODAY, STAFF));
        refused("case.noa.outOfRange", "noticeOfAppearanceDate", () -> LegalCases.assigned().recordNoticeOfAppearance(TODAY.plusDays(1), TODAY, STAFF));
        refused("case.noa.outOfRange", "noticeOfAppearanceDate",
                () -> LegalCases.assigned().recordNoticeOfAppearance(REFERRED_ON.minusDays(1), TODAY, STAFF));
        LegalCase legalCase = LegalCases.assigned();
        entry(legalCase.recordNoticeOfAppearance(REFERRED_ON, TODAY, STAFF), CaseEventKind.NOTICE_OF_APPEARANCE, CaseStatus.ASSIGNED,
                CaseStatus.ASSIGNED, REFERRED_ON.toString(), null, STAFF);
        assertEquals(REFERRED_ON, legalCase.getNoticeOfAppearanceDate());
    }
}
