package org.investflow.devstack;

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
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a failed command: a bulk write may have stored part of its documents before failing
            makeDurable();
        }
    }

    private void makeDurable() {
        if (getMvStore().hasUnsavedChanges()) {
            commit();
            getMvStore().sync();
        }
    }
}
