package org.defensefund.tracker.accounts;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;
import org.defensefund.tracker.shared.Settings;

/**
 * Sends the account e-mails (a new account's link, a password reset link, a note that the password was
 * changed) through the server's mail session {@code java:jboss/mail/Default}, configured by
 * {@code wildfly-config/mail.cli}, with connect, read and write timeouts ({@link Settings#smtpTimeout()}).
 * Texts come from the message bundle, in the recipient's language (the one on their account, English when
 * they never chose one). An e-mail the user need not wait for (a forgotten password's link,
 * a sign-in's two-factor set-up link, a note that the password changed) is sent in the background after
 * the transaction commits, and a failure is logged; for an administrator's action (a new account's link)
 * an unreachable mail server fails the request with a clear message and nothing is saved. In demo mode
 * only, where no mail server is expected, an e-mail that can't be sent is written to the server log instead.
 */
@ApplicationScoped
public class AccountMail {

    private static final Logger LOG = Logger.getLogger(AccountMail.class.getName());
    private static final String BUNDLE = Languages.BUNDLE;

    @Resource(lookup = "java:jboss/mail/Default")
    private Session session;

    @Inject
    private Settings settings;

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private TransactionSynchronizationRegistry registry;

    /** The e-mail with a link to set the first password of a new account. */
    void sendWelcome(UserAccount to, String token) {
        send(to, "mail.welcome.subject", "mail.welcome.body", link("account/set-password.xhtml", token),
                AccountToken.Purpose.SET_PASSWORD.lifetime().toHours());
    }

    /** The e-mail with a link to choose a new password. */
    void sendReset(UserAccount to, String token) {
        send(to, "mail.reset.subject", "mail.reset.body", link("account/set-password.xhtml", token),
                AccountToken.Purpose.RESET_PASSWORD.lifetime().toMinutes());
    }

    /**
     * The reset e-mail of the "forgot password" form, sent once the transaction that made the link has
     * committed. A failure is logged (nobody is waiting for it).
     */
    void sendResetAfterCommit(UserAccount to, String token) {
        afterCommit(Recipient.of(to), "mail.reset.subject", "mail.reset.body",
                link("account/set-password.xhtml", token), AccountToken.Purpose.RESET_PASSWORD.lifetime().toMinutes());
    }

    /** Sends the e-mail in the background once the transaction has committed; a failure is logged. */
    private void afterCommit(Recipient recipient, String subjectKey, String bodyKey, String link, long lifetime) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(() -> {
                        try {
                            deliver(recipient, subjectKey, bodyKey, link, lifetime);
                        } catch (BusinessException notSent) {
                            LOG.warning(() -> "The e-mail '" + subject(subjectKey) + "' to account " + recipient.id() + " was not sent");
                        }
                    });
                }
            }
        });
    }

    /**
     * Whom an e-mail goes to and in which language (the account's; English when its owner never chose one),
     * copied out of the account so that it can be sent after the transaction.
     */
    private record Recipient(Long id, String email, String name, UiLanguage language) {

        static Recipient of(UserAccount account) {
            return new Recipient(account.getId(), account.getEmail(), account.getDisplayName(),
                    Languages.installed().find(account.getLanguage()).orElse(Languages.ENGLISH));
        }
    }

    /**
     * The e-mail with a link to set up two-factor sign-in, asked for by a sign-in that needs it; sent once
     * the transaction that made the link has committed, so the sign-in page never waits on the mail
     * server. A failure is logged.
     */
    void sendSetUpAfterCommit(UserAccount to, String token) {
        afterCommit(Recipient.of(to), "mail.setUp.subject", "mail.setUp.body", link("account/set-password.xhtml", token),
                AccountToken.Purpose.SET_UP_TWO_FACTOR.lifetime().toMinutes());
    }

    /** Tells the owner that their password was changed, so a change they didn't make doesn't go unnoticed. */
    void sendPasswordChanged(UserAccount to) {
        afterCommit(Recipient.of(to), "mail.changed.subject", "mail.changed.body", settings.publicUrl(), 0);
    }

    /** The address of a page of the application with a one-time link's token. */
    String link(String page, String token) {
        String base = settings.publicUrl();
        return (base.endsWith("/") ? base : base + "/") + page + "?token=" + token;
    }

    private void send(UserAccount to, String subjectKey, String bodyKey, String link, long lifetime) {
        deliver(Recipient.of(to), subjectKey, bodyKey, link, lifetime);
    }

    private void deliver(Recipient to, String subjectKey, String bodyKey, String link, long lifetime) {
        // No fallback to the server's own language: English is the bundle's base.
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, to.language().locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Locale formats = to.language().formats();
        String subject = new MessageFormat(texts.getString(subjectKey), formats).format(new Object[] {settings.getFundName()});
        String body = new MessageFormat(texts.getString(bodyKey), formats).format(new Object[] {to.name(), settings.getFundName(), link, lifetime, to.email()});
        try {
            limitWaiting();
            MimeMessage message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.email()));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new java.util.Date());
            Transport.send(message);
            LOG.info(() -> "Sent '" + subject + "' to account " + to.id());
        } catch (MessagingException e) {
            if (settings.demoMode()) {
                LOG.info(() -> "Demo mode, no mail server: the e-mail to " + org.defensefund.tracker.shared.LogText.of(to.email()) + " would say:\n" + subject + "\n\n" + body);
                return;
            }
            LOG.warning(() -> "Could not send '" + subject + "' to account " + to.id() + ": " + e);
            throw BusinessException.general("account.mail.failed");
        }
    }

    /** The subject of an e-mail as sent, for the log (never the bundle's key). */
    private String subject(String subjectKey) {
        return MessageFormat.format(ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString(subjectKey), settings.getFundName());
    }

    /**
     * Connect, read and write timeouts on the mail session (the server's mail subsystem has none to set):
     * a mail server that accepts and then stalls fails the e-mail after {@link Settings#smtpTimeout()}.
     * Set before every e-mail, so a changed setting applies without a restart.
     */
    private void limitWaiting() {
        String millis = Long.toString(settings.smtpTimeout().toMillis());
        java.util.Properties properties = session.getProperties();
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
            properties.setProperty("mail." + protocol + ".timeout", millis);
            properties.setProperty("mail." + protocol + ".writetimeout", millis);
        }
    }
}
