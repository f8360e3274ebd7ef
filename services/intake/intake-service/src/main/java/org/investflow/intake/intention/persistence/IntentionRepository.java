package org.investflow.intake.intention.persistence;

import org.investflow.intake.intention.Intention;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

/** Intentions by case id, and by the investor's idempotency key. */
public interface IntentionRepository extends ReactiveMongoRepository<Intention, String> {

    Mono<Intention> findByInvestorIdAndIdempotencyKey(String investorId, String idempotencyKey);
}
