package org.investflow.platform.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Version;

/**
 * Base of every aggregate document: it carries the aggregate's unpublished events (the outbox) and
 * the ids of the events it has already handled (the inbox) and its audit history, so a state change,
 * the events it causes, who caused them and the fact that an incoming event was consumed are all
 * committed by one single-document write.
 * Its {@code version} field is the optimistic lock: every save checks and increments it, and so does
 * the outbox relay when it removes a published event, so a save of a copy read before that removal
 * fails instead of putting the published event back.
 */
public abstract class AggregateRoot {

    /** Name of the optimistic-lock field in every aggregate document. */
    public static final String VERSION_FIELD = "version";

    private static final int INBOX_LIMIT = 200;

    @Version
    private Long version;

    private List<OutboxMessage> outbox = new ArrayList<>();
    private Set<String> handledEvents = new LinkedHashSet<>();
    private List<AuditEntry> history = new ArrayList<>();

    /**
     * Queues messages for the relay and appends them to the aggregate's audit history; called by the
     * application layer after a command, before the save that commits both.
     */
    public void enqueue(List<OutboxMessage> messages) {
        outbox.addAll(messages);
        messages.stream().map(AuditEntry::of).forEach(history::add);
    }

    /** Every event this aggregate caused, oldest first: who did what, when. */
    public List<AuditEntry> history() {
        return history == null ? List.of() : List.copyOf(history);
    }

    /** The optimistic-lock version; null before the first save. */
    public Long version() {
        return version;
    }

    public List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }

    /** Whether the incoming event {@code eventId} was already applied to this aggregate. */
    public boolean hasHandled(String eventId) {
        return handledEvents.contains(eventId);
    }

    /** Remembers that {@code eventId} was applied, keeping only the most recent ids. */
    public void markHandled(String eventId) {
        handledEvents.add(eventId);
        if (handledEvents.size() > INBOX_LIMIT) {
            handledEvents.remove(handledEvents.iterator().next());
        }
    }
}
