package org.defensefund.tracker.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.defensefund.tracker.testsupport.Deployments;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A real SMTP server (GreenMail) started by an in-container test inside the server under test, on the port its mail
 * session sends to ({@code tracker.smtp.port}), so that a test which calls the outbox's delivery itself reads what was
 * sent in the same JVM. Stopping it is "the mail server is down". Only the messages to a test's own addresses are read:
 * the delivery sends whatever is due, other tests' messages included.
 */
public final class ServerMail implements AutoCloseable {

    private final GreenMail server;

    private ServerMail() {
        server = new GreenMail(new ServerSetup(Integer.getInteger("tracker.smtp.port", 3425), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The SMTP server, listening. */
    public static ServerMail start() {
        return new ServerMail();
    }

    /** The real WAR with GreenMail and this class in it (the server's own Jakarta Mail implementation is GreenMail's). */
    public static WebArchive deployment() {
        return Deployments.app()
                .addPackages(true, "com.icegreen.greenmail")
                .addClass(ServerMail.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.eclipse.angus.mail\n"));
    }

    /** The e-mails received for the address, in the order they came. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    /** Waits until the server has received at least {@code count} e-mails in all (the delivery has returned by then anyway). */
    public void awaitAtLeast(int count) {
        server.waitForIncomingEmail(5000, count);
    }

    /** The text of a plain-text e-mail, decoded. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a instanceof InternetAddress internet && address.equalsIgnoreCase(internet.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server: from now on the mail server is unreachable. */
    @Override
    public void close() {
        server.stop();
    }
}
