package org.investflow.platform.messaging;

import java.util.List;

import org.investflow.platform.domain.OutboxMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The in-process signal from a save to the outbox relay: "this document has events waiting". A save
 * through an {@link AggregateStore} that queued events raises it, and the relay publishes that
 * document at once instead of at its next sweep. A signal that cannot be buffered (the relay is far
 * behind) is dropped: the sweep finds the document anyway, so a signal is an optimisation, never the
 * only way an event leaves.
 */
public class OutboxSignals {

    private static final int BUFFER = 4096;

    /**
     * A document with pending events: its collection and {@code _id}, and the outbox it held when it was saved
     * ({@code null}: not known, the relay reads the document).
     */
    public record PendingDocument(String collection, Object id, List<OutboxMessage> outbox) {

        /** A document whose outbox the relay has to read (what its sweep finds). */
        public PendingDocument(String collection, Object id) {
            this(collection, id, null);
        }
    }

    private final Sinks.Many<PendingDocument> sink = Sinks.many().multicast().onBackpressureBuffer(BUFFER, false);

    /**
     * Tells the relay that {@code id} in {@code collection} was saved holding {@code outbox}, so that it can
     * publish those events without reading the document back; never blocks.
     */
    public synchronized void raise(String collection, Object id, List<OutboxMessage> outbox) {
        sink.tryEmitNext(new PendingDocument(collection, id, List.copyOf(outbox)));
    }

    /** The documents signalled, in the order of their saves. */
    public Flux<PendingDocument> pending() {
        return sink.asFlux();
    }
}
