package org.investflow.signing.envelope.persistence;

import java.time.Instant;
import java.util.Collection;

import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeStatus;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Envelopes by id, by case (the latest one, the open ones), by the agreement they were drafted
 * from, by a signing link's token hash, by when they need the watch or their seal, and with mails to deliver.
 */
public interface EnvelopeRepository extends ReactiveMongoRepository<Envelope, String> {

    Mono<Envelope> findFirstByCaseIdOrderBySentAtDesc(String caseId);

    Mono<Boolean> existsByCaseIdAndAgreementId(String caseId, String agreementId);

    Flux<Envelope> findByCaseIdAndStatusIn(String caseId, Collection<EnvelopeStatus> statuses);

    @Query("{ 'links.issued.tokenHash': ?0 }")
    Mono<Envelope> findFirstByLinksTokenHash(String tokenHash);

    Flux<Envelope> findByWatchAtLessThanEqual(Instant now);

    Flux<Envelope> findBySealDueAtLessThanEqual(Instant now);

    @Query("{ 'mails.pending.0': { $exists: true } }")
    Flux<Envelope> findByMailsNotNullAndMailsNotEmpty();

    Mono<Long> countByStatus(EnvelopeStatus status);
}
