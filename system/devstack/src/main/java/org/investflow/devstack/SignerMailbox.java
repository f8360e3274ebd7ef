package org.investflow.devstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.SubjectTerm;
import org.awaitility.Awaitility;
import org.eclipse.angus.mail.imap.IMAPFolder;

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
    private final Session session = Session.getInstance(new Properties());
    private final Map<String, Store> stores = new ConcurrentHashMap<>();

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
        return awaitLink(userId, caseId, Set.of());
    }

    /**
     * The token of the newest signing link {@code userId} received for {@code caseId} that is not one of
     * {@code spent}, once one arrived: the link of a new envelope, after an earlier one of the case was used.
     */
    public String awaitLink(String userId, String caseId, Collection<String> spent) {
        return Awaitility.await().atMost(DELIVERY).pollInterval(Duration.ofMillis(100))
                .until(() -> newest(texts(userId, caseId), TOKEN), token -> token != null && !spent.contains(token));
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

    /**
     * The texts of the mails about {@code caseId} in {@code userId}'s inbox, oldest first: one IMAP
     * SEARCH by subject and one FETCH of those messages, on a connection kept per user.
     */
    private List<String> texts(String userId, String caseId) {
        Store store = stores.computeIfAbsent(userId, user -> imapStore());
        synchronized (store) {
            try {
                if (!store.isConnected()) {
                    store.connect(host, port, addressOf(userId), addressOf(userId));
                }
                return read(store, caseId);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("the mailbox of " + userId + " at " + host + ":" + port + " cannot be read: "
                        + e.getMessage(), e);
            }
        }
    }

    private Store imapStore() {
        try {
            return session.getStore("imap");
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("no IMAP provider on the classpath", e);
        }
    }

    private static List<String> read(Store store, String caseId) throws MessagingException, IOException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            Message[] found = inbox.search(new SubjectTerm(caseId));
            FetchProfile whole = new FetchProfile();
            whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
            inbox.fetch(found, whole);
            List<String> texts = new ArrayList<>();
            for (Message message : found) {
                texts.add(message.getContent().toString());
            }
            return texts;
        } finally {
            inbox.close(false);
        }
    }
}
