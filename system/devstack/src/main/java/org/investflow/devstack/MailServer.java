package org.investflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.TreeMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP and IMAP server (GreenMail) for the local stack and the end-to-end runs: e-signature
 * sends its invitations and codes to it over SMTP, signers (the demo, the tests, the benchmark) read
 * them over IMAP. It accepts mail for any address; any user logs in to IMAP with their address as
 * user name and password. Production points e-signature at a real SMTP host instead.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail server;
    private final SignerMailbox mailbox;

    private MailServer(GreenMail server) {
        this.server = server;
        this.mailbox = new SignerMailbox("127.0.0.1", server.getImap().getPort());
    }

    /** Starts SMTP on {@code smtpPort} and IMAP on {@code imapPort} of 127.0.0.1 (0: free ports). */
    public static MailServer start(int smtpPort, int imapPort) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(orFree(smtpPort), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(orFree(imapPort), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return new MailServer(server);
    }

    private static int orFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return server.getSmtp().getPort();
    }

    public int imapPort() {
        return server.getImap().getPort();
    }

    /** The settings that point a service's mail sender here. */
    public Map<String, Object> senderSettings() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", smtpPort());
    }

    /**
     * The signers' mailboxes on this server, read over IMAP: one for all callers, so each user's inbox is synced once
     * (only the mail that arrived since is fetched) however many journeys read it.
     */
    public SignerMailbox mailbox() {
        return mailbox;
    }

    /**
     * How often each mail e-signature sent arrived here, by its {@code X-InvestFlow-Mail-Id} (the id of the mail in
     * its envelope's outbox): a mail delivered twice counts 2.
     */
    public Map<String, Integer> deliveriesByMailId() {
        Map<String, Integer> deliveries = new TreeMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                deliveries.merge(String.valueOf(message.getHeader("X-InvestFlow-Mail-Id", null)), 1, Integer::sum);
            } catch (MessagingException e) {
                throw new IllegalStateException("a received mail cannot be read: " + e.getMessage(), e);
            }
        }
        return deliveries;
    }

    @Override
    public void close() {
        mailbox.close();
        server.stop();
    }
}
