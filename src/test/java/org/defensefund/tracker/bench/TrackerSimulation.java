package org.defensefund.tracker.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doWhile;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.logging.Logger;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.shared.FundClock;

/**
 * The benchmark: each virtual user signs in with an account of its own (password, then a TOTP code where the
 * account has two-factor sign-in) and walks its role's journey in a loop; then the administrators and partner
 * staff load the lists with no think time (list throughput); then as many users load the sign-in page, a Faces
 * page with no database access (the Faces floor). Before the load each measured page's SQL is captured and timed
 * through plain JDBC (the SQL floor, {@link SqlFloor}); after it the heap and the size of a session are read
 * ({@link ServerMemory}) and {@link BenchReport} writes the report.
 *
 * <p>Every request checks its status, that it is neither the error page nor the sign-in page, and for form
 * posts that no field error came back. Case ids are taken from the links the lists render. Each form post
 * carries the fields the page rendered (view state and nonce included), with the user's input on top.
 */
public class TrackerSimulation extends Simulation {

    private static final Logger LOG = Logger.getLogger(TrackerSimulation.class.getName());

    /** The fixture of a run started from a test (the smoke IT); otherwise chosen by {@code -Dbench.accounts}. */
    private static volatile AccountSource accountSource;
    /** What the last run measured, for the test that started it. */
    private static volatile BenchReport lastReport;

    static final List<String> ADMIN_QUEUES = List.of("TO_SCREEN", "TO_ASSIGN", "OFFER_OVERDUE", "DETAINED_NO_ATTORNEY");
    static final List<String> PARTNER_QUEUES = List.of("OFFERS_TO_ANSWER", "HEARINGS_NEXT_14_DAYS", "MY_OPEN_CASES");
    static final List<String> PRESETS = List.of("THIS_MONTH", "LAST_MONTH", "THIS_QUARTER", "YEAR_TO_DATE", "LAST_12_MONTHS");
    static final List<String> EXPORTS = List.of("csv", "xlsx", "pdf");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final Measurements measurements = new Measurements();
    private final SqlFloor sqlFloor = new SqlFloor(settings);
    private final ServerMemory memory = ServerMemory.find(settings);
    private final ConcurrentLinkedQueue<String> sessions = new ConcurrentLinkedQueue<>();
    private final List<BenchAccount> admins;
    private final List<BenchAccount> partners;
    private final List<BenchAccount> funders;
    private volatile long start;
    private long heapBefore = -1;

    public static void useAccounts(AccountSource source) {
        accountSource = source;
    }

    public static BenchReport lastReport() {
        return lastReport;
    }

    public TrackerSimulation() {
        AccountSource source = accountSource != null ? accountSource : chosenSource(settings.accounts());
        admins = source.accounts(Role.ADMIN, settings.usersPerRole());
        partners = source.accounts(Role.PARTNER, settings.usersPerRole());
        funders = source.accounts(Role.FUNDER, settings.usersPerRole());
        if (admins.isEmpty() || partners.isEmpty() || funders.isEmpty()) {
            throw new IllegalStateException("the account source '" + source.describe() + "' lacks a role's accounts");
        }
        LOG.info(() -> "bench: " + source.describe() + ", users " + admins.size() + "/" + partners.size() + "/" + funders.size()
                + " (admin/partner/funder) against " + settings.url());

        HttpProtocolBuilder protocol = http.baseUrl(settings.url())
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("en-US,en;q=0.9")
                .userAgentHeader("tracker-bench (Gatling)")
                .disableCaching();
        int listUsers = admins.size() + partners.size();
        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(admin().injectOpen(rampUsers(admins.size()).during(settings.rampUp())));
        populations.add(partner().injectOpen(rampUsers(partners.size()).during(settings.rampUp())));
        populations.add(funder().injectOpen(rampUsers(funders.size()).during(settings.rampUp())));
        populations.add(floor().injectOpen(atOnceUsers(listUsers)));
        setUp(populations).protocols(protocol);
    }

    private static AccountSource chosenSource(String name) {
        return switch (name) {
            case "demo" -> AccountSource.demo();
            case "seed" -> AccountSource.seeded();
            default -> throw new IllegalArgumentException("unknown -Dbench.accounts=" + name + " (demo or seed)");
        };
    }

    // ----- the timeline: journeys, then list throughput, then the Faces floor (absolute times, set in before())

