package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.clients.ANumber;
import org.defensefund.tracker.clients.ClientNameWord;
import org.defensefund.tracker.clients.InvalidANumberException;
import org.defensefund.tracker.clients.ClientKeys;
import org.defensefund.tracker.clients.NameWords;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec.Match;
import org.defensefund.tracker.shared.list.ListSpec;

/**
 * Reading cases in bulk: the work queues, search and a partner's case load (the partners that fit a case
 * on the offer screen are {@link AssignmentService#partnerMatches}).
 * Every list runs in the database (one COUNT, one page query and a fixed number of batch reads, whatever
 * the page size), within the caller's scope: partner staff only ever get their organization's cases.
 * A list query takes two special filters: {@code queue} (a {@link CaseQueue}) and {@code q} (search by
 * client name, A-number or case number), and the filters a person picks ({@link CaseListFilter}): status, priority,
 * partner, court, custody now and a range of the next hearing's date, each a condition of the SQL that an index of
 * the list serves (see {@link #FILTERS}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CaseQueries {

    public static final String QUEUE = "queue";
    public static final String SEARCH = "q";
    /** Filters: a {@link CaseStatus}, a {@link Priority}, ids of a partner and of a court, a boolean, dates. */
    public static final String STATUS = "status";
    public static final String PRIORITY = "priority";
    public static final String PARTNER = "partnerId";
    public static final String COURT = "courtId";
    public static final String DETAINED = "detained";
    public static final String HEARING_FROM = "hearingFrom";
    public static final String HEARING_TO = "hearingTo";

    /** What counts against a partner's capacity: the cases offered to it and those it accepted. */
    static final Set<CaseStatus> OPEN_FOR_A_PARTNER = EnumSet.of(CaseStatus.OFFERED, CaseStatus.ASSIGNED);

    /**
     * The plain filters, each an equality on a column that leads an index of the list (status: ix_case_queue,
     * detained: ix_case_detained_queue, partner: ix_case_partner_rank, court: ix_case_court_rank). Priority and
     * the next hearing's range are conditions of their own ({@link #where}), on the stored rank and on the
     * hearing's index.
     */
    private static final Map<String, Match> FILTERS =
            Map.of(STATUS, Match.EQUALS, DETAINED, Match.EQUALS, PARTNER, Match.EQUALS, COURT, Match.EQUALS);
    private static final Set<String> SORTS =
            Set.of("caseNumber", "referralDate", "priority", "status", "nextHearingDate", "client.lastName");

    /**
     * The orders an index gives (see migrations V12, V13): urgent first by the stored rank; status in the order of
     * the case's path, then urgency; the
     * client's name as the case sorts under it, which a partner's list shows without a confidential case's
     * client ({@link CaseSortNames}).
     */
    private static final Map<String, ListSpec.SortExpression<LegalCase>> ORDERS = Map.of(
            "priority", (cb, root) -> List.of(root.get("priorityRank")),
            "status", (cb, root) -> List.of(root.get("statusRank"), root.get("priorityRank")),
            "client.lastName", (cb, root) -> List.of(root.get("clientSortName")));

    /** The lists of the fund and of a partner (the caller's scope is a filter, see {@link CaseAccess#scope}). */
    private static final ListSpec<LegalCase> LIST = new ListSpec<>(LegalCase.class, FILTERS, SORTS, "priority", ORDERS,
            Set.of("caseNumber"));

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CaseAccess access;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Settings settings;

    @Inject
    private PartnerService partners;

    @Inject
    private ClientKeys clientKeys;

    /**
     * One page of cases as the caller may see them: a confidential case only offered to the caller's
     * organization comes without its client ({@link CaseRow#clientHidden()}).
     */
    public List<CaseRow> list(ListQuery query) {
        String hint = commonName(query) ? "STRAIGHT_JOIN" : null;
        List<LegalCase> cases = LIST.rows(em, query, (cb, root) -> where(cb, root, query), hint);
        List<Boolean> seen = cases.stream().map(access::seesDetails).toList();
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (seen.get(i)) {
                shown.add(cases.get(i).getClientId());
            }
        }
        clientKeys.warm(shown);
        List<CaseRow> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            rows.add(CaseRow.of(cases.get(i), seen.get(i)));
        }
        return rows;
    }

    /**
     * Whether the list searches for a name so common (every typed word starts the names of at least
     * {@value #COMMON_NAME} clients) that reading the cases in the list's own order, and stopping at the
     * page's end, beats gathering every match and sorting it ("Garcia" in a fund of a million cases); a
     * rarer name is gathered and sorted. Not for the order by client name: the matches of a name all sort
     * together, far into that order, so gathering them is the shorter way there too.
     */
    private boolean commonName(ListQuery query) {
        Object search = query.filters().get(SEARCH);
        if (search == null || search.toString().isBlank() || search.toString().matches(".*\\d.*")
                || "client.lastName".equals(query.sortField())) {
            return false;
        }
        List<String> words = NameWords.of(search.toString());
        if (words.isEmpty()) {
            return false;
        }
        for (String word : words) {
            Number matches = (Number) em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM client_name_word WHERE word = ?"
                    + " LIMIT " + COMMON_NAME + ") w").setParameter(1, NameWords.searchToken(word)).getSingleResult();
            if (matches.intValue() < COMMON_NAME) {
                return false;
            }
        }
        return true;
    }

    /** Clients sharing a name from which a name search reads cases in the list's order (see {@link #commonName}). */
    static final int COMMON_NAME = 5_000;

    /** How many cases the list holds, up to {@link ListQuery#COUNT_LIMIT} + 1 (more than the limit: "10,000+"). */
    public long count(ListQuery query) {
        return LIST.countUpTo(em, query, (cb, root) -> where(cb, root, query), ListQuery.COUNT_LIMIT + 1);
    }

    /** One case as a list line, if the caller reaches it (a table asking for a row by its key). */
    public CaseRow row(Long caseId) {
        LegalCase legalCase = access.reachable(caseId);
        return CaseRow.of(legalCase, access.seesDetails(legalCase));
    }

    /** How many cases each of the caller's queues holds, for the home page. */
    public Map<CaseQueue, Long> queueSizes() {
        Map<CaseQueue, Long> sizes = new HashMap<>();
        for (CaseQueue queue : CaseQueue.values()) {
            if (queue != CaseQueue.ALL && (currentUser.isAdmin() ? queue.isForFund() : queue.isForPartner())) {
                sizes.put(queue, count(ListQuery.firstPage(1).withFilter(QUEUE, queue.name())));
            }
        }
        return sizes;
    }

    /**
     * Whether the caller's lists span every partner's cases (the fund's administrators), so a list shows each
     * case's partner and may be filtered by partner; partner staff see their organization's only.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean listsEveryPartner() {
        return currentUser.isAdmin();
    }

    /**
     * The work queues of the caller, in their order: the fund's for administrators, a partner's for its staff,
     * none for the others (funders work with no case).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseQueue> queues() {
        if (!currentUser.isAdmin() && !currentUser.isPartnerStaff()) {
            return List.of();
        }
        return java.util.Arrays.stream(CaseQueue.values())
                .filter(q -> currentUser.isAdmin() ? q.isForFund() : q.isForPartner())
                .toList();
    }

    /**
     * The load of the caller's organization: its cases offered to it or assigned to it, against the capacity it
     * agreed to (partner staff only; one count through the partner's status index).
     */
    public CaseLoad ownCaseLoad() {
        Long own = currentUser.isPartnerStaff() ? currentUser.partnerId().orElse(null) : null;
        if (own == null) {
            throw new AccessDeniedException("only partner staff have a case load of their own");
        }
        long open = em.createQuery("select count(c) from LegalCase c where c.partnerId = :partner and c.status in :open", Long.class)
                .setParameter("partner", own).setParameter("open", OPEN_FOR_A_PARTNER).getSingleResult();
        return new CaseLoad(open, partners.find(own).getCaseCapacity());
    }

    /** The most hearings or cases a calendar gets from one call ({@link #hearingsBetween}, {@link #calendarCases}). */
    public static final int CALENDAR_LIMIT = 1_000;

    /**
     * The hearings not cancelled from {@code from} (inclusive) to {@code to} (exclusive), soonest first, at most {@code limit} (and
     * never more than {@link #CALENDAR_LIMIT}), of the cases whose details the caller sees ({@link CaseAccess#detailsScope}:
     * the fund's administrators every case's; partner staff their organization's, but not a confidential case only
     * offered to it); refused to funders and everyone else. One statement; no client is read.
     */
    public List<CalendarHearing> hearingsBetween(LocalDateTime from, LocalDateTime to, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<Hearing> hearing = query.from(Hearing.class);
        Join<Hearing, LegalCase> legalCase = hearing.join("legalCase");
        Join<Hearing, ReferenceItem> hearingCourt = hearing.join("court", JoinType.LEFT);
        Join<LegalCase, ReferenceItem> caseCourt = legalCase.join("court", JoinType.LEFT);
        List<Predicate> where = new ArrayList<>(access.detailsScope(cb, legalCase));
        where.add(cb.greaterThanOrEqualTo(hearing.<LocalDateTime>get("scheduledAt"), from));
        where.add(cb.lessThan(hearing.<LocalDateTime>get("scheduledAt"), to));
        // A cancelled hearing is left out rather than sent as STATUS:CANCELLED: a subscribed feed is read whole at every
        // refresh, and every common client removes an event gone from it, while several show a published event marked
        // cancelled like any other (someone would go to court for nothing). The case page keeps it, marked.
        where.add(cb.isNull(hearing.get("cancelledAt")));
        query.multiselect(hearing.get("id"), legalCase.get("id"), legalCase.get("caseNumber"), hearing.get("kind"), hearing.get("scheduledAt"),
                        hearingCourt.get("id"), hearingCourt.get("name"), caseCourt.get("id"), caseCourt.get("name"))
                .where(where.toArray(Predicate[]::new))
                .orderBy(cb.asc(hearing.get("scheduledAt")), cb.asc(hearing.get("id")));
        return em.createQuery(query).setMaxResults(Math.max(1, Math.min(limit, CALENDAR_LIMIT))).getResultList().stream()
                .map(row -> row[5] != null
                        ? new CalendarHearing((Long) row[0], (Long) row[1], (String) row[2], (HearingKind) row[3], (LocalDateTime) row[4], (Long) row[5], (String) row[6])
                        : new CalendarHearing((Long) row[0], (Long) row[1], (String) row[2], (HearingKind) row[3], (LocalDateTime) row[4], (Long) row[7], (String) row[8]))
                .toList();
    }

    /**
     * Of the given cases, those whose details the caller sees ({@link CaseAccess#detailsScope}), by id, each named by
     * its number and court (at most {@link #CALENDAR_LIMIT} ids are looked at); refused to funders and everyone else.
     * A calendar names the deadlines it was given by these. One statement; no client is read.
     */
    public Map<Long, CalendarCase> calendarCases(Collection<Long> caseIds) {
        List<Long> ids = caseIds.stream().filter(java.util.Objects::nonNull).distinct().limit(CALENDAR_LIMIT).toList();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        List<Predicate> scope;
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<LegalCase> legalCase = query.from(LegalCase.class);
        scope = new ArrayList<>(access.detailsScope(cb, legalCase));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Join<LegalCase, ReferenceItem> court = legalCase.join("court", JoinType.LEFT);
        scope.add(legalCase.get("id").in(ids));
        query.multiselect(legalCase.get("id"), legalCase.get("caseNumber"), court.get("id"), court.get("name")).where(scope.toArray(Predicate[]::new));
        Map<Long, CalendarCase> found = new HashMap<>();
        for (Object[] row : em.createQuery(query).getResultList()) {
            found.put((Long) row[0], new CalendarCase((Long) row[0], (String) row[1], (Long) row[2], (String) row[3]));
        }
        return found;
    }

    private List<Predicate> where(CriteriaBuilder cb, Root<LegalCase> root, ListQuery query) {
        List<Predicate> predicates = new ArrayList<>(access.scope(cb, root));
        Object queue = query.filters().get(QUEUE);
        if (queue != null) {
            predicates.addAll(queue(cb, root, CaseQueue.valueOf(queue.toString())));
        }
        Object search = query.filters().get(SEARCH);
        if (search != null && !search.toString().isBlank()) {
            predicates.add(search(cb, root, search.toString().trim()));
        }
        if (query.filters().get(PRIORITY) instanceof Priority priority) {
            // The stored rank (one per priority; cases not yet screened have a rank of their own) leads the
            // priority's indexes and gives the list's default order.
            predicates.add(cb.equal(root.get("priorityRank"), priority.rank()));
        }
        if (query.filters().get(HEARING_FROM) instanceof LocalDate from) {
            predicates.add(cb.greaterThanOrEqualTo(root.<LocalDate>get("nextHearingDate"), from));
        }
        if (query.filters().get(HEARING_TO) instanceof LocalDate to) {
            predicates.add(cb.lessThanOrEqualTo(root.<LocalDate>get("nextHearingDate"), to));
        }
        return predicates;
    }

    private List<Predicate> queue(CriteriaBuilder cb, Root<LegalCase> root, CaseQueue queue) {
        if (currentUser.isAdmin() ? !queue.isForFund() : !queue.isForPartner()) {
            throw new AccessDeniedException("queue " + queue + " is not the caller's");
        }
        Path<CaseStatus> status = root.get("status");
        LocalDate today = clock.today();
        return switch (queue) {
            case ALL -> List.of();
            case TO_SCREEN -> List.of(status.in(CaseStatus.REFERRED, CaseStatus.PENDING_DOCUMENTS));
            case TO_ASSIGN -> List.of(cb.equal(status, CaseStatus.ELIGIBLE));
            case OFFER_OVERDUE -> {
                Subquery<Long> overdue = cb.createQuery().subquery(Long.class);
                Root<CaseOffer> offer = overdue.from(CaseOffer.class);
                overdue.select(offer.get("id")).where(cb.equal(offer.get("legalCase"), root),
                        cb.equal(offer.get("status"), OfferStatus.PENDING),
                        cb.lessThan(offer.<Instant>get("offeredAt"), clock.now().minus(settings.offerResponseTime())));
                yield List.of(cb.equal(status, CaseStatus.OFFERED), cb.exists(overdue));
            }
            case DETAINED_NO_ATTORNEY -> List.of(cb.isTrue(root.get("detained")),
                    status.in(CaseStatus.REFERRED, CaseStatus.PENDING_DOCUMENTS, CaseStatus.ELIGIBLE, CaseStatus.OFFERED));
            case OFFERS_TO_ANSWER -> List.of(cb.equal(status, CaseStatus.OFFERED));
            case HEARINGS_NEXT_14_DAYS -> List.of(cb.equal(status, CaseStatus.ASSIGNED),
                    cb.between(root.<LocalDate>get("nextHearingDate"), today, today.plusDays(14)));
            case MY_OPEN_CASES -> List.of(cb.equal(status, CaseStatus.ASSIGNED));
        };
    }

    /**
     * A case number (2026-00042), an A-number (any written form, compared by its keyed hash: the column of
     * digits is encrypted), or words of the client's name (accents and case ignored; each typed word is the
     * start of a word of the name, found through the name index). A client the caller
     * may not see is never found by name or A-number, only by case number.
     */
    private Predicate search(CriteriaBuilder cb, Root<LegalCase> root, String text) {
        Optional<String> caseNumber = CaseNumbers.parse(text);
        if (caseNumber.isPresent()) {
            // As written and as stored: numbers from before the sequence's format stay findable as they are.
            return root.get("caseNumber").in(caseNumber.get(), text.strip());
        }
        Predicate found = match(cb, root, text);
        return currentUser.isAdmin() ? found : cb.and(found, cb.not(access.clientHidden(cb, root)));
    }

    private Predicate match(CriteriaBuilder cb, Root<LegalCase> root, String text) {
        Optional<ANumber> aNumber;
        try {
            aNumber = text.matches("(?i)^a?[\\s.\\-]*\\d[\\d\\s.\\-]{6,}$") ? ANumber.parse(text) : Optional.empty();
        } catch (InvalidANumberException notANumber) {
            aNumber = Optional.empty();
        }
        if (aNumber.isPresent()) {
            return cb.equal(root.get("client").get("aNumberHash"), aNumber.get().keyedHash());
        }
        List<Predicate> words = new ArrayList<>();
        for (String word : NameWords.of(text)) {
            Subquery<Long> named = cb.createQuery().subquery(Long.class);
            Root<ClientNameWord> index = named.from(ClientNameWord.class);
            named.select(index.get("clientId")).where(cb.equal(index.get("word"), NameWords.searchToken(word)));
            words.add(root.get("clientId").in(named));
        }
        if (words.isEmpty()) {
            return cb.disjunction();
        }
        return cb.and(words.toArray(Predicate[]::new));
    }
}
