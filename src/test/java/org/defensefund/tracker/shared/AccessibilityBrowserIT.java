package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Accessibility;
import org.defensefund.tracker.testsupport.client.Browser;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * WCAG 2.1 AA, checked by axe-core in the browser: every page each kind of caller may open (the pages the access
 * matrix shows them, so a page added there is checked here), every section of the case page, every folded form
 * opened, the two-factor step, forms sent back with their errors, and the error pages, on a wide screen (1366 px)
 * and on a phone (390 px, the menu opened; in English, see {@link #AXE_ON_THE_PHONE}); any violation fails, all of them
 * listed at once. On the phone, besides, no
 * page scrolls sideways (with a long organization name, an unbroken 90-letter word in a cost's note, an overdue deadline
 * and its forms in the fixture, and the Spanish texts, which run longer than the English). Then the referral
 * intake filled in and sent with the keyboard alone, where a refused form puts the focus on its first error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityBrowserIT {

    /** A run: a caller (a column of {@link AccessMatrixWebIT#MATRIX}) reading the pages in a language. */
    record Run(String caller, String language) {
    }

    /**
     * Every run of the check: another language is one more line per caller (e.g. {@code new Run("admin", "es")}). The
     * longest first, so the browsers end together.
     */
    private static final List<Run> RUNS = List.of(
            new Run("admin", "en"),
            new Run("admin", "es"),
            new Run("partnerA", "en"),
            new Run("partnerA", "es"),
            new Run("nobody", "en"),
            new Run("nobody", "es"),
            new Run("funderA", "en"),
            new Run("funderA", "es"));

    /**
     * Browsers checking at once, each a run at a time: one per two processors (axe keeps a processor busy, and Chromium
     * and the server want theirs). On the two processors of the CI machine that is one: two browsers there took 376 s for
     * 328 page views, one 348 s, the processors being the limit.
     */
    private static final int BROWSERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));

    /** Window widths in CSS pixels: a laptop and a phone. */
    private static final int[] WIDTHS = {1366, 390};

    /**
     * The language whose runs axe checks on the phone as well. A translation changes the texts, not the page's
     * elements, roles or colours, and axe's rules look at those: the other languages are checked by axe on the laptop
     * (the page's lang, its names and labels in that language) and on the phone for what their longer texts can do to
     * the layout (nothing scrolls sideways, the menu opens). A quarter of the checks, 80 s of the suite's time.
     */
    private static final String AXE_ON_THE_PHONE = "en";

    /** Pages beyond the matrix's by caller, as addresses (a public page another feature adds can go here or in the matrix). */
    private static final Map<String, List<String>> EXTRA_PAGES = Map.of(
            "nobody", List.of("refer/index.xhtml?lang=es", "refer/index.xhtml?lang=ar", "refer/index.xhtml?lang=zh-TW",
                    "refer/index.xhtml?lang=zh-CN"),
            "admin", List.of("cases/list.xhtml?queue=ALL", "cases/detail.xhtml?id={referred}", "cases/detail.xhtml?id={confidential}",
                    "no-such-page.xhtml"),
            "partnerA", List.of("cases/detail.xhtml?id={offered}", "cases/detail.xhtml?id={confidential}", "admin/partners/list.xhtml"));

    /** Shows every folded form (a t:action disclosure) of the page, so they are checked opened. */
    private static final String OPEN_FOLDED_FORMS = "document.querySelectorAll('details').forEach(d => d.open = true)";

    /** On a phone, opens the folded menu so its links are checked too. */
    private static final String OPEN_MENU = """
            const button = document.getElementById('menuToggle');
            if (button && button.offsetParent !== null && button.getAttribute('aria-expanded') !== 'true') { button.click(); }
            """;

    /**
     * What scrolls sideways on the phone: the page's width past the window's, and the elements that stick out (at most 5;
     * not those inside a box that scrolls or clips sideways itself, as the case page's row of tabs does); empty when
     * nothing does.
     */
    private static final String OVERFLOW = """
            const width = document.documentElement.clientWidth;
            if (width !== arguments[0]) { return 'the window is ' + width + ' px wide, not ' + arguments[0]; }
            if (document.documentElement.scrollWidth <= width) { return ''; }
            const scrolledInside = e => {
              for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                if (getComputedStyle(a).overflowX !== 'visible') { return true; }
              }
              return false;
            };
            const out = [];
            for (const e of document.querySelectorAll('body *')) {
              const r = e.getBoundingClientRect();
              if (r.right > width + 1 && r.width > 0 && getComputedStyle(e).position !== 'fixed' && !scrolledInside(e)) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' (right ' + Math.round(r.right) + ')');
                if (out.length === 5) { break; }
              }
            }
            return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width + ': ' + out.join(', ');
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    /** The pages that scroll sideways on the phone, its folded forms opened (none may). */
    private final List<String> sideways = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyPageOfEveryRolePassesAxeOnALaptopAndOnAPhone() throws Exception {
        Map<String, String> ids = fixture();
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("admin", TestDatabase.user("ADMIN", null, null));
        accounts.put("partnerA", TestDatabase.user("PARTNER", Long.valueOf(ids.get("partnerA")), null));
        accounts.put("funderA", TestDatabase.user("FUNDER", null, Long.valueOf(ids.get("funderA"))));
        ids.put("userA", TestDatabase.text("select id from user_account where email = ?", accounts.get("partnerA")));
        String twoFactorAdmin = TestDatabase.user("ADMIN", null, null);

        Accessibility axe = new Accessibility();
        Set<String> pagesSeen = ConcurrentHashMap.newKeySet();
        long started = System.nanoTime();
        ExecutorService browsers = Executors.newFixedThreadPool(BROWSERS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Run run : RUNS) {
                runs.add(browsers.submit(() -> {
                    check(run, views(run.caller(), ids, twoFactorAdmin), accounts, axe, pagesSeen);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            browsers.shutdownNow();
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        Path report = Path.of("target", "accessibility", "axe-summary.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, axe.pagesChecked() + " page views checked in " + seconds + " s\n" + axe.summary()
                + String.join("\n", axe.violations()) + "\n");

        Set<String> matrixPages = new LinkedHashSet<>();
        AccessMatrixWebIT.MATRIX.keySet().forEach(page -> matrixPages.add(page.replaceAll("\\?.*", "")));
        matrixPages.removeAll(pagesSeen);
        assertEquals(Set.of(), matrixPages, "every page of the access matrix is checked by some caller");
        assertTrue(axe.pagesChecked() >= 120, "the pages of every role at both widths: " + axe.pagesChecked());
        assertTrue(sideways.isEmpty(), "pages that scroll sideways at " + WIDTHS[1] + " px:\n" + String.join("\n", sideways));
        axe.assertNoViolations();
    }

    /** One run: its caller's pages in its language, each at both widths, in a browser of its own. */
    private void check(Run run, List<View> views, Map<String, String> accounts, Accessibility axe, Set<String> pagesSeen) {
        try (Browser browser = new Browser(base.toString(), WIDTHS[0], 900)) {
            speak(browser, run.language());
            if (accounts.containsKey(run.caller())) {
                browser.signIn(accounts.get(run.caller()), TestDatabase.PASSWORD);
            }
            for (View view : views) {
                if (!accounts.containsKey(run.caller())) {
                    browser.driver().manage().deleteAllCookies();
                }
                view.reach().accept(browser);
                browser.find(By.tagName("h1"));
                if (!view.label().startsWith("refer/")) {
                    assertEquals(run.language(), browser.driver().findElement(By.tagName("html")).getAttribute("lang"),
                            view.label() + " is shown in the run's language");
                }
                List<String> tabs = view.allTabs() ? tabAddresses(browser) : List.of();
                checkAtEachWidth(browser, axe, run, view.label());
                pagesSeen.add(view.label().replaceAll("\\?.*", ""));
                for (String tab : tabs) {
                    browser.driver().get(tab);
                    browser.find(By.tagName("h1"));
                    checkAtEachWidth(browser, axe, run, tab.substring(base.toString().length()));
                }
            }
        }
    }

    /**
     * The referral intake with the keyboard alone: Tab from the top of the page to each field, type, pick from the menus
     * with the arrow keys, tick with Space, send with Enter. Sent without a name, the form comes back with the focus on
     * the first field in error and an error summary the screen reader announces (role=alert); then it is saved.
     */
    @Test
    void aReferralIsTakenWithTheKeyboardAloneAndARefusedFormFocusesItsFirstError() {
        String lastName = TestDatabase.unique("Keys").replace(' ', '-');
        try (Browser browser = new Browser(base.toString())) {
            browser.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            browser.open("intake/referral.xhtml");
            browser.find(By.id("form:firstName"));

            tabTo(browser, "form:lastName", 40);
            type(browser, lastName);
            tabTo(browser, "form:save", 60);
            press(browser, Keys.ENTER);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("errorSummary")).isEmpty());
            assertEquals("form:firstName", activeId(browser), "the focus is on the first field in error");
            WebElement summary = browser.find(By.id("errorSummary"));
            assertEquals("alert", summary.getAttribute("role"), "the summary is announced");
            assertTrue(summary.getText().contains("Enter the client's first name."), summary.getText());
            assertEquals("true", browser.driver().findElement(By.id("form:firstName")).getAttribute("aria-invalid"));
            assertEquals("true", browser.driver().findElement(By.id("form:firstName")).getAttribute("aria-required"), "as its asterisk says");
            assertEquals(null, browser.driver().findElement(By.id("form:city")).getAttribute("aria-required"), "an optional field");
            Accessibility.assertNoViolations(browser.driver(), "intake/referral.xhtml sent without a first name");

            type(browser, "Amal");
            tabTo(browser, "form:birthDate_input", 3);
            type(browser, "04/02/1990");
            tabTo(browser, "form:countryOfBirth_label", 4);
            String country = pickWithArrows(browser, "form:countryOfBirth", 3);
            tabTo(browser, "form:language_label", 2);
            String language = pickWithArrows(browser, "form:language", 2);
            tabTo(browser, "form:interpreter_input", 2);
            press(browser, Keys.SPACE);
            tabTo(browser, "form:city", 4);
            type(browser, "Chelsea");
            tabTo(browser, "form:source_label", 8);
            String source = pickWithArrows(browser, "form:source", 1);
            tabTo(browser, "form:detained_input", 6);
            press(browser, Keys.SPACE);
            tabTo(browser, "form:save", 20);
            press(browser, Keys.ENTER);
            browser.waitForText(By.id("pageMessages"), "Referral recorded");
            assertTrue(browser.text(By.id("headerClient")).contains(language), "the language picked with the keys: " + language);
            assertTrue(!country.isBlank() && !source.isBlank(), country + " / " + source);
        }
        java.util.List<Long> named = TestDatabase.clientsNamed("Amal", lastName);
        assertEquals(1, named.size(), "one client of that name");
        assertEquals(1, TestDatabase.count("select count(*) from client where id = ? and interpreter_needed"
                + " and country_of_birth is not null and city = 'Chelsea'", named.get(0)), "the client as typed and picked");
        assertEquals(1, TestDatabase.count("select count(*) from legal_case c where c.client_id = ?"
                + " and c.detained and c.referral_source_id is not null", named.get(0)), "the referral as ticked and picked");
    }

    /** One page view of a run: its label (an address), how to reach it, and whether each section (tab) of it is checked too. */
    private record View(String label, Consumer<Browser> reach, boolean allTabs) {
        static View page(String address) {
            return new View(address, browser -> browser.open(address), false);
        }
    }

    /** The views of a caller: the pages the matrix shows them, the extra pages, and pages reached by a step. */
    private List<View> views(String caller, Map<String, String> ids, String twoFactorAdmin) {
        int column = AccessMatrixWebIT.CALLERS.indexOf(caller);
        List<View> views = new ArrayList<>();
        for (Map.Entry<String, int[]> row : AccessMatrixWebIT.MATRIX.entrySet()) {
            if (row.getValue()[column] == 200) {
                String address = fill(row.getKey(), ids);
                views.add(new View(address, browser -> browser.open(address), row.getKey().startsWith("cases/detail.xhtml")));
            }
        }
        EXTRA_PAGES.getOrDefault(caller, List.of()).forEach(page -> views.add(View.page(fill(page, ids))));
        if (caller.equals("nobody")) {
            views.add(new View("login.xhtml (wrong password)", browser -> {
                browser.open("login.xhtml");
                browser.type(By.id("login:email"), "nobody@web.test");
                browser.type(By.id("login:password"), "not the password");
                browser.submit("login:submit");
            }, false));
            views.add(new View("login.xhtml (two-factor step)", browser -> {
                browser.open("login.xhtml");
                browser.type(By.id("login:email"), twoFactorAdmin);
                browser.type(By.id("login:password"), TestDatabase.PASSWORD);
                browser.submit("login:submit");
                browser.find(By.id("verify:code"));
            }, false));
        }
        if (caller.equals("admin")) {
            views.add(new View("intake/referral.xhtml (sent empty)", browser -> {
                browser.open("intake/referral.xhtml");
                browser.submit("form:save");
            }, false));
            views.add(new View("cases/detail.xhtml?id={caseA}&tab=hearings (hearing sent empty)", browser -> {
                browser.open(fill("cases/detail.xhtml?id={caseA}&tab=hearings", ids));
                browser.reveal("hearingAction");
                browser.submit("hearing:submit");
            }, false));
            views.add(new View("cases/detail.xhtml?id={caseA}&tab=hearings (reschedule sent empty)", browser -> {
                browser.open(fill("cases/detail.xhtml?id={caseA}&tab=hearings", ids));
                browser.reveal("rescheduleAction");
                browser.submit("reschedule:submit");
            }, false));
        }
        return views;
    }

    /** Checks the page as it is at each width (the same page, the window resized: its layout follows the width). */
    private void checkAtEachWidth(Browser browser, Accessibility axe, Run run, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(OPEN_FOLDED_FORMS);
        for (int width : WIDTHS) {
            resize(browser, width);
            if (width < 768) {
                String overflow = (String) js.executeScript(OVERFLOW, width);
                if (!overflow.isEmpty()) {
                    sideways.add(run.caller() + "/" + run.language() + " " + page + ": " + overflow);
                }
                js.executeScript(OPEN_MENU);
                if (!browser.driver().findElements(By.id("menuToggle")).isEmpty()) {
                    assertTrue(browser.driver().findElement(By.id("appNav")).isDisplayed(), "the menu is open on the phone: " + page);
                }
            }
            if (width == WIDTHS[0] || run.language().equals(AXE_ON_THE_PHONE)) {
                axe.check(browser.driver(), run.caller() + "/" + run.language() + " @" + width + " " + page);
            }
        }
        resize(browser, WIDTHS[0]);
    }

    /** The addresses of the case page's other sections (its tabs). */
    private static List<String> tabAddresses(Browser browser) {
        return browser.driver().findElements(By.cssSelector("a[id^='tab-']:not(.current)")).stream()
                .map(a -> a.getAttribute("href")).toList();
    }

    /** Asks for pages in the language (Accept-Language), as a browser set to it does; English needs nothing. */
    private static void speak(Browser browser, String language) {
        if (!language.equals("en")) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", language)));
        }
    }

    /** The window's width: a phone's is emulated as the devtools do (Chromium keeps a window at least 500 px wide). */
    private static void resize(Browser browser, int width) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        if (width < 500) {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        } else {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static String fill(String page, Map<String, String> ids) {
        String filled = page;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (filled.contains("{")) {
            throw new IllegalStateException("no id for " + filled + ": add it to AccessibilityBrowserIT's fixture");
        }
        return filled;
    }

    /** The records the pages show, with the placeholders the access matrix uses for them. */
    private static Map<String, String> fixture() {
        long partnerA = TestDatabase.partner(TestDatabase.unique("Axe Legal A With A Rather Long Organization Name"));
        long funderA = TestDatabase.funder(TestDatabase.unique("Axe Fund A"));
        long grantA = TestDatabase.grantWithSubAward(TestDatabase.unique("Axe Grant A"), funderA, partnerA, "1000.00", "500.00");
        long caseA = TestDatabase.chargedCase(partnerA, grantA, "HN");
        TestDatabase.update("update legal_case set detained = true, next_hearing_date = ? where id = ?",
                TestDatabase.today().toLocalDate().plusDays(9), caseA);
        // A hearing ahead (the reschedule and cancel forms are offered) and a cancelled one (its mark on the list).
        TestDatabase.update("insert into hearing (case_id, kind, scheduled_at, recorded_by, created_at, version)"
                + " values (?, 'MASTER_CALENDAR', ?, 'axe', now(6), 1)", caseA, java.sql.Timestamp.valueOf(TestDatabase.today().toLocalDate().plusDays(9).atTime(9, 0)));
        TestDatabase.update("insert into hearing (case_id, kind, scheduled_at, recorded_by, created_at, version, cancelled_at, cancelled_by, cancel_reason)"
                + " values (?, 'BOND', ?, 'axe', now(6), 2, now(6), 'axe', 'Moved by the court')", caseA,
                java.sql.Timestamp.valueOf(TestDatabase.today().toLocalDate().plusDays(4).atTime(13, 30)));
        TestDatabase.update("insert into case_cost (case_id, sub_award_id, category, amount, cost_date, status, submitted_by, submitted_at,"
                + " note, version) select ?, sub_award_id, 'TRAVEL', 12.50, ?, 'SUBMITTED', 'axe', now(6),"
                + " 'UnbrokenreceiptnumberthatgoesonandonwithoutanyspaceatallABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 1"
                + " from case_charge where case_id = ?", caseA, TestDatabase.today(), caseA);
        // An overdue deadline, so the case page's header and deadlines section (with its forms) and the queue have one to show.
        TestDatabase.update("insert into deadline (case_id, case_number, partner_id, rule, source, triggered_on, due_on, state, version)"
                + " select id, case_number, partner_id, 'NOTICE_OF_APPEARANCE', 'assigned:axe', ?, ?, 'OPEN', 1 from legal_case where id = ?",
                java.sql.Date.valueOf(TestDatabase.today().toLocalDate().minusDays(20)),
                java.sql.Date.valueOf(TestDatabase.today().toLocalDate().minusDays(6)), caseA);
        long offered = TestDatabase.offeredCase(partnerA);
        long referred = TestDatabase.offeredCase(partnerA);
        TestDatabase.update("delete from case_offer where case_id = ?", referred);
        TestDatabase.update("update legal_case set status = 'REFERRED', partner_id = null where id = ?", referred);
        long confidential = TestDatabase.offeredCase(partnerA);
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'ASYLUM', confidential_marked_by = 'axe',"
                + " confidential_marked_at = now(6) where id = ?", confidential);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("caseA", String.valueOf(caseA));
        ids.put("grantA", String.valueOf(grantA));
        ids.put("subAwardA", TestDatabase.text("select id from sub_award where grant_id = ?", grantA));
        ids.put("costA", TestDatabase.text("select max(id) from case_cost where case_id = ?", caseA));
        ids.put("partnerA", String.valueOf(partnerA));
        ids.put("funderA", String.valueOf(funderA));
        ids.put("offered", String.valueOf(offered));
        ids.put("referred", String.valueOf(referred));
        ids.put("confidential", String.valueOf(confidential));
        return ids;
    }

    // The keyboard alone: every step below is a key pressed where the focus is.

    private static String activeId(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.activeElement ? document.activeElement.id : ''");
    }

    private static void press(Browser browser, CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    private static void type(Browser browser, String text) {
        press(browser, text);
    }

    /** Presses Tab until the element is focused, at most {@code most} times: it is reached, and soon after the field before it. */
    private static void tabTo(Browser browser, String id, int most) {
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            press(browser, Keys.TAB);
            String now = activeId(browser);
            if (id.equals(now)) {
                return;
            }
            passed.add(now);
        }
        throw new AssertionError(id + " not reached with " + most + " Tabs; the focus went through " + passed);
    }

    /**
     * Picks from a focused select menu with the keys: the arrow down {@code steps} times, and Enter to take the choice
     * when the arrows opened its list (Escape if it is still open); returns the choice it shows.
     */
    private static String pickWithArrows(Browser browser, String menuId, int steps) {
        for (int i = 0; i < steps; i++) {
            press(browser, Keys.ARROW_DOWN);
        }
        By menu = By.id(menuId + "_label");
        if ("true".equals(browser.driver().findElement(menu).getAttribute("aria-expanded"))) {
            press(browser, Keys.ENTER);
        }
        if ("true".equals(browser.driver().findElement(menu).getAttribute("aria-expanded"))) {
            press(browser, Keys.ESCAPE);
        }
        String shown = browser.text(menu);
        assertTrue(!shown.isBlank() && !shown.startsWith("Choose"), menuId + " shows " + shown);
        assertEquals(menuId + "_label", activeId(browser), "the focus stays on the menu");
        return shown;
    }
}
