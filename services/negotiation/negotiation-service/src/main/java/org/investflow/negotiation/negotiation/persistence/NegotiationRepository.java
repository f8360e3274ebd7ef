package org.investflow.negotiation.negotiation.persistence;

import org.investflow.negotiation.negotiation.Negotiation;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

/** Negotiations by case id; the document also carries their outbox and inbox. */
public interface NegotiationRepository extends ReactiveMongoRepository<Negotiation, String> {
}
