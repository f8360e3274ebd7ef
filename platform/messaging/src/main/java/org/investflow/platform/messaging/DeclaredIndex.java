package org.investflow.platform.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Mono;

/**
 * An index a component declares on the collections it works on, at its first use of each: created once, and again at
 * the next use if creating it failed. Its uses never fail for want of it (they stay correct, only slower), so a
 * failure is logged and the use goes on.
 */
public final class DeclaredIndex {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredIndex.class);
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final ReactiveMongoTemplate mongo;
    private final Index index;
    private final Map<String, Mono<Void>> declared = new ConcurrentHashMap<>();

    public DeclaredIndex(ReactiveMongoTemplate mongo, Index index) {
        this.mongo = mongo;
        this.index = index;
    }

    /** Completes once the index exists on {@code collection} (created by the first call), or creating it failed. */
    public Mono<Void> on(String collection) {
        return declared.computeIfAbsent(collection, name -> once(Mono.defer(() -> mongo.indexOps(name).createIndex(index))))
                .onErrorResume(failed -> {
                    LOG.warn("no index {} on {} yet: {}", index.getIndexOptions().get("name"), collection, failed.toString());
                    return Mono.empty();
                });
    }

    /** {@code creation}, run at the first subscription, its success kept for good, a failure tried again at the next one. */
    static Mono<Void> once(Mono<String> creation) {
        return creation.then().cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER);
    }
}
