package org.defensefund.tracker.testsupport.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server (GreenMail) of the tests that read the e-mails the app sends: it listens in the test
 * JVM on the port the server under test sends to ({@code it.smtp.port}), and the links in the e-mails.
 */
public final class TestMail {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/)(account/set-password\\.xhtml\\?token=[A-Za-z0-9_-]+)");

    private TestMail() {
    }

    /** A fresh SMTP server for each test, to register with {@code @RegisterExtension}. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(Integer.getInteger("it.smtp.port", 3425), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** The set-password link in the e-mail, whole. */
    public static String link(MimeMessage message) {
        Matcher matcher = link(GreenMailUtil.getBody(message));
        return matcher.group(1) + matcher.group(2);
    }

    /** The set-password link in the e-mail, as a path relative to the app (account/set-password.xhtml?token=...). */
    public static String linkPath(MimeMessage message) {
        return link(GreenMailUtil.getBody(message)).group(2);
    }

    private static Matcher link(String body) {
        // Quoted-printable soft line breaks and the encoded "=" are undone first.
        Matcher matcher = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
        assertTrue(matcher.find(), "a link in the e-mail");
        return matcher;
    }
}
