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
import jakarta.mail.UIDFolder;
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
    private static final Duration FRESH = Duration.ofMillis(50);

    private final String host;
    private final int port;
    private final Session session = Session.getInstance(new Properties());
    private final Map<String, Inbox> inboxes = new ConcurrentHashMap<>();

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
     * The texts of the mails about {@code caseId} in {@code userId}'s inbox, oldest first. Each poll asks the server only
     * for the messages after the last UID this mailbox read (an IMAP UID FETCH, as a mail client syncs), on a connection
     * kept per user, and keeps what it read: an IMAP SEARCH by subject would make the server decode the subject of every
     * stored mail at each poll, a cost that grows with the mail stored (45 % of the pipeline benchmark's CPU once).
     */
    private List<String> texts(String userId, String caseId) {
        Inbox inbox = inboxes.computeIfAbsent(userId, user -> new Inbox(imapStore()));
        synchronized (inbox) {
            try {
                sync(inbox, userId);
            } catch (MessagingException | IOException dropped) {
                // the server dropped the connection ("Can not handle IMAP connection" under load): once more on a new one
                inbox.disconnect();
                try {
                    sync(inbox, userId);
                } catch (MessagingException | IOException e) {
                    throw new IllegalStateException("the mailbox of " + userId + " at " + host + ":" + port + " cannot be read: "
                            + e.getMessage(), e);
                }
            }
            return inbox.read.stream().filter(mail -> mail.subject().contains(caseId)).map(Mail::text).toList();
        }
    }

    private void sync(Inbox inbox, String userId) throws MessagingException, IOException {
        if (!inbox.store.isConnected()) {
            inbox.store.connect(host, port, addressOf(userId), addressOf(userId));
        }
        inbox.syncUnlessFresh();
    }

    /** Logs out of every user's connection (the mails read stay readable). */
    void close() {
        inboxes.values().forEach(inbox -> {
            synchronized (inbox) {
                inbox.disconnect();
            }
        });
    }

    private Store imapStore() {
        try {
            return session.getStore("imap");
        } catch (jakarta.mail.NoSuchProviderException e) {
            throw new IllegalStateException("no IMAP provider on the classpath", e);
        }
    }

    /** One mail read: its subject and text. */
    private record Mail(String subject, String text) {
    }

    /** One user's connection and the mails read from it so far, by UID order. */
    private static final class Inbox {
        private final Store store;
        private final List<Mail> read = new ArrayList<>();
        private long lastUid;
        private long syncedAt;

        Inbox(Store store) {
            this.store = store;
            this.syncedAt = System.nanoTime() - FRESH.toNanos();
        }

        /** Drops the connection (the mails read stay); the next sync connects again. */
        void disconnect() {
            try {
                store.close();
            } catch (MessagingException alreadyGone) {
                // the server closed it first: nothing to log out of
            }
        }

        /**
         * Syncs unless it did within {@link #FRESH}: the many journeys polling one user's inbox (every 100 ms each)
         * share a sync instead of queueing for one each on the user's connection.
         */
        void syncUnlessFresh() throws MessagingException, IOException {
            long now = System.nanoTime();
            if (now - syncedAt >= FRESH.toNanos()) {
                readNew();
                syncedAt = System.nanoTime();
            }
        }

        void readNew() throws MessagingException, IOException {
            IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            try {
                // "n:*" always names the newest message, even when its UID is below n: hence the check below
                Message[] fresh = folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
                FetchProfile whole = new FetchProfile();
                whole.add(UIDFolder.FetchProfileItem.UID);
                whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
                folder.fetch(fresh, whole);
                for (Message message : fresh) {
                    long uid = folder.getUID(message);
                    if (uid > lastUid) {
                        read.add(new Mail(String.valueOf(message.getSubject()), message.getContent().toString()));
                        lastUid = uid;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
    }
}
