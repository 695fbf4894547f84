package org.defensefund.tracker.testsupport;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An SMTP server for in-container tests that read what the application sends: it listens inside the server under test
 * on the port the application's mail session sends to ({@code tracker.smtp.port}) and keeps each message as a
 * {@link MimeMessage}. GreenMail ({@code client.TestMail}) plays this part for tests that run in the test JVM; a test
 * running inside WildFly can't load GreenMail (its Jakarta Mail implementation clashes with the server's), so this
 * small one speaks just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for Jakarta Mail's client.
 */
public final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<MimeMessage> received = new ArrayList<>();

    private SmtpSink(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10);
        acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on the application's SMTP port; close it at the end of the test. */
    public static SmtpSink start() {
        try {
            return new SmtpSink(Integer.getInteger("tracker.smtp.port", 3425));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages received so far, in order. */
    public synchronized List<MimeMessage> messages() {
        return List.copyOf(received);
    }

    /** The messages received so far for one address. */
    public List<MimeMessage> to(String address) {
        return messages().stream().filter(message -> recipients(message).contains(address)).toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return String.valueOf(java.util.Arrays.toString(message.getAllRecipients()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(10_000);
                converse(socket);
            } catch (SocketException closed) {
                return;
            } catch (IOException | MessagingException e) {
                // one broken conversation: the sender reports its own failure
            }
        }
    }

    private void converse(Socket socket) throws IOException, MessagingException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 smtp-sink ready");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line.toUpperCase(java.util.Locale.ROOT) : line.substring(0, 4).toUpperCase(java.util.Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 smtp-sink");
                case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                case "DATA" -> {
                    reply(out, "354 end with <CRLF>.<CRLF>");
                    StringBuilder data = new StringBuilder();
                    String body;
                    while ((body = in.readLine()) != null && !body.equals(".")) {
                        data.append(body.startsWith("..") ? body.substring(1) : body).append("\r\n");
                    }
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                            new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
                    synchronized (this) {
                        received.add(message);
                    }
                    reply(out, "250 OK");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
