package org.investflow.signing.envelope.persistence;

import java.time.Instant;

import org.investflow.signing.envelope.Envelope;
import org.investflow.signing.envelope.EnvelopeStatus;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Envelopes by id, by the agreement they were drafted from, by when they need the watch or their seal, and with mails
 * to deliver. By case and by signing link they are found through {@link EnvelopeKeys}, never by a scan; the latest of
 * a case by query is for tests and operators.
 */
public interface EnvelopeRepository extends ReactiveMongoRepository<Envelope, String> {

    Mono<Envelope> findFirstByCaseIdOrderBySentAtDesc(String caseId);

    Mono<Boolean> existsByCaseIdAndAgreementId(String caseId, String agreementId);

    Flux<Envelope> findByWatchAtLessThanEqual(Instant now);

    Flux<Envelope> findBySealDueAtLessThanEqual(Instant now);

    @Query("{ 'mails.pending.0': { $exists: true } }")
    Flux<Envelope> findByMailsNotNullAndMailsNotEmpty();

    Mono<Long> countByStatus(EnvelopeStatus status);
}
