package org.defensefund.tracker.seed;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.defensefund.tracker.shared.TableBatch;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseSortNames;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.ConfidentialityReason;
import org.defensefund.tracker.cases.CustodyEventKind;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.OfferStatus;
import org.defensefund.tracker.cases.Priority;
import org.defensefund.tracker.cases.ReliefDecision;
import org.defensefund.tracker.cases.TimelineText;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.ClientSealing;
import org.defensefund.tracker.clients.NameWords;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostStatus;
import org.defensefund.tracker.funding.DisbursementStatus;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * The life of each case of a chunk, told the way the application would have recorded it: referral (and
 * detention at intake), screening with its computed {@link Priority}, offers declined and accepted,
 * notice of appearance, hearings, custody changes, relief applications (marking the case confidential
 * when the law says so), the charge to a sub-award of the partner that passes its grant's restrictions,
 * costs with their decisions and payments, the closing with an outcome and a custody result, and now and
 * then a BIA appeal as a new linked case; every status change and recorded fact with its timeline entry.
 *
 * <p>Deterministic: a chunk's rows depend only on the plan and the chunk's own random source (seeded from the
 * seed and the chunk's number), never on other chunks or threads; only the encrypted columns differ between
 * runs (AES-GCM draws a random IV, as the application does).
 */
final class CaseStories {

    /** How a case ends up: its status, or a closing before any assignment. */
    enum Fate { REFERRED, PENDING_DOCUMENTS, ELIGIBLE, INELIGIBLE, OFFERED, ASSIGNED, CLOSED, CLOSED_UNASSIGNED }

    /** A case the first indexes of a run must hold, so every queue has something even in a small run. */
    record Scenario(Fate fate, boolean detained, boolean overdueOffer, boolean hearingSoon, int partnerIndex) {
    }

    /** Most cost lines one case may have; cost ids are given in blocks of this size per case. */
    static final int MAX_COSTS = 6;

    private static final String[] CASE_TYPES = {"RMV", "RMV", "RMV", "RMV", "RMV", "RMV", "RMV", "RMV", "RMV", "RMV",
            "RMV", "RMV", "RMV", "DEP", "AOC", "AOC", "CFR", "RFR", "WHO", "WHO"};
    private static final String[] SOURCES = {"HOTLINE", "HOTLINE", "HOTLINE", "COMMUNITY_ORG", "COMMUNITY_ORG", "KYR_SESSION",
            "DETENTION_VISIT", "DETENTION_VISIT", "COURT_WATCH", "FAMILY", "FAMILY", "CITY_OFFICE", "PARTNER", "SELF"};
    private static final String[] FACILITIES = {"PLYMOUTH", "PLYMOUTH", "PLYMOUTH", "STRAFFORD", "WYATT", "WYATT"};
    private static final String[] INELIGIBLE = {"SERVICE_AREA", "NOT_IN_PROCEEDINGS", "INCOME", "HAS_COUNSEL", "OTHER"};
    private static final String[] DECLINES = {"NO_CAPACITY", "NO_CAPACITY", "NO_CAPACITY", "CONFLICT", "LANGUAGE", "PRACTICE", "OTHER"};
    private static final String[] OUTCOMES = {"RELIEF_GRANTED", "RELIEF_GRANTED", "RELIEF_GRANTED", "RELIEF_GRANTED", "RELIEF_GRANTED",
            "RELIEF_GRANTED", "TERMINATED", "TERMINATED", "ADMIN_CLOSED", "VOLUNTARY_DEPARTURE", "VOLUNTARY_DEPARTURE",
            "REMOVAL_ORDERED", "REMOVAL_ORDERED", "REMOVAL_ORDERED", "REMOVAL_ORDERED", "CLIENT_WITHDREW", "CLIENT_WITHDREW",
            "ATTORNEY_WITHDREW", "OTHER"};
    private static final String[] PROTECTION_RELIEF = {"ASYLUM", "ASYLUM", "ASYLUM", "WITHHOLDING", "CAT_WITHHOLDING", "CAT_DEFERRAL"};
    private static final String[] REMOVAL_RELIEF = {"ASYLUM", "ASYLUM", "ASYLUM", "ASYLUM", "CANCELLATION_NON_LPR", "CANCELLATION_NON_LPR",
            "CANCELLATION_LPR", "SIJS", "SIJS", "U_VISA", "VAWA", "T_VISA", "ADJUSTMENT", "ADJUSTMENT", "TPS", "TPS", "TERMINATION",
            "PROSECUTORIAL_DISCRETION", "ADMIN_CLOSURE", "VOLUNTARY_DEPARTURE"};
    private static final CostCategory[] CATEGORIES = {CostCategory.ATTORNEY_HOURS, CostCategory.ATTORNEY_HOURS, CostCategory.ATTORNEY_HOURS,
            CostCategory.ATTORNEY_HOURS, CostCategory.ATTORNEY_HOURS, CostCategory.FLAT_FEE, CostCategory.INTERPRETER,
            CostCategory.INTERPRETER, CostCategory.EXPERT, CostCategory.FILING_FEE, CostCategory.TRAVEL, CostCategory.DOCUMENTS};
    private static final int[] RATES = {95, 110, 125, 150};

    private final FundPlan plan;
    private final PiiCipher cipher;
    private final Keyring keyring = Keyrings.configured();
    private final List<Scenario> scenarios;
    private final LocalDateTime now;

    final TableBatch clients = new TableBatch("client", "id", "first_name", "last_name", "sort_name", "birth_date", "country_of_birth",
            "language_code", "interpreter_needed", "a_number", "a_number_hash", "phone", "street", "city", "state", "postal_code",
            "created_at", "updated_at");
    final TableBatch cases = new TableBatch("legal_case", "id", "case_number", "client_id", "status", "priority",
            "referral_source_id", "referrer_name", "referrer_contact", "referral_date", "detained", "facility_id",
            "next_hearing_date", "court_id", "case_type_id", "notes", "lives_in_service_area", "in_removal_proceedings",
            "income_eligible", "ineligibility_reason_id", "referred_elsewhere", "screened_at", "partner_id", "attorney_name",
            "assigned_at", "notice_of_appearance_date", "outcome_id", "custody_result_id", "outcome_date", "closed_at",
            "appeal_of_id", "appeal_deadline", "created_at", "updated_at", "confidential", "confidential_reason",
            "confidential_marked_by", "confidential_marked_at", "client_sort_name", "appeal_of_number");
    final TableBatch offers = new TableBatch("case_offer", "case_id", "partner_id", "status", "offered_at", "offered_by",
            "responded_at", "responded_by", "decline_reason_id", "response_note", "attorney_name");
    final TableBatch hearings = new TableBatch("hearing", "case_id", "kind", "court_id", "scheduled_at", "result", "notes",
            "recorded_by", "created_at");
    final TableBatch custody = new TableBatch("custody_event", "case_id", "kind", "facility_id", "event_date", "bond_amount",
            "notes", "recorded_by", "created_at");
    final TableBatch reliefs = new TableBatch("relief_application", "case_id", "relief_type_id", "filed_on", "decided_on",
            "decision", "notes", "recorded_by", "created_at");
    final TableBatch charges = new TableBatch("case_charge", "case_id", "sub_award_id", "charged_at", "charged_by");
    final TableBatch costs = new TableBatch("case_cost", "id", "case_id", "sub_award_id", "category", "hours", "rate", "amount",
            "cost_date", "note", "status", "submitted_by", "submitted_at", "decided_by", "decided_at", "decision_note", "over_budget");
    final TableBatch disbursements = new TableBatch("disbursement", "cost_id", "sub_award_id", "amount", "status",
            "scheduled_date", "paid_date", "payment_ref");
    final TableBatch events = new TableBatch("case_event", "case_id", "occurred_at", "actor", "kind", "from_status",
            "to_status", "summary", "reason", "summary_parts");

    /** Approved cents per sub-award (by {@link FundPlan.SubAward#index()}), what the sub-award amounts are sized from. */
    final long[] approvedCents;

    CaseStories(FundPlan plan, PiiCipher cipher, List<Scenario> scenarios) {
        this.plan = plan;
        this.cipher = cipher;
        this.scenarios = scenarios;
        // the start of "today": never in the future whenever the run happens, and the same for the same day
        this.now = plan.today.atStartOfDay();
        this.approvedCents = new long[plan.subAwards.size()];
    }

    /** The tables in the order they are inserted (parents first). */
    /** The name search index's rows of these clients, as the application's own listener would write them ({@link NameWords}). */
    final TableBatch nameWords = new TableBatch("client_name_word", "word", "client_id");
    /** Each client's own key, wrapped by the master key, as {@code ClientKeys} makes it when the application records a client. */
    final TableBatch clientKeys = new TableBatch("client_key", "client_id", "keyset", "master_key_id", "created_at");

    List<TableBatch> tables() {
        return List.of(clients, clientKeys, nameWords, cases, offers, hearings, custody, reliefs, charges, costs, disbursements, events);
    }

    /** The random source of a chunk: a function of the seed and the chunk's number only. */
    static SplittableRandom randomOf(long seed, long chunk) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + chunk * 0xBF58476D1CE4E5B9L + 1);
    }

    /** Tells the cases {@code first} (0-based index in the run) to {@code first + count - 1}. */
    void tell(long first, int count, SplittableRandom random) {
        int i = 0;
        while (i < count) {
            long index = first + i;
            Scenario scenario = index < scenarios.size() ? scenarios.get((int) index) : null;
            Story story = new Story(random, index);
            story.tell(scenario);
            i++;
            if (story.appealable && i < count && first + i >= scenarios.size() && random.nextInt(100) < 15) {
                new Story(random, first + i).appeal(story);
                i++;
            }
        }
    }

    /** One case's life. */
    private final class Story {
        final SplittableRandom r;
        final long index;
        final long caseId;
        final long clientId;
        final List<Object[]> timeline = new ArrayList<>();
        /** The client's own key, which seals the case's texts as the application's records do ({@code Type.field}). */
        Aead textKey;
        String caseNumber;
        CaseStatus status = CaseStatus.REFERRED;
        LocalDateTime last;
        LocalDate referralDate;
        boolean detained;
        boolean everDetained;
        Long facilityId;
        Long courtId;
        Long caseTypeId;
        String caseTypeCode;
        String city;
        String lastName;
        boolean confidential;
        ConfidentialityReason confidentialReason;
        String confidentialBy;
        LocalDateTime confidentialAt;
        LocalDate nextHearing;
        LocalDate outcomeDate;
        Long outcomeId;
        Long custodyResultId;
        boolean appealable;
        String releaseKind;

        Story(SplittableRandom random, long index) {
            this.r = random;
            this.index = index;
            this.caseId = plan.caseIdBase + index + 1;
            this.clientId = plan.clientIdBase + index + 1;
        }

        void tell(Scenario scenario) {
            long span = ChronoUnit.DAYS.between(plan.firstDay, plan.today);
            long age;
            if (scenario != null) {
                age = scenario.fate() == Fate.CLOSED || scenario.fate() == Fate.CLOSED_UNASSIGNED ? 200 + r.nextInt(300)
                        : scenario.fate() == Fate.ASSIGNED ? 30 + r.nextInt(60) : r.nextInt(6);
            } else {
                age = (long) (span * (1 - Math.sqrt(r.nextDouble())));
            }
            referralDate = plan.today.minusDays(Math.max(1, Math.min(span, age)));
            Fate fate = scenario != null ? scenario.fate() : fateFor(age);
            detained = scenario != null ? scenario.detained() : r.nextInt(100) < 28;
            everDetained = detained;

            SyntheticPeople.Person person = SyntheticPeople.person(r, referralDate, r.nextInt(12) == 0);
            city = person.city();
            lastName = person.lastName();
            caseNumber = caseNumber(referralDate);
            LocalDateTime referredAt = at(referralDate);
            last = referredAt;
            String admin = admin();
            addClient(person, referredAt);

            caseTypeCode = CASE_TYPES[r.nextInt(CASE_TYPES.length)];
            caseTypeId = plan.ref("CASE_TYPE", caseTypeCode);
            courtId = plan.ref("COURT", r.nextInt(10) < 7 ? "BOS" : "CHL");
            long sourceId = plan.ref("REFERRAL_SOURCE", detained && r.nextBoolean() ? "DETENTION_VISIT" : SOURCES[r.nextInt(SOURCES.length)]);
            if (detained) {
                facilityId = plan.ref("DETENTION_FACILITY", FACILITIES[r.nextInt(FACILITIES.length)]);
                custody.add(caseId, CustodyEventKind.DETAINED.name(), facilityId, referralDate, null, null, admin, referredAt);
            }
            if (r.nextInt(10) < 7) {
                nextHearing = referralDate.plusDays(10 + r.nextInt(110));
            }
            String referrer = r.nextInt(3) == 0 ? SyntheticPeople.person(r, referralDate, false).firstName() + " (caseworker)" : null;
            String notes = r.nextInt(4) == 0 ? note(r) : null;
            event(referredAt, admin, CaseEventKind.REFERRED, null, CaseStatus.REFERRED, TimelineText.of(item(sourceId)), null);
            ConfidentialityReason.forCaseType(caseTypeCode)
                    .ifPresent(reason -> markConfidential(reason, admin, referredAt, plan.refName(caseTypeId)));

            Object[] row = new Object[39];
            row[0] = caseId;
            row[1] = caseNumber;
            row[2] = clientId;
            row[5] = sourceId;
            row[6] = sealed("LegalCase.referrerName", referrer);
            row[7] = referrer == null ? null : sealed("LegalCase.referrerContact", "617-555-01" + String.format("%02d", r.nextInt(100)));
            row[8] = referralDate;
            row[12] = courtId;
            row[13] = caseTypeId;
            row[14] = sealed("LegalCase.notes", notes);
            row[31] = referredAt;
            live(fate, scenario, row);
            row[3] = status.name();
            row[9] = detained;
            row[10] = detained ? facilityId : null;
            row[11] = nextHearing;
            row[33] = confidential;
            row[34] = confidential ? confidentialReason.name() : null;
            row[35] = confidential ? confidentialBy : null;
            row[36] = confidential ? confidentialAt : null;
            row[32] = last;
            row[37] = CaseSortNames.of(ClientSealing.sortName(lastName), confidential, status.name());
            cases.add(row);
            flushTimeline();
        }

        /** Everything after the referral, filling the case row's later columns. */
        private void live(Fate fate, Scenario scenario, Object[] row) {
            if (fate == Fate.REFERRED) {
                return;
            }
            String admin = admin();
            LocalDateTime screenedAt = after(last, 0, 7);
            row[4] = Priority.of(detained, nextHearing, screenedAt.toLocalDate()).name();
            row[15] = true;
            row[16] = true;
            row[17] = true;
            boolean pending = fate == Fate.PENDING_DOCUMENTS || r.nextInt(5) == 0;
            if (pending) {
                event(screenedAt, admin, CaseEventKind.SCREENED, status, CaseStatus.PENDING_DOCUMENTS, TimelineText.none(), null);
                status = CaseStatus.PENDING_DOCUMENTS;
                row[17] = null;
                row[20] = screenedAt;
                if (fate == Fate.PENDING_DOCUMENTS) {
                    return;
                }
                screenedAt = after(screenedAt, 2, 20);
                row[17] = true;
            }
            row[20] = screenedAt;
            if (fate == Fate.INELIGIBLE) {
                String reason = INELIGIBLE[r.nextInt(INELIGIBLE.length)];
                long reasonId = plan.ref("INELIGIBILITY_REASON", reason);
                row[15] = !"SERVICE_AREA".equals(reason);
                row[16] = !"NOT_IN_PROCEEDINGS".equals(reason);
                row[17] = !"INCOME".equals(reason);
                row[18] = reasonId;
                String elsewhere = r.nextInt(3) == 0 ? "Referred to a legal aid program near the client" : null;
                row[19] = elsewhere;
                row[28] = screenedAt;
                event(screenedAt, admin, CaseEventKind.SCREENED, status, CaseStatus.INELIGIBLE, TimelineText.of(item(reasonId)), elsewhere);
                status = CaseStatus.INELIGIBLE;
                return;
            }
            event(screenedAt, admin, CaseEventKind.SCREENED, status, CaseStatus.ELIGIBLE, TimelineText.none(), null);
            status = CaseStatus.ELIGIBLE;
            if (fate == Fate.ELIGIBLE) {
                return;
            }
            if (fate == Fate.CLOSED_UNASSIGNED) {
                LocalDateTime closedAt = after(last, 5, 60);
                closeWith(row, plan.ref("OUTCOME", "CLIENT_WITHDREW"), closedAt.toLocalDate(), closedAt, admin);
                return;
            }
            FundPlan.Partner partner = scenario != null && scenario.partnerIndex() >= 0
                    ? plan.partners.get(scenario.partnerIndex() % plan.partners.size()) : partnerFor();
            for (int declined = r.nextInt(100) < 22 ? 1 + r.nextInt(2) : 0; declined > 0; declined--) {
                FundPlan.Partner other = partnerFor();
                if (other.id() == partner.id()) {
                    continue;
                }
                LocalDateTime offeredAt = after(last, 0, 3);
                event(offeredAt, admin, CaseEventKind.OFFERED, status, CaseStatus.OFFERED, words(other.name()), null);
                LocalDateTime answeredAt = after(offeredAt, 0, 2);
                String staff = pick(other.staff());
                long reasonId = plan.ref("DECLINE_REASON", DECLINES[r.nextInt(DECLINES.length)]);
                offers.add(caseId, other.id(), OfferStatus.DECLINED.name(), offeredAt, admin, answeredAt, staff, reasonId, null, null);
                event(answeredAt, staff, CaseEventKind.OFFER_DECLINED, CaseStatus.OFFERED, CaseStatus.ELIGIBLE, TimelineText.of(item(reasonId)), null);
                status = CaseStatus.ELIGIBLE;
            }
            row[21] = partner.id();
            if (fate == Fate.OFFERED) {
                LocalDateTime offeredAt;
                boolean overdue = scenario != null ? scenario.overdueOffer() : r.nextInt(3) == 0;
                offeredAt = overdue ? now.minusHours(50 + r.nextInt(120)) : now.minusHours(1 + r.nextInt(20));
                offeredAt = offeredAt.isBefore(last) ? last.plusMinutes(5) : offeredAt;
                if (offeredAt.isAfter(now)) {
                    offeredAt = now;
                }
                event(offeredAt, admin, CaseEventKind.OFFERED, status, CaseStatus.OFFERED, words(partner.name()), null);
                offers.add(caseId, partner.id(), OfferStatus.PENDING.name(), offeredAt, admin, null, null, null, null, null);
                status = CaseStatus.OFFERED;
                return;
            }
            LocalDateTime offeredAt = after(last, 0, 3);
            event(offeredAt, admin, CaseEventKind.OFFERED, status, CaseStatus.OFFERED, words(partner.name()), null);
            LocalDateTime acceptedAt = after(offeredAt, 0, 2);
            String staff = pick(partner.staff());
            String attorney = pick(partner.attorneys());
            offers.add(caseId, partner.id(), OfferStatus.ACCEPTED.name(), offeredAt, admin, acceptedAt, staff, null, null, attorney);
            event(acceptedAt, staff, CaseEventKind.OFFER_ACCEPTED, CaseStatus.OFFERED, CaseStatus.ASSIGNED, words(attorney), null);
            status = CaseStatus.ASSIGNED;
            row[22] = attorney;
            row[23] = acceptedAt;
            represent(fate, scenario, row, partner, acceptedAt, staff);
        }

        /** The partner's work on an assigned case, its funding, and its closing for a case that ends CLOSED. */
        private void represent(Fate fate, Scenario scenario, Object[] row, FundPlan.Partner partner, LocalDateTime assignedAt,
                               String staff) {
            LocalDateTime end;
            if (fate == Fate.CLOSED) {
                long room = ChronoUnit.DAYS.between(assignedAt.toLocalDate(), plan.today);
                long natural = 60 + r.nextInt(700);
                // A case whose usual length would run past today closes on a day drawn from the time it has had, not
                // all of them yesterday (which piled a sixth of a million cases' closings on one day of the dashboards).
                // (From the same draw, so that every other value of the seed stays as it was.)
                long length = natural < room ? natural : 1 + (natural - 60) % Math.max(room - 1, 1);
                end = at(assignedAt.toLocalDate().plusDays(length));
                if (!end.isAfter(assignedAt)) {
                    end = assignedAt.plusMinutes(30);
                }
            } else {
                end = now;
            }
            LocalDate assignedDay = assignedAt.toLocalDate();
            if (r.nextInt(100) < 85) {
                LocalDate noa = min(assignedDay.plusDays(1 + r.nextInt(14)), end.toLocalDate());
                row[24] = noa;
                event(at(noa, assignedAt), staff, CaseEventKind.NOTICE_OF_APPEARANCE, status, status, TimelineText.of(TimelineText.day(noa)), null);
            }
            // Custody after assignment: a transfer, and a release for many.
            if (detained && r.nextInt(5) == 0) {
                LocalDate day = between(assignedDay, end.toLocalDate());
                facilityId = plan.ref("DETENTION_FACILITY", r.nextInt(4) == 0 ? "OUT_OF_AREA" : FACILITIES[r.nextInt(FACILITIES.length)]);
                LocalDateTime recorded = at(day, assignedAt);
                custody.add(caseId, CustodyEventKind.TRANSFERRED.name(), facilityId, day, null, null, staff, recorded);
                event(recorded, staff, CaseEventKind.CUSTODY_CHANGED, status, status,
                        TimelineText.of(TimelineText.label("custodyEventKind", CustodyEventKind.TRANSFERRED), TimelineText.words(" "),
                                TimelineText.day(day), TimelineText.words(", "), item(facilityId)), null);
            }
            if (detained && r.nextInt(100) < 55) {
                LocalDate day = between(assignedDay, end.toLocalDate());
                CustodyEventKind kind = new CustodyEventKind[]{CustodyEventKind.RELEASED_BOND, CustodyEventKind.RELEASED_BOND,
                        CustodyEventKind.RELEASED_PAROLE, CustodyEventKind.RELEASED_ATD}[r.nextInt(4)];
                BigDecimal bond = kind == CustodyEventKind.RELEASED_BOND ? BigDecimal.valueOf(1500 + 500L * r.nextInt(48)).setScale(2) : null;
                LocalDateTime recorded = at(day, assignedAt);
                custody.add(caseId, kind.name(), null, day, bond, null, staff, recorded);
                event(recorded, staff, CaseEventKind.CUSTODY_CHANGED, status, status,
                        TimelineText.of(TimelineText.label("custodyEventKind", kind), TimelineText.words(" "), TimelineText.day(day),
                                bond == null ? null : TimelineText.words(", "), bond == null ? null : TimelineText.label("timeline.bond"),
                                bond == null ? null : TimelineText.words(" "), TimelineText.amount(bond)), null);
                detained = false;
                releaseKind = kind.name();
            }
            // Hearings: a master calendar, a bond hearing for the detained, a merits hearing later.
            List<LocalDateTime> scheduled = new ArrayList<>();
            scheduled.add(at(assignedDay.plusDays(7 + r.nextInt(50)), assignedAt));
            if (everDetained && r.nextBoolean()) {
                scheduled.add(at(assignedDay.plusDays(5 + r.nextInt(25)), assignedAt));
            }
            if (r.nextInt(100) < 60) {
                scheduled.add(at(assignedDay.plusDays(90 + r.nextInt(400)), assignedAt));
            }
            boolean soon = scenario != null ? scenario.hearingSoon() : fate == Fate.ASSIGNED && r.nextInt(100) < 12;
            if (soon) {
                scheduled.add(plan.today.plusDays(1 + r.nextInt(12)).atTime(9 + r.nextInt(6), 0));
            }
            HearingKind[] kinds = {HearingKind.MASTER_CALENDAR, everDetained ? HearingKind.BOND : HearingKind.MASTER_CALENDAR,
                    HearingKind.INDIVIDUAL_MERITS, HearingKind.MASTER_CALENDAR};
            LocalDate upcoming = null;
            for (int h = 0; h < scheduled.size(); h++) {
                LocalDateTime when = scheduled.get(h).withSecond(0).withNano(0);
                if (fate == Fate.CLOSED && when.isAfter(end)) {
                    when = end.minusHours(2).withMinute(0).withSecond(0).withNano(0);
                    if (when.isBefore(assignedAt)) {
                        continue;
                    }
                }
                HearingKind kind = soon && h == scheduled.size() - 1 ? HearingKind.MASTER_CALENDAR : kinds[Math.min(h, kinds.length - 1)];
                boolean past = when.isBefore(now);
                String result = past ? hearingResult(kind) : null;
                LocalDateTime recorded = past ? when.plusHours(3) : after(assignedAt, 0, 10);
                if (recorded.isAfter(now)) {
                    recorded = now.minusMinutes(1 + r.nextInt(120));
                }
                if (recorded.isBefore(assignedAt)) {
                    recorded = assignedAt.plusMinutes(1);
                }
                hearings.add(caseId, kind.name(), courtId, when, result, null, staff, recorded);
                event(recorded, staff, CaseEventKind.HEARING_RECORDED, status, status,
                        TimelineText.of(TimelineText.label("hearingKind", kind), TimelineText.words(" "), TimelineText.moment(when),
                                result == null ? null : TimelineText.words(": " + result)), null);
                if (!when.toLocalDate().isBefore(plan.today) && (upcoming == null || when.toLocalDate().isBefore(upcoming))) {
                    upcoming = when.toLocalDate();
                }
            }
            if (fate != Fate.CLOSED) {
                nextHearing = upcoming;
            }
            // Relief applications; protected ones make the case confidential.
            Set<Long> reliefTypes = new HashSet<>();
            List<Object[]> reliefRows = new ArrayList<>();
            int applications = r.nextInt(100) < 80 ? 1 + (r.nextInt(4) == 0 ? 1 : 0) : 0;
            for (int a = 0; a < applications; a++) {
                String code = isProtectionCase() || a == 0 && r.nextInt(3) == 0 ? PROTECTION_RELIEF[r.nextInt(PROTECTION_RELIEF.length)]
                        : REMOVAL_RELIEF[r.nextInt(REMOVAL_RELIEF.length)];
                long typeId = plan.ref("RELIEF_TYPE", code);
                if (!reliefTypes.add(typeId)) {
                    continue;
                }
                LocalDate filed = min(assignedDay.plusDays(10 + r.nextInt(110)), end.toLocalDate());
                LocalDateTime recorded = at(filed, assignedAt);
                reliefRows.add(new Object[]{caseId, typeId, filed, null, ReliefDecision.PENDING.name(), null, staff, recorded, code});
            }
            // Funding: a sub-award of the partner that covers the charge date and whose grant allows the case.
            FundPlan.SubAward subAward = null;
            LocalDateTime chargedAt = after(assignedAt, 0, 2);
            if (chargedAt.isAfter(end)) {
                chargedAt = end.isAfter(assignedAt) ? assignedAt.plus(ChronoUnit.MINUTES.getDuration()) : assignedAt;
            }
            subAward = subAwardFor(partner.id(), chargedAt.toLocalDate(), reliefTypes);
            if (subAward != null && !subAward.reliefTypeIds().isEmpty()) {
                // a relief-restricted grant is charged once the qualifying relief is on record
                LocalDateTime reliefAt = null;
                for (Object[] relief : reliefRows) {
                    if (subAward.reliefTypeIds().contains((Long) relief[1])
                            && (reliefAt == null || ((LocalDateTime) relief[7]).isBefore(reliefAt))) {
                        reliefAt = (LocalDateTime) relief[7];
                    }
                }
                if (reliefAt == null || !subAward.covers(reliefAt.toLocalDate()) || reliefAt.plusMinutes(10).isAfter(now)) {
                    subAward = null;
                } else {
                    chargedAt = reliefAt.plusMinutes(10);
                }
            }
            // Closing: outcome, relief decisions that agree with it, custody result.
            String outcomeCode = null;
            if (fate == Fate.CLOSED) {
                outcomeCode = OUTCOMES[r.nextInt(OUTCOMES.length)];
                if ("RELIEF_GRANTED".equals(outcomeCode) && reliefRows.isEmpty()) {
                    outcomeCode = "TERMINATED";
                }
                if (everDetained && "OUT_OF_AREA".equals(codeOf(facilityId)) && r.nextBoolean()) {
                    outcomeCode = "TRANSFERRED_OUT";
                }
            }
            for (int a = 0; a < reliefRows.size(); a++) {
                Object[] relief = reliefRows.get(a);
                String code = (String) relief[8];
                if (fate == Fate.CLOSED) {
                    ReliefDecision decision = switch (outcomeCode) {
                        case "RELIEF_GRANTED" -> a == 0 ? ReliefDecision.GRANTED : ReliefDecision.WITHDRAWN;
                        case "REMOVAL_ORDERED", "VOLUNTARY_DEPARTURE" -> ReliefDecision.DENIED;
                        default -> ReliefDecision.WITHDRAWN;
                    };
                    LocalDate decided = end.toLocalDate();
                    if (decided.isBefore((LocalDate) relief[2])) {
                        decided = (LocalDate) relief[2];
                    }
                    relief[3] = decided;
                    relief[4] = decision.name();
                    relief[7] = at(decided, (LocalDateTime) relief[7]);
                    if (((LocalDateTime) relief[7]).isAfter(end)) {
                        relief[7] = end.minusMinutes(30 - a);
                    }
                }
                reliefs.add(relief[0], relief[1], relief[2], relief[3], relief[4], relief[5], relief[6], relief[7]);
                LocalDateTime recorded = (LocalDateTime) relief[7];
                event(recorded, staff, CaseEventKind.RELIEF_RECORDED, status, status,
                        TimelineText.of(item((Long) relief[1]), TimelineText.words(", "),
                                TimelineText.label("reliefDecision", ReliefDecision.valueOf((String) relief[4]))), null);
                if (!confidential) {
                    ConfidentialityReason.forRelief(code).ifPresent(reason ->
                            markConfidential(reason, staff, recorded.plusSeconds(1), plan.refName((Long) relief[1])));
                }
            }
            if (subAward != null) {
                charges.add(caseId, subAward.id(), chargedAt, admin());
                event(chargedAt, admin(), CaseEventKind.CHARGED, status, status, words(subAward.grantLabel()), null);
                recordCosts(subAward, chargedAt, end, staff);
            }
            if (fate == Fate.CLOSED) {
                LocalDateTime closedAt = end.isAfter(last) ? end : last.plusMinutes(5);
                closeWith(row, plan.ref("OUTCOME", outcomeCode), closedAt.toLocalDate(), closedAt, staff);
            }
        }

        private void recordCosts(FundPlan.SubAward subAward, LocalDateTime chargedAt, LocalDateTime end, String staff) {
            int count = 1 + r.nextInt(4);
            BigDecimal onCase = BigDecimal.ZERO;
            LocalDate from = chargedAt.toLocalDate();
            LocalDate to = min(min(end.toLocalDate(), subAward.end()), plan.today);
            if (to.isBefore(from)) {
                return;
            }
            for (int c = 0; c < count && c < MAX_COSTS; c++) {
                CostCategory category = CATEGORIES[r.nextInt(CATEGORIES.length)];
                if (subAward.excludedUses().contains(category)) {
                    continue;
                }
                BigDecimal hours = null;
                BigDecimal rate = null;
                BigDecimal amount;
                switch (category) {
                    case ATTORNEY_HOURS -> {
                        hours = BigDecimal.valueOf(4 + r.nextInt(117), 1).multiply(BigDecimal.valueOf(2)).setScale(2);
                        rate = BigDecimal.valueOf(RATES[r.nextInt(RATES.length)]).setScale(2);
                        amount = hours.multiply(rate).setScale(2, RoundingMode.HALF_UP);
                    }
                    case FLAT_FEE -> amount = BigDecimal.valueOf(1500 + 250L * r.nextInt(15)).setScale(2);
                    case INTERPRETER -> amount = BigDecimal.valueOf(15_000 + r.nextInt(45_000), 2);
                    case EXPERT -> amount = BigDecimal.valueOf(50_000 + r.nextInt(250_000), 2);
                    case FILING_FEE -> amount = BigDecimal.valueOf(new int[]{110, 110, 360, 710, 1010}[r.nextInt(5)]).setScale(2);
                    case TRAVEL -> amount = BigDecimal.valueOf(3_000 + r.nextInt(22_000), 2);
                    default -> amount = BigDecimal.valueOf(2_500 + r.nextInt(27_500), 2);
                }
                if (subAward.maxPerCase() != null && onCase.add(amount).compareTo(subAward.maxPerCase()) > 0) {
                    continue;
                }
                LocalDate costDate = between(from, to);
                LocalDateTime submittedAt = at(costDate.plusDays(r.nextInt(6)), chargedAt);
                if (submittedAt.isAfter(now)) {
                    submittedAt = now.minusMinutes(1 + r.nextInt(300));
                    if (submittedAt.isBefore(chargedAt)) {
                        submittedAt = chargedAt.plusMinutes(1);
                    }
                }
                boolean old = submittedAt.isBefore(now.minusDays(21));
                int draw = r.nextInt(100);
                CostStatus costStatus = old ? (draw < 88 ? CostStatus.APPROVED : draw < 95 ? CostStatus.REJECTED : CostStatus.SUBMITTED)
                        : (draw < 35 ? CostStatus.APPROVED : draw < 40 ? CostStatus.REJECTED : CostStatus.SUBMITTED);
                LocalDateTime decidedAt = null;
                String decidedBy = null;
                String decisionNote = null;
                if (costStatus != CostStatus.SUBMITTED) {
                    decidedAt = after(submittedAt, 1, 14);
                    decidedBy = admin();
                    if (costStatus == CostStatus.REJECTED) {
                        decisionNote = r.nextBoolean() ? "Duplicate of an earlier cost" : "Not supported by the invoice";
                    }
                }
                long costId = plan.costIdBase + index * MAX_COSTS + c + 1;
                costs.add(costId, caseId, subAward.id(), category.name(), hours, rate, amount, costDate,
                        category == CostCategory.ATTORNEY_HOURS ? sealed("CaseCost.note", "Preparation and court appearance") : null,
                        costStatus.name(), staff, submittedAt, decidedBy, decidedAt, sealed("CaseCost.decisionNote", decisionNote), false);
                if (costStatus != CostStatus.REJECTED) {
                    onCase = onCase.add(amount);
                }
                if (costStatus == CostStatus.APPROVED) {
                    approvedCents[subAward.index()] += amount.movePointRight(2).longValueExact();
                    LocalDate scheduled = decidedAt.toLocalDate().plusDays(r.nextInt(22));
                    boolean paid = scheduled.isBefore(plan.today.minusDays(3)) && r.nextInt(10) != 0;
                    LocalDate paidOn = paid ? min(scheduled.plusDays(r.nextInt(4)), plan.today) : null;
                    disbursements.add(costId, subAward.id(), amount, paid ? DisbursementStatus.PAID.name() : DisbursementStatus.SCHEDULED.name(),
                            scheduled, paidOn, paid ? "ACH-" + (10_000_000 + r.nextInt(90_000_000)) : null);
                }
            }
        }

        private void closeWith(Object[] row, long outcome, LocalDate decidedOn, LocalDateTime closedAt, String actor) {
            String custodyResult = !everDetained ? "NEVER_DETAINED"
                    : releaseKind == null ? "REMAINED_DETAINED"
                    : switch (releaseKind) {
                        case "RELEASED_BOND" -> "RELEASED_BOND";
                        case "RELEASED_ATD" -> "RELEASED_ATD";
                        default -> "RELEASED_PAROLE";
                    };
            custodyResultId = plan.ref("CUSTODY_RESULT", custodyResult);
            outcomeId = outcome;
            outcomeDate = decidedOn.isBefore(referralDate) ? referralDate : decidedOn;
            if (closedAt.isAfter(now)) {
                closedAt = now;
            }
            row[25] = outcomeId;
            row[26] = custodyResultId;
            row[27] = outcomeDate;
            row[28] = closedAt;
            event(closedAt, actor, CaseEventKind.CLOSED, status, CaseStatus.CLOSED,
                    TimelineText.of(item(outcomeId), TimelineText.words("; "), item(custodyResultId)), null);
            status = CaseStatus.CLOSED;
            String code = codeOf(outcomeId);
            appealable = "REMOVAL_ORDERED".equals(code) && outcomeDate.isBefore(plan.today.minusDays(1));
        }

        /** This story is the BIA appeal of {@code decided}: a new case for the same client, in REFERRED. */
        void appeal(Story decided) {
            LocalDate opened = min(decided.outcomeDate.plusDays(1 + r.nextInt(25)), plan.today);
            LocalDateTime openedAt = at(opened, decided.last);
            String actor = admin();
            textKey = decided.textKey;
            caseNumber = caseNumber(opened);
            status = CaseStatus.REFERRED;
            boolean stillDetained = "REMAINED_DETAINED".equals(codeOf(decided.custodyResultId));
            Object[] row = new Object[39];
            row[0] = caseId;
            row[1] = caseNumber;
            row[2] = decided.clientId;
            row[3] = status.name();
            row[8] = opened;
            row[9] = stillDetained;
            row[12] = decided.courtId;
            row[13] = decided.caseTypeId;
            row[29] = decided.caseId;
            row[38] = decided.caseNumber;
            row[30] = decided.outcomeDate.plusDays(LegalCase.BIA_APPEAL_DAYS);
            row[31] = openedAt;
            row[32] = openedAt;
            row[33] = decided.confidential;
            row[34] = decided.confidential ? decided.confidentialReason.name() : null;
            row[35] = decided.confidential ? decided.confidentialBy : null;
            row[36] = decided.confidential ? decided.confidentialAt : null;
            lastName = decided.lastName;
            row[37] = CaseSortNames.of(ClientSealing.sortName(lastName), decided.confidential, status.name());
            cases.add(row);
            event(openedAt, actor, CaseEventKind.APPEAL_OPENED, null, CaseStatus.REFERRED, words(decided.caseNumber), null);
            if (decided.confidential) {
                event(openedAt, actor, CaseEventKind.MARKED_CONFIDENTIAL, CaseStatus.REFERRED, CaseStatus.REFERRED,
                        TimelineText.of(TimelineText.label("confidentialityReason", decided.confidentialReason)), decided.caseNumber);
            }
            flushTimeline();
            events.add(decided.caseId, openedAt, actor, CaseEventKind.APPEAL_OPENED.name(), CaseStatus.CLOSED.name(),
                    CaseStatus.CLOSED.name(), sealed("CaseEvent.summary", caseNumber), null, null);
        }

        private String hearingResult(HearingKind kind) {
            return switch (kind) {
                case MASTER_CALENDAR -> r.nextBoolean() ? "Pleadings taken; next hearing set" : "Continued for attorney preparation";
                case BOND -> r.nextInt(3) == 0 ? "Bond denied" : "Bond set at $" + (1500 + 500 * r.nextInt(30));
                case INDIVIDUAL_MERITS -> r.nextBoolean() ? "Testimony heard; decision reserved" : "Decision issued";
            };
        }

        private boolean isProtectionCase() {
            return ConfidentialityReason.forCaseType(caseTypeCode).isPresent();
        }

        private void markConfidential(ConfidentialityReason reason, String actor, LocalDateTime when, String why) {
            confidential = true;
            confidentialReason = reason;
            confidentialBy = actor;
            confidentialAt = when;
            event(when, actor, CaseEventKind.MARKED_CONFIDENTIAL, status, status,
                    TimelineText.of(TimelineText.label("confidentialityReason", reason)), why);
        }

        private void addClient(SyntheticPeople.Person person, LocalDateTime created) {
            boolean hasANumber = r.nextInt(100) < 92;
            ANumber aNumber = hasANumber ? new ANumber(SyntheticPeople.aNumberDigits(clientId, plan.seed)) : null;
            // The client's own key, and every personal value sealed under it, as the application's Client does.
            KeysetHandle own = Keyring.generate();
            Aead key = Keyring.aead(own);
            textKey = key;
            clients.add(clientId, Keyring.encrypt(key, "first_name", person.firstName()), Keyring.encrypt(key, "last_name", person.lastName()),
                    ClientSealing.sortName(person.lastName()), Keyring.encrypt(key, "birth_date", person.birthDate().toString()),
                    person.country(), person.language(), person.interpreter(),
                    aNumber == null ? null : Keyring.encrypt(key, "a_number", aNumber.digits()),
                    aNumber == null ? null : cipher.keyedHash(aNumber.digits()),
                    Keyring.encrypt(key, "phone", person.phone()), Keyring.encrypt(key, "street", person.street()), person.city(), "MA",
                    Keyring.encrypt(key, "postal_code", person.postalCode()), created, created);
            Keyring.Wrapped wrapped = keyring.wrap(clientId, own);
            clientKeys.add(clientId, wrapped.keyset(), wrapped.masterKeyId(), created);
            for (String token : NameWords.tokens(cipher, person.firstName(), person.lastName())) {
                nameWords.add(token, clientId);
            }
        }

        /** A text of the client's case sealed under their key, as the application seals it (null stays null). */
        private String sealed(String column, String text) {
            return text == null ? null : Keyring.encrypt(textKey, column, text);
        }

        /** A seeded reference item as a timeline fact, by id and English name. */
        private TimelineText.Part item(Long id) {
            return id == null ? null : TimelineText.item(id, plan.refName(id));
        }

        private TimelineText words(String text) {
            return TimelineText.of(TimelineText.words(text));
        }

        private void event(LocalDateTime when, String actor, CaseEventKind kind, CaseStatus from, CaseStatus to, TimelineText summary,
                           String reason) {
            timeline.add(new Object[]{caseId, when, actor, kind.name(), from == null ? null : from.name(), to.name(),
                    sealed("CaseEvent.summary", summary.plain()), sealed("CaseEvent.reason", reason),
                    summary.wordsOnly() ? null : sealed("CaseEvent.summaryParts", summary.json())});
            if (last == null || when.isAfter(last)) {
                last = when;
            }
        }

        private void flushTimeline() {
            timeline.sort(Comparator.comparing(e -> (LocalDateTime) e[1]));
            for (Object[] entry : timeline) {
                events.add(entry);
            }
            timeline.clear();
        }

        private Fate fateFor(long age) {
            int d = r.nextInt(100);
            if (age < 14) {
                return d < 30 ? Fate.REFERRED : d < 40 ? Fate.PENDING_DOCUMENTS : d < 55 ? Fate.ELIGIBLE : d < 63 ? Fate.INELIGIBLE
                        : d < 80 ? Fate.OFFERED : Fate.ASSIGNED;
            }
            if (age < 60) {
                return d < 3 ? Fate.REFERRED : d < 10 ? Fate.PENDING_DOCUMENTS : d < 18 ? Fate.ELIGIBLE : d < 28 ? Fate.INELIGIBLE
                        : d < 33 ? Fate.OFFERED : d < 93 ? Fate.ASSIGNED : Fate.CLOSED;
            }
            if (age < 365) {
                return d < 1 ? Fate.PENDING_DOCUMENTS : d < 2 ? Fate.ELIGIBLE : d < 12 ? Fate.INELIGIBLE : d < 13 ? Fate.OFFERED
                        : d < 60 ? Fate.ASSIGNED : d < 98 ? Fate.CLOSED : Fate.CLOSED_UNASSIGNED;
            }
            return d < 10 ? Fate.INELIGIBLE : d < 20 ? Fate.ASSIGNED : d < 96 ? Fate.CLOSED : Fate.CLOSED_UNASSIGNED;
        }

        private FundPlan.Partner partnerFor() {
            FundPlan.Partner chosen = weighted();
            if (detained && !chosen.detainedPractice()) {
                chosen = weighted();
            }
            return chosen;
        }

        private FundPlan.Partner weighted() {
            int draw = r.nextInt(plan.totalPartnerWeight);
            for (FundPlan.Partner partner : plan.partners) {
                draw -= partner.weight();
                if (draw < 0) {
                    return partner;
                }
            }
            return plan.partners.get(0);
        }

        private FundPlan.SubAward subAwardFor(long partnerId, LocalDate day, Set<Long> reliefTypes) {
            List<FundPlan.SubAward> fitting = new ArrayList<>();
            int weight = 0;
            for (FundPlan.SubAward subAward : plan.subAwards) {
                if (subAward.partnerId() == partnerId && subAward.covers(day)
                        && subAward.allows(caseTypeId, reliefTypes, everDetained, city)) {
                    fitting.add(subAward);
                    weight += subAward.preference();
                }
            }
            if (fitting.isEmpty() || r.nextInt(100) < 8) {
                return null;
            }
            int draw = r.nextInt(weight);
            for (FundPlan.SubAward subAward : fitting) {
                draw -= subAward.preference();
                if (draw < 0) {
                    return subAward;
                }
            }
            return fitting.get(0);
        }

        private String codeOf(Long referenceId) {
            return referenceId == null ? null : plan.referenceCodes.get(referenceId);
        }

        private String caseNumber(LocalDate day) {
            return String.format("%d-%05d", day.getYear(), plan.firstCaseNumber + index);
        }

        private String admin() {
            return plan.admins.get(r.nextInt(plan.admins.size()));
        }

        private <T> T pick(List<T> items) {
            return items.get(r.nextInt(items.size()));
        }

        /** A moment on the day in office hours (13:00–21:59 UTC, 9–5 in Boston), never after now. */
        private LocalDateTime at(LocalDate day) {
            LocalDateTime when = day.atTime(13 + r.nextInt(9), r.nextInt(60), r.nextInt(60));
            return when.isAfter(now) ? now.minusMinutes(1 + r.nextInt(30)) : when;
        }

        /** A moment on the day, but not before {@code notBefore} nor after now. */
        private LocalDateTime at(LocalDate day, LocalDateTime notBefore) {
            LocalDateTime when = at(day);
            if (!when.isAfter(notBefore)) {
                when = notBefore.plusMinutes(1 + r.nextInt(60));
            }
            return when.isAfter(now) ? now : when;
        }

        /** Some days (from..to) after {@code from}, in office hours, never after now. */
        private LocalDateTime after(LocalDateTime from, int minDays, int maxDays) {
            return at(from.toLocalDate().plusDays(minDays + r.nextInt(maxDays - minDays + 1)), from);
        }

        private LocalDate between(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to);
            return days <= 0 ? from : from.plusDays(r.nextLong(days + 1));
        }
    }

    private static String note(SplittableRandom random) {
        String[] notes = {"Client has a master calendar hearing soon and no lawyer.", "Family member called the hotline.",
                "Needs an interpreter for every meeting.", "Has a U.S. citizen child.", "Prior removal order in absentia.",
                "Met at a Know Your Rights session."};
        return notes[random.nextInt(notes.length)];
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
