package org.defensefund.tracker.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;

/**
 * Sends the outbox's e-mails through the server's mail session {@code java:jboss/mail/Default} (the one the account
 * e-mails use, {@code wildfly-config/mail.cli}), plain text in UTF-8, with the message's language as
 * {@code Content-Language} and the same connect, read and write timeouts ({@link Settings#smtpTimeout()}). A mail server
 * that can't be reached or refuses the message is {@link MessageNotSent}: the delivery tries again later. In demo mode
 * only, where no mail server is expected, an e-mail that can't be sent is written to the server log and counts as sent.
 */
@ApplicationScoped
public class EmailSender implements MessageSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class.getName());

    @Resource(lookup = "java:jboss/mail/Default")
    private Session session;

    @Inject
    private Settings settings;

    @Inject
    private FundClock clock;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutboxMessage message) throws MessageNotSent {
        try {
            limitWaiting();
            MimeMessage mail = new MimeMessage(session);
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
            mail.setSubject(message.subject(), "UTF-8");
            mail.setText(message.body(), "UTF-8");
            mail.setHeader("Content-Language", message.language().toLanguageTag());
            mail.setSentDate(Date.from(clock.now()));
            Transport.send(mail);
        } catch (MessagingException e) {
            if (settings.demoMode()) {
                LOG.info(() -> "Demo mode, no mail server: outbox message " + message.id() + " would say:\n" + message.subject()
                        + "\n\n" + message.body());
                return;
            }
            throw new MessageNotSent("the mail server did not take the e-mail: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Connect, read and write timeouts on the mail session, so a stalled mail server never holds the delivery long. */
    private void limitWaiting() {
        String millis = Long.toString(settings.smtpTimeout().toMillis());
        Properties properties = session.getProperties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
            properties.setProperty("mail." + protocol + ".timeout", millis);
            properties.setProperty("mail." + protocol + ".writetimeout", millis);
        }
    }
}
