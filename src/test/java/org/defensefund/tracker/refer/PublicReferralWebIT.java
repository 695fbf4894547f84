package org.defensefund.tracker.refer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.pii.Keyring;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiCipher;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.SealedClients;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public referral form over plain HTTP, as a browser without script sends it: only the form's own fields and
 * hidden inputs are posted (the script nonce included, which the page writes into its form). The test runs in the
 * server, to read the stored rows with the server's key and to reset or lower the form's limits, and talks to it
 * over HTTP as an anonymous visitor.
 */
@ExtendWith(ArquillianExtension.class)
class PublicReferralWebIT {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*?value=\"([^\"]*)\"");
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([A-Z2-9]{4}-[A-Z2-9]{4})<");
    private static final String ADDRESS_LIMIT = "tracker.refer.address.limit";
    private static final String GLOBAL_LIMIT = "tracker.refer.global.limit";

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Inject
    private ReferralLimits limits;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource db;

    @BeforeEach
    @AfterEach
    void freshLimits() {
        limits.forgetAll();
    }

    @Test
    void aReferralInSpanishJoinsTheIntakeQueueEncryptedAndTheVisitorSeesOnlyItsReceipt() throws SQLException {
        WebClient visitor = new WebClient(base.toString());
        HttpResponse<String> page = visitor.get("refer/?lang=es");
        assertEquals(200, page.statusCode(), "no sign-in");
        assertTrue(htmlSays(page.body(), "es", "ltr"), "the page says its language");
        assertTrue(page.body().contains("Referir a una persona para recibir ayuda legal gratuita"), "Spanish texts");
        assertTrue(page.body().contains("No la damos a las autoridades de inmigración (ICE) ni a la policía."), "the privacy notice in Spanish");
        Matcher nonce = Pattern.compile("name=\"primefaces.nonce\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(nonce.find(), "the form carries its nonce itself, so it is accepted without script");

        String lastName = unique("Quintanilla");
        LocalDate hearing = LocalDate.now(FundClock.current()).plusDays(20);
        Map<String, String> form = form(page.body());
        form.put("refer:firstName", "Marisol");
        form.put("refer:lastName", lastName);
        form.put("refer:birthDay", "14");
        form.put("refer:birthMonth", "7");
        form.put("refer:birthYear", "1988");
        form.put("refer:country", "SV");
        form.put("refer:language", "es");
        form.put("refer:interpreter", "on");
        form.put("refer:phone", "617 555 0142");
        form.put("refer:city", "Chelsea");
        form.put("refer:detained", "on");
        form.put("refer:facility", firstOption(page.body(), "refer:facility"));
        form.put("refer:hearingDay", String.valueOf(hearing.getDayOfMonth()));
        form.put("refer:hearingMonth", String.valueOf(hearing.getMonthValue()));
        form.put("refer:hearingYear", String.valueOf(hearing.getYear()));
        form.put("refer:court", firstOption(page.body(), "refer:court"));
        form.put("refer:referrerKind", "FAMILY_OR_FRIEND");
        form.put("refer:referrerName", "Rosa Díaz");
        form.put("refer:referrerContact", "rosa.diaz@example.org");
        form.put("refer:consent", "on");
        HttpResponse<String> answer = visitor.post("refer/index.xhtml", form);

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("Gracias. Recibimos su referido."), "thanks, in Spanish");
        String receipt = receipt(answer.body());
        for (String told : new String[] {lastName, "Marisol", "555 0142", "rosa.diaz", "Rosa", "Chelsea", "1988"}) {
            assertFalse(shown(answer.body()).contains(told), "the answer repeats nothing typed: " + told);
        }

        try (Connection connection = db.getConnection();
             PreparedStatement query = connection.prepareStatement("select c.first_name, c.birth_date, c.phone, c.city, c.country_of_birth,"
                     + " c.language_code, c.interpreter_needed, lc.status, source.code, lc.referrer_name, lc.detained, lc.facility_id,"
                     + " lc.next_hearing_date, lc.court_id, o.receipt_number, o.form_language, o.referrer_kind, o.referrer_contact,"
                     + " o.contact_consent, (select e.actor from case_event e where e.case_id = lc.id and e.kind = 'REFERRED'), lc.case_number"
                     + " from client c join legal_case lc on lc.client_id = c.id join reference_item source on source.id = lc.referral_source_id"
                     + " join online_referral o on o.case_id = lc.id where c.id = ?")) {
            long clientId = named("Marisol", lastName).get(0);
            query.setLong(1, clientId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the referral was recorded");
                assertTrue(row.getString(1).startsWith("v2:"), "the name sealed under the client's key");
                assertSealed(clientId, "birth_date", row.getString(2), "1988", "1988-07-14");
                assertSealed(clientId, "phone", row.getString(3), "555", "617 555 0142");
                assertEquals("Chelsea", row.getString(4), "the city stays in clear, as for every client");
                assertEquals("SV", row.getString(5));
                assertEquals("es", row.getString(6));
                assertTrue(row.getBoolean(7), "interpreter needed");
                assertEquals("REFERRED", row.getString(8), "in the intake queue, to screen");
                assertEquals("ONLINE_FORM", row.getString(9), "source: Online form");
                assertTrue(row.getString(10).startsWith(Keyring.PREFIX), "the referrer sealed under the client's key: " + row.getString(10));
                assertEquals("Rosa Díaz", clientText(clientId, "LegalCase.referrerName", row.getString(10)));
                assertTrue(row.getBoolean(11), "detained");
                assertEquals(firstOption(page.body(), "refer:facility"), row.getString(12));
                assertEquals(hearing, row.getDate(13).toLocalDate());
                assertEquals(firstOption(page.body(), "refer:court"), row.getString(14));
                assertEquals(receipt, row.getString(15), "the receipt shown is the referral's");
                assertEquals("es", row.getString(16));
                assertEquals("FAMILY_OR_FRIEND", row.getString(17));
                assertSealedText(clientId, "OnlineSubmission.referrerContact", row.getString(18), "rosa", "rosa.diaz@example.org");
                assertTrue(row.getBoolean(19), "consent kept");
                assertEquals("online form", row.getString(20), "the timeline names the form, not a person");
                assertFalse(answer.body().contains(row.getString(21)), "the case number isn't shown");
                assertFalse(row.next(), "one referral");
            }
        }
    }

    @Test
    void hearingRemindersAreAskedApartAndNeedTheirOwnAddress() throws SQLException {
        WebClient visitor = new WebClient(base.toString());
        HttpResponse<String> page = visitor.get("refer/?lang=es");
        assertTrue(page.body().contains("Recordatorios de audiencias (opcional)"), "the reminders' box, in Spanish, apart from the consent to be contacted");
        String lastName = unique("Recordada");
        Map<String, String> form = valid(page.body(), lastName);
        form.put("refer:reminders", "on");
        form.put("refer:reminderEmail", "no es un correo");
        HttpResponse<String> refused = visitor.post("refer/index.xhtml", form);
        assertEquals(200, refused.statusCode());
        assertProblem(refused.body(), "reminderEmail", "Revise este correo electrónico");
        assertEquals(0, named(null, lastName).size(), "nothing recorded");

        Map<String, String> again = valid(refused.body(), lastName);
        again.put("refer:reminders", "on");
        again.put("refer:reminderEmail", "ana-" + lastName.toLowerCase(java.util.Locale.ROOT) + "@example.org");
        HttpResponse<String> answer = visitor.post("refer/index.xhtml", again);
        receipt(answer.body());
        String stored = text("select r.email from reminder_consent r join legal_case lc on lc.id = r.case_id join client c on c.id = lc.client_id"
                + " where c.id = ? and r.given and r.source = 'PUBLIC_FORM' and r.recorded_by = 'online form'", named(null, lastName).get(0));
        long clientId = named(null, lastName).get(0);
        assertSealedText(clientId, "ReminderConsent.email", stored, "example.org", "ana-");
        assertEquals("PUBLIC_FORM", clientText(clientId, "CaseEvent.summary", text("select e.summary from case_event e join legal_case lc"
                + " on lc.id = e.case_id where lc.client_id = ? and e.kind = 'REMINDER_CONSENT_GIVEN'", clientId)));
    }

    @Test
    void aReferralInArabicIsRightToLeftAndIsRecordedToo() throws SQLException {
        WebClient visitor = new WebClient(base.toString());
        HttpResponse<String> page = visitor.get("refer/?lang=ar");
        assertTrue(htmlSays(page.body(), "ar", "rtl"), "Arabic reads right to left");
        assertTrue(page.body().contains("إحالة شخص للحصول على مساعدة قانونية مجانية"));
        String lastName = unique("الحسن");
        Map<String, String> form = form(page.body());
        form.put("refer:firstName", "فاطمة");
        form.put("refer:lastName", lastName);
        form.put("refer:referrerKind", "SELF");
        form.put("refer:phone", "+1 (617) 555-0199");
        form.put("refer:consent", "on");
        HttpResponse<String> answer = visitor.post("refer/index.xhtml", form);
        assertEquals(200, answer.statusCode());
        assertTrue(htmlSays(answer.body(), "ar", "rtl"), "the answer keeps the chosen language");
        assertTrue(answer.body().contains("شكراً لك. لقد استلمنا إحالتك."), "thanks, in Arabic");
        String receipt = receipt(answer.body());
        assertFalse(shown(answer.body()).contains("فاطمة"), "the answer repeats nothing typed");
        assertEquals(receipt, text("select o.receipt_number from online_referral o join legal_case lc on lc.id = o.case_id"
                + " join client c on c.id = lc.client_id where c.id = ? and o.form_language = 'ar'"
                + " and o.referrer_kind = 'SELF' and lc.referrer_name is null", named("فاطمة", lastName).get(0)));
    }

    @Test
    void aFilledInTrapGetsTheSameThanksAndNothingIsRecorded() throws SQLException {
        WebClient robot = new WebClient(base.toString());
        HttpResponse<String> page = robot.get("refer/");
        assertTrue(htmlSays(page.body(), "en", "ltr"), "English unless another language is chosen");
        assertTrue(page.body().contains("aria-hidden=\"true\"") && page.body().contains("tabindex=\"-1\""), "the trap is hidden from people");
        String lastName = unique("Trap");
        Map<String, String> form = valid(page.body(), lastName);
        form.put("refer:website", "http://cheap-pills.example");
        HttpResponse<String> answer = robot.post("refer/index.xhtml", form);
        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("Thank you. We received your referral."), "a neutral answer, the same as a real one");
        receipt(answer.body());
        assertEquals(0, named(null, lastName).size(), "nothing recorded");
    }

    @Test
    void missingAndBadValuesAreExplainedBesideTheirFieldsInTheChosenLanguageAndNothingIsSaved() throws SQLException {
        WebClient visitor = new WebClient(base.toString());
        HttpResponse<String> page = visitor.get("refer/?lang=es");
        String lastName = unique("Campos");
        Map<String, String> form = form(page.body());
        form.put("refer:firstName", "");
        form.put("refer:lastName", lastName);
        form.put("refer:birthDay", "31");
        form.put("refer:birthMonth", "2");
        form.put("refer:birthYear", "1990");
        form.put("refer:phone", "llámeme; <script>");
        form.put("refer:city", "x".repeat(101));
        HttpResponse<String> answer = visitor.post("refer/index.xhtml", form);
        assertEquals(200, answer.statusCode());
        String body = answer.body();
        assertTrue(htmlSays(body, "es", "ltr"), "still in Spanish");
        assertProblem(body, "firstName", "Por favor, llene esto.");
        assertProblem(body, "birthDate", "Escriba una fecha real en números");
        assertProblem(body, "phone", "En un número de teléfono use solo números");
        assertProblem(body, "city", "Es demasiado largo. Use 100 caracteres o menos.");
        assertTrue(body.contains("id=\"problems\"") && body.contains("href=\"#refer:firstName\""), "a summary links to each field");
        assertTrue(body.contains("value=\"" + lastName + "\""), "what was typed is kept");
        assertFalse(body.contains("llámeme; <script>"), "typed text is escaped");
        assertTrue(body.contains("aria-invalid=\"true\""), "the fields say they are invalid");

        page = visitor.get("refer/?lang=es");
        form = valid(page.body(), lastName);
        form.remove("refer:consent");
        answer = visitor.post("refer/index.xhtml", form);
        assertProblem(answer.body(), "consent", "Solo podemos ayudar si podemos comunicarnos con ustedes.");

        page = visitor.get("refer/?lang=es");
        form = valid(page.body(), lastName);
        LocalDate past = LocalDate.now(FundClock.current()).minusDays(3);
        form.put("refer:hearingDay", String.valueOf(past.getDayOfMonth()));
        form.put("refer:hearingMonth", String.valueOf(past.getMonthValue()));
        form.put("refer:hearingYear", String.valueOf(past.getYear()));
        answer = visitor.post("refer/index.xhtml", form);
        assertProblem(answer.body(), "nextHearingDate", "La próxima audiencia no puede estar en el pasado.");

        page = visitor.get("refer/?lang=es");
        form = valid(page.body(), lastName);
        form.put("refer:referrerKind", "ADMIN");
        form.put("refer:court", "1; drop table client");
        answer = visitor.post("refer/index.xhtml", form);
        assertEquals(200, answer.statusCode(), "a crafted choice is refused on the page, not with an error page");
        assertFalse(answer.body().contains("id=\"receipt\""));

        assertEquals(0, named(null, lastName).size(), "nothing saved");
    }

    @Test
    void overThePerAddressLimitTheFormRefusesWith429AndAClearMessage() throws SQLException {
        String before = System.getProperty(ADDRESS_LIMIT);
        System.setProperty(ADDRESS_LIMIT, "2");
        try {
            WebClient visitor = new WebClient(base.toString());
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> page = visitor.get("refer/");
                receipt(visitor.post("refer/index.xhtml", valid(page.body(), unique("Within"))).body());
            }
            String lastName = unique("Over");
            HttpResponse<String> page = visitor.get("refer/?lang=fr");
            HttpResponse<String> refused = visitor.post("refer/index.xhtml", valid(page.body(), lastName));
            assertEquals(429, refused.statusCode());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.body().contains("Ce formulaire a été envoyé de nombreuses fois depuis votre connexion"), "said plainly, in French");
            assertFalse(refused.body().contains("id=\"receipt\""));
            assertEquals(0, named(null, lastName).size(), "nothing recorded over the limit");
        } finally {
            restore(ADDRESS_LIMIT, before);
        }
    }

    @Test
    void overTheLimitForEveryoneTheFormRefusesToo() throws SQLException {
        String before = System.getProperty(GLOBAL_LIMIT);
        System.setProperty(GLOBAL_LIMIT, "1");
        try {
            WebClient first = new WebClient(base.toString());
            receipt(first.post("refer/index.xhtml", valid(first.get("refer/").body(), unique("First"))).body());
            WebClient second = new WebClient(base.toString());
            String lastName = unique("Second");
            HttpResponse<String> refused = second.post("refer/index.xhtml", valid(second.get("refer/").body(), lastName));
            assertEquals(429, refused.statusCode());
            assertTrue(refused.body().contains("We are receiving very many forms right now."));
            assertEquals(0, named(null, lastName).size());
        } finally {
            restore(GLOBAL_LIMIT, before);
        }
    }

    @Test
    void everythingElseStaysSignedInOnly() {
        WebClient visitor = new WebClient(base.toString());
        assertEquals(200, visitor.get("refer/").statusCode());
        assertEquals(200, visitor.get("refer/index.xhtml?lang=%3Cscript%3E").statusCode(), "an unknown language is English");
        assertEquals(302, visitor.get("intake/referral.xhtml").statusCode(), "the staff's intake still asks to sign in");
        assertEquals(302, visitor.get("cases/list.xhtml").statusCode());
    }

    // ---- helpers

    /** Every hidden input of the page's form, as a browser without script posts it, and the button. */
    private static Map<String, String> form(String html) {
        String form = html.substring(html.indexOf("<form id=\"refer\""), html.indexOf("</form>"));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        fields.put("refer:send", "Send");
        return fields;
    }

    /** The smallest referral the form accepts: names, who refers, a phone, consent. */
    private static Map<String, String> valid(String html, String lastName) {
        Map<String, String> form = form(html);
        form.put("refer:firstName", "Ana");
        form.put("refer:lastName", lastName);
        form.put("refer:referrerKind", "SELF");
        form.put("refer:phone", "617 555 0100");
        form.put("refer:consent", "on");
        return form;
    }

    /** What a page shows: without its hidden inputs (view state, nonce) and scripts, whose random text could contain anything. */
    private static String shown(String html) {
        return html.replaceAll("<input type=\"hidden\"[^>]*>", "").replaceAll("(?s)<script.*?</script>", "");
    }

    /** Whether the page's root element gives this language and writing direction. */
    private static boolean htmlSays(String html, String lang, String dir) {
        Matcher root = Pattern.compile("<html[^>]*>").matcher(html);
        return root.find() && root.group().contains(" lang=\"" + lang + "\"") && root.group().contains(" dir=\"" + dir + "\"");
    }

    private static String firstOption(String html, String select) {
        Matcher options = Pattern.compile("(?s)<select id=\"" + Pattern.quote(select) + "\".*?</select>").matcher(html);
        assertTrue(options.find(), select);
        Matcher value = Pattern.compile("<option value=\"(\\d+)\"").matcher(options.group());
        assertTrue(value.find(), "a choice in " + select);
        return value.group(1);
    }

    private static String receipt(String html) {
        Matcher receipt = RECEIPT.matcher(html);
        assertTrue(receipt.find(), "a receipt number is shown");
        return receipt.group(1);
    }

    private static void assertProblem(String html, String field, String text) {
        Matcher problem = Pattern.compile("<p id=\"" + field + "-problem\" class=\"field-problem\">([^<]*)</p>").matcher(html);
        assertTrue(problem.find(), "a place for the problem of " + field);
        assertTrue(problem.group(1).contains(text), field + ": " + problem.group(1));
    }

    private void assertSealedText(long clientId, String column, String stored, String notThere, String plaintext) throws SQLException {
        assertTrue(stored.startsWith(Keyring.PREFIX), "sealed under the client's key, not " + stored);
        assertFalse(stored.contains(notThere), "no plaintext in the column");
        assertTrue(clientText(clientId, column, stored).contains(plaintext.substring(0, 4)), "the client's key opens it");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void restore(String property, String before) {
        if (before == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, before);
        }
    }

    /** The clients of this last name and (unless null) first name, found as the server finds them (names are sealed). */
    private List<Long> named(String firstName, String lastName) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return SealedClients.named(connection, Keyrings.configured(), PiiCipher.current(), firstName, lastName);
        }
    }

    /** A text about the client sealed in another record (column {@code Type.field}), opened with the client's key. */
    private String clientText(long clientId, String column, String stored) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return SealedClients.text(connection, Keyrings.configured(), clientId, column, stored);
        }
    }

    private void assertSealed(long clientId, String column, String stored, String notThere, String plaintext) throws SQLException {
        assertTrue(stored.startsWith(Keyring.PREFIX), "sealed under the client's key, not " + stored);
        assertFalse(stored.contains(notThere), "no plaintext in the column");
        try (Connection connection = db.getConnection()) {
            assertTrue(SealedClients.value(connection, Keyrings.configured(), PiiCipher.current(), clientId, column).contains(plaintext.substring(0, 4)),
                    "the client's key opens it");
        }
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(text(sql, parameters));
    }
}
