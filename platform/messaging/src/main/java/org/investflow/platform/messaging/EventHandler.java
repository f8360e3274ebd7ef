package org.investflow.platform.messaging;

import reactor.core.publisher.Mono;

/**
 * What a service does with one type of incoming event: the typed record and its metadata in, a
 * {@code Mono} that completes when the change is stored out. The offset is committed after that.
 *
 * @param <T> the event's record type
 */
@FunctionalInterface
public interface EventHandler<T extends Record> {

    Mono<Void> handle(T event, EventMetadata metadata);
}