    private long journeysEnd() {
        return start + settings.rampUp().toMillis() + settings.duration().toMillis();
    }

    private long throughputEnd() {
        return journeysEnd() + settings.floorDuration().toMillis();
    }

    private long floorStart() {
        return throughputEnd() + 2_000;
    }

    private long floorEnd() {
        return floorStart() + settings.floorDuration().toMillis();
    }

    // ----- scenarios

    private ScenarioBuilder admin() {
        return scenario("administrator").feed(listFeeder(asFeed(admins)).circular())
                .exec(signIn("admin"))
                .exec(doWhile(s -> System.currentTimeMillis() < journeysEnd()).on(adminJourney()))
                .exec(doWhile(s -> System.currentTimeMillis() < throughputEnd()).on(
                        load(s -> "throughput: admin list ALL", "cases/list.xhtml?queue=ALL")))
                .exec(keepSession());
    }

    private ScenarioBuilder partner() {
        return scenario("partner staff").feed(listFeeder(asFeed(partners)).circular())
                .exec(signIn("partner"))
                .exec(doWhile(s -> System.currentTimeMillis() < journeysEnd()).on(partnerJourney()))
                .exec(doWhile(s -> System.currentTimeMillis() < throughputEnd()).on(
                        load(s -> "throughput: partner list MY_OPEN_CASES", "cases/list.xhtml?queue=MY_OPEN_CASES")))
                .exec(keepSession());
    }

    private ScenarioBuilder funder() {
        return scenario("funder").feed(listFeeder(asFeed(funders)).circular())
                .exec(signIn("funder"))
                .exec(doWhile(s -> System.currentTimeMillis() < journeysEnd()).on(funderJourney()))
                .exec(keepSession());
    }

    /** The Faces floor: the sign-in page (no database), loaded by as many users as loaded the lists, no think time. */
    private ScenarioBuilder floor() {
        return scenario("faces floor")
                .pause(s -> Duration.ofMillis(Math.max(0, floorStart() - System.currentTimeMillis())))
                .exec(doWhile(s -> System.currentTimeMillis() < floorEnd()).on(
                        timed(s -> "floor: sign-in page (no database)", http("floor: sign-in page (no database)").get("login.xhtml")
                                .check(responseTimeInMillis().saveAs("rt"), status().is(200), substring(Html.SIGN_IN_FORM).exists()), false)));
    }

    private ChainBuilder adminJourney() {
        return exec(page(s -> "admin home", "index.xhtml"))
                .exec(foreach(ADMIN_QUEUES, "queue").on(page(s -> "admin list " + s.getString("queue"), "cases/list.xhtml?queue=#{queue}")))
                .exec(page(s -> "admin list ALL", "cases/list.xhtml?queue=ALL"))
                .exec(this::pickCases)
                .exec(listAjax("admin sort (ajax)", this::sortForm))
                .exec(listAjax("admin next page (ajax)", this::pageForm))
                .exec(page(s -> "admin search name", "cases/list.xhtml?q=" + settings.searchName()))
                .exec(page(s -> "admin search A-number", "cases/list.xhtml?q=" + settings.searchANumber()))
                .exec(doIf(s -> s.contains("caseNumber")).then(page(s -> "admin search case number", "cases/list.xhtml?q=#{caseNumber}")))
                .exec(doIf(s -> s.contains("caseId")).then(
                        exec(page(s -> "admin open case", "cases/detail.xhtml?id=#{caseId}"))
                                .exec(page(s -> "admin case hearings", "cases/detail.xhtml?id=#{caseId}&tab=hearings"))
                                .exec(doIf(s -> s.getString("html").contains("<form id=\"hearing\"")).then(
                                        formPost("admin record hearing", "hearing", this::hearingForm)))));
    }

    private ChainBuilder partnerJourney() {
        return exec(page(s -> "partner home", "index.xhtml"))
                .exec(foreach(PARTNER_QUEUES, "queue").on(page(s -> "partner list " + s.getString("queue"), "cases/list.xhtml?queue=#{queue}")))
                .exec(this::pickCases)
                .exec(doIf(s -> s.contains("caseId")).then(
                        exec(page(s -> "partner open case", "cases/detail.xhtml?id=#{caseId}"))
                                .exec(page(s -> "partner case costs", "cases/costs.xhtml?id=#{caseId}"))
                                .exec(doIf(s -> s.getString("html").contains("<form id=\"cost\"")).then(
                                        formPost("partner record cost", "cost", this::costForm)))));
    }

