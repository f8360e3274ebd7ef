package org.investflow.devstack;

import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The MongoDB-wire server's H2 file backend made to keep its word: a command that changed the store is
 * committed and synced to disk before its reply leaves. The stock backend answers first and lets MVStore's
 * background writer commit up to a second later, so a crash lost writes the services had been told were saved
 * (issue 17); a consumer that had committed its Kafka offset after such a write skipped the event for good.
 *
 * <p>Commits of concurrent commands share one store operation where they overlap (MVStore serialises them), so
 * the cost is one chunk write and one {@code fsync} per burst, not per document; BENCHMARKS.md and RELIABILITY.md
 * give the measured insert rate with and without it.
 *
 * <p>A commit holds only whole commands. The backend keeps a collection's documents and each of its unique indexes in
 * maps of their own, written one after the other, and a commit (another command's, or MVStore's background writer)
 * taken between the two wrote a document without its index entry: after a crash the document said {@code v: 6} and
 * the unique index {@code {_id, v}} still {@code 5}, so every update by that key matched nothing, for good (the fault
 * run's tally recovery retried one such document until the test gave up). Commands therefore run under a shared lock
 * and a commit takes it exclusively, and the background writer is off.
 */
final class DurableH2Backend extends H2Backend {

    /** Shared by the commands in progress, exclusive for a commit: a commit never sees a command half done. */
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();

    DurableH2Backend(String fileName) {
        super(fileName);
        getMvStore().setAutoCommitDelay(0);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        commands.readLock().lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            commands.readLock().unlock();
            // also after a failed command: a bulk write may have stored part of its documents before failing; a command
            // the backend ran inside another is committed with it (the shared lock cannot become the exclusive one)
            if (commands.getReadHoldCount() == 0) {
                makeDurable();
            }
        }
    }

    private void makeDurable() {
        commands.writeLock().lock();
        try {
            if (getMvStore().hasUnsavedChanges()) {
                commit();
                getMvStore().sync();
            }
        } finally {
            commands.writeLock().unlock();
        }
    }
}
