package org.defensefund.tracker.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.accounts.SignInThrottle;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.cases.CalendarCase;
import org.defensefund.tracker.cases.CalendarHearing;
import org.defensefund.tracker.cases.CaseQueries;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.deadlines.DeadlineView;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.LogText;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.UiLanguage;

/**
 * Calendar feeds: a staff user's private iCalendar feed of the hearings and deadlines of the cases they may see, to
 * subscribe to from Outlook, Google Calendar or any calendar app.
 *
 * <p>Lifecycle: the owner makes a feed ({@link #issue}) and is given its secret token once; making another replaces
 * it (the old address stops working at once); turning it off ({@link #turnOff}) revokes it. Each change is in the
 * audit trail (the feed's record, never its token or the token's hash). A user has at most one active feed.
 *
 * <p>Reading ({@link #read}): the token is the credential, no session is involved. The feed is looked up by the
 * token's SHA-256 (the database never holds the token) and built as its owner, with the owner's rights at that very
 * moment, through the cases' and deadlines' own rules ({@link CaseQueries#hearingsBetween},
 * {@link CaseQueries#calendarCases}, {@link DeadlineService#openCaseDeadlines}): a disabled owner, or one who is no
 * longer administrator or partner staff, gets nothing; an owner moved to another organization sees that one's cases;
 * a case made confidential while only offered to the owner's organization, or reassigned elsewhere, leaves the feed
 * at the next read. Entries name the case by its number, the kind of hearing or deadline and the court, with the
 * address of the case page, never a client's name or A-number, in the owner's language.
 *
 * <p>What a feed holds: the hearings from {@value #PAST_DAYS} days ago to {@value #FUTURE_DAYS} days ahead (one hour
 * each, in UTC), and the open deadlines due in the same days as whole-day events, an overdue one said so; at most
 * {@value #MAX_HEARINGS} hearings and {@value #MAX_DEADLINES} deadlines, the earliest first.
 */
@ApplicationScoped
@Transactional
public class CalendarFeedService {

