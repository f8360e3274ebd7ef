package org.investflow.signing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The real SMTP server of the tests: one GreenMail per test JVM on a free port, which every e-signature
 * context of the tests sends to (registered in {@code META-INF/spring.factories}). Signers' mails are
 * read back from it: the link in an invitation, the code in a code mail.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");
    static final Pattern CODE = Pattern.compile("code for the contract of case \\S+ is ([0-9]{6})");
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private static final int PORT = freePort();
    private static final GreenMail SERVER = start();

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail", Map.of(
                "spring.mail.host", "127.0.0.1", "spring.mail.port", PORT,
                "investflow.signing.workflow.mail-interval", "PT0.1S")));
    }

    /** The address the service mails user {@code userId} at (the default address template). */
    public static String addressOf(String userId) {
        return userId + "@users.investflow.local";
    }

    /** Every mail received for {@code userId} about {@code caseId}, oldest first. */
    public static List<MimeMessage> about(String userId, String caseId) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> isTo(message, addressOf(userId)))
                .filter(message -> subject(message).contains(caseId)).toList();
    }

    /** The token of the newest link mailed to {@code userId} for {@code caseId}, once one arrived. */
    public static String awaitLink(String userId, String caseId) {
        return Awaitility.await().atMost(DELIVERY).until(() -> newest(userId, caseId, TOKEN), token -> token != null);
    }

    /** The token of the newest link once {@code userId} received at least {@code links} link mails for {@code caseId}. */
    public static String awaitLink(String userId, String caseId, int links) {
        Awaitility.await().atMost(DELIVERY).until(() -> about(userId, caseId).stream()
                .filter(message -> TOKEN.matcher(body(message)).find()).count() >= links);
        return newest(userId, caseId, TOKEN);
    }

    /** The newest code mailed for {@code caseId} to {@code userId}, once {@code codesBefore} were exceeded. */
    public static String awaitCode(String userId, String caseId, int codesBefore) {
        Awaitility.await().atMost(DELIVERY).until(() -> codes(userId, caseId) > codesBefore);
        return newest(userId, caseId, CODE);
    }

    /** How many code mails {@code userId} received for {@code caseId}. */
    public static int codes(String userId, String caseId) {
        return (int) about(userId, caseId).stream().filter(message -> CODE.matcher(body(message)).find()).count();
    }

    private static String newest(String userId, String caseId, Pattern pattern) {
        String found = null;
        for (MimeMessage message : about(userId, caseId)) {
            Matcher matcher = pattern.matcher(body(message));
            if (matcher.find()) {
                found = matcher.group(1);
            }
        }
        return found;
    }

    /** Stops the SMTP server: an outage. */
    public static void stop() {
        SERVER.stop();
    }

    /** Starts it again on the same port. */
    public static void restart() {
        SERVER.start();
    }

    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
