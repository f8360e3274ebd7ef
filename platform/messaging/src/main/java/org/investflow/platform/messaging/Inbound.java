package org.investflow.platform.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.investflow.platform.events.EventCatalog;
import org.investflow.platform.events.EventType;
import reactor.core.publisher.Mono;

/**
 * What one consumer group of a service reacts to, per event type: declared as a bean, e.g.
 * {@code Inbound.group("negotiation", IntakeEvents.CATALOG).on(IntentionAccepted.class, negotiations::open)}.
 * The topics the group subscribes to are those of the catalogues whose types it registered; the
 * Kafka listeners are created from that (see {@link InboundListeners}). A type nobody registered is
 * acknowledged and skipped.
 */
public final class Inbound {

    private final String groupId;
    private final List<EventCatalog> catalogs;
    private final Map<Class<?>, EventHandler<Record>> handlers = new LinkedHashMap<>();
    private final Map<String, EventCatalog> consumed = new LinkedHashMap<>();

    private Inbound(String groupId, List<EventCatalog> catalogs) {
        this.groupId = groupId;
        this.catalogs = catalogs;
    }

    /** A consumer group {@code groupId} reading events of {@code catalogs} (the producers' contracts). */
    public static Inbound group(String groupId, EventCatalog... catalogs) {
        return new Inbound(groupId, List.of(catalogs));
    }

    /** Hands every event of {@code type} to {@code handler}; the type's catalogue decides the topic. */
    @SuppressWarnings("unchecked")
    public <T extends Record> Inbound on(Class<T> type, EventHandler<? super T> handler) {
        EventCatalog catalog = catalogs.stream().filter(candidate -> candidate.forRecord(type).isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " is in none of the catalogues of group " + groupId));
        if (handlers.putIfAbsent(type, (event, metadata) -> ((EventHandler<T>) handler).handle((T) event, metadata)) != null) {
            throw new IllegalArgumentException(type + " has a handler in group " + groupId + " already");
        }
        consumed.put(catalog.topic(), catalog);
        return this;
    }

    /** Hands every event type of {@code catalog} to {@code handler} (a read model that follows a whole topic). */
    public Inbound onEvery(EventCatalog catalog, EventHandler<Record> handler) {
        for (EventType<?> type : catalog.types()) {
            on(type.recordClass(), handler);
        }
        return this;
    }

    public String groupId() {
        return groupId;
    }

    /** The topics this group subscribes to, derived from the registered types. */
    public Set<String> topics() {
        return new TreeSet<>(consumed.keySet());
    }

    /** The producer's catalogue of {@code topic}, empty for a topic this group does not read. */
    public Optional<EventCatalog> catalogOf(String topic) {
        return Optional.ofNullable(consumed.get(topic));
    }

    /** Hands {@code event} to the handler of its type; completes empty for a type without one. */
    Mono<Void> dispatch(IncomingEvent event) {
        EventHandler<Record> handler = handlers.get(event.data().getClass());
        return handler == null ? Mono.empty() : handler.handle(event.data(), event.metadata());
    }
}
