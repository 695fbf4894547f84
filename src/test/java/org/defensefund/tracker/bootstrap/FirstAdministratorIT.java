package org.defensefund.tracker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.accounts.TotpCodes;
import org.defensefund.tracker.accounts.SignInThrottle;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.client.SecondFactor;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first start of a fund in production mode, without a mail server: the start-up's bootstrap of the
 * first administrator ({@link StartupAccounts#firstAdministrator}, called with the production flag, as
 * the start-up calls it) on a database where no administrator is active, then the administrator's walk
 * through the real pages from the link written to the console to a signed-in home page. The shared test
 * server runs in demo mode with administrators of its own: the test sets them aside (inactive) for its
 * duration and brings them back after. The test runs in the server and talks to it over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class FirstAdministratorIT {

    private static final String EMAIL_PROPERTY = "tracker.bootstrap.admin.email";
    private static final String PASSWORD_PROPERTY = "tracker.bootstrap.admin.password";
    private static final String NEW_PASSWORD = "lantern orchard pebble violin";

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Inject
    private StartupAccounts startup;

    @Inject
    private CallerContext caller;

    @Inject
    private InContainer given;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private SignInThrottle throttle;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void withNoAdministratorTheStartWritesAOneTimeLinkWithWhichTheFirstAdministratorSetsUpAndSignsInWithoutMail() throws Exception {
        String email = InContainer.unique("first-admin").toLowerCase().replaceAll("[^a-z0-9-]", "-") + "@fund.test";
        throttle.forgetAll(); // unknown links opened by other tests from this address would slow this one's down
        List<Long> setAside = ids("select id from user_account where role = 'ADMIN' and active = true");
        String emailBefore = System.getProperty(EMAIL_PROPERTY);
        String passwordBefore = System.getProperty(PASSWORD_PROPERTY);
        System.setProperty(EMAIL_PROPERTY, email);
        System.clearProperty(PASSWORD_PROPERTY);
        try {
            setActive(setAside, false);
            assertEquals(0, given.count("select count(*) from user_account where role = 'ADMIN' and active = true"), "an empty fund: no administrator");

            String first = start().orElseThrow(() -> new AssertionError("the first start in production writes a set-up link"));
            assertEquals(1, given.count("select count(*) from user_account where email = '" + email + "' and role = 'ADMIN' and active = true"
                    + " and totp_secret is null"), "the first administrator is created, without two-factor sign-in yet");
            String firstToken = first.substring(first.indexOf("token=") + 6);
            assertEquals(0, given.count("select count(*) from account_token where token_hash = '" + firstToken + "'"), "the token itself is not stored");
            assertEquals(1, given.count("select count(*) from account_token where token_hash = '" + sha256(firstToken) + "'"
                    + " and timestampdiff(HOUR, created_at, expires_at) = 24 and used_at is null"), "only its hash, good for a day");

            String link = start().orElseThrow(() -> new AssertionError("a restart before the set-up writes a new link"));
            assertNotEquals(first, link);
            assertEquals(1, given.count("select count(*) from user_account where email = '" + email + "'"), "a restart creates nobody more");
            HttpResponse<String> old = new WebClient(base.toString()).get(path(first));
            assertTrue(old.body().contains("This link can't be used") || old.body().contains("This link can&#39;t be used"),
                    "the earlier link stops working");

            WebClient admin = new WebClient(base.toString());
            String path = path(link);
            HttpResponse<String> page = admin.get(path);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(email), "the page names the account");
            HttpResponse<String> saved = admin.post(path, Map.of("form", "form", "form:password", NEW_PASSWORD, "form:repeat", NEW_PASSWORD,
                    "form:submit", "", "jakarta.faces.ViewState", WebClient.viewState(page.body())));
            assertEquals(200, saved.statusCode(), saved.body());
            assertTrue(saved.body().contains("id=\"setUp:code\"") && saved.body().contains("<svg"),
                    "two-factor set-up on the same page: QR code and the first code, no e-mail");
            String secret = WebClient.shownSecret(saved.body());
            HttpResponse<String> codes = admin.post(path, Map.of("setUp", "setUp", "setUp:code", SecondFactor.nextCode(email, secret),
                    "setUp:submit", "", "jakarta.faces.ViewState", WebClient.viewState(saved.body())));
            assertEquals(10, Pattern.compile("<li><code>[a-z2-7-]{27}</code></li>").matcher(codes.body()).results().count(),
                    "ten recovery codes shown once");
            HttpResponse<String> again = new WebClient(base.toString()).get(path);
            assertTrue(again.body().contains("This link can't be used") || again.body().contains("This link can&#39;t be used"), "the link works once");

            WebClient signedIn = new WebClient(base.toString());
            assertEquals(302, signedIn.signIn(email, NEW_PASSWORD, secret).statusCode(), "password and authenticator code sign the administrator in");
            HttpResponse<String> home = signedIn.get("index.xhtml");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Welcome, Administrator."), "the home page greets the first administrator");
            assertEquals(200, signedIn.get("admin/users/list.xhtml").statusCode(), "as an administrator");

            assertFalse(start().isPresent(), "once set up, a start writes no link");
            assertEquals(List.of(), rows("select concat(t.purpose, ' created ', t.created_at, ' expires ', t.expires_at, ' db now ', now(6))"
                    + " from account_token t join user_account u on u.id = t.user_id where u.email = '" + email
                    + "' and t.used_at is null and t.expires_at > now(6)"), "no usable link is left");
        } finally {
            setActive(setAside, true);
            restore(EMAIL_PROPERTY, emailBefore);
            restore(PASSWORD_PROPERTY, passwordBefore);
        }
    }

    @Test
    void aStartWritesNoLinkWhileAnAdministratorCanSignIn() {
        String email = InContainer.unique("late-admin").toLowerCase().replaceAll("[^a-z0-9-]", "-") + "@fund.test";
        String emailBefore = System.getProperty(EMAIL_PROPERTY);
        System.setProperty(EMAIL_PROPERTY, email);
        try {
            UserAccount other = given.admin();
            String secret = TotpCodes.newSecret();
            given.as(other, () -> twoFactor.enableOwn(secret, TotpCodes.codeFor(secret, TotpCodes.stepAt(java.time.Instant.now()))));
            assertTrue(given.count("select count(*) from user_account where role = 'ADMIN' and active = true and totp_secret is not null") > 0,
                    "an administrator with two-factor sign-in exists");
            assertFalse(start().isPresent(), "administrators with two-factor sign-in exist: nothing is created, no link");
            assertEquals(0, given.count("select count(*) from user_account where email = '" + email + "'"));
        } finally {
            restore(EMAIL_PROPERTY, emailBefore);
        }
    }

    private Optional<String> start() {
        return caller.runAs(CallerContext.SYSTEM, () -> startup.firstAdministrator(true));
    }

    private String path(String link) {
        return link.substring(link.indexOf("account/"));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }


    private void setActive(List<Long> accounts, boolean active) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("update user_account set active = ? where id = ?")) {
            for (Long id : accounts) {
                statement.setBoolean(1, active);
                statement.setLong(2, id);
                statement.executeUpdate();
            }
        }
    }
}
