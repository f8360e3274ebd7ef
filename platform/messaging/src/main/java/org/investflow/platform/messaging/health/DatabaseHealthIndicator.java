package org.investflow.platform.messaging.health;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * UP while the service's database answers {@code ping} within the timeout, DOWN otherwise. Boot's own
 * MongoDB indicator asks {@code hello}, which the MongoDB-wire server of the local stack and the tests
 * does not know; {@code ping} works there and on a real MongoDB alike.
 */
public class DatabaseHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    public DatabaseHealthIndicator(ReactiveMongoTemplate mongo, Duration timeout) {
        super("MongoDB unreachable");
        this.mongo = mongo;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .map(answer -> builder.up().build())
                .timeout(timeout);
    }
}