    private ChainBuilder funderJourney() {
        return exec(page(s -> "funder dashboard", "dashboard/index.xhtml"))
                .exec(foreach(PRESETS, "preset").on(
                        formPost("funder dashboard #{preset}", "filters", s -> dashboardForm(s, "apply"))))
                .exec(s -> s.set("export", EXPORTS.get((int) (s.getLong("exported") % EXPORTS.size()))).set("exported", s.getLong("exported") + 1))
                .exec(download());
    }

    // ----- sign-in

    private ChainBuilder signIn(String role) {
        return exec(s -> s.set("exported", 0L))
                .exec(timed(s -> "sign-in page", http("sign-in page").get("login.xhtml")
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200), bodyString().saveAs("html"))))
                .exec(timed(s -> "sign-in password (" + role + ")", http("sign-in password (" + role + ")")
                        .post(s -> BenchClient.formAction(s.getString("html"), "login"))
                        .formParamMap(this::passwordForm)
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200), substring(Html.SIGN_IN_FORM).notExists(),
                                substring(Html.ERROR_PAGE).notExists(), bodyString().saveAs("html"))))
                .exec(doIf(s -> s.getString("html").contains(Html.CODE_FORM)).then(
                        exec(s -> {
                            Authenticator.Code code = Authenticator.next(s.getString("email"), s.getString("secret"));
                            return s.set("code", code.code()).set("codeWait", code.waitMillis());
                        })
                                .pause(s -> Duration.ofMillis(s.getLong("codeWait")))
                                .exec(timed(s -> "sign-in code (" + role + ")", http("sign-in code (" + role + ")")
                                        .post(s -> BenchClient.formAction(s.getString("html"), "verify"))
                                        .formParamMap(this::codeForm)
                                        .check(pageChecks(false))))))
                .exitHereIf(s -> !s.getBoolean("lastOk"));
    }

    private Map<String, Object> passwordForm(Session s) {
        Map<String, Object> form = new LinkedHashMap<>(Html.formFields(s.getString("html"), "login"));
        form.put("login", "login");
        form.put("login:email", s.getString("email"));
        form.put("login:password", s.getString("password"));
        form.put("login:submit", "");
        return form;
    }

    private Map<String, Object> codeForm(Session s) {
        Map<String, Object> form = new LinkedHashMap<>(Html.formFields(s.getString("html"), "verify"));
        form.put("verify", "verify");
        form.put("verify:code", s.getString("code"));
        form.put("verify:submit", "");
        return form;
    }

    // ----- requests

    /**
     * A step of a journey: done while the journeys last (a user whose journey is cut short goes on to the
     * throughput phase at once, instead of finishing it with its pauses inside that phase); in smoke mode every
     * step of the one pass runs.
     */
    private ChainBuilder step(ChainBuilder chain) {
        return doIf(s -> settings.smoke() || System.currentTimeMillis() < journeysEnd()).then(chain);
    }

    /** A page by GET in a journey; its body kept for the next step. */
    private ChainBuilder page(Function<Session, String> name, String path) {
        return step(timed(name, http(name).get(path).check(pageChecks(false)), true));
    }

    /** A page by GET as fast as the server answers (the throughput phase: no think time). */
    private ChainBuilder load(Function<Session, String> name, String path) {
        return timed(name, http(name).get(path).check(pageChecks(false)), false);
    }

    /** A form of the last page posted with the user's input, as its button would (ajax="false"). */
    private ChainBuilder formPost(String name, String formId, Function<Session, Map<String, Object>> fields) {
        Function<Session, String> resolved = s -> name.replace("#{preset}", String.valueOf(s.getString("preset")));
        return step(timed(resolved, http(resolved).post(s -> BenchClient.formAction(s.getString("html"), formId))
                .formParamMap(fields).check(pageChecks(true)), true));
    }

    /** A PrimeFaces ajax request of the case table (sort, page): a partial response without error or redirect. */
    private ChainBuilder listAjax(String name, Function<Session, Map<String, Object>> fields) {
        return step(doIf(s -> s.contains("listForm")).then(timed(s -> name, http(name)
                .post(s -> BenchClient.formAction(s.getString("listHtml"), "cases"))
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .formParamMap(fields)
                .check(responseTimeInMillis().saveAs("rt"), status().is(200), substring("<partial-response").exists(),
                        substring("<error>").notExists(), substring("<redirect").notExists()), true)));
    }

    private ChainBuilder download() {
        Function<Session, String> name = s -> "funder export " + s.getString("export");
        return step(timed(name, http(name).post(s -> BenchClient.formAction(s.getString("html"), "filters"))
                        .formParamMap(s -> dashboardForm(s, s.getString("export")))
                        .check(responseTimeInMillis().saveAs("rt"), status().is(200),
                                header("Content-Type").transform(t -> t.contains("csv") || t.contains("spreadsheet") || t.contains("pdf")).is(true),
                                bodyLength().gt(20)), true));
    }

    private static CheckBuilder[] pageChecks(boolean formPost) {
        List<CheckBuilder> checks = new ArrayList<>(List.of(responseTimeInMillis().saveAs("rt"), status().is(200),
                substring(Html.SIGN_IN_FORM).notExists(), substring(Html.CODE_FORM).notExists(),
                substring(Html.ERROR_PAGE).notExists(), bodyString().saveAs("html")));
        if (formPost) {
            checks.add(substring(Html.FIELD_ERROR).notExists());
        }
        return checks.toArray(CheckBuilder[]::new);
    }

    /** A sign-in step: recorded, then the think time. */
    private ChainBuilder timed(Function<Session, String> name, HttpRequestActionBuilder request) {
        return timed(name, request, true);
    }

    /** Runs the request and records its time and outcome (each request starts with a clean failure flag); then the think time, if asked. */
    private ChainBuilder timed(Function<Session, String> name, HttpRequestActionBuilder request, boolean think) {
        ChainBuilder chain = exec(s -> s.remove("rt").markAsSucceeded())
                .exec(request)
                .exec(s -> {
                    boolean ok = !s.isFailed() && s.contains("rt");
                    measurements.record(name.apply(s), ok ? s.getLong("rt") : -1, ok);
                    return s.set("lastOk", ok).markAsSucceeded();
                });
        return !think || settings.think().isZero() ? chain : chain.pause(settings.think());
    }

    private ChainBuilder keepSession() {
        return exec(getCookieValue(CookieKey("JSESSIONID").saveAs("sessionId")))
                .exec(s -> {
                    if (s.contains("sessionId")) {
                        sessions.add(s.getString("sessionId"));
                    }
                    return s;
                });
    }

    // ----- what the pages rendered, and what the user types

    /** From a list page: a case to open (an assigned one if any, so a hearing or cost can be recorded), its number, the table's form. */
    private Session pickCases(Session s) {
        String html = s.getString("html");
        List<Html.CaseLink> cases = Html.cases(html);
        Session next = s.remove("caseId").remove("caseNumber").remove("listForm");
        if (!cases.isEmpty()) {
            // Any assigned case of the page, so that the hearings and costs the journeys record spread over many
            // cases (always the first one grew a case with thousands of costs, run after run).
            List<Html.CaseLink> assigned = cases.stream().filter(c -> c.status().equals("ASSIGNED")).toList();
            List<Html.CaseLink> from = assigned.isEmpty() ? cases : assigned;
            Html.CaseLink chosen = from.get((int) (Math.random() * from.size()));
            next = next.set("caseId", chosen.id()).set("caseNumber", cases.get((int) (Math.random() * cases.size())).number());
        }
        if (html.contains("<form id=\"cases\"")) {
            List<String> sortable = Html.sortableColumns(html, "cases:table");
            next = next.set("listForm", new HashMap<>(Html.formFields(html, "cases"))).set("listHtml", html)
                    .set("sortColumn", sortable.isEmpty() ? "" : sortable.get(Math.min(1, sortable.size() - 1)));
        }
        return next;
    }

    private Map<String, Object> ajax(Session s) {
        Map<String, String> fields = s.get("listForm");
        Map<String, Object> form = new LinkedHashMap<>(fields);
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "cases:table");
        form.put("jakarta.faces.partial.execute", "cases:table");
        form.put("jakarta.faces.partial.render", "cases:table");
        form.put("cases:table", "cases:table");
        form.put("cases", "cases");
        return form;
    }

    private Map<String, Object> sortForm(Session s) {
        Map<String, Object> form = ajax(s);
        form.put("jakarta.faces.behavior.event", "sort");
        form.put("jakarta.faces.partial.event", "sort");
        form.put("cases:table_encodeFeature", "true");
        form.put("cases:table_sorting", "true");
        form.put("cases:table_sortKey", s.getString("sortColumn"));
        form.put("cases:table_sortDir", "1");
        return form;
    }

    private Map<String, Object> pageForm(Session s) {
        Map<String, Object> form = ajax(s);
        form.put("jakarta.faces.behavior.event", "page");
        form.put("jakarta.faces.partial.event", "page");
        form.put("cases:table_pagination", "true");
        form.put("cases:table_skipChildren", "true");
        form.put("cases:table_encodeFeature", "true");
        form.put("cases:table_first", "25");
        form.put("cases:table_rows", "25");
        return form;
    }

    private Map<String, Object> hearingForm(Session s) {
        String html = s.getString("html");
        Map<String, Object> form = new LinkedHashMap<>(Html.formFields(html, "hearing"));
        form.put("hearing", "hearing");
        form.put("hearing:kind_input", firstChoice(html, "hearing:kind_input"));
        form.put("hearing:court_input", firstChoice(html, "hearing:court_input"));
        form.put("hearing:scheduledAt_input", LocalDate.now(FundClock.current()).plusDays(30).format(DATE) + " 10:00 AM");
        form.put("hearing:result", "");
        form.put("hearing:submit", "");
        return form;
    }

    private Map<String, Object> costForm(Session s) {
        String html = s.getString("html");
        Map<String, Object> form = new LinkedHashMap<>(Html.formFields(html, "cost"));
        form.put("cost", "cost");
        form.put("cost:category_input", "FILING_FEE");
        form.put("cost:hours", "");
        form.put("cost:rate", "");
        form.put("cost:amount", "5.00");
        // Today, unless the case already has costs: then the latest of their dates, inside its sub-award's period.
        form.put("cost:costDate_input", Html.latestDate(html, "costs").filter(d -> !d.isAfter(LocalDate.now(FundClock.current()))).orElse(LocalDate.now(FundClock.current())).format(DATE));
        form.put("cost:note", "bench");
        form.put("cost:submit", "");
        return form;
    }

    private Map<String, Object> dashboardForm(Session s, String button) {
        Map<String, Object> form = new LinkedHashMap<>(Html.formFields(s.getString("html"), "filters"));
        form.put("filters", "filters");
        if ("apply".equals(button)) {
            form.put("filters:preset_input", s.getString("preset"));
            form.put("filters:from_input", "");
            form.put("filters:to_input", "");
        }
        form.put("filters:" + button, "");
        return form;
    }

    private static String firstChoice(String html, String select) {
        return Html.options(html, select).stream().filter(v -> !v.isEmpty()).findFirst().orElse("");
    }

    private static List<Map<String, Object>> asFeed(List<BenchAccount> accounts) {
        return accounts.stream().<Map<String, Object>>map(a -> {
            Map<String, Object> row = new HashMap<>();
            row.put("email", a.email());
            row.put("password", a.password());
            row.put("secret", a.totpSecret() == null ? "" : a.totpSecret());
            return row;
        }).toList();
    }

    // ----- before and after the load

    @Override
    public void before() {
        new SqlCapture(settings, sqlFloor, admins.get(0), partners.get(0), funders.get(0)).run();
        sqlFloor.time(settings.sqlRepetitions());
        heapBefore = memory.liveAfterGc();
        start = System.currentTimeMillis();
    }

    @Override
    public void after() {
        long heapAtEnd = memory.used();
        long liveWithSessions = memory.liveAfterGc();
        memory.histogram(settings.outputDir().resolve("heap-with-sessions.txt"));
        int signedOut = 0;
        for (String session : sessions) {
            try {
                if (BenchClient.withSession(settings.url(), session).signOut()) {
                    signedOut++;
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "sign-out failed: " + e.getMessage());
            }
        }
        long liveWithout = memory.liveAfterGc();
        memory.histogram(settings.outputDir().resolve("heap-after-sign-out.txt"));
        BenchReport report = new BenchReport(settings, measurements, sqlFloor, memory,
                new BenchReport.Memory(heapBefore, heapAtEnd, liveWithSessions, liveWithout, signedOut),
                journeysEnd(), throughputEnd(), floorStart(), floorEnd(), admins.size() + "/" + partners.size() + "/" + funders.size());
        report.write();
        lastReport = report;
    }
}
