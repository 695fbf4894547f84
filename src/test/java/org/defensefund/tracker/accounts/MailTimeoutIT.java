package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
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
 * stays silent, the timeout is shortened, and a sign-in that e-mails a set-up link must answer in time.
 * The test runs in the server and talks to it over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class MailTimeoutIT {

    private static final String TIMEOUT = "tracker.smtp.timeout.ms";
    private static final long TIMEOUT_MILLIS = 1500;

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Inject
    private InContainer given;

    @Resource(lookup = "java:jboss/mail/Default")
    private Session mailSession;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void aMailServerThatAcceptsAndStallsHoldsASignInNoLongerThanTheTimeout() throws Exception {
        String email = given.partnerStaff(given.partner(InContainer.unique("Stalled Mail Legal"))).getEmail();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement noAuthenticator = connection.prepareStatement("update user_account set totp_secret = null, totp_enabled_at = null where email = ?")) {
            noAuthenticator.setString(1, email);
            assertEquals(1, noAuthenticator.executeUpdate());
        }
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
            System.setProperty(TIMEOUT, Long.toString(TIMEOUT_MILLIS));

            long start = System.nanoTime();
            HttpResponse<String> answer = CompletableFuture.supplyAsync(() -> new WebClient(base.toString()).signInWithPassword(email, InContainer.PASSWORD))
                    .get(60, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(held.size() >= 1, "the sign-in did try the stalled mail server");
            assertTrue(millis < TIMEOUT_MILLIS * 2 + 5000, "the page answered after " + millis + " ms; the mail timeout is " + TIMEOUT_MILLIS + " ms");
        } finally {
            restore(properties, "mail.smtp.host", hostBefore);
            restore(properties, "mail.smtp.port", portBefore);
            if (timeoutBefore == null) {
                System.clearProperty(TIMEOUT);
            } else {
                System.setProperty(TIMEOUT, timeoutBefore);
            }
            for (Socket socket : held) {
                socket.close();
            }
        }
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
