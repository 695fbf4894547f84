package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.TimelineText;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.TestBundles;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.TestMail;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The language of the pages and e-mails through the real server (issue 14): the browser's language when its texts
 * exist and English otherwise, with {@code lang} and {@code dir} always those of the text shown; the header's
 * switcher signed out and signed in; the choice on "My account" kept on the account for the next sign-in; account
 * e-mails in the recipient's language; reference items named in the page's language, else in English.
 *
 * <p>Texts are read from the bundles ({@link TestBundles}), never written here: the deployment has the build's
 * Spanish bundle, or a small test stand-in when the build has none yet, so these tests hold before and after the
 * translations arrive.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LanguageWebIT {

    private static final Pattern HTML_TAG = Pattern.compile("<html[^>]*\\slang=\"([^\"]*)\"[^>]*\\sdir=\"([^\"]*)\"");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern FUND_NAME = Pattern.compile("<span class=\"fund-name\">([^<]*)</span>");

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.server();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestBundles.withSpanish(Deployments.app());
    }

    @ArquillianResource
    private URL base;

    @Test
    void pagesAreInTheBrowsersLanguageWhenItsTextsExistAndMarkedWithTheLanguageShown() {
        assertNotEquals(TestBundles.text("en", "login.title"), TestBundles.text("es", "login.title"), "a Spanish text to tell the languages apart");
        HttpResponse<String> spanish = client("es-MX,es;q=0.9,en;q=0.5").get("login.xhtml");
        assertLanguage(spanish, "es", "ltr");
        assertTrue(title(spanish).startsWith(TestBundles.text("es", "login.title")), title(spanish));

        HttpResponse<String> german = client("de-DE,de;q=0.9").get("login.xhtml");
        assertLanguage(german, "en", "ltr");
        assertTrue(title(german).startsWith(TestBundles.text("en", "login.title")), title(german));

        // The catalogue's other languages: lang="ht" only with Creole texts, else English marked English.
        for (String tag : List.of("ht", "pt-BR")) {
            HttpResponse<String> page = client(tag).get("login.xhtml");
            String shown = TestBundles.installed(tag) ? tag : "en";
            assertLanguage(page, shown, "ltr");
            assertTrue(title(page).startsWith(TestBundles.text(shown, "login.title")), tag + ": " + title(page));
        }
        WebClient signedIn = client("es");
        assertEquals(302, signedIn.signIn(TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Lost Fund"))), TestDatabase.PASSWORD).statusCode());
        HttpResponse<String> missing = signedIn.get("no-such-page.xhtml");
        assertEquals(404, missing.statusCode());
        assertLanguage(missing, "es", "ltr");
        assertTrue(title(missing).startsWith(TestBundles.text("es", "error.404.title")), "an error page is in the language it is marked with");
        assertFalse(missing.body().contains("languageSwitch"), "no switcher on an error page (its address is not its view's)");
    }

    @Test
    void theHeaderSwitcherChangesTheLanguageSignedOutAndSavesItOnTheAccountOnceSignedIn() {
        String email = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Language Fund")));
        WebClient visitor = client("es");
        HttpResponse<String> login = visitor.get("login.xhtml");
        assertLanguage(login, "es", "ltr");
        assertTrue(login.body().contains("id=\"languageSwitch:choice\""), "the switcher is on the sign-in page");

        HttpResponse<String> switched = switchTo(visitor, "login.xhtml", login, "en");
        assertEquals(302, switched.statusCode(), switched.body());
        assertTrue(switched.headers().firstValue("Location").orElse("").contains("login.xhtml"), "the same page again");
        String cookie = switched.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tracker-language=")).findFirst().orElse("");
        assertTrue(cookie.startsWith("tracker-language=en") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        HttpResponse<String> english = visitor.get("login.xhtml");
        assertLanguage(english, "en", "ltr");
        assertTrue(title(english).startsWith(TestBundles.text("en", "login.title")), "the choice wins over the browser's Spanish");

        HttpResponse<String> refused = switchTo(visitor, "login.xhtml", english, "xx");
        assertEquals(200, refused.statusCode());
        assertLanguage(visitor.get("login.xhtml"), "en", "ltr");

        assertEquals(302, visitor.signIn(email, TestDatabase.PASSWORD).statusCode());
        HttpResponse<String> home = visitor.get("index.xhtml");
        assertLanguage(home, "en", "ltr");
        assertNull(language(email), "a choice made before signing in is not put on the account");

        HttpResponse<String> toSpanish = switchTo(visitor, "index.xhtml", home, "es");
        assertEquals(302, toSpanish.statusCode(), toSpanish.body());
        assertEquals("es", language(email), "a signed-in user's choice is kept on the account");
        HttpResponse<String> spanishHome = visitor.get("index.xhtml");
        assertLanguage(spanishHome, "es", "ltr");
        assertTrue(spanishHome.body().contains("title=\"" + TestBundles.text("es", "layout.myAccount") + "\""), "the header's texts are Spanish");
        Pages.assertNoStackTrace(spanishHome.body());
    }

    @Test
    void theLanguageChosenInMyAccountIsKeptOnTheAccountAndShownAtEverySignIn() {
        String email = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Account Language Fund")));
        WebClient user = client("en-US,en;q=0.9");
        assertEquals(302, user.signIn(email, TestDatabase.PASSWORD).statusCode());
        HttpResponse<String> account = user.get("account/index.xhtml");
        assertLanguage(account, "en", "ltr");
        assertTrue(account.body().contains("id=\"language:language\""), "a language choice on My account");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("language", "language");
        form.put("language:language_input", "es");
        form.put("language:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(account.body()));
        HttpResponse<String> saved = user.post("account/index.xhtml", form);
        assertEquals(302, saved.statusCode(), saved.body());
        assertEquals("es", language(email), "stored on the account");

        HttpResponse<String> spanish = user.get("account/index.xhtml");
        assertLanguage(spanish, "es", "ltr");
        assertTrue(spanish.body().contains("<h1>" + TestBundles.text("es", "account.title") + "</h1>"), "the page's texts are Spanish");
        assertTrue(unescaped(spanish.body()).contains(TestBundles.text("es", "account.language.saved")), "the confirmation too");

        WebClient elsewhere = client("en-US,en;q=0.9");
        assertEquals(302, elsewhere.signIn(email, TestDatabase.PASSWORD).statusCode());
        assertLanguage(elsewhere.get("index.xhtml"), "es", "ltr");
        assertLanguage(elsewhere.get("account/index.xhtml"), "es", "ltr");

        TestDatabase.update("update user_account set language = 'pt-BR' where email = ?", email);
        WebClient third = client("en-US");
        assertEquals(302, third.signIn(email, TestDatabase.PASSWORD).statusCode());
        String shown = TestBundles.installed("pt-BR") ? "pt-BR" : "en";
        assertLanguage(third.get("index.xhtml"), shown, "ltr");
    }

    @Test
    void accountEmailsAreWrittenInTheRecipientsLanguage() throws Exception {
        String spanishEmail = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Mail Language Fund")));
        String englishEmail = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Mail English Fund")));
        TestDatabase.update("update user_account set language = 'es' where email = ?", spanishEmail);
        WebClient anyone = client("en-US");
        String fund = unescaped(match(FUND_NAME, anyone.get("login.xhtml").body()));

        askReset(anyone, spanishEmail);
        MimeMessage spanish = onlyMailTo(spanishEmail);
        assertNotEquals(TestBundles.text("en", "mail.reset.subject"), TestBundles.text("es", "mail.reset.subject"));
        assertEquals(MessageFormat.format(TestBundles.text("es", "mail.reset.subject"), fund), spanish.getSubject());
        String spanishBody = (String) spanish.getContent();
        String greeting = TestBundles.text("es", "mail.reset.body").lines().findFirst().orElseThrow();
        assertTrue(spanishBody.startsWith(MessageFormat.format(greeting, "Web FUNDER")), spanishBody);

        askReset(client("es"), englishEmail);
        MimeMessage english = onlyMailTo(englishEmail);
        assertEquals(MessageFormat.format(TestBundles.text("en", "mail.reset.subject"), fund), english.getSubject(),
                "an account without a language is written to in English, whatever the page's language");

        // An administrator opens an account in Spanish: its welcome e-mail is Spanish; the account keeps the language.
        WebClient admin = client("en-US");
        assertEquals(302, admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD).statusCode());
        String newcomer = "lang-" + TestDatabase.unique("new").replace(' ', '-') + "@web.test";
        long welcomeFund = TestDatabase.funder(TestDatabase.unique("Welcome Language Fund"));
        HttpResponse<String> page = admin.get("admin/users/edit.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form", "form");
        form.put("form:email", newcomer);
        form.put("form:displayName", "Nueva Persona");
        form.put("form:role_input", "FUNDER");
        form.put("form:partner_input", "");
        form.put("form:funder_input", Long.toString(welcomeFund));
        form.put("form:language_input", "es");
        form.put("form:save", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        HttpResponse<String> created = admin.post("admin/users/edit.xhtml", form);
        assertEquals(302, created.statusCode(), created.body());
        assertEquals("es", language(newcomer));
        assertNotEquals(TestBundles.text("en", "mail.welcome.subject"), TestBundles.text("es", "mail.welcome.subject"));
        assertEquals(MessageFormat.format(TestBundles.text("es", "mail.welcome.subject"), fund), onlyMailTo(newcomer).getSubject());
    }

    @Test
    void aReferenceItemIsNamedInThePagesLanguageAndInEnglishWithoutATranslation() {
        String translated = TestDatabase.unique("Lang Court");
        String untranslated = TestDatabase.unique("Plain Court");
        long court = TestDatabase.referenceItem("COURT", translated);
        TestDatabase.referenceItem("COURT", untranslated);
        String spanishName = "Tribunal " + translated.substring(translated.lastIndexOf(' ') + 1);

        WebClient admin = client("en-US");
        assertEquals(302, admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD).statusCode());
        HttpResponse<String> list = admin.get("admin/reference/list.xhtml?list=COURT");
        String body = list.body();
        Matcher button = Pattern.compile("id=\"(items:table:\\d+:editItem)\"").matcher(body);
        assertTrue(button.find(body.indexOf(translated)), "the court's edit button");
        String editButton = button.group(1);
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("jakarta.faces.partial.ajax", "true");
        edit.put("jakarta.faces.source", editButton);
        edit.put("jakarta.faces.partial.execute", editButton);
        edit.put("jakarta.faces.partial.render", "edit");
        edit.put(editButton, editButton);
        edit.put("items", "items");
        edit.put("jakarta.faces.ViewState", WebClient.viewState(body));
        HttpResponse<String> editing = admin.post("admin/reference/list.xhtml?list=COURT", edit);
        assertEquals(200, editing.statusCode());
        assertTrue(editing.body().contains("edit:translation_es"), "a name for each other language: " + editing.body());
        assertTrue(editing.body().contains("edit:translation_pt_BR") && editing.body().contains("edit:translation_ht"));

        Map<String, String> save = new LinkedHashMap<>();
        save.put("edit", "edit");
        save.put("edit:name", translated);
        save.put("edit:detail", "");
        save.put("edit:sortOrder", "0");
        save.put("edit:active_input", "on");
        save.put("edit:translation_es", spanishName);
        save.put("edit:translation_ht", "");
        save.put("edit:translation_pt_BR", "");
        save.put("edit:save", "");
        save.put("jakarta.faces.ViewState", WebClient.viewState(body));
        HttpResponse<String> saved = admin.post("admin/reference/list.xhtml?list=COURT", save);
        assertEquals(302, saved.statusCode(), saved.body());
        assertEquals(spanishName, TestDatabase.text("select name from reference_item_translation where item_id = ? and language = 'es'", court));
        assertEquals(0, TestDatabase.count("select count(*) from reference_item_translation where item_id = ? and language <> 'es'", court),
                "an empty name keeps no translation");
        assertTrue(unescaped(admin.get("admin/reference/list.xhtml?list=COURT").body()).contains("es: " + spanishName), "listed for administrators");

        WebClient spanishAdmin = client("es");
        assertEquals(302, spanishAdmin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD).statusCode());
        String spanishForm = unescaped(spanishAdmin.get("intake/referral.xhtml").body());
        assertTrue(spanishForm.contains(">" + spanishName + "<"), "the court offered by its Spanish name");
        assertFalse(spanishForm.contains(">" + translated + "<"), "not by its English one");
        assertTrue(spanishForm.contains(">" + untranslated + "<"), "a court without a Spanish name is offered by its English name");

        String englishForm = unescaped(admin.get("intake/referral.xhtml").body());
        assertTrue(englishForm.contains(">" + translated + "<") && englishForm.contains(">" + untranslated + "<"));
        assertFalse(englishForm.contains(spanishName), "English pages show the English names");

        // What an organization a confidential case is offered to may know, in its reader's language too.
        long partner = TestDatabase.partner(TestDatabase.unique("Lang Org"));
        long offered = TestDatabase.offeredCase(partner);
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'ASYLUM', confidential_marked_by = 'test',"
                + " confidential_marked_at = now(6), court_id = ?, case_type_id = (select id from reference_item where list_name = 'CASE_TYPE'"
                + " and code = 'RMV') where id = ?", court, offered);
        WebClient spanishStaff = client("es");
        assertEquals(302, spanishStaff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD).statusCode());
        String restricted = unescaped(spanishStaff.get("cases/detail.xhtml?id=" + offered).body());
        assertTrue(restricted.contains("id=\"restricted\""), "the restricted view");
        assertTrue(restricted.contains(spanishName) && !restricted.contains(translated), "its court by its Spanish name");
        assertTrue(restricted.contains("Expulsión (RMV)") && !restricted.contains("Removal (RMV)"), "its case type by its Spanish name");
    }

    @Test
    void facesAndBeanValidationMessagesAreInThePagesLanguage() {
        String email = TestDatabase.user("ADMIN", null, null);
        TestDatabase.update("update user_account set language = 'es' where email = ?", email);
        WebClient admin = client("en-US");
        assertEquals(302, admin.signIn(email, TestDatabase.PASSWORD).statusCode());

        HttpResponse<String> partner = admin.get("admin/partners/edit.xhtml");
        assertLanguage(partner, "es", "ltr");
        HttpResponse<String> unnamed = admin.post("admin/partners/edit.xhtml", Map.of("form", "form", "form:name", "", "form:caseCapacity", "twelve",
                "form:save", "", "jakarta.faces.ViewState", WebClient.viewState(partner.body())));
        assertEquals(200, unnamed.statusCode());
        assertLanguage(unnamed, "es", "ltr");
        String shown = unescaped(unnamed.body());
        String messages = String.join(" | ", Pattern.compile("ui-message-error-detail\"[^>]*>([^<]*)<").matcher(shown).results().map(r -> r.group(1)).toList());
        String number = MessageFormat.format(TestBundles.text("org/defensefund/tracker/faces-messages", "es", "jakarta.faces.converter.IntegerConverter.INTEGER"),
                "twelve", "12", TestBundles.text("es", "partners_edit.caseCapacity"));
        assertTrue(shown.contains(number), "Faces' conversion message from the bundle of the page's language: " + number + " in " + messages);
        String constraint = TestBundles.text("ValidationMessages", "es", "partner.name.required");
        assertTrue(shown.contains(constraint), "Bean Validation's message in the page's language: " + constraint + " in " + messages);

        // A rule a service checks (the server validates in its own language): shown in the page's all the same.
        HttpResponse<String> list = admin.get("admin/reference/list.xhtml?list=COURT");
        HttpResponse<String> nameless = admin.post("admin/reference/list.xhtml?list=COURT", Map.of("add", "add", "add:code",
                "NAMELESS", "add:name", "", "add:sortOrder", "1", "add:submit", "", "jakarta.faces.ViewState", WebClient.viewState(list.body())));
        assertEquals(200, nameless.statusCode());
        String serviceRule = TestBundles.text("ValidationMessages", "es", "reference.name.required");
        assertTrue(unescaped(nameless.body()).contains(serviceRule), "the service's rule in the page's language: " + serviceRule);
        assertFalse(unescaped(nameless.body()).contains(TestBundles.text("ValidationMessages", "en", "reference.name.required")), "not in English");
    }

    // ---- helpers

    /**
     * A timeline entry in the reader's language: the hearing's kind from the bundle, its time by the language's
     * conventions, a reference item by its Spanish name, an amount as Spanish writes it; the same entry in English for an
     * English reader; an entry written before its facts were kept keeps its plain summary.
     */
    @Test
    void aTimelineEntryIsSaidInTheReadersLanguage() {
        long partner = TestDatabase.partner(TestDatabase.unique("Timeline Org"));
        long caseId = TestDatabase.offeredCase(partner);
        long asylum = Long.parseLong(TestDatabase.text("select id from reference_item where list_name = 'RELIEF_TYPE' and code = 'ASYLUM'"));
        TimelineText said = TimelineText.of(TimelineText.label("hearingKind", HearingKind.BOND), TimelineText.words(" "),
                TimelineText.moment(java.time.LocalDateTime.of(2026, 3, 9, 14, 30)), TimelineText.words(" · "),
                TimelineText.item(asylum, "Asylum"), TimelineText.words(" · "), TimelineText.amount(new java.math.BigDecimal("1500.00")));
        TestDatabase.update("insert into case_event (case_id, occurred_at, actor, kind, from_status, to_status, summary, summary_parts)"
                + " values (?, now(6), 'test', 'HEARING_RECORDED', 'OFFERED', 'OFFERED', ?, ?)", caseId, said.plain(), said.json());
        TestDatabase.update("insert into case_event (case_id, occurred_at, actor, kind, from_status, to_status, summary)"
                + " values (?, now(6), 'test', 'MARKED_CONFIDENTIAL', 'OFFERED', 'OFFERED', 'U_VISA')", caseId);

        WebClient spanish = client("es");
        assertEquals(302, spanish.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD).statusCode());
        String page = unescaped(spanish.get("cases/detail.xhtml?id=" + caseId + "&tab=timeline").body());
        String timeline = page.substring(page.indexOf("id=\"timeline\""));
        java.util.Locale spanishFormats = java.util.Locale.forLanguageTag("es-US");
        String when = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
                .withLocale(spanishFormats).format(java.time.LocalDateTime.of(2026, 3, 9, 14, 30));
        assertTrue(when.startsWith("9 mar"), "the month by its Spanish name: " + when);
        assertTrue(timeline.contains(TestBundles.text("es", "hearingKind.BOND") + " " + when + " · Asilo · "
                + org.defensefund.tracker.shared.web.Money.of(new java.math.BigDecimal("1500.00"), spanishFormats)),
                "kind, time, relief and amount in Spanish: " + timeline);
        assertFalse(timeline.contains("BOND 2026") || timeline.contains("Asylum"), "no code, no English name");
        assertTrue(timeline.contains(TestBundles.text("es", "confidentialityReason.U_VISA")), "an older entry's code named too");

        WebClient english = client("en-US");
        assertEquals(302, english.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD).statusCode());
        String englishPage = unescaped(english.get("cases/detail.xhtml?id=" + caseId + "&tab=timeline").body());
        assertTrue(englishPage.contains(TestBundles.text("en", "hearingKind.BOND") + " 03/09/2026 2:30 PM · Asylum · $1,500.00"), englishPage);
    }

    private WebClient client(String acceptLanguage) {
        return new WebClient(base.toString()).acceptLanguage(acceptLanguage);
    }

    private static HttpResponse<String> switchTo(WebClient client, String path, HttpResponse<String> page, String tag) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("languageSwitch", "languageSwitch");
        form.put("languageSwitch:choice", tag);
        form.put("languageSwitch:apply", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return client.post(path, form);
    }

    private static void askReset(WebClient client, String email) {
        HttpResponse<String> page = client.get("account/forgot-password.xhtml");
        HttpResponse<String> answer = client.post("account/forgot-password.xhtml", Map.of("forgot", "forgot", "forgot:email", email,
                "forgot:submit", "", "jakarta.faces.ViewState", WebClient.viewState(page.body())));
        assertTrue(answer.statusCode() == 200 || answer.statusCode() == 302, answer.body());
    }

    private static MimeMessage onlyMailTo(String email) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> found = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals(email);
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (!found.isEmpty()) {
                assertEquals(1, found.size());
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + email);
    }

    private static String language(String email) {
        String value = TestDatabase.text("select coalesce(language, '') from user_account where email = ?", email);
        return value == null || value.isEmpty() ? null : value;
    }

    private static void assertLanguage(HttpResponse<String> page, String lang, String dir) {
        Matcher html = HTML_TAG.matcher(page.body());
        assertTrue(html.find(), "an <html> element with lang and dir: " + page.body());
        assertEquals(lang, html.group(1), "lang");
        assertEquals(dir, html.group(2), "dir");
    }

    private static String title(HttpResponse<String> page) {
        return unescaped(match(TITLE, page.body()));
    }

    private static String match(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertTrue(matcher.find(), pattern + " in " + html);
        return matcher.group(1);
    }

    /** The text of HTML, its character references undone. */
    private static String unescaped(String html) {
        Matcher reference = Pattern.compile("&#(x?)([0-9A-Fa-f]+);").matcher(html);
        StringBuilder text = new StringBuilder();
        while (reference.find()) {
            int code = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
            reference.appendReplacement(text, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        reference.appendTail(text);
        return text.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
