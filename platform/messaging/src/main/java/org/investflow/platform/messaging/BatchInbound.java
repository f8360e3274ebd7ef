package org.investflow.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.investflow.platform.events.EventCatalog;
import reactor.core.publisher.Mono;

/**
 * A consumer group that takes its events in batches (a projection that writes many documents per round trip), declared
 * as a bean, e.g. {@code BatchInbound.group("pipeline", 500, IntakeEvents.CATALOG, SigningEvents.CATALOG).handle(model::apply)}.
 * Unlike {@link Inbound}, the group is one listener over every topic of its catalogues: each poll hands at most
 * {@code maxRecords} readable events to the handler in the order of their partitions (the events of a case keep their
 * order), and the offsets are committed once the handler's {@code Mono} completed. Partitions are assigned by range, so
 * partition {@code p} of every topic goes to the same consumer: the events of one case (same key, same partition number
 * on topics of equal partition count) have one writer. A handler must be idempotent (a batch is redelivered after a
 * crash); see {@link InboundEvents#consumeBatch} for retries and dead letters.
 */
public final class BatchInbound {

    private final String groupId;
    private final int maxRecords;
    private final Map<String, EventCatalog> catalogs = new TreeMap<>();
    private BatchHandler handler;

    private BatchInbound(String groupId, int maxRecords, List<EventCatalog> catalogs) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be positive");
        }
        this.groupId = groupId;
        this.maxRecords = maxRecords;
        catalogs.forEach(catalog -> this.catalogs.put(catalog.topic(), catalog));
    }

    /** A consumer group {@code groupId} reading every event of {@code catalogs}, at most {@code maxRecords} per batch. */
    public static BatchInbound group(String groupId, int maxRecords, EventCatalog... catalogs) {
        return new BatchInbound(groupId, maxRecords, List.of(catalogs));
    }

    /** Hands every batch of readable events to {@code handler}. */
    public BatchInbound handle(BatchHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    public String groupId() {
        return groupId;
    }

    public int maxRecords() {
        return maxRecords;
    }

    /** The topics this group subscribes to: those of its catalogues. */
    public Set<String> topics() {
        return new TreeSet<>(catalogs.keySet());
    }

    /** The producer's catalogue of {@code topic}, empty for a topic this group does not read. */
    public Optional<EventCatalog> catalogOf(String topic) {
        return Optional.ofNullable(catalogs.get(topic));
    }

    Mono<Void> dispatch(List<IncomingEvent> events) {
        if (handler == null) {
            throw new IllegalStateException("batch group " + groupId + " has no handler");
        }
        return events.isEmpty() ? Mono.empty() : handler.handle(events);
    }

    /** What a batch group does with the readable events of one poll, in partition order; completes when they are stored. */
    @FunctionalInterface
    public interface BatchHandler {

        Mono<Void> handle(List<IncomingEvent> events);
    }
}