    /** How far back a feed goes. */
    public static final int PAST_DAYS = 30;
    /** How far ahead a feed goes. */
    public static final int FUTURE_DAYS = 365;
    /** The most hearings one feed holds (the earliest of its days first). */
    public static final int MAX_HEARINGS = CaseQueries.CALENDAR_LIMIT;
    /** The most deadlines one feed holds (the earliest of its days first). */
    public static final int MAX_DEADLINES = DeadlineService.CALENDAR_LIMIT;
    /** How long a hearing is shown for: the court gives a time, not an end. */
    static final Duration HEARING_LENGTH = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(CalendarFeedService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private CalendarAccess access;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CallerContext caller;

    @Inject
    private FundClock clock;

    @Inject
    private Settings settings;

    @Inject
    private UserAccountService accounts;

    @Inject
    private CaseQueries cases;

    @Inject
    private DeadlineService deadlines;

    @Inject
    private ReferenceDataService referenceData;

    /** Whether the caller may have a calendar feed (administrators and partner staff); "My account" offers one then. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean offered() {
        return access.mayHaveFeed();
    }

    /** The caller's active feed, if they have one: when it was made and last read (never its address). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CalendarFeedState> current() {
        Long owner = access.requireOwner("have a calendar feed");
        return active(owner).stream().findFirst().map(feed -> new CalendarFeedState(feed.getCreatedAt(), feed.getLastReadAt()));
    }

    /**
     * Makes the caller a new feed and returns its secret token, which is never shown again (only its SHA-256 is kept);
     * the caller's earlier feed, if any, is revoked: its address stops working.
     */
    public String issue() {
        Long owner = access.requireOwner("have a calendar feed");
        Instant now = clock.now();
        active(owner).forEach(feed -> feed.revoke(now));
        String token = FeedTokens.newToken();
        em.persist(new CalendarFeed(owner, FeedTokens.hash(token), now));
        em.flush();
        return token;
    }

    /** Turns the caller's feed off: its address stops working. Whether there was one to turn off. */
    public boolean turnOff() {
        Long owner = access.requireOwner("turn a calendar feed off");
        Instant now = clock.now();
        List<CalendarFeed> feeds = active(owner);
        feeds.forEach(feed -> feed.revoke(now));
        em.flush();
        return !feeds.isEmpty();
    }

    /**
     * The feed of this token as iCalendar text, built as its owner (see the class's description); nothing when the token
     * is not that of an active feed, or its owner is disabled or may no longer have one, with no word of which. Guessing
     * is slowed per address ({@link SignInThrottle}, as every check of a secret): after three tokens that match no feed
     * ever made, each further try from that address waits a doubling delay (2 s, 4 s... at most a minute), and nothing is
     * looked up meanwhile. A revoked feed's token doesn't count, so calendar servers that keep asking for an old address
     * don't slow down the feeds they fetch for others. The database is asked for the token's SHA-256, never the token.
     */
    public FeedAnswer read(String token, String fromAddress) {
        String throttleKey = "calendar-feed:" + fromAddress;
        Duration wait = throttle.waitForSecret(throttleKey, clock.now());
        if (!wait.isZero()) {
            return FeedAnswer.waitFor(SignInThrottle.seconds(wait));
        }
        Optional<CalendarFeed> feed = Optional.empty();
        if (FeedTokens.wellFormed(token)) {
            String hash = FeedTokens.hash(token);
            feed = em.createQuery("select f from CalendarFeed f where f.tokenHash = :hash", CalendarFeed.class)
                    .setParameter("hash", hash).getResultStream().findFirst()
                    .filter(found -> FeedTokens.same(found.getTokenHash(), hash));
        }
        if (feed.isEmpty()) {
            throttle.secretFailed(throttleKey, clock.now());
            LOG.warning(() -> "No calendar feed has the address asked for from " + LogText.of(fromAddress));
            return FeedAnswer.notFound();
        }
        Optional<String> owner = feed.filter(CalendarFeed::isActive).flatMap(active -> accounts.activeEmail(active.getUserId()));
        if (owner.isEmpty()) {
            return FeedAnswer.notFound();
        }
        Optional<String> text = caller.runAs(owner.get(), () -> access.mayHaveFeed() ? Optional.of(build()) : Optional.<String>empty());
        if (text.isEmpty()) {
            return FeedAnswer.notFound();
        }
        em.createNativeQuery("UPDATE calendar_feed SET last_read_at = ?1 WHERE id = ?2")
                .setParameter(1, java.sql.Timestamp.from(clock.now())).setParameter(2, feed.get().getId()).executeUpdate();
        return FeedAnswer.feed(text.get());
    }

    private List<CalendarFeed> active(Long owner) {
        return em.createQuery("select f from CalendarFeed f where f.userId = :owner and f.revokedAt is null order by f.id", CalendarFeed.class)
                .setParameter("owner", owner).getResultList();
    }

    private String build() {
        UiLanguage language = currentUser.account(UserAccount.class).map(UserAccount::getLanguage)
                .flatMap(Languages.installed()::find).orElse(Languages.ENGLISH);
        Texts texts = new Texts(language.locale());
        Map<Long, String> courtNames = referenceData.namesIn(language.tag());
        ZoneId zone = clock.zone();
        LocalDate today = clock.today();
        LocalDate from = today.minusDays(PAST_DAYS);
        LocalDate to = today.plusDays(FUTURE_DAYS);
        String host = host();
        List<CalendarEntry> entries = new ArrayList<>();
        for (CalendarHearing hearing : cases.hearingsBetween(from.atStartOfDay(), to.plusDays(1).atStartOfDay(), MAX_HEARINGS)) {
            String kind = texts.get("hearingKind." + hearing.kind().name());
            String court = court(hearing.courtId(), hearing.courtName(), courtNames);
            entries.add(CalendarEntry.timed("hearing-" + hearing.hearingId() + "@" + host, hearing.scheduledAt().atZone(zone).toInstant(),
                    HEARING_LENGTH, texts.format("calendar.hearing.summary", kind, hearing.caseNumber()),
                    description(texts, hearing.caseNumber(), kind, court, hearing.caseId(), null), court, casePage(hearing.caseId())));
        }
        List<DeadlineView> open = deadlines.openCaseDeadlines(from, to, MAX_DEADLINES);
        Map<Long, CalendarCase> named = cases.calendarCases(open.stream().map(view -> view.deadline().getCaseId()).toList());
        for (DeadlineView view : open) {
            CalendarCase legalCase = named.get(view.deadline().getCaseId());
            if (legalCase == null) {
                continue;
            }
            String kind = texts.get("deadlineRule." + view.deadline().getRule().name());
            String court = court(legalCase.courtId(), legalCase.courtName(), courtNames);
            String summary = texts.format(view.overdue() ? "calendar.deadline.overdueSummary" : "calendar.deadline.summary", kind, legalCase.caseNumber());
            entries.add(CalendarEntry.allDay("deadline-" + view.deadline().getId() + "@" + host, view.deadline().getDueOn(), summary,
                    description(texts, legalCase.caseNumber(), kind, court, legalCase.caseId(), view.overdue() ? texts.get("calendar.overdue") : null),
                    court, casePage(legalCase.caseId())));
        }
        String name = texts.format("calendar.name", settings.getFundName());
        return FeedWriter.write("-//" + settings.getFundName().replace("//", "/") + "//Case tracker//" + language.tag().toUpperCase(Locale.ROOT),
                name, clock.now(), entries);
    }

    private static String description(Texts texts, String caseNumber, String kind, String court, Long caseId, String note) {
        StringBuilder text = new StringBuilder(texts.format("calendar.description.case", caseNumber)).append('\n').append(kind).append('\n')
                .append(court == null ? texts.get("calendar.description.noCourt") : texts.format("calendar.description.court", court));
        if (note != null) {
            text.append('\n').append(note);
        }
        return text.toString();
    }

    private static String court(Long id, String englishName, Map<Long, String> names) {
        return id == null ? null : names.getOrDefault(id, englishName);
    }

    private URI casePage(Long caseId) {
        String base = settings.publicUrl();
        return URI.create((base.endsWith("/") ? base : base + "/") + "cases/detail.xhtml?id=" + caseId);
    }

    /** The site's host name, which makes the events' UIDs unique beyond this fund. */
    private String host() {
        try {
            String host = URI.create(settings.publicUrl()).getHost();
            return host == null || host.isBlank() ? "tracker" : host;
        } catch (IllegalArgumentException badSetting) {
            return "tracker";
        }
    }

    /** The pages' texts in the owner's language (English where a text isn't translated). */
    private static final class Texts {

        private final Locale locale;
        private final ResourceBundle bundle;

        Texts(Locale locale) {
            this.locale = locale;
            this.bundle = ResourceBundle.getBundle(Languages.BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }

        String get(String key) {
            return bundle.getString(key);
        }

        String format(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }
    }
}
