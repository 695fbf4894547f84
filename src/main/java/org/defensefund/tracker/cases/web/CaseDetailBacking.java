package org.defensefund.tracker.cases.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseEvent;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.CaseProgress;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.CaseStep;
import org.defensefund.tracker.cases.CaseSteps;
import org.defensefund.tracker.cases.CaseSummary;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.ConfidentialityReason;
import org.defensefund.tracker.cases.ConfidentialityService;
import org.defensefund.tracker.cases.CustodyEvent;
import org.defensefund.tracker.cases.CustodyEventKind;
import org.defensefund.tracker.cases.Hearing;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.ReliefApplication;
import org.defensefund.tracker.cases.ReliefDecision;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.web.Dates;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /cases/detail.xhtml}: the case file. Shows the facts, the representation records and the
 * timeline, and offers the next steps the caller may take in the case's status. Each step is its own
 * form; a refused step keeps what was typed and says why beside the field; a done step reloads the page.
 * For a confidential case only offered to the caller's organization the page is restricted: the service
 * gives only a {@link CaseSummary} (no client, records or timeline) and the page shows it with the offer's
 * accept and decline forms.
 */
@Named
@ViewScoped
public class CaseDetailBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The page's sections in order; the last, conflicts, only for those who record them. */
    private static final List<String> TABS = List.of("overview", "hearings", "custody", "relief", "timeline", "notes", "conflicts");

    /** The steps offered on the overview (a page with none of them says no step is open). */
    private static final List<String> OVERVIEW_STEPS = List.of("SCREEN", "OFFER", "ANSWER_OFFER", "FILE_NOTICE_OF_APPEARANCE", "CLOSE", "REASSIGN", "OPEN_APPEAL");

    private static final int RECENT = 5;

    @Inject
    private CaseService cases;

    @Inject
    private IntakeService intake;

    @Inject
    private AssignmentService assignment;

    @Inject
    private RepresentationService representation;

    @Inject
    private ClosingService closing;

    @Inject
    private ConfidentialityService confidentiality;

    @Inject
    private PartnerService partners;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private FundClock clock;

    @Inject
    private Dates dates;

    private String id;
    private String tab;
    /** The form of the step just refused (its message may be page-wide, as "someone else saved this record"). */
    private transient String refusedForm;
    private LegalCase legalCase;
    private boolean restricted;
    private CaseSummary summary;
    private CaseSteps steps = CaseSteps.none();
    private ConfidentialityReason suggestedReason;
    private ConfidentialityReason confidentialReason;
    private String confidentialNote;
    private String liftReason;
    private List<CaseEvent> timeline;
    private List<CaseOffer> offers;
    private List<Hearing> hearings;
    private List<CustodyEvent> custody;
    private List<ReliefApplication> reliefs;
    private long daysDetained;
    private String partnerName;
    private ReferenceOptions options;

    private CaseStatus screeningDecision;
    private boolean livesInServiceArea;
    private boolean inRemovalProceedings;
    private boolean incomeEligible;
    private ReferenceItem ineligibilityReason;
    private String referredElsewhere;
    private String attorneyName;
    private ReferenceItem declineReason;
    private String responseNote;
    private Hearing hearing = new Hearing();
    private CustodyEvent custodyEvent = new CustodyEvent();
    private ReliefApplication relief = new ReliefApplication();
    private LocalDate noticeOfAppearanceDate;
    private ReferenceItem outcome;
    private ReferenceItem custodyResult;
    private LocalDate outcomeDate;
    private String reassignReason;
    private String noteText;
    private Long conflictPartnerId;
    private String conflictNote;
    private List<org.defensefund.tracker.partners.PartnerOrganization> partnerOptions = List.of();
    private List<org.defensefund.tracker.clients.ClientConflict> conflicts = List.of();
    private List<CaseEvent> newestFirst = List.of();
    private List<CaseEvent> notes = List.of();
    private Hearing nextHearing;
    private List<Hearing> changeableHearings = List.of();
    private Long rescheduledHearingId;
    private LocalDateTime rescheduledAt;
    private ReferenceItem rescheduledCourt;
    private String rescheduleReason;
    private Long cancelledHearingId;
    private String cancelReason;

    @Inject
    private org.defensefund.tracker.clients.ClientService clients;

    /** View action: loads the case (403 if not the caller's, 404 if none) and everything the page shows. */
    public void load() {
        Long caseId = PageIds.required(id, "Case");
        steps = cases.steps(caseId);
        if (!cases.seesDetails(caseId)) {
            restricted = true;
            summary = cases.summary(caseId);
            options = new ReferenceOptions(referenceData, ReferenceList.DECLINE_REASON);
            return;
        }
        legalCase = cases.open(caseId);
        // A re-screening starts from the answers recorded; a first screening from none (nothing ticked).
        livesInServiceArea = Boolean.TRUE.equals(legalCase.getLivesInServiceArea());
        inRemovalProceedings = Boolean.TRUE.equals(legalCase.getInRemovalProceedings());
        incomeEligible = Boolean.TRUE.equals(legalCase.getIncomeEligible());
        suggestedReason = confidentiality.suggestedConfidentiality(caseId).orElse(null);
        confidentialReason = legalCase.isConfidential() ? legalCase.getConfidentialReason() : suggestedReason;
        timeline = cases.timeline(caseId);
        offers = assignment.offers(caseId);
        hearings = representation.hearings(caseId);
        custody = representation.custodyEvents(caseId);
        reliefs = representation.reliefApplications(caseId);
        daysDetained = representation.daysDetained(caseId);
        partnerName = legalCase.getPartnerId() == null ? null : partners.find(legalCase.getPartnerId()).getName();
        options = new ReferenceOptions(referenceData, ReferenceList.values());
        if (steps.allows(CaseStep.RECORD_CONFLICT)) {
            partnerOptions = partners.active();
            conflicts = clients.conflicts(legalCase.getClient().getId());
        }
        derive();
    }

    /** What the page shows read from the records loaded, worked out once per load instead of at every EL call. */
    private void derive() {
        List<CaseEvent> reversed = new ArrayList<>(timeline);
        Collections.reverse(reversed);
        newestFirst = List.copyOf(reversed);
        notes = newestFirst.stream().filter(e -> e.getKind() == CaseEventKind.NOTE).toList();
        LocalDate today = clock.today();
        nextHearing = hearings.stream()
                .filter(h -> !h.isCancelled() && h.getScheduledAt() != null && !h.getScheduledAt().toLocalDate().isBefore(today))
                .min(Comparator.comparing(Hearing::getScheduledAt))
                .orElse(null);
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), clock.zone());
        changeableHearings = hearings.stream().filter(h -> h.isChangeableAt(now)).toList();
    }

    public String markConfidential() {
        return step("cases_detail.markedConfidential", () -> confidentiality.markConfidential(legalCase.getId(), legalCase.getVersion(),
                confidentialReason, confidentialNote), "confidential");
    }

    public String liftConfidentiality() {
        return step("cases_detail.confidentialityLifted", () -> confidentiality.liftConfidentiality(legalCase.getId(), legalCase.getVersion(),
                liftReason), "lift");
    }

    public String addNote() {
        return step("cases_detail.noteAdded", () -> {
            cases.addNote(legalCase.getId(), noteText);
            return null;
        }, "note");
    }

    public String recordConflict() {
        return step("cases_detail.conflictRecorded", () -> {
            assignment.recordConflict(legalCase.getId(), conflictPartnerId, conflictNote);
            return null;
        }, "conflict");
    }

    /** The partner's name for a conflict row (admins only see conflicts). */
    public String partnerNameOf(Long partnerId) {
        return partnerOptions.stream().filter(p -> p.getId().equals(partnerId)).map(p -> p.getName()).findFirst().orElse("#" + partnerId);
    }

    public List<org.defensefund.tracker.partners.PartnerOrganization> getPartnerOptions() {
        return partnerOptions;
    }

    public List<org.defensefund.tracker.clients.ClientConflict> getConflicts() {
        return conflicts;
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }

    public Long getConflictPartnerId() {
        return conflictPartnerId;
    }

    public void setConflictPartnerId(Long conflictPartnerId) {
        this.conflictPartnerId = conflictPartnerId;
    }

    public String getConflictNote() {
        return conflictNote;
    }

    public void setConflictNote(String conflictNote) {
        this.conflictNote = conflictNote;
    }

    public String screen() {
        return step("cases_detail.screened", () -> intake.screen(legalCase.getId(), legalCase.getVersion(),
                new Screening(livesInServiceArea, inRemovalProceedings, incomeEligible,
                        screeningDecision, ineligibilityReason, referredElsewhere)), "screen");
    }

    public String accept() {
        return step("cases_detail.accepted", () -> assignment.acceptOffer(pendingOfferId(), attorneyName), "accept");
    }

    public String decline() {
        return step("cases_detail.declined", () -> assignment.declineOffer(pendingOfferId(), declineReason, responseNote), "decline");
    }

    public String withdrawOffer() {
        return step("cases_detail.withdrawn", () -> assignment.withdrawOffer(pendingOfferId(), responseNote), "withdraw");
    }

    public String recordHearing() {
        return step("cases_detail.hearingRecorded", () -> representation.recordHearing(legalCase.getId(), hearing), "hearing");
    }

    /** Moves a hearing still to come, from the version of it this page read (a second writer is told). */
    public String rescheduleHearing() {
        return step("cases_detail.hearingRescheduled", () -> representation.rescheduleHearing(legalCase.getId(), rescheduledHearingId,
                versionRead(rescheduledHearingId), rescheduledAt, rescheduledCourt, rescheduleReason), "reschedule");
    }

    /** Cancels a hearing still to come, from the version of it this page read (a second writer is told). */
    public String cancelHearing() {
        return step("cases_detail.hearingCancelled", () -> representation.cancelHearing(legalCase.getId(), cancelledHearingId,
                versionRead(cancelledHearingId), cancelReason), "cancelHearing");
    }

    /** The version of a hearing as this page read it (-1 for one it didn't list: the service then refuses it). */
    private long versionRead(Long hearingId) {
        return hearings.stream().filter(h -> h.getId().equals(hearingId)).mapToLong(Hearing::getVersion).findFirst().orElse(-1);
    }

    public String recordCustody() {
        return step("cases_detail.custodyRecorded", () -> representation.recordCustody(legalCase.getId(), custodyEvent), "custody");
    }

    public String recordRelief() {
        return step("cases_detail.reliefRecorded", () -> representation.recordRelief(legalCase.getId(), relief), "relief");
    }

    public String recordNoticeOfAppearance() {
        return step("cases_detail.noaRecorded", () -> representation.recordNoticeOfAppearance(legalCase.getId(),
                legalCase.getVersion(), noticeOfAppearanceDate), "noa");
    }

    public String close() {
        return step("cases_detail.closed", () -> closing.close(legalCase.getId(), legalCase.getVersion(),
                outcome, custodyResult, outcomeDate), "close");
    }

    public String reassign() {
        return step("cases_detail.reassigned", () -> assignment.reassign(legalCase.getId(), legalCase.getVersion(), reassignReason), "reassign");
    }

    public String openAppeal() {
        try {
            LegalCase appeal = closing.openAppeal(legalCase.getId());
            PageMessages.done("cases_detail.appealOpened", appeal.getCaseNumber());
            return "detail?faces-redirect=true&id=" + appeal.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, "appeal");
            return null;
        }
    }

    /** Runs one step; on success shows the page afresh, on a refusal keeps the form and says why. */
    private String step(String doneKey, Supplier<?> action, String form) {
        try {
            action.get();
            PageMessages.done(doneKey, restricted ? summary.caseNumber() : legalCase.getCaseNumber());
            return "detail?faces-redirect=true&id=" + (restricted ? summary.id() : legalCase.getId() + "&tab=" + getTab());
        } catch (BusinessException e) {
            PageMessages.show(e, form);
            refusedForm = form;
            return null;
        }
    }

    private Long pendingOfferId() {
        if (restricted) {
            if (summary.pendingOfferId() == null) {
                throw BusinessException.general("offer.none");
            }
            return summary.pendingOfferId();
        }
        return offers.stream().filter(o -> o.getStatus() == org.defensefund.tracker.cases.OfferStatus.PENDING)
                .map(CaseOffer::getId).findFirst()
                .orElseThrow(() -> BusinessException.general("offer.none"));
    }

    /**
     * Whether the caller may take the step now: a step's name ({@code can('RECORD_HEARING')}) or the word the
     * page has used for it ({@code can('represent')}); see {@link org.defensefund.tracker.cases.CaseStep}.
     */
    public boolean can(String step) {
        return steps.allowsNamed(step);
    }

    /** The steps the caller may take in the case now (the services refuse the others). */
    public CaseSteps getSteps() {
        return steps;
    }

    /** Whether any step of the overview is open to the caller now (else the page says so). */
    public boolean isAnyStep() {
        return OVERVIEW_STEPS.stream().anyMatch(this::can);
    }

    /**
     * Whether a step's form came back with a message (refused, or a value that didn't convert): its disclosure
     * then opens by itself, keeping what was typed in view beside why.
     */
    public boolean isOpen(String form) {
        if (form.equals(refusedForm) || "decline".equals(form) && "withdraw".equals(refusedForm)) {
            return true;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        String prefix = form + ":";
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            if (clientId != null && (clientId.equals(form) || clientId.startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    /** The section shown: the {@code tab} parameter if it names one the caller has, else the overview. */
    public String getTab() {
        return tab != null && tabKeys().contains(tab) ? tab : "overview";
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    /** The page's sections with the number of records each holds. */
    public List<CaseTab> getTabs() {
        String shown = getTab();
        List<CaseTab> tabs = new ArrayList<>();
        for (String key : tabKeys()) {
            int count = switch (key) {
                case "hearings" -> hearings.size();
                case "custody" -> custody.size();
                case "relief" -> reliefs.size();
                case "notes" -> getNotes().size();
                case "conflicts" -> conflicts.size();
                default -> -1;
            };
            tabs.add(new CaseTab(key, count, key.equals(shown)));
        }
        return tabs;
    }

    private List<String> tabKeys() {
        if (restricted || legalCase == null) {
            return List.of("overview");
        }
        return can("RECORD_CONFLICT") ? TABS : TABS.subList(0, TABS.size() - 1);
    }

    /** The case's path, its stages done, current or ahead. */
    public List<CaseProgress.Stage> getPath() {
        return CaseProgress.of(legalCase.getStatus(), legalCase.getAssignedAt() != null);
    }

    /** The next hearing on the calendar (today or later), if one is recorded. */
    public Hearing getNextHearing() {
        return nextHearing;
    }

    /** Days from today to the next hearing (0 today), or -1 when none is ahead. */
    public long getDaysToHearing() {
        LocalDate next = nextHearingDate();
        return next == null ? -1 : ChronoUnit.DAYS.between(clock.today(), next);
    }

    private LocalDate nextHearingDate() {
        Hearing next = getNextHearing();
        if (next != null) {
            return next.getScheduledAt().toLocalDate();
        }
        LocalDate referred = legalCase.getNextHearingDate();
        return referred != null && !referred.isBefore(clock.today()) ? referred : null;
    }

    /**
     * The next hearing as the header shows it: date and time, kind and court of the next recorded hearing, or
     * the date (and court) given at referral while no hearing is recorded; empty when none is ahead.
     */
    public String getNextHearingText() {
        Hearing next = getNextHearing();
        List<String> parts = new ArrayList<>();
        if (next != null) {
            parts.add(dates.of(next.getScheduledAt()));
            parts.add(PageMessages.text("hearingKind." + next.getKind()));
            if (next.getCourt() != null) {
                parts.add(shownName(next.getCourt()));
            }
        } else if (nextHearingDate() != null) {
            parts.add(dates.of(legalCase.getNextHearingDate()));
            if (legalCase.getCourt() != null) {
                parts.add(shownName(legalCase.getCourt()));
            }
        }
        return String.join(" · ", parts);
    }

    /** A reference item's name in the page's language, else its English one (as {@code #{refNames.of(item)}} on the page). */
    private String shownName(org.defensefund.tracker.reference.ReferenceItem item) {
        return referenceData.namesIn(org.defensefund.tracker.shared.web.LanguageView.current().tag()).getOrDefault(item.getId(), item.getName());
    }

    /** The timeline, newest first. */
    public List<CaseEvent> getTimelineNewestFirst() {
        return newestFirst;
    }

    /** The last few entries of the timeline, for the overview. */
    public List<CaseEvent> getRecentEvents() {
        return newestFirst.subList(0, Math.min(RECENT, newestFirst.size()));
    }

    /** The notes written on the case, newest first. */
    public List<CaseEvent> getNotes() {
        return notes;
    }

    public ConfidentialityReason[] getConfidentialityReasons() {
        return ConfidentialityReason.values();
    }

    public boolean isRestricted() {
        return restricted;
    }

    public CaseSummary getSummary() {
        return summary;
    }

    /** The reason the case's type or relief sought suggests, while it isn't marked confidential. */
    public ConfidentialityReason getSuggestedReason() {
        return suggestedReason;
    }

    public ConfidentialityReason getConfidentialReason() {
        return confidentialReason;
    }

    public void setConfidentialReason(ConfidentialityReason confidentialReason) {
        this.confidentialReason = confidentialReason;
    }

    public String getConfidentialNote() {
        return confidentialNote;
    }

    public void setConfidentialNote(String confidentialNote) {
        this.confidentialNote = confidentialNote;
    }

    public String getLiftReason() {
        return liftReason;
    }

    public void setLiftReason(String liftReason) {
        this.liftReason = liftReason;
    }

    public CaseStatus[] getScreeningDecisions() {
        return new CaseStatus[] {CaseStatus.ELIGIBLE, CaseStatus.PENDING_DOCUMENTS, CaseStatus.INELIGIBLE};
    }

    public HearingKind[] getHearingKinds() {
        return HearingKind.values();
    }

    public CustodyEventKind[] getCustodyKinds() {
        return CustodyEventKind.values();
    }

    public ReliefDecision[] getReliefDecisions() {
        return ReliefDecision.values();
    }

    public ReferenceOptions getOptions() {
        return options;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LegalCase getLegalCase() {
        return legalCase;
    }

    public List<CaseEvent> getTimeline() {
        return timeline;
    }

    public List<CaseOffer> getOffers() {
        return offers;
    }

    public List<Hearing> getHearings() {
        return hearings;
    }

    public List<CustodyEvent> getCustody() {
        return custody;
    }

    public List<ReliefApplication> getReliefs() {
        return reliefs;
    }

    public long getDaysDetained() {
        return daysDetained;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public CaseStatus getScreeningDecision() {
        return screeningDecision;
    }

    public void setScreeningDecision(CaseStatus screeningDecision) {
        this.screeningDecision = screeningDecision;
    }

    public boolean isLivesInServiceArea() {
        return livesInServiceArea;
    }

    public void setLivesInServiceArea(boolean livesInServiceArea) {
        this.livesInServiceArea = livesInServiceArea;
    }

    public boolean isInRemovalProceedings() {
        return inRemovalProceedings;
    }

    public void setInRemovalProceedings(boolean inRemovalProceedings) {
        this.inRemovalProceedings = inRemovalProceedings;
    }

    public boolean isIncomeEligible() {
        return incomeEligible;
    }

    public void setIncomeEligible(boolean incomeEligible) {
        this.incomeEligible = incomeEligible;
    }

    public ReferenceItem getIneligibilityReason() {
        return ineligibilityReason;
    }

    public void setIneligibilityReason(ReferenceItem ineligibilityReason) {
        this.ineligibilityReason = ineligibilityReason;
    }

    public String getReferredElsewhere() {
        return referredElsewhere;
    }

    public void setReferredElsewhere(String referredElsewhere) {
        this.referredElsewhere = referredElsewhere;
    }

    public String getAttorneyName() {
        return attorneyName;
    }

    public void setAttorneyName(String attorneyName) {
        this.attorneyName = attorneyName;
    }

    public ReferenceItem getDeclineReason() {
        return declineReason;
    }

    public void setDeclineReason(ReferenceItem declineReason) {
        this.declineReason = declineReason;
    }

    public String getResponseNote() {
        return responseNote;
    }

    public void setResponseNote(String responseNote) {
        this.responseNote = responseNote;
    }

    public Hearing getHearing() {
        return hearing;
    }

    /** The case's hearings still to come and not cancelled: those a caller may reschedule or cancel. */
    public List<Hearing> getChangeableHearings() {
        return changeableHearings;
    }

    /** A hearing as a choice names it: its date and time, and its kind. */
    public String hearingLabel(Hearing h) {
        return dates.of(h.getScheduledAt()) + " · " + PageMessages.text("hearingKind." + h.getKind());
    }

    public Long getRescheduledHearingId() {
        return rescheduledHearingId;
    }

    public void setRescheduledHearingId(Long rescheduledHearingId) {
        this.rescheduledHearingId = rescheduledHearingId;
    }

    public LocalDateTime getRescheduledAt() {
        return rescheduledAt;
    }

    public void setRescheduledAt(LocalDateTime rescheduledAt) {
        this.rescheduledAt = rescheduledAt;
    }

    public ReferenceItem getRescheduledCourt() {
        return rescheduledCourt;
    }

    public void setRescheduledCourt(ReferenceItem rescheduledCourt) {
        this.rescheduledCourt = rescheduledCourt;
    }

    public String getRescheduleReason() {
        return rescheduleReason;
    }

    public void setRescheduleReason(String rescheduleReason) {
        this.rescheduleReason = rescheduleReason;
    }

    public Long getCancelledHearingId() {
        return cancelledHearingId;
    }

    public void setCancelledHearingId(Long cancelledHearingId) {
        this.cancelledHearingId = cancelledHearingId;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public CustodyEvent getCustodyEvent() {
        return custodyEvent;
    }

    public ReliefApplication getRelief() {
        return relief;
    }

    public LocalDate getNoticeOfAppearanceDate() {
        return noticeOfAppearanceDate;
    }

    public void setNoticeOfAppearanceDate(LocalDate noticeOfAppearanceDate) {
        this.noticeOfAppearanceDate = noticeOfAppearanceDate;
    }

    public ReferenceItem getOutcome() {
        return outcome;
    }

    public void setOutcome(ReferenceItem outcome) {
        this.outcome = outcome;
    }

    public ReferenceItem getCustodyResult() {
        return custodyResult;
    }

    public void setCustodyResult(ReferenceItem custodyResult) {
        this.custodyResult = custodyResult;
    }

    public LocalDate getOutcomeDate() {
        return outcomeDate;
    }

    public void setOutcomeDate(LocalDate outcomeDate) {
        this.outcomeDate = outcomeDate;
    }

    public String getReassignReason() {
        return reassignReason;
    }

    public void setReassignReason(String reassignReason) {
        this.reassignReason = reassignReason;
    }
}
