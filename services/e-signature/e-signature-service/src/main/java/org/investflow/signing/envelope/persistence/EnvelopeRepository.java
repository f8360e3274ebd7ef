package org.investflow.signing.envelope.persistence;

import org.investflow.signing.envelope.Envelope;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

/** Envelopes by id, by case (the latest one) and by the agreement they were drafted from. */
public interface EnvelopeRepository extends ReactiveMongoRepository<Envelope, String> {

    Mono<Envelope> findFirstByCaseIdOrderBySentAtDesc(String caseId);

    Mono<Boolean> existsByCaseIdAndAgreementId(String caseId, String agreementId);
}
