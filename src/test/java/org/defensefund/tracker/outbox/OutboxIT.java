package org.defensefund.tracker.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The outbox in the server, with a real SMTP server (GreenMail, started inside the server by {@link ServerMail}): a
 * message is written in its caller's transaction or not at all, once per dedupe key, with its recipient and body
 * encrypted; the delivery sends it once, even when two deliveries run at the same time, fires {@link MessageDelivered},
 * retries with a growing wait while the mail server is down, and marks a message failed after the last attempt.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxIT {

    @Deployment
    static WebArchive deployment() {
        return ServerMail.deployment().addClass(DeliveredMessages.class);
    }

    @Inject
    private Outbox outbox;

    @Inject
    private OutboxDelivery delivery;

    @Inject
    private OutboxService service;

    @Inject
    private DeliveredMessages events;

    @Inject
    private InContainer given;
    @Inject
    private ClientService clients;

    @Inject
    private Settings settings;

    @Inject
    private UserTransaction transaction;

    @Resource
    private ManagedExecutorService executor;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private javax.sql.DataSource dataSource;

    @Test
    void aMessageIsWrittenInTheCallersTransactionOrNotAtAll() throws Exception {
        String key = key();
        String to = address();
        assertThrows(TransactionalException.class, () -> outbox.enqueue(message(key, to, "Alone")), "no transaction: refused");

        transaction.begin();
        assertTrue(outbox.enqueue(message(key, to, "Rolled back")));
        transaction.rollback();
        assertEquals(0, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "'"), "rolled back with its change");

        assertTrue(given.inTransaction(() -> outbox.enqueue(message(key, to, "Kept"))));
        assertFalse(given.inTransaction(() -> outbox.enqueue(message(key, to, "Again"))), "the same key a second time writes nothing");
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and status = 'PENDING'"
                + " and attempts = 0 and subject = 'Kept'"));
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "'"
                + " and recipient like 'v1:%' and body like 'v1:%' and recipient not like '%" + to + "%'"), "recipient and body encrypted");
        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
        }
    }

    @Test
    void theDeliverySendsADueMessageOnceAndSaysSo() throws Exception {
        String key = key();
        String to = address();
        given.inTransaction(() -> outbox.enqueue(new OutgoingMessage(key, Channel.EMAIL, to, Locale.forLanguageTag("es"),
                "Recordatorio ñ", "Hola,\naudiencia mañana.", null, 42L, "TEST_KIND")));
        try (ServerMail mail = ServerMail.start()) {
            assertTrue(delivery.deliverDue() >= 1);
            List<MimeMessage> received = mail.to(to);
            assertEquals(1, received.size());
            assertEquals("Recordatorio ñ", received.get(0).getSubject());
            assertTrue(ServerMail.text(received.get(0)).contains("audiencia mañana."), ServerMail.text(received.get(0)));
            assertEquals("es", received.get(0).getHeader("Content-Language")[0]);

            delivery.deliverDue();
            assertEquals(1, mail.to(to).size(), "sent once");
        }
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and status = 'SENT'"
                + " and attempts = 1 and sent_at is not null and last_error is null"));
        List<MessageDelivered> heard = events.of(key);
        assertEquals(1, heard.size());
        assertEquals("TEST_KIND", heard.get(0).kind());
        assertEquals(42L, heard.get(0).caseId());
        assertEquals(Channel.EMAIL, heard.get(0).channel());

        OutboxEntry entry = given.as(given.admin(), () -> service.recent(OutboxStatus.SENT, 200)).stream()
                .filter(e -> e.subject().equals("Recordatorio ñ") && e.recipient().equals(to)).findFirst().orElseThrow();
        assertEquals(OutboxStatus.SENT, entry.status());
        assertTrue(given.as(given.admin(), () -> service.counts()).get(OutboxStatus.SENT) >= 1);
    }

    @Test
    void aMessageAboutACaseIsSealedUnderItsClientsKeyAndUnreadableOnceTheKeyIsDestroyed() throws Exception {
        String key = key();
        String to = address();
        LegalCase legalCase = given.referred();
        given.inTransaction(() -> outbox.enqueue(new OutgoingMessage(key, Channel.EMAIL, to, Locale.ENGLISH, "Sealed",
                "Dear Sealedclient, your hearing is soon.", null, legalCase.getId(), "TEST_KIND")));
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and recipient like 'v2:%'"
                + " and body like 'v2:%' and recipient not like '%" + to + "%' and body not like '%Sealedclient%'"),
                "recipient and body sealed under the client's own key");
        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
            assertEquals(1, mail.to(to).size(), "opened with the client's key and sent");
            assertTrue(ServerMail.text(mail.to(to).get(0)).contains("Dear Sealedclient"));
        }
        assertTrue(given.as(given.admin(), () -> service.recent(OutboxStatus.SENT, 200)).stream()
                .anyMatch(e -> e.subject().equals("Sealed") && e.recipient().equals(to)), "the page opens the recipient");

        String erasedKey = key();
        LegalCase other = given.referred();
        given.inTransaction(() -> outbox.enqueue(new OutgoingMessage(erasedKey, Channel.EMAIL, to, Locale.ENGLISH, "Never read",
                "Dear Erasedclient.", null, other.getId(), "TEST_KIND")));
        given.as(given.admin(), () -> clients.destroyKey(other.getClient().getId()));
        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
            assertEquals(0, mail.to(to).stream().filter(m -> ServerMail.text(m).contains("Erasedclient")).count(), "never sent");
        }
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + erasedKey + "' and status = 'FAILED'"
                + " and last_error like '%erased%'"), "failed, saying why");
        assertTrue(given.as(given.admin(), () -> service.recent(OutboxStatus.FAILED, 200)).stream()
                .anyMatch(e -> e.subject().equals("Never read") && e.recipient().equals("?")), "the page can't read the recipient either");
    }

    @Test
    void aMessageNotYetDueWaits() throws Exception {
        String key = key();
        String to = address();
        Instant later = Instant.now(FundClock.current()).plus(Duration.ofHours(2));
        given.inTransaction(() -> outbox.enqueue(new OutgoingMessage(key, Channel.EMAIL, to, Locale.ENGLISH, "Later", "Later.", later, null, "TEST_KIND")));
        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
            assertEquals(0, mail.to(to).size(), "not before its time");
            try (FundClock.Setting atTime = FundClock.fixedAt(later.plusSeconds(1))) {
                delivery.deliverDue();
            }
            assertEquals(1, mail.to(to).size());
        }
    }

    @Test
    void twoDeliveriesAtOnceSendEachMessageOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        String to = address();
        for (int i = 0; i < 12; i++) {
            String key = key();
            keys.add(key);
            int n = i;
            given.inTransaction(() -> outbox.enqueue(message(key, to, "Concurrent " + n)));
        }
        try (ServerMail mail = ServerMail.start()) {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> first = executor.submit(() -> {
                go.await();
                return delivery.deliverDue();
            });
            Future<Integer> second = executor.submit(() -> {
                go.await();
                return delivery.deliverDue();
            });
            go.countDown();
            first.get();
            second.get();
            List<MimeMessage> received = mail.to(to);
            assertEquals(12, received.size(), "each message once");
            List<String> subjects = new ArrayList<>();
            for (MimeMessage message : received) {
                subjects.add(message.getSubject());
            }
            assertEquals(12, subjects.stream().distinct().count(), "no message twice: " + subjects);
        }
        for (String key : keys) {
            assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and status = 'SENT' and attempts = 1"), key);
            assertEquals(1, events.of(key).size(), key);
        }
    }

    @Test
    void whileTheMailServerIsDownAMessageWaitsLongerEachTimeThenGoesWhenItIsBack() {
        String key = key();
        String to = address();
        given.inTransaction(() -> outbox.enqueue(message(key, to, "Retried")));
        Duration first = settings.outboxRetryDelay();
        Instant start = Instant.now(FundClock.current());

        try (FundClock.Setting at = FundClock.fixedAt(start)) {
            delivery.deliverDue();
        }
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and status = 'PENDING'"
                + " and attempts = 1 and last_error is not null"), "the first attempt failed: the mail server is down");
        assertEquals(start.plus(first).getEpochSecond(), nextAttempt(key).getEpochSecond(), "tried again after the first wait");

        try (FundClock.Setting early = FundClock.fixedAt(start.plus(first).minusSeconds(5))) {
            delivery.deliverDue();
        }
        assertEquals(1, given.count("select attempts from outbox_message where dedupe_key = '" + key + "'"), "not before its next attempt");

        Instant second = start.plus(first).plusSeconds(1);
        try (FundClock.Setting at = FundClock.fixedAt(second)) {
            delivery.deliverDue();
        }
        assertEquals(2, given.count("select attempts from outbox_message where dedupe_key = '" + key + "'"));
        assertEquals(second.plus(first.multipliedBy(2)).getEpochSecond(), nextAttempt(key).getEpochSecond(), "the wait doubled");

        try (ServerMail mail = ServerMail.start();
             FundClock.Setting back = FundClock.fixedAt(second.plus(first.multipliedBy(2)).plusSeconds(1))) {
            delivery.deliverDue();
            assertEquals(1, mail.to(to).size(), "sent once the mail server is back");
        }
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and status = 'SENT'"
                + " and attempts = 3 and last_error is null"));
    }

    @Test
    void afterTheLastAttemptAMessageIsMarkedFailedAndNeverSent() {
        String key = key();
        String to = address();
        given.inTransaction(() -> outbox.enqueue(message(key, to, "Given up")));
        Instant when = Instant.now(FundClock.current());
        int max = settings.outboxMaxAttempts();
        for (int attempt = 1; attempt <= max; attempt++) {
            try (FundClock.Setting at = FundClock.fixedAt(when)) {
                delivery.deliverDue();
            }
            when = when.plus(Backoff.LONGEST).plusSeconds(1);
        }
        assertEquals(1, given.count("select count(*) from outbox_message where dedupe_key = '" + key + "' and status = 'FAILED'"
                + " and attempts = " + max + " and last_error is not null"), "failed after " + max + " attempts");
        try (ServerMail mail = ServerMail.start(); FundClock.Setting at = FundClock.fixedAt(when)) {
            delivery.deliverDue();
            assertEquals(0, mail.to(to).size(), "a failed message is not tried again");
        }
        OutboxEntry entry = given.as(given.admin(), () -> service.recent(OutboxStatus.FAILED, 200)).stream()
                .filter(e -> e.recipient().equals(to)).findFirst().orElseThrow();
        assertNotNull(entry.lastError());
        assertTrue(given.as(given.admin(), () -> service.counts()).get(OutboxStatus.FAILED) >= 1);
        assertEquals(Status.STATUS_NO_TRANSACTION, status());
    }

    private int status() {
        try {
            return transaction.getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant nextAttempt(String key) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement("select next_attempt_at from outbox_message where dedupe_key = ?")) {
            statement.setString(1, key);
            try (java.sql.ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutgoingMessage message(String key, String to, String subject) {
        return new OutgoingMessage(key, Channel.EMAIL, to, Locale.ENGLISH, subject, "Body of " + subject, null, null, "TEST_KIND");
    }

    private static String key() {
        return "TEST:" + UUID.randomUUID();
    }

    private static String address() {
        return "outbox-" + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
    }
}
