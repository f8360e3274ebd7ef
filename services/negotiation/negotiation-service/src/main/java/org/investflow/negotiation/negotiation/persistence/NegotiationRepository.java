package org.investflow.negotiation.negotiation.persistence;

import java.time.Instant;
import java.util.Collection;

import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.NegotiationStatus;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Negotiations by case id; the document also carries their outbox and inbox. */
public interface NegotiationRepository extends ReactiveMongoRepository<Negotiation, String> {

    /** Negotiations in these states whose last activity lies before {@code cutoff}: candidates for the inactivity failure. */
    Flux<Negotiation> findByStatusInAndLastActivityAtBefore(Collection<NegotiationStatus> statuses, Instant cutoff);

    /** Negotiations with a version waiting for approval since before {@code cutoff} and not yet escalated. */
    Flux<Negotiation> findByPendingApprovalSinceBeforeAndPendingApprovalEscalatedFalse(Instant cutoff);

    /** Every negotiation with a version waiting for approval, longest waiting first. */
    Flux<Negotiation> findByPendingApprovalSinceNotNullOrderByPendingApprovalSinceAsc();

    Mono<Long> countByStatusIn(Collection<NegotiationStatus> statuses);

    Mono<Long> countByPendingApprovalSinceNotNull();
}
