package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.defensefund.tracker.access.CallerContext;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input, form by form: every form of every page (the pages of {@link AccessMatrixWebIT}'s matrix, so a
 * new page is covered as soon as it has its row, plus the states of a case that show other forms), opened by
 * each kind of caller that may open it, is posted again and again as the page rendered it with one field at a
 * time holding a hostile value: over-long text (5,000 characters, and one character past the field's own
 * limit), control characters, NUL, right-to-left and zero-width characters, emoji, SQL and EL fragments,
 * markup, huge and negative numbers, impossible dates, another organization's ids; and each form once
 * without its view state, with a made-up one, and with the id of another organization's record forged into
 * the address and the body. Each answer must be a page (never a 500, never a stack trace, never the error
 * page, never the hostile markup written back unescaped); a submission refused (a message on the page, 400,
 * 403) must have written nothing (no new entry in the audit trail, which every write of every record makes);
 * after the run no row of any table holds a NUL or any part of the over-long texts, and partner B's, funder
 * B's and their cases' rows are exactly as they were after everything partner A, funder A and anonymous
 * callers sent.
 * <p>
 * About 6,100 submissions to 90 forms a run, in about 3 minutes (anonymous, funder A and partner A at once, then two administrators
 * at once); the count is printed, with the forms, and fewer than {@link #AT_LEAST} fails the test. Not covered:
 * the sign-in's second step (wrong codes throttle the address every test signs in from), the set-up page of a
 * valid e-mailed link, and PrimeFaces' partial (ajax) requests other than as full posts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputWebIT {

    /** Fewer submissions than this means coverage shrank (a form no longer found, a caller signed out...). */
    private static final int AT_LEAST = 3000;
    private static final String LONG_MARK = "HOSTILELONG";
    private static final String ERROR_PAGE = "id=\"errorText\"";
    private static final String MARKUP = "<script>alert('hostile')</script>";
    private static final String ATTRIBUTE_MARKUP = "\"><img src=x onerror=alert(1)>";

    /** How many of the first {@link #VALUES} every field is given (the others go round the fields, see variants). */
    private static final int ALWAYS = 3;

    /** The hostile values; those a form is most likely to refuse come first, so a form survives longer. */
    private static final List<String> VALUES = List.of(
            LONG_MARK + "x".repeat(5000 - LONG_MARK.length()),
            "hostile\u0000nul",
            "hostile\u0001\u0007\u001b[31m\u007f\u0085control",
            "99999999999999999999999999999",
            "-1",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "02/30/2026",
            "13/32/2026 25:61 PM",
            "00/00/0000",
            "12/31/99999",
            "2026-02-30",
            "",
            "   ",
            "hostile \u202Egnp.exe\u200B\u200C\u200D\u2066\uFEFF",
            "hostile \uD83D\uDE00\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "hostile' OR '1'='1' -- ",
            "1; DROP TABLE legal_case; --",
            "0 UNION SELECT password_hash FROM user_account",
            "#{1+1}${7*7}#{request.session.invalidate()}",
            MARKUP,
            ATTRIBUTE_MARKUP);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    private final Map<String, String> ids = new LinkedHashMap<>();
    /** The ids of partner B's and funder B's records, forged into A's pages. */
    private final Map<String, String> otherIds = new LinkedHashMap<>();
    private long partnerA;
    private long partnerB;

    private long firstEntry;
    private final AtomicInteger submissions = new AtomicInteger();
    private final Map<String, Integer> perForm = new ConcurrentHashMap<>();
    private final List<String> wrong = Collections.synchronizedList(new ArrayList<>());

    /** A page to open: an address, made again (a new fixture) when a submission used up the state it shows. */
    private record Page(String label, Supplier<String> address, boolean renewable) {
    }

    @Test
    void noHostileSubmissionOfAnyFormGetsA500OrWritesWhatItShouldNot() throws Exception {
        long started = System.nanoTime();
        fixture();
        firstEntry = TestDatabase.count("select coalesce(max(id), 0) from audit_entry");
        String otherBefore = otherOrganizationsRows();

        String staffA = TestDatabase.user("PARTNER", partnerA, null);
        ids.put("userA", TestDatabase.text("select id from user_account where email = ?", staffA));
        String funderUser = TestDatabase.user("FUNDER", null, Long.parseLong(ids.get("funderA")));
        // Anonymous callers, funder A's user and partner A's staff at once; then partner B's and funder B's rows
        // must be as they were. Then the fund's administrators, two at once, each with half the pages.
        runAtOnce(List.of(
                new Caller("nobody", CallerContext.SYSTEM, new WebClient(base.toString()), pagesFor("nobody")),
                new Caller("funderA", funderUser, signedIn(funderUser), pagesFor("funderA")),
                new Caller("partnerA", staffA, signedIn(staffA), pagesFor("partnerA"))));
        assertEquals(otherBefore, otherOrganizationsRows(), "partner B's and funder B's records after partner A's, funder A's and anonymous submissions");
        List<Page> adminPages = pagesFor("admin");
        String admin1 = TestDatabase.user("ADMIN", null, null);
        String admin2 = TestDatabase.user("ADMIN", null, null);
        runAtOnce(List.of(
                new Caller("admin", admin1, signedIn(admin1), adminPages.subList(0, adminPages.size() / 2)),
                new Caller("admin", admin2, signedIn(admin2), adminPages.subList(adminPages.size() / 2, adminPages.size()))));

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("HostileInputWebIT: " + submissions.get() + " hostile submissions to " + perForm.size() + " forms in " + seconds + " s");
        new TreeMap<>(perForm).forEach((form, count) -> System.out.println("  " + count + "\t" + form));
        List<String> found = new ArrayList<>(storedNuls());
        found.addAll(storedOverLongTexts());
        found.addAll(wrong);
        found.forEach(problem -> System.out.println("  WRONG " + problem));
        assertEquals(List.of(), found.stream().limit(150).toList(), found.size() + " wrong answers or writes (NULs or over-long texts stored first)");
        assertTrue(submissions.get() >= AT_LEAST, "only " + submissions.get() + " hostile submissions: coverage shrank");
    }

    /** Who submits: a kind of caller (a column of the matrix), the account the audit trail names, its client and its pages. */
    private record Caller(String kind, String actor, WebClient client, List<Page> pages) {
    }

    private void runAtOnce(List<Caller> callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Caller caller : callers) {
                running.add(threads.submit(() -> {
                    Set<String> done = new HashSet<>();
                    for (Page page : caller.pages()) {
                        attack(caller, page, done);
                    }
                }));
            }
            for (Future<?> each : running) {
                each.get(10, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void fixture() {
        partnerA = TestDatabase.partner(TestDatabase.unique("Hostile Legal A"));
        partnerB = TestDatabase.partner(TestDatabase.unique("Hostile Legal B"));
        long funderA = TestDatabase.funder(TestDatabase.unique("Hostile Fund A"));
        long funderB = TestDatabase.funder(TestDatabase.unique("Hostile Fund B"));
        long grantA = TestDatabase.grantWithSubAward(TestDatabase.unique("Hostile Grant A"), funderA, partnerA, "1000.00", "500.00");
        long grantB = TestDatabase.grantWithSubAward(TestDatabase.unique("Hostile Grant B"), funderB, partnerB, "1000.00", "500.00");
        long caseA = TestDatabase.chargedCase(partnerA, grantA, "HN");
        long caseB = TestDatabase.chargedCase(partnerB, grantB, "GT");
        for (long legalCase : new long[] {caseA, caseB}) {
            TestDatabase.update("insert into case_cost (case_id, sub_award_id, category, amount, cost_date, status, submitted_by, submitted_at, version)"
                    + " select ?, sub_award_id, 'TRAVEL', 12.50, ?, 'SUBMITTED', 'hostile', now(6), 1 from case_charge where case_id = ?",
                    legalCase, TestDatabase.today(), legalCase);
        }
        // Hearings ahead, so that the hearings section offers its reschedule and cancel forms (each submission that goes
        // through uses one up: a cancelled hearing, or one moved, may leave none to change for the next caller).
        for (int days = 3; days <= 30; days += 3) {
            TestDatabase.update("insert into hearing (case_id, kind, scheduled_at, recorded_by, created_at, version)"
                    + " values (?, 'MASTER_CALENDAR', ?, 'hostile', now(6), 1)", caseA,
                    java.sql.Timestamp.valueOf(TestDatabase.today().toLocalDate().plusDays(days).atTime(9, 0)));
        }
        ids.put("caseA", String.valueOf(caseA));
        ids.put("grantA", String.valueOf(grantA));
        ids.put("subAwardA", TestDatabase.text("select id from sub_award where grant_id = ?", grantA));
        ids.put("costA", TestDatabase.text("select max(id) from case_cost where case_id = ?", caseA));
        ids.put("partnerA", String.valueOf(partnerA));
        ids.put("funderA", String.valueOf(funderA));
        otherIds.put("caseB", String.valueOf(caseB));
        otherIds.put("offeredB", String.valueOf(TestDatabase.offeredCase(partnerB)));
        otherIds.put("grantB", String.valueOf(grantB));
        otherIds.put("subAwardB", TestDatabase.text("select id from sub_award where grant_id = ?", grantB));
        otherIds.put("costB", TestDatabase.text("select max(id) from case_cost where case_id = ?", caseB));
        otherIds.put("partnerB", String.valueOf(partnerB));
        otherIds.put("funderB", String.valueOf(funderB));
        otherIds.put("userB", TestDatabase.text("select id from user_account where email = ?", TestDatabase.user("PARTNER", partnerB, null)));
    }

    /** The matrix's pages this caller may open, then the states of a case whose pages show other forms. */
    private List<Page> pagesFor(String caller) {
        int column = AccessMatrixWebIT.CALLERS.indexOf(caller);
        List<Page> pages = new ArrayList<>();
        for (Map.Entry<String, int[]> row : AccessMatrixWebIT.MATRIX.entrySet()) {
            if (row.getValue()[column] != 200) {
                continue;
            }
            String address = row.getKey();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                address = address.replace("{" + id.getKey() + "}", id.getValue());
            }
            String fixed = address;
            pages.add(new Page(row.getKey(), () -> fixed, false));
        }
        if (caller.equals("partnerA") || caller.equals("admin")) {
            for (String tab : new String[] {"hearings", "custody", "relief", "notes", "conflicts", "timeline"}) {
                pages.add(new Page("cases/detail.xhtml?id={caseA}&tab=" + tab, () -> "cases/detail.xhtml?id=" + ids.get("caseA") + "&tab=" + tab, false));
            }
            pages.add(new Page("cases/detail.xhtml?id={offered}", () -> "cases/detail.xhtml?id=" + TestDatabase.offeredCase(partnerA), true));
        }
        if (caller.equals("admin")) {
            pages.add(new Page("cases/detail.xhtml?id={referred}", () -> "cases/detail.xhtml?id=" + caseIn("REFERRED"), true));
            pages.add(new Page("cases/offer.xhtml?id={eligible}", () -> "cases/offer.xhtml?id=" + caseIn("ELIGIBLE"), true));
            pages.add(new Page("cases/detail.xhtml?id={closed}", () -> "cases/detail.xhtml?id=" + caseIn("CLOSED"), true));
        }
        return pages;
    }

    /** A case of partner A moved straight to a status (its client, offer and dates as the application would leave them). */
    private long caseIn(String status) {
        long legalCase = TestDatabase.offeredCase(partnerA);
        switch (status) {
            case "REFERRED", "ELIGIBLE" -> {
                TestDatabase.update("delete from case_offer where case_id = ?", legalCase);
                TestDatabase.update("update legal_case set status = ?, partner_id = null, screened_at = if(? = 'ELIGIBLE', now(6), null) where id = ?",
                        status, status, legalCase);
            }
            case "CLOSED" -> {
                TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", legalCase);
                TestDatabase.update("update legal_case set status = 'CLOSED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6),"
                        + " closed_at = now(6) where id = ?", legalCase);
            }
            default -> throw new IllegalArgumentException(status);
        }
        return legalCase;
    }

    private void attack(Caller caller, Page page, Set<String> done) {
        WebClient client = caller.client();
        String address = page.address().get();
        HttpResponse<String> first = client.get(address);
        if (first.statusCode() != 200) {
            wrong.add(caller.kind() + " " + page.label() + ": opening it answered " + first.statusCode());
            return;
        }
        String path = address.replaceAll("\\?.*", "");
        for (Element form : Jsoup.parse(first.body()).select("form[id]")) {
            String formId = form.id();
            // The layout's sign-out form has no field of its own; the same form on another tab of a page is done once,
            // and the header's language switcher, the same on every page, once in all.
            String key = formId.equals("languageSwitch") ? "#" + formId : path + "#" + formId;
            if (formId.equals("userForm") || !done.add(key)) {
                continue;
            }
            int renewals = 0;
            HttpResponse<String> last = null;
            Element baseline = form;
            for (Variant variant : variants(form)) {
                HttpResponse<String> shown = last;
                Element current = shown == null || shown.statusCode() != 200 ? null : Jsoup.parse(shown.body()).getElementById(formId);
                if (current == null) {
                    shown = client.get(address);
                    current = baseline = Jsoup.parse(shown.body()).getElementById(formId);
                }
                while (current == null && page.renewable() && renewals < 40) {
                    renewals++;
                    address = page.address().get();
                    shown = client.get(address);
                    current = baseline = Jsoup.parse(shown.body()).getElementById(formId);
                }
                if (current == null) {
                    if (shown.statusCode() != 200) {
                        wrong.add(caller.kind() + " " + page.label() + ": opening it again answered " + shown.statusCode() + " (signed out?)");
                    }
                    break;
                }
                // A page answered with its form again (a refusal) keeps the view: its next submission starts from
                // the form as first rendered, with the view state and script nonce of the answer.
                last = submit(caller, page, shown, baseline, variant);
            }
        }
    }

    /** One submission: a field given a value (or none), the button pressed, and what happens to the view state and the address. */
    private record Variant(String field, String value, String button, String viewState, String forgedId, boolean postback, String what) {
    }

    private List<Variant> variants(Element form) {
        Map<String, String> fields = fields(form);
        List<String> buttons = buttons(form);
        boolean byGet = form.attr("method").equalsIgnoreCase("get");
        List<Variant> variants = new ArrayList<>();
        int turn = 0;
        int fieldIndex = Math.floorMod(form.id().hashCode(), 3);
        for (String field : fields.keySet()) {
            if (field.equals("jakarta.faces.ViewState") || field.equals("primefaces.nonce") || field.endsWith("_focus")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            Element input = form.selectFirst("[name=\"" + field.replace("\"", "") + "\"]");
            String maxlength = input == null ? "" : input.attr("maxlength");
            if (maxlength.matches("\\d{1,5}")) {
                int limit = Integer.parseInt(maxlength);
                values.add(LONG_MARK + "y".repeat(Math.max(1, limit + 1 - LONG_MARK.length())));
            }
            // Every field gets the values a form must refuse or keep inert (over-long, NUL, control characters,
            // markup); each of the others goes to every third field, in turn (and starting by the form's id), so that
            // across a run each value meets fields of every kind while the run stays a few minutes long.
            for (int i = 0; i < VALUES.size(); i++) {
                if (i < ALWAYS || VALUES.get(i).equals(MARKUP) || VALUES.get(i).equals(ATTRIBUTE_MARKUP) || (i + fieldIndex) % 3 == 0) {
                    values.add(VALUES.get(i));
                }
            }
            fieldIndex++;
            if (input == null || !input.tagName().equals("textarea") && !input.attr("type").matches("(?i)text|email|password|search|")) {
                values.addAll(otherIds.values());
            }
            for (String value : values) {
                String button = buttons.isEmpty() ? null : buttons.get(turn++ % buttons.size());
                variants.add(new Variant(field, value, button, null, null, false, field + " = " + printable(value)));
                if (byGet) {
                    // What a crafted request would do: the same values posted back to the page's view.
                    variants.add(new Variant(field, value, button, null, null, true, field + " = " + printable(value) + " posted back"));
                }
            }
        }
        List<String> pressed = new ArrayList<>(buttons);
        if (pressed.isEmpty()) {
            pressed.add(null);
        }
        for (String button : pressed) {
            variants.add(new Variant(null, null, button, "", null, byGet, "no view state"));
            variants.add(new Variant(null, null, button, "-4242424242424242:4242424242424242", null, byGet, "a made-up view state"));
            for (Map.Entry<String, String> other : otherIds.entrySet()) {
                variants.add(new Variant(null, null, button, null, other.getValue(), byGet, "id of " + other.getKey()));
            }
        }
        return variants;
    }

    private HttpResponse<String> submit(Caller caller, Page page, HttpResponse<String> fresh, Element form, Variant variant) {
        WebClient client = caller.client();
        boolean byGet = form.attr("method").equalsIgnoreCase("get") && !variant.postback();
        Map<String, String> post = fields(form);
        if (!byGet) {
            post.put("jakarta.faces.ViewState", WebClient.viewState(fresh.body()));
            post.put("primefaces.nonce", nonce(fresh.body()));
        }
        if (variant.field() != null) {
            post.put(variant.field(), variant.value());
        }
        if (variant.button() != null) {
            post.put(variant.button(), "");
        }
        if (variant.viewState() != null) {
            if (variant.viewState().isEmpty()) {
                post.remove("jakarta.faces.ViewState");
            } else {
                post.put("jakarta.faces.ViewState", variant.viewState());
            }
        }
        String action = form.attr("action");
        if (action.isEmpty()) {
            action = URI.create(fresh.uri().toString()).getRawPath();
        }
        if (variant.forgedId() != null) {
            action = action.contains("id=") ? action.replaceAll("([?&])id=\\d*", "$1id=" + variant.forgedId())
                    : action + (action.contains("?") ? "&" : "?") + "id=" + variant.forgedId();
            post.put("id", variant.forgedId());
        }
        String path = action.startsWith("/") ? action.substring(1) : action;
        long auditBefore = lastWrite(caller.actor());
        HttpResponse<String> answer;
        if (byGet) {
            post.remove("jakarta.faces.ViewState");
            answer = client.get(path + (path.contains("?") ? "&" : "?") + post.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")));
        } else {
            answer = client.post(path, post);
        }
        submissions.incrementAndGet();
        String formLabel = caller.kind() + " " + page.label() + " #" + form.id() + (variant.button() == null ? "" : " [" + variant.button() + "]");
        perForm.merge(caller.kind() + " " + page.label() + " #" + form.id(), 1, Integer::sum);
        String what = formLabel + " " + variant.what();
        int status = answer.statusCode();
        String body = answer.body();
        if (status >= 500) {
            wrong.add(what + ": " + status);
            return answer;
        }
        // 429: the public referral form's limits per address and in all, refusing with Retry-After as designed.
        if (!List.of(200, 302, 303, 400, 403, 404, 429).contains(status)) {
            wrong.add(what + ": unexpected status " + status);
        }
        if (STACK_TRACE.matcher(body).find()) {
            wrong.add(what + ": a stack trace in the answer");
        }
        if (status == 200 && body.contains(ERROR_PAGE)) {
            wrong.add(what + ": the error page");
        }
        boolean html = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        int markup = Math.max(body.indexOf(MARKUP), body.indexOf(ATTRIBUTE_MARKUP));
        if (html && markup >= 0) {
            wrong.add(what + ": the hostile markup written back unescaped: …" + body.substring(Math.max(0, markup - 160), markup).replaceAll("\\s+", " ") + "⟨here⟩");
        }
        boolean refused = status >= 400 || status == 200 && (body.contains("ui-message-error") || body.contains("ui-messages-error"));
        long auditAfter = lastWrite(caller.actor());
        if (refused && auditAfter != auditBefore) {
            wrong.add(what + ": refused (" + status + ") yet written: " + TestDatabase.text(
                    "select group_concat(concat(action, ' ', record_type, ' ', record_id) separator ', ') from audit_entry"
                            + " where id > ? and action <> 'VIEW' and actor = ?", auditBefore, caller.actor()));
        }
        return answer;
    }

    private static String nonce(String html) {
        java.util.regex.Matcher nonce = NONCE.matcher(html);
        return nonce.find() ? nonce.group(1) : "";
    }

    private static final java.util.regex.Pattern NONCE = java.util.regex.Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    private static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
            "(\\bat [\\w.$]+\\([\\w]+\\.java:\\d+\\))|Caused by:|Stack Trace|WFLYUT|UT0\\d{4}");

    /** The fields a browser would post with this form as rendered, buttons left out. */
    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            switch (input.tagName()) {
                case "select" -> {
                    Element option = input.selectFirst("option[selected]");
                    option = option == null ? input.selectFirst("option") : option;
                    fields.put(name, option == null ? "" : option.attr("value"));
                }
                case "textarea" -> fields.put(name, input.wholeText());
                default -> {
                    String type = input.attr("type").toLowerCase();
                    if (type.equals("submit") || type.equals("button") || type.equals("image") || type.equals("reset")) {
                        continue;
                    }
                    if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                        continue;
                    }
                    fields.put(name, input.hasAttr("value") ? input.attr("value") : type.equals("checkbox") ? "on" : "");
                }
            }
        }
        return fields;
    }

    /** The names of the form's submit buttons (a Faces button is known by its name among the posted values). */
    private static List<String> buttons(Element form) {
        List<String> buttons = new ArrayList<>();
        for (Element button : form.select("button[name], input[type=submit][name]")) {
            String type = button.attr("type").toLowerCase();
            if (type.isEmpty() || type.equals("submit")) {
                buttons.add(button.attr("name"));
            }
        }
        return buttons;
    }

    private static String printable(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> shown.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return "“" + shown + (value.length() > 40 ? "…(" + value.length() + ")" : "") + "”";
    }

    /** The newest entry of the audit trail that records a write (every create, update and delete of every record makes one). */
    private long lastWrite(String actor) {
        return TestDatabase.count("select coalesce(max(id), 0) from audit_entry where id > ? and action <> 'VIEW' and actor = ?", firstEntry, actor);
    }

    /** Every text column of every table holding a NUL or another control character (tabs and line breaks are text). */
    private static List<String> storedNuls() {
        List<String> found = new ArrayList<>();
        for (String[] column : textColumns()) {
            long rows = TestDatabase.count("select count(*) from `" + column[0] + "` where instr(`" + column[1] + "`, char(0)) > 0");
            if (rows > 0) {
                found.add(column[0] + "." + column[1] + ": " + rows + " rows hold a NUL");
            }
            long controls = TestDatabase.count("select count(*) from `" + column[0] + "` where `" + column[1]
                    + "` rlike ?", "[\\x{01}-\\x{08}\\x{0B}\\x{0C}\\x{0E}-\\x{1F}\\x{7F}-\\x{9F}]");
            if (controls > 0) {
                found.add(column[0] + "." + column[1] + ": " + controls + " rows hold a control character");
            }
        }
        return found;
    }

    /** Every text column holding any part of an over-long text: whole, it was accepted past the field's limit; cut, it was cut silently. */
    private static List<String> storedOverLongTexts() {
        List<String> found = new ArrayList<>();
        for (String[] column : textColumns()) {
            long rows = TestDatabase.count("select count(*) from `" + column[0] + "` where `" + column[1] + "` like concat('%', ?, '%')", LONG_MARK);
            if (rows > 0) {
                found.add(column[0] + "." + column[1] + ": " + rows + " rows hold an over-long text (max length "
                        + TestDatabase.text("select max(char_length(`" + column[1] + "`)) from `" + column[0] + "` where `" + column[1]
                        + "` like concat('%', ?, '%')", LONG_MARK) + ", column " + column[2] + ")");
            }
        }
        return found;
    }

    private static List<String[]> textColumns() {
        List<String[]> columns = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "select c.table_name, c.column_name, c.column_type from information_schema.columns c join information_schema.tables t"
                        + " on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where c.table_schema = database() and t.table_type = 'BASE TABLE'"
                        + " and c.data_type in ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'tinytext') order by 1, 2");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    /**
     * A digest of every row of partner B and funder B: their own rows, their grants and sub-awards, their cases
     * and their clients, and every row of any table that refers to one of those by id.
     */
    private String otherOrganizationsRows() {
        Map<String, String> refers = Map.of("partner_id", otherIds.get("partnerB"), "funder_id", otherIds.get("funderB"),
                "grant_id", otherIds.get("grantB"), "sub_award_id", otherIds.get("subAwardB"));
        StringBuilder rows = new StringBuilder();
        try (Connection connection = connect()) {
            rows.append(dump(connection, "select * from partner_organization where id = " + otherIds.get("partnerB")));
            rows.append(dump(connection, "select * from funder where id = " + otherIds.get("funderB")));
            rows.append(dump(connection, "select * from grant_award where id = " + otherIds.get("grantB")));
            rows.append(dump(connection, "select * from sub_award where id = " + otherIds.get("subAwardB")));
            String cases = otherIds.get("caseB") + ", " + otherIds.get("offeredB");
            rows.append(dump(connection, "select * from legal_case where id in (" + cases + ") order by id"));
            rows.append(dump(connection, "select * from client where id in (select client_id from legal_case where id in (" + cases + ")) order by id"));
            try (PreparedStatement statement = connection.prepareStatement(
                    "select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t"
                            + " on t.table_schema = c.table_schema and t.table_name = c.table_name where c.table_schema = database()"
                            + " and t.table_type = 'BASE TABLE' and c.column_name in ('case_id', 'partner_id', 'funder_id', 'grant_id', 'sub_award_id')"
                            + " and c.table_name not in ('legal_case', 'audit_entry', 'case_fact', 'dashboard_tally', 'spend_tally', 'client_name_word')"
                            + " order by 1, 2");
                 ResultSet columns = statement.executeQuery()) {
                while (columns.next()) {
                    String table = columns.getString(1);
                    String column = columns.getString(2);
                    String value = column.equals("case_id") ? cases : refers.get(column);
                    rows.append(dump(connection, "select * from `" + table + "` where `" + column + "` in (" + value + ") order by 1"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(rows.toString().getBytes(StandardCharsets.UTF_8)))
                    + " (" + rows.length() + " characters)";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dump(Connection connection, String sql) throws SQLException {
        StringBuilder out = new StringBuilder(sql).append('\n');
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(rows.getMetaData().getColumnName(i)).append('=').append(rows.getString(i)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        return client;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), "tracker", "tracker");
    }
}
