package org.investflow.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.awaitility.Awaitility;

/**
 * What a signer finds in their mailbox, read over IMAP as a mail client would: the one-time link of
 * an invitation and the code of a code mail, for one case (the case id is in every subject).
 */
public final class SignerMailbox {

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");
    private static final Pattern CODE = Pattern.compile("code for the contract of case \\S+ is ([0-9]{6})");
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final String host;
    private final int port;

    public SignerMailbox(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The address e-signature mails user {@code userId} at, with its default address template. */
    public static String addressOf(String userId) {
        return userId + "@users.investflow.local";
    }

    /** The token of the newest signing link {@code userId} received for {@code caseId}, once one arrived. */
    public String awaitLink(String userId, String caseId) {
        return Awaitility.await().atMost(DELIVERY).pollInterval(Duration.ofMillis(100))
                .until(() -> newest(texts(userId, caseId), TOKEN), token -> token != null);
    }

    /** How many code mails {@code userId} received for {@code caseId}. */
    public int codes(String userId, String caseId) {
        return (int) texts(userId, caseId).stream().filter(text -> CODE.matcher(text).find()).count();
    }

    /** The newest code for {@code caseId}, once more than {@code codesBefore} arrived. */
    public String awaitCode(String userId, String caseId, int codesBefore) {
        Awaitility.await().atMost(DELIVERY).pollInterval(Duration.ofMillis(100)).until(() -> codes(userId, caseId) > codesBefore);
        return newest(texts(userId, caseId), CODE);
    }

    private static String newest(List<String> texts, Pattern pattern) {
        String found = null;
        for (String text : texts) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                found = matcher.group(1);
            }
        }
        return found;
    }

    /** The texts of the mails about {@code caseId} in {@code userId}'s inbox, oldest first. */
    private List<String> texts(String userId, String caseId) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(host, port, addressOf(userId), addressOf(userId));
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<String> texts = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    if (message.getSubject() != null && message.getSubject().contains(caseId)) {
                        texts.add(message.getContent().toString());
                    }
                }
                return texts;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("the mailbox of " + userId + " at " + host + ":" + port + " cannot be read: " + e.getMessage(), e);
        }
    }
}
