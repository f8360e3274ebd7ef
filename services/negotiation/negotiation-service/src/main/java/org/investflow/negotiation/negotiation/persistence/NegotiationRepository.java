package org.investflow.negotiation.negotiation.persistence;

import java.time.Instant;
import java.util.Collection;

import org.investflow.negotiation.negotiation.Negotiation;
import org.investflow.negotiation.negotiation.NegotiationStatus;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Negotiations by case id; the document also carries their outbox and inbox. The pending-approval queries
 * read the embedded {@code approvals} and {@code activity} parts, so they name their fields explicitly.
 */
public interface NegotiationRepository extends ReactiveMongoRepository<Negotiation, String> {

    /** Negotiations in these states whose last activity lies before {@code cutoff}: candidates for the inactivity failure. */
    @Query("{ 'status': { $in: ?0 }, 'activity.lastAt': { $lt: ?1 } }")
    Flux<Negotiation> findByStatusInAndLastActivityAtBefore(Collection<NegotiationStatus> statuses, Instant cutoff);

    /** Negotiations with a version waiting for approval since before {@code cutoff} and not yet escalated. */
    @Query("{ 'approvals.pendingSince': { $lt: ?0 }, 'approvals.escalated': false }")
    Flux<Negotiation> findByPendingApprovalSinceBeforeAndPendingApprovalEscalatedFalse(Instant cutoff);

    /** Every negotiation with a version waiting for approval, longest waiting first. */
    @Query(value = "{ 'approvals.pendingSince': { $ne: null } }", sort = "{ 'approvals.pendingSince': 1 }")
    Flux<Negotiation> findByPendingApprovalSinceNotNullOrderByPendingApprovalSinceAsc();

    Mono<Long> countByStatusIn(Collection<NegotiationStatus> statuses);

    /** How many negotiations have a version waiting for approval. */
    @Query(value = "{ 'approvals.pendingSince': { $ne: null } }", count = true)
    Mono<Long> countByPendingApprovalSinceNotNull();
}
