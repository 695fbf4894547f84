package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.pii.PiiCipher;
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
 * A mail server that accepts the connection and then never answers holds no page longer than the mail
 * timeout: the server's mail session is pointed for a moment at a socket in this test that accepts and
 * stays silent, and the timeout is shortened. A sign-in that e-mails a set-up link answers at once (the
 * e-mail goes after the commit); a new account's e-mail, which the administrator's page waits for (here
 * sent straight through {@link AccountMail}; the test server is not in demo mode, so it is refused), gives up after the
 * timeout and not much later. The test runs in the server and talks to it over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class MailTimeoutIT {

    private static final String TIMEOUT = "tracker.smtp.timeout.ms";
    private static final long TIMEOUT_MILLIS = 4000;

    /** A mail timeout far longer than any sign-in takes, for the sign-in that must not wait on mail at all. */
    private static final long LONG_TIMEOUT_MILLIS = 60_000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Inject
    private InContainer given;

    @Inject
    private AccountMail mail;

    @Resource(lookup = "java:jboss/mail/Default")
    private Session mailSession;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void aSignInThatEmailsASetUpLinkNeverWaitsOnTheMailServer() throws Exception {
        String email = given.partnerStaff(given.partner(InContainer.unique("Stalled Mail Legal"))).getEmail();
        assertEquals(0, count("select count(*) from user_account where email = '" + email + "' and totp_secret is not null"),
                "partner staff without an authenticator: signing in e-mails a set-up link");
        WebClient client = new WebClient(base.toString());
        assertEquals(200, client.get("login.xhtml").statusCode());
        withStalledMailServer(LONG_TIMEOUT_MILLIS, held -> {
            long start = System.nanoTime();
            HttpResponse<String> answer = within(() -> client.signInWithPassword(email, InContainer.PASSWORD));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("We have e-mailed you a link to set it up"), "the page answers as when the mail goes");
            assertTrue(millis < LONG_TIMEOUT_MILLIS / 2, "the sign-in answered after " + millis + " ms, long before the mail could time out");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (held.isEmpty() && System.nanoTime() < until) {
                InContainer.pause(100);
            }
            assertFalse(held.isEmpty(), "the e-mail was tried in the background, after the sign-in's transaction");
        });
    }

    @Test
    void anEmailTheCallerWaitsForGivesUpOnAStalledMailServerAfterTheTimeout() throws Exception {
        UserAccount owner = given.partnerStaff(given.partner(InContainer.unique("Stalled Welcome Legal")));
        withStalledMailServer(TIMEOUT_MILLIS, held -> {
            long start = System.nanoTime();
            org.junit.jupiter.api.Assertions.assertThrows(org.defensefund.tracker.shared.BusinessException.class,
                    () -> mail.sendWelcome(owner, "a-token-for-the-test"), "the caller is told the e-mail could not be sent");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertFalse(held.isEmpty(), "the new account's e-mail went to the stalled mail server");
            assertTrue(millis >= TIMEOUT_MILLIS - 100, "the sender waited for the mail server, " + millis + " ms");
            assertTrue(millis < TIMEOUT_MILLIS * 2 + 5000, "the sender gave up after " + millis + " ms; the mail timeout is " + TIMEOUT_MILLIS + " ms");
        });
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             java.sql.ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Points the server's mail session at a socket that accepts and never answers, with the given mail timeout, for the work. */
    private void withStalledMailServer(long timeoutMillis, StalledWork work) throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        Properties properties = mailSession.getProperties();
        String hostBefore = properties.getProperty("mail.smtp.host");
        String portBefore = properties.getProperty("mail.smtp.port");
        String timeoutBefore = System.getProperty(TIMEOUT);
        try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> acceptAndStaySilent(stalled, held), "stalled-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            properties.setProperty("mail.smtp.host", "127.0.0.1");
            properties.setProperty("mail.smtp.port", Integer.toString(stalled.getLocalPort()));
            System.setProperty(TIMEOUT, Long.toString(timeoutMillis));
            work.run(held);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
            InContainer.pause(1000);
            restore(properties, "mail.smtp.host", hostBefore);
            restore(properties, "mail.smtp.port", portBefore);
            if (timeoutBefore == null) {
                System.clearProperty(TIMEOUT);
            } else {
                System.setProperty(TIMEOUT, timeoutBefore);
            }
        }
    }

    /** Work done while the mail server stalls, given the connections it has accepted. */
    private interface StalledWork {
        void run(List<Socket> held) throws Exception;
    }

    /** A page's answer; a page held for a minute fails the test rather than hanging it. */
    private static HttpResponse<String> within(java.util.function.Supplier<HttpResponse<String>> request) throws Exception {
        return CompletableFuture.supplyAsync(request).get(60, TimeUnit.SECONDS);
    }

    private static void acceptAndStaySilent(ServerSocket server, List<Socket> held) {
        try {
            while (!server.isClosed()) {
                held.add(server.accept());
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private static void restore(Properties properties, String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
    }
}
